"""The private chartq deployment a run measures: `Stack` starts a redis-server on a free port, a migrated
SQLite database and the sample warehouse under a work folder, and API and worker processes (optionally
recorded by py-spy) that it waits on and stops; with it, the process helpers the figures share (stopping
processes, a log's tail, a process's resident memory, the descriptor limit). It follows
tests/conftest.py, copied here because the suite must not import the tests.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from arq.connections import ArqRedis

from shared.auth import create_token
from shared.db.engine import create_engine, upgrade
from shared.redis import create_redis
from shared.settings import Settings
from shared.worker_registry import live_workers
from worker.cli.embedded_redis import EmbeddedRedis, free_port
from worker.warehouse.sample import build_sample_warehouse

ROOT = Path(__file__).resolve().parent.parent
PROCESS_START_TIMEOUT_S = 60.0


def _spawn(argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as handle:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            argv, env={**os.environ, **env}, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT
        )


def stop_processes(processes: Iterable[subprocess.Popen[bytes]], timeout: float = 15.0) -> None:
    processes = list(processes)
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def log_tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


@dataclass
class Api:
    url: str
    host: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path


class Stack:
    """A private chartq deployment under `workdir`: Redis, SQLite, the sample warehouse, processes."""

    def __init__(self, workdir: Path, profile_dir: Path | None = None) -> None:
        self.workdir = workdir
        # With a folder, every API and worker process is recorded by py-spy (see bench.profiles).
        self.profile_dir = profile_dir
        self.profilers: dict[int, tuple[subprocess.Popen[bytes], Path, float]] = {}
        self.jwt_secret = secrets.token_urlsafe(48)
        self.redis_server = EmbeddedRedis(workdir / "redis", port=free_port(), appendonly=False)
        self.database_url = f"sqlite+aiosqlite:///{workdir / 'chartq.db'}"
        self.warehouse = workdir / "warehouse.db"
        self.processes: list[subprocess.Popen[bytes]] = []
        self.env: dict[str, str] = {}
        self.redis: ArqRedis | None = None

    async def start(self) -> Stack:
        self.redis_server.start()
        engine = create_engine(self.database_url, statement_timeout_s=None)
        await upgrade(engine)
        await engine.dispose()
        build_sample_warehouse(self.warehouse)
        self.env = {
            "CHARTQ_ENV": "prod",
            "CHARTQ_REDIS_URL": self.redis_server.url,
            "CHARTQ_DATABASE_URL": self.database_url,
            "CHARTQ_WAREHOUSE_URL": f"sqlite:///{self.warehouse}",
            "CHARTQ_DATA_DIR": str(self.workdir),
            "CHARTQ_JWT_SECRET": self.jwt_secret,
            "CHARTQ_MAX_ACTIVE_TASKS_PER_USER": "1000000",
            # The bench is one user doing what thousands would: per-user limits would measure themselves.
            "CHARTQ_WRITES_PER_MINUTE": "100000000",
            "CHARTQ_MAX_STREAMS_PER_USER": "1000000",
            "CHARTQ_LOG_LEVEL": "WARNING",
        }
        self.redis = create_redis(self.redis_server.url)
        return self

    async def close(self) -> None:
        self.stop(*self.processes)
        if self.redis is not None:
            await self.redis.aclose()
        self.redis_server.stop()

    @property
    def r(self) -> ArqRedis:
        assert self.redis is not None, "Stack.start() first"
        return self.redis

    @property
    def redis_url(self) -> str:
        return self.redis_server.url

    def settings(self, **overrides: Any) -> Settings:
        """The settings of this stack as a process started with `extra_env` would see them."""
        values = {key.removeprefix("CHARTQ_").lower(): value for key, value in self.env.items()}
        return Settings(**(values | overrides))

    def token(self, user: str, roles: list[str] | None = None) -> str:
        return create_token(self.jwt_secret, user, roles=roles)

    def spawn(
        self, argv: list[str], name: str, extra_env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        process = _spawn(argv, self.env | (extra_env or {}), self.workdir / f"{name}.log")
        self.processes.append(process)
        return process

    def stop(self, *processes: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
        stop_processes(processes, timeout)
        for process in processes:
            if process in self.processes:
                self.processes.remove(process)
            recording = self.profilers.pop(process.pid, None)
            if recording is not None:  # py-spy writes its file when the process it watches has exited
                profiler, output, started = recording
                output.with_suffix(".seconds").write_text(f"{time.monotonic() - started:.3f}\n")
                try:
                    profiler.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    stop_processes([profiler])

    def profile(self, process: subprocess.Popen[bytes], name: str) -> None:
        if self.profile_dir is None:
            return
        from bench.profiles import attach

        self.profile_dir.mkdir(parents=True, exist_ok=True)
        output = self.profile_dir / f"{name}.txt"
        profiler = attach(process.pid, output)
        if profiler is not None:
            self.profilers[process.pid] = (profiler, output, time.monotonic())

    async def start_api(self, name: str, extra_env: dict[str, str] | None = None) -> Api:
        port = free_port()
        log = self.workdir / f"{name}.log"
        process = self.spawn(
            [sys.executable, "-m", "worker.cli", "api", "--port", str(port)], name, extra_env
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + PROCESS_START_TIMEOUT_S
        async with httpx.AsyncClient() as http:
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise RuntimeError(f"API {name} exited:\n{log_tail(log)}")
                try:
                    if (await http.get(f"{url}/ready", timeout=1)).status_code == 200:
                        self.profile(process, name)
                        return Api(url, "127.0.0.1", port, process, log)
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.1)
        self.stop(process)
        raise RuntimeError(f"API {name} did not start:\n{log_tail(log)}")

    async def start_workers(
        self, count: int, queue: str, name: str, extra_env: dict[str, str] | None = None
    ) -> list[subprocess.Popen[bytes]]:
        """`count` chart worker processes on `queue`, returned once each has registered."""
        env = {"CHARTQ_QUEUE_NAME": queue} | (extra_env or {})
        started = [
            self.spawn([sys.executable, "-m", "worker.cli", "worker"], f"{name}-{i}", env)
            for i in range(count)
        ]
        await self.wait_workers_registered(queue, started, name)
        for i, process in enumerate(started):
            self.profile(process, f"{name}-{i}")
        return started

    async def wait_workers_registered(
        self, queue: str, processes: list[subprocess.Popen[bytes]], name: str
    ) -> None:
        pids = {process.pid for process in processes}
        deadline = time.monotonic() + PROCESS_START_TIMEOUT_S
        while time.monotonic() < deadline:
            for i, process in enumerate(processes):
                if process.poll() is not None:
                    raise RuntimeError(f"worker exited:\n{log_tail(self.workdir / f'{name}-{i}.log')}")
            live = {info.pid for info in await live_workers(self.r, queue)}
            if pids <= live:
                return
            await asyncio.sleep(0.05)
        raise RuntimeError(f"workers {name} did not register on {queue}")

    def spawn_arq(self, queue: str, poll_delay: float, name: str) -> subprocess.Popen[bytes]:
        argv = [sys.executable, "-m", "bench.arq_worker", "--redis", self.redis_url, "--queue", queue]
        return self.spawn([*argv, "--poll-delay", str(poll_delay)], name)


def rss_kib(pid: int) -> int:
    """Resident set size of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def raise_fd_limit() -> None:
    """1,000 SSE plus 1,000 WebSocket clients need more than the usual 1,024 descriptors."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 16_384 if hard == resource.RLIM_INFINITY else min(hard, 16_384)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
