"""`chartq up`, `api` and `worker` with CHARTQ_REDIS_URL=redis+sentinel://...: `up` starts no Redis of its
own, its API and worker reach the primary through the sentinels, and its banner hides the password; a
malformed URL stops each command at once with one line that does not repeat the password."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.sentinel_fixtures import SentinelDeployment, needs_sentinel
from tests.worker.cli.test_app import chartq, one_line
from tests.worker.cli.test_launcher import read_until
from tests.worker.cli.test_supervisor import processes_of
from worker.cli.embedded_redis import free_port

PASSWORD = "hunter2-sentinel"


@needs_sentinel
def test_up_reaches_redis_through_the_sentinels_and_starts_none(tmp_path: Path) -> None:
    with SentinelDeployment(tmp_path / "sentinel", password=PASSWORD) as deployment:
        run_up_and_make_a_chart(deployment, tmp_path)
    assert processes_of(tmp_path / "data") == {}


def run_up_and_make_a_chart(deployment: SentinelDeployment, tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHARTQ_")}
    env |= {
        "CHARTQ_DATA_DIR": str(tmp_path / "data"),
        "CHARTQ_PORT": str(port),
        "CHARTQ_LOG_LEVEL": "WARNING",
        "CHARTQ_REDIS_URL": deployment.url,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "up", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        banner = read_until(process, "Press Ctrl-C")
        assert "Redis redis+sentinel://:***@127.0.0.1:" in banner
        assert PASSWORD not in banner
        token = re.search(r"export CHARTQ_TOKEN=(\S+)", banner).group(1)  # type: ignore[union-attr]
        curl = banner[banner.index("curl -s -X POST") :].split("\nthen")[0]
        posted = subprocess.run(
            ["bash", "-c", curl],
            capture_output=True,
            text=True,
            timeout=30,
            env={**env, "CHARTQ_TOKEN": token},
        )
        task = json.loads(posted.stdout)
        status_url = f"http://127.0.0.1:{port}/api/v1/analytics/charts/async/{task['task_id']}/status"
        deadline = time.monotonic() + 60
        while (status := httpx.get(status_url, headers={"Authorization": f"Bearer {token}"}).json())[
            "status"
        ] not in {"COMPLETED", "FAILED"}:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert status["status"] == "COMPLETED", status
        assert not (tmp_path / "data" / "redis").exists(), "chartq up started a Redis of its own"
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        assert process.stdout is not None
        process.stdout.close()


@pytest.mark.parametrize("command", [["api"], ["worker"], ["up"]])
def test_a_malformed_sentinel_url_stops_the_command_at_once(command: list[str], tmp_path: Path) -> None:
    url = f"redis+sentinel://:{PASSWORD}@sentinel-0:26379,sentinel-1:x/mymaster"
    result = chartq(*command, env={"CHARTQ_DATA_DIR": str(tmp_path), "CHARTQ_REDIS_URL": url})
    assert result.returncode == 1
    assert one_line(result.stderr), result.stderr
    assert "CHARTQ_REDIS_URL is not a valid Redis Sentinel URL: the port of sentinel-1" in result.stderr
    assert PASSWORD not in result.stderr + result.stdout
