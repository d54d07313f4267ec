"""`chartq up` as a supervisor, started as a user starts it (embedded Redis, its own data dir and port):
a process that dies is restarted and the others keep serving, a crash loop is reported with the
process's last lines, and SIGTERM stops everything it started."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

import httpx
import sqlalchemy as sa

from shared.db.tables import Chart
from worker.cli.embedded_redis import free_port

T = TypeVar("T")

STARTUP_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 60.0
TASKS = "/api/v1/analytics/charts/async"
QUESTION = "life expectancy in Mexico and Canada since 1980"
TERMINAL = {"COMPLETED", "FAILED", "CANCELLED"}


def eventually(check: Callable[[], T], within: float, what: str, up: Up | None = None) -> T:
    """Polls `check` until it returns something true (a non-empty set, a pid, True)."""
    deadline = time.monotonic() + within
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            stderr = "".join(up.err[-40:]) if up is not None else ""
            raise AssertionError(f"{what}: not within {within:g} s\n{stderr}")
        time.sleep(0.05)


def processes_of(data_dir: Path) -> dict[int, tuple[int, str]]:
    """Every live process started with this CHARTQ_DATA_DIR (chartq up, its children, even orphans):
    pid -> (parent pid, role), the role being up, api, worker or redis. redis-server rewrites its
    environment to show its title (with the socket path in the data dir) in its command line."""
    marker = f"CHARTQ_DATA_DIR={data_dir}".encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            if (
                marker not in (entry / "environ").read_bytes().split(b"\0")
                and str(data_dir).encode() not in cmdline
            ):
                continue
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            argv = cmdline.decode(errors="replace").split("\0")
            role = "redis" if "redis-server" in argv[0] else argv[argv.index("worker.cli") + 1]
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile, not ours to read, or not chartq
        found[int(entry.name)] = (parent, role)
    return found


@dataclass
class Up:
    process: subprocess.Popen[str]
    data_dir: Path
    port: int
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    token: str = ""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self, timeout: float = 10) -> httpx.Client:
        return httpx.Client(
            base_url=self.base, headers={"Authorization": f"Bearer {self.token}"}, timeout=timeout
        )

    def children(self, role: str) -> set[int]:
        """The pids of chartq up's live children in this role."""
        return {
            pid
            for pid, (parent, found) in processes_of(self.data_dir).items()
            if parent == self.process.pid and found == role
        }

    def only(self, role: str) -> int:
        (pid,) = self.count(role, 1)
        return pid

    def count(self, role: str, n: int) -> set[int]:
        """Waits until chartq up runs `n` processes in this role; their pids."""

        def exactly_n() -> set[int]:
            pids = self.children(role)
            return pids if len(pids) == n else set()

        return eventually(exactly_n, 10, f"{n} {role} process(es)", self)

    def said(self, lines: list[str], text: str, within: float) -> str:
        """Waits for a line of its stdout or stderr (`lines`) holding `text`; fails at once if it exited."""

        def line() -> str | None:
            assert self.process.poll() is None, "chartq up exited:\n" + "".join(self.err[-40:])
            return next((line for line in list(lines) if text in line), None)

        return eventually(line, within, text, self)


def _read_lines(stream: IO[str], into: list[str]) -> None:
    for line in iter(stream.readline, ""):
        into.append(line)


@contextmanager
def chartq_up(tmp_path: Path, *args: str, **settings: str) -> Iterator[Up]:
    """`chartq up ARGS` with CHARTQ_<NAME>=value settings; yields once it printed its banner. Stops it,
    and kills whatever it may have left, even when the test fails."""
    data_dir, port = tmp_path / "data", free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHARTQ_")}
    env |= {
        "CHARTQ_DATA_DIR": str(data_dir),
        "CHARTQ_PORT": str(port),
        "CHARTQ_LOG_LEVEL": "WARNING",
        "CHARTQ_MAX_ACTIVE_TASKS_PER_USER": "1000",
        "CHARTQ_WORKER_DRAIN_SECONDS": "10",
    } | {f"CHARTQ_{name.upper()}": value for name, value in settings.items()}
    process = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "up", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    up = Up(process, data_dir, port)
    assert process.stdout is not None and process.stderr is not None
    readers = [
        threading.Thread(target=_read_lines, args=(process.stdout, up.out), daemon=True),
        threading.Thread(target=_read_lines, args=(process.stderr, up.err), daemon=True),
    ]
    for reader in readers:
        reader.start()
    try:
        up.said(up.out, "Press Ctrl-C", STARTUP_TIMEOUT_S)
        up.token = re.search(r"export CHARTQ_TOKEN=(\S+)", "".join(up.out)).group(1)  # type: ignore[union-attr]
        yield up
    finally:
        _stop(up)
        for reader in readers:
            reader.join(10)
        process.stdout.close()
        process.stderr.close()


