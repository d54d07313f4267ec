"""`chartq up` (what `make run` runs) on embedded defaults: the printed curl makes a chart; Ctrl-C
stops every process it started."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.worker.cli.test_supervisor import processes_of
from worker.cli.embedded_redis import free_port

STARTUP_TIMEOUT_S = 90


def read_until(process: subprocess.Popen[str], marker: str) -> str:
    assert process.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        seen.append(line)
        if marker in line:
            return "".join(seen)
    raise AssertionError("chartq up did not finish starting:\n" + "".join(seen))


def test_up_serves_the_api_and_the_printed_curl_makes_a_chart(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHARTQ_")}
    env |= {
        "CHARTQ_DATA_DIR": str(tmp_path / "data"),
        "CHARTQ_PORT": str(port),
        "CHARTQ_LOG_LEVEL": "WARNING",
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
        assert f"http://127.0.0.1:{port}/" in banner
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
        assert task["status"] in {"PENDING", "PROCESSING", "COMPLETED"}, posted.stdout

        headers = {"Authorization": f"Bearer {token}"}
        status_url = f"http://127.0.0.1:{port}/api/v1/analytics/charts/async/{task['task_id']}/status"
        deadline = time.monotonic() + 60
        while (status := httpx.get(status_url, headers=headers).json())["status"] not in {
            "COMPLETED",
            "FAILED",
        }:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert status["status"] == "COMPLETED", status
        assert (tmp_path / "data" / "redis" / "appendonlydir").is_dir()  # durable embedded Redis
    finally:
        # Only the launcher gets the signal: it must stop everything it started by itself.
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        assert process.stdout is not None
        process.stdout.close()
    assert processes_of(tmp_path / "data") == {}  # no child left behind
    assert not (tmp_path / "data" / "redis" / "redis.sock").exists()


def test_up_on_a_taken_port_says_so_in_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHARTQ_")}
        env |= {"CHARTQ_DATA_DIR": str(tmp_path / "data"), "CHARTQ_PORT": str(port)}
        done = subprocess.run(
            [sys.executable, "-m", "worker.cli", "up", "--workers", "1"],
            env=env,
            capture_output=True,
            text=True,
            timeout=STARTUP_TIMEOUT_S,
        )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"chartq: port {port} on 127.0.0.1 is in use: stop what holds it, or set CHARTQ_PORT"
    )
