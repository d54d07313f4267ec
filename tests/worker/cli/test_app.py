"""The `chartq` command line as a user runs it: real subprocesses, real exit codes and output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from shared.auth import decode_token
from shared.stats.report import QueueStats
from tests.conftest import auth
from worker.cli.embedded_redis import free_port

QUESTION = "life expectancy in Japan since 1990"
PIPELINE_STEPS = ("planning", "data_extraction", "schema_creation", "persisting")


WIDTH_VARS = ("COLUMNS", "LINES")


def chartq(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    # As a user's pipe would: no CHARTQ_ settings of the suite, and no terminal width (a test may have
    # left COLUMNS behind), so tables are as wide as piped output gets.
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("CHARTQ_") and k not in WIDTH_VARS}
    full_env = inherited | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=60,
    )


def start_chartq(*args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHARTQ_")}
    return subprocess.Popen(
        [sys.executable, "-m", "worker.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def on(api: str, token: str) -> list[str]:
    return ["--api", api, "--token", token]


def one_line(text: str) -> bool:
    return text.endswith("\n") and text.count("\n") == 1


def test_token_prints_only_a_jwt_with_the_claims(tmp_path: Path) -> None:
    secret = "k" * 40
    result = chartq(
        "token",
        "--user",
        "ada",
        "--org",
        "acme",
        "--role",
        "operator",
        env={"CHARTQ_JWT_SECRET": secret, "CHARTQ_ENV": "prod"},
    )
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip()
    assert result.stdout == token + "\n" and token.count(".") == 2
    principal = decode_token(secret, token)
    assert (principal.user_id, principal.org, principal.is_operator) == ("ada", "acme", True)


def test_dev_tokens_use_the_secret_kept_in_the_data_dir(tmp_path: Path) -> None:
    env = {"CHARTQ_DATA_DIR": str(tmp_path)}
    first = chartq("token", "--user", "ada", env=env)
    assert "no dev secret" in first.stderr  # warns: a running API elsewhere won't accept this token
    assert "no dev secret" not in chartq("token", "--user", "ada", env=env).stderr
    token = first.stdout.strip()
    secret = (tmp_path / "dev-jwt-secret").read_text().strip()
    assert decode_token(secret, token).user_id == "ada"


@pytest.mark.parametrize(
    "command",
    [[], ["api"], ["worker"], ["up"], ["token"], ["db", "upgrade"], ["ask"], ["stats"], ["workers"]],
)
def test_every_command_has_help(command: list[str]) -> None:
    result = chartq(*command, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout


def test_failures_exit_non_zero_with_one_line(tmp_path: Path) -> None:
    weak = chartq("token", "--user", "ada", env={"CHARTQ_ENV": "prod", "CHARTQ_JWT_SECRET": "short"})
    assert weak.returncode != 0
    assert weak.stderr.strip().count("\n") == 0 and "CHARTQ_JWT_SECRET" in weak.stderr
    missing = chartq("token")
    assert missing.returncode != 0 and "--user" in missing.stderr


def test_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
    for _ in range(2):  # idempotent
        result = chartq("db", "upgrade", env={"CHARTQ_DATABASE_URL": url, "CHARTQ_DATA_DIR": str(tmp_path)})
        assert result.returncode == 0, result.stderr
    import sqlite3

    tables = {
        row[0]
        for row in sqlite3.connect(tmp_path / "fresh.db").execute(
            "select name from sqlite_master where type='table'"
        )
    }
    assert {"chat_sessions", "messages", "charts", "task_runs"} <= tables


def test_ask_watch_shows_progress_and_prints_the_chart(
    slow_stack: str, make_token: Callable[..., str]
) -> None:
    token = make_token()
    result = chartq("ask", QUESTION, "--watch", *on(slow_stack, token))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert sum(step in out for step in PIPELINE_STEPS) >= 3, out  # progress, step by step
    task_id = out.split("task", 1)[1].split()[0]
    status = httpx.get(f"{slow_stack}/api/v1/analytics/charts/async/{task_id}/status", headers=auth(token))
    chart = httpx.get(f"{slow_stack}/api/v1/charts/{status.json()['chart_id']}", headers=auth(token)).json()
    assert chart["title"] in out and chart["interpretation"] in out
    assert f"{slow_stack}/api/v1/charts/{chart['id']}" in out
    assert f"{slow_stack}/api/v1/analytics/charts/async/{task_id}/result" in out


def test_ask_watch_draws_a_progress_bar_on_a_terminal(
    slow_stack: str, make_token: Callable[..., str]
) -> None:
    terminal = {"TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1", "COLUMNS": "120"}
    result = chartq("ask", QUESTION, "--watch", *on(slow_stack, make_token()), env=terminal)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" in result.stdout and "100%" in result.stdout  # redrawn in place, ends full
    assert "schema_creation · Drawing the chart." in result.stdout  # the bar's description


def test_ask_watch_of_an_unchartable_question_fails_with_the_error_code(
    slow_stack: str, make_token: Callable[..., str]
) -> None:
    result = chartq("ask", "what is the weather tomorrow?", "--watch", *on(slow_stack, make_token()))
    assert result.returncode == 1
    assert one_line(result.stderr) and "unchartable" in result.stderr, result.stderr
    assert "life expectancy" in result.stderr.lower()  # the advice on what can be asked


def test_ask_watch_of_a_cancelled_task_exits_1(slow_stack: str, make_token: Callable[..., str]) -> None:
    token = make_token()
    process = start_chartq("ask", QUESTION, "--watch", *on(slow_stack, token))
    assert process.stdout is not None
    task_id = process.stdout.readline().split()[-1]
    cancel = httpx.delete(f"{slow_stack}/api/v1/analytics/charts/async/{task_id}", headers=auth(token))
    assert cancel.status_code == 200, cancel.text
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1 and one_line(stderr) and "cancelled" in stderr


def test_ctrl_c_stops_watching_but_not_the_task(slow_stack: str, make_token: Callable[..., str]) -> None:
    token = make_token()
    process = start_chartq("ask", QUESTION, "--watch", *on(slow_stack, token))
    assert process.stdout is not None
    task_id = process.stdout.readline().split()[-1]
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and stderr == f"chartq: stopped watching; task {task_id} goes on\n"
    status = httpx.get(f"{slow_stack}/api/v1/analytics/charts/async/{task_id}/status", headers=auth(token))
    assert status.json()["status"] != "CANCELLED"


def test_ask_without_watch_prints_the_task_id_and_status_url(
    slow_stack: str, make_token: Callable[..., str]
) -> None:
    token = make_token(roles=["operator"])
    result = chartq("ask", QUESTION, "--priority", "high", *on(slow_stack, token))
    assert result.returncode == 0, result.stderr
    task_id, status_url = result.stdout.split()
    task = httpx.get(status_url, headers=auth(token)).json()
    assert task["task_id"] == task_id and task["priority"] == "high"
    assert status_url == f"{slow_stack}/api/v1/analytics/charts/async/{task_id}/status"


def test_stats_json_is_the_queue_statistics(slow_stack: str, make_token: Callable[..., str]) -> None:
    result = chartq("stats", "--json", *on(slow_stack, make_token(roles=["operator"])))
    assert result.returncode == 0, result.stderr
    raw = json.loads(result.stdout)
    assert set(raw) == set(QueueStats.model_fields)
    QueueStats.model_validate(raw)


def test_stats_prints_a_readable_summary(slow_stack: str, make_token: Callable[..., str]) -> None:
    token = make_token(roles=["operator"])
    assert chartq("ask", QUESTION, "--watch", *on(slow_stack, token)).returncode == 0
    result = chartq("stats", *on(slow_stack, token))
    assert result.returncode == 0, result.stderr
    for label in ("queued", "deferred", "processing", "workers alive", "throughput", "estimated wait"):
        assert label in result.stdout
    for label in ("last 1 min", "last 5 min", "last 1 h", "end to end", "p95", "schema creation"):
        assert label in result.stdout


def test_stats_watch_refreshes_until_interrupted(slow_stack: str, make_token: Callable[..., str]) -> None:
    token = make_token(roles=["operator"])
    process = start_chartq("stats", "--watch", "--interval", "0.2", *on(slow_stack, token))
    # Interrupted once it is watching (a process still importing on a loaded machine is not yet).
    assert process.stdout is not None
    first = ""
    deadline = time.monotonic() + 60
    while "chartq queue at" not in first and time.monotonic() < deadline:
        first += process.stdout.readline()
    time.sleep(1)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert (first + stdout).count("chartq queue at") >= 2 and stderr == ""


def test_stats_needs_the_operator_role(slow_stack: str, make_token: Callable[..., str]) -> None:
    for command in ("stats", "workers"):
        result = chartq(command, *on(slow_stack, make_token()))
        assert result.returncode == 1 and one_line(result.stderr), result.stderr
        assert "operator role" in result.stderr and "403" in result.stderr


def test_workers_lists_the_live_workers(slow_stack: str, make_token: Callable[..., str]) -> None:
    token = make_token(roles=["operator"])
    deadline = time.monotonic() + 30
    while not (
        workers := httpx.get(f"{slow_stack}/api/v1/analytics/queue/stats", headers=auth(token)).json()[
            "workers"
        ]
    ):
        assert time.monotonic() < deadline, "the slow worker never registered"
        time.sleep(0.2)
    result = chartq("workers", *on(slow_stack, token))
    assert result.returncode == 0, result.stderr
    assert workers[0]["id"] in result.stdout and str(workers[0]["pid"]) in result.stdout
    assert "s ago" in result.stdout
    as_json = chartq("workers", "--json", *on(slow_stack, token))
    assert [w["id"] for w in json.loads(as_json.stdout)] == [w["id"] for w in workers]


def test_an_unreachable_api_is_one_line(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    for command in (["ask", QUESTION], ["stats"], ["workers"]):
        result = chartq(*command, *on(url, "token"))
        assert result.returncode == 1
        assert result.stderr == f"chartq: cannot reach the API at {url} (is `make run` running?)\n"


def test_a_bad_token_is_one_line(slow_stack: str) -> None:
    for command in (["ask", QUESTION, "--watch"], ["stats"]):
        result = chartq(*command, *on(slow_stack, "not-a-jwt"))
        assert result.returncode == 1 and one_line(result.stderr), result.stderr
        assert "invalid_token" in result.stderr and "401" in result.stderr


def test_dev_mode_mints_a_token_from_the_dev_secret(slow_stack: str, jwt_secret: str, tmp_path: Path) -> None:
    env = {"CHARTQ_API_URL": slow_stack, "CHARTQ_DATA_DIR": str(tmp_path)}
    missing = chartq("stats", "--json", env=env)
    assert missing.returncode == 1 and one_line(missing.stderr) and "no dev secret" in missing.stderr
    assert not (tmp_path / "dev-jwt-secret").exists()  # never made one that no API knows
    (tmp_path / "dev-jwt-secret").write_text(jwt_secret)  # as `make run` leaves it in .data
    result = chartq("stats", "--json", env=env)  # an operator token for user "cli"
    assert result.returncode == 0, result.stderr
    assert "queued" in json.loads(result.stdout)
    prod = chartq(
        "stats", env={"CHARTQ_API_URL": slow_stack, "CHARTQ_ENV": "prod", "CHARTQ_JWT_SECRET": jwt_secret}
    )
    assert prod.returncode == 1 and "CHARTQ_TOKEN" in prod.stderr