def _stop(up: Up) -> None:
    if up.process.poll() is None:
        up.process.send_signal(signal.SIGTERM)
        try:
            up.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            up.process.kill()
            up.process.wait()
    for pid in processes_of(up.data_dir):
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def post_task(http: httpx.Client, session_id: str) -> str:
    message = http.post(f"/api/v1/sessions/{session_id}/messages", json={"content": QUESTION})
    assert message.status_code == 201, message.text
    task = http.post(TASKS, json={"message_id": message.json()["id"]})
    assert task.status_code == 202, task.text
    return str(task.json()["task_id"])


def new_session(http: httpx.Client) -> str:
    return str(http.post("/api/v1/sessions", json={"title": "supervisor"}).raise_for_status().json()["id"])


def status(http: httpx.Client, task_id: str) -> str:
    return str(http.get(f"{TASKS}/{task_id}/status").raise_for_status().json()["status"])


def wait_all_terminal(http: httpx.Client, task_ids: list[str], within: float) -> dict[str, str]:
    finals: dict[str, str] = {}

    def check() -> bool:
        for task_id in set(task_ids) - set(finals):
            if (current := status(http, task_id)) in TERMINAL:
                finals[task_id] = current
        return len(finals) == len(task_ids)

    eventually(check, within, f"{len(task_ids) - len(finals)} tasks ending")
    return finals


def charts_per_task(data_dir: Path, task_ids: list[str]) -> dict[str, int]:
    engine = sa.create_engine(f"sqlite:///{data_dir / 'chartq.db'}")
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(Chart.task_id, sa.func.count())
                .where(Chart.task_id.in_(task_ids))
                .group_by(Chart.task_id)
            )
            return {task_id: n for task_id, n in rows}
    finally:
        engine.dispose()


def sse_events(response: httpx.Response) -> Iterator[dict[str, Any]]:
    data: dict[str, Any] | None = None
    for line in response.iter_lines():
        if line.startswith("data:"):
            data = json.loads(line.removeprefix("data:"))
        elif not line and data is not None:
            yield data
            data = None


def test_up_help_offers_several_api_processes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "worker.cli", "up", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "--api-workers" in result.stdout


def test_a_killed_worker_is_replaced_and_every_task_in_flight_charts_once(tmp_path: Path) -> None:
    with chartq_up(tmp_path, "--workers", "2", step_delay_seconds="0.05") as up, up.client() as http:
        workers = up.count("worker", 2)
        session_id = new_session(http)
        with ThreadPoolExecutor(max_workers=6) as pool:
            posting = [pool.submit(post_task, http, session_id) for _ in range(200)]

            def busy_worker() -> int | None:
                live = http.get("/api/v1/analytics/queue/stats").raise_for_status().json()["workers"]
                return next((w["pid"] for w in live if w["pid"] in workers and w["running"] > 0), None)

            victim = eventually(busy_worker, 60, "a worker running tasks", up)
            os.kill(victim, signal.SIGKILL)
            assert http.get("/health").status_code == 200
            replacement = eventually(lambda: up.children("worker") - workers, 20, "a new worker", up)
            task_ids = [future.result() for future in posting]  # every POST answered 202, kill or not
        assert len(replacement) == 1 and victim not in up.children("worker")
        finals = wait_all_terminal(http, task_ids, within=240)
        assert set(finals.values()) == {"COMPLETED"}
    assert charts_per_task(up.data_dir, task_ids) == dict.fromkeys(task_ids, 1)


def test_a_killed_api_comes_back_and_a_stream_resumes_after_its_last_event(tmp_path: Path) -> None:
    with chartq_up(tmp_path, "--workers", "1", step_delay_seconds="1") as up, up.client(30) as http:
        task_id = post_task(http, new_session(http))
        stream = f"/api/v1/analytics/charts/stream/{task_id}"
        api = up.only("api")
        seen: list[dict[str, Any]] = []
        try:
            with http.stream("GET", stream) as response:
                for event in sse_events(response):
                    seen.append(event)
                    if len(seen) == 2:
                        os.kill(api, signal.SIGKILL)
        except httpx.HTTPError:
            pass  # the connection died with the API
        assert seen and seen[-1]["data"]["status"] not in TERMINAL

        back = eventually(lambda: up.children("api") - {api}, 20, "a new API process", up)
        assert len(back) == 1
        eventually(lambda: _answers(http, "/health"), 60, "the API answering again", up)
        last = seen[-1]["seq"]
        with http.stream("GET", stream, headers={"Last-Event-ID": str(last)}) as response:
            assert response.status_code == 200
            resumed = list(sse_events(response))
    seqs = [event["seq"] for event in resumed]
    assert seqs == list(range(last + 1, last + 1 + len(seqs))) and seqs, seqs
    assert resumed[-1]["data"]["status"] == "COMPLETED"


def _answers(http: httpx.Client, path: str) -> bool:
    try:
        return http.get(path).status_code == 200
    except httpx.HTTPError:
        return False


def test_a_worker_that_crashes_at_start_is_reported_and_the_api_keeps_serving(tmp_path: Path) -> None:
    missing = tmp_path / "missing-model.yaml"  # a typo in the model path: only the workers read it
    with chartq_up(tmp_path, "--workers", "1", semantic_model_path=str(missing)) as up, up.client() as http:
        api = up.only("api")
        report = up.err.index(up.said(up.err, "worker-1 is crash-looping", within=60))
        # Its last lines follow the report: they say why it dies.
        eventually(lambda: "missing-model.yaml" in "".join(up.err[report:]), 5, "its last lines", up)
        assert http.get("/health").status_code == 200
        assert http.get("/ready").status_code == 200
        assert http.post("/api/v1/sessions", json={"title": "still serving"}).status_code == 201
        assert up.children("api") == {api} and up.process.poll() is None


def test_a_killed_redis_comes_back_on_its_data_with_the_tasks_accepted_before(tmp_path: Path) -> None:
    with (
        chartq_up(tmp_path, "--workers", "1", step_delay_seconds="0.3", worker_concurrency="1") as up,
        up.client() as http,
    ):
        session_id = new_session(http)
        task_ids = [post_task(http, session_id) for _ in range(3)]  # one runs, two wait in the queue
        eventually(lambda: status(http, task_ids[0]) == "PROCESSING", 30, "the first task running", up)
        redis = up.only("redis")
        os.kill(redis, signal.SIGKILL)

        answers: list[int] = []

        def ready() -> bool:
            answers.append(http.get("/ready").status_code)
            return answers[-1] == 200 and bool(up.children("redis") - {redis})

        eventually(ready, 30, "Redis back", up)
        assert set(answers) <= {200, 503}, answers  # meanwhile: 503 + Retry-After, never an error
        finals = wait_all_terminal(http, task_ids, within=120)
        assert set(finals.values()) == {"COMPLETED"}
    assert charts_per_task(up.data_dir, task_ids) == dict.fromkeys(task_ids, 1)


def listens(pid: int, port: int) -> bool:
    """Whether process `pid` holds a socket listening on `port` (from /proc: its fds and the TCP table)."""
    listening = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with suppress(OSError), open(table) as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                    listening.add(fields[9])
    with suppress(OSError):
        for fd in os.listdir(f"/proc/{pid}/fd"):
            with suppress(OSError):
                if os.readlink(f"/proc/{pid}/fd/{fd}").removeprefix("socket:[").rstrip("]") in listening:
                    return True
    return False


def test_several_api_processes_share_the_port_and_one_dying_goes_unnoticed(tmp_path: Path) -> None:
    with chartq_up(tmp_path, "--workers", "1", "--api-workers", "2") as up:
        apis = up.count("api", 2)
        # Both serve before one dies (a process still starting on a loaded machine does not yet listen).
        eventually(lambda: all(listens(pid, up.port) for pid in apis), 60, "both APIs listening", up)
        victim = min(apis)
        os.kill(victim, signal.SIGKILL)
        eventually(lambda: victim not in processes_of(up.data_dir), 10, "the API gone", up)
        for _ in range(20):  # a new connection each time: the other process answers them all
            assert httpx.get(f"{up.base}/health", timeout=5).status_code == 200
        replacement = eventually(lambda: up.children("api") - apis, 20, "a new API process", up)
        assert len(replacement) == 1 and len(up.children("api")) == 2


def test_sigterm_stops_every_process_after_the_workers_finish_their_tasks(tmp_path: Path) -> None:
    with chartq_up(tmp_path, "--workers", "1", step_delay_seconds="0.5") as up, up.client() as http:
        task_id = post_task(http, new_session(http))
        eventually(lambda: status(http, task_id) == "PROCESSING", 30, "the task running", up)
        assert {role for _, role in processes_of(up.data_dir).values()} == {"up", "api", "worker", "redis"}

        up.process.send_signal(signal.SIGTERM)
        assert up.process.wait(timeout=STOP_TIMEOUT_S) == 0
        assert processes_of(up.data_dir) == {}
        assert not (up.data_dir / "redis" / "redis.sock").exists()
    # The worker drained while Redis was still up: the running task made its chart.
    assert charts_per_task(up.data_dir, [task_id]) == {task_id: 1}
