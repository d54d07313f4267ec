"""What every figure shares: sizes, the stack (Redis, SQL, warehouse, processes), statistics, result rows.

The stack follows tests/conftest.py (a redis-server on a free port, a migrated SQLite database and the
sample warehouse under a temporary folder, API and worker processes started with `python -m shared`),
copied here because the suite must not import the tests.
"""

from __future__ import annotations

import asyncio
import math
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from uuid import uuid4

import httpx
import sqlalchemy as sa
from arq.connections import ArqRedis

from shared import keys
from shared.auth import create_token
from shared.db.engine import create_engine, upgrade
from shared.db.tables import ChatSession, Message
from shared.job import ChartJob
from shared.models import Priority, TaskDTO
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import accepted
from shared.task_store import TaskStore
from shared.worker_registry import live_workers
from worker.cli.embedded_redis import EmbeddedRedis, free_port
from worker.warehouse.sample import build_sample_warehouse

ROOT = Path(__file__).resolve().parent.parent
PROCESS_START_TIMEOUT_S = 60.0
# The trivial-but-real question used where a figure wants a "no-op" chart task: one GROUP BY over the
# 244-row tips table, a 4-bar figure, one chart row.
NOOP_QUESTION = "average tip by day"
# Real sample-warehouse questions for the end-to-end figure (each makes a chart on the sample data).
REAL_QUESTIONS = (
    "life expectancy in Mexico and Canada since 1980",
    "gdp per capita of Brazil and Argentina since 1970",
    "average tip by day",
    "population by continent",
    "gold medals by nation",
    "wind frequency by direction",
    "apple vs google stock price",
    "sepal length vs petal length by species",
    "histogram of total bill",
    "top 5 countries by gdp per capita",
)
TERMINAL = ("COMPLETED", "FAILED", "CANCELLED")


@dataclass(frozen=True)
class Sizes:
    """How many samples each figure takes; `quick` is a smoke run that only proves the suite works."""

    pickup_chartq: int = 300
    pickup_arq_tuned: int = 300
    pickup_arq_default: int = 50
    drain_tasks: int = 1000
    drain_repeats: int = 3
    http_seconds: float = 5.0
    http_messages: int = 15_000
    http_clients: int = 32
    event_counts: tuple[int, ...] = (1, 100, 1000)
    # Events published per subscriber count (more for small counts, where each event is one sample).
    event_publishes: tuple[int, ...] = (300, 200, 200)
    # The usual case: subscribers each following its own task, and rounds of steps among those tasks.
    own_task_subscribers: int = 1000
    own_task_rounds: int = 200
    raw_pubsub_samples: int = 500
    e2e_samples: int = 100
    e2e_throughput_tasks: int = 300
    recovery_rounds: int = 3
    recovery_tasks: int = 4
    memory_subscribers: int = 1000
    stats_samples: int = 300
    stats_queued: int = 100_000
    tracing_tasks: int = 20_000
    tracing_pings: int = 2_000
    overhead_tasks: int = 400
    overhead_repeats: int = 3

    @classmethod
    def quick(cls) -> Sizes:
        return cls(
            pickup_chartq=5,
            pickup_arq_tuned=5,
            pickup_arq_default=3,
            drain_tasks=20,
            drain_repeats=1,
            http_seconds=0.5,
            http_messages=600,
            http_clients=8,
            event_counts=(1, 10),
            event_publishes=(5, 5),
            own_task_subscribers=20,
            own_task_rounds=3,
            raw_pubsub_samples=10,
            e2e_samples=3,
            e2e_throughput_tasks=8,
            recovery_rounds=1,
            recovery_tasks=2,
            memory_subscribers=10,
            stats_samples=10,
            stats_queued=2_000,
            tracing_tasks=500,
            tracing_pings=50,
            overhead_tasks=20,
            overhead_repeats=1,
        )


# -- statistics -------------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between the nearest ranks; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    low = math.floor(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def summary(values: Sequence[float]) -> dict[str, float]:
    """n, p50, p90, p99, mean, min and max of a sample (in the sample's unit)."""
    if not values:
        return {"n": 0, "p50": math.nan, "p90": math.nan, "p99": math.nan, "mean": math.nan}
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p90": percentile(values, 90),
        "p99": percentile(values, 99),
        "mean": sum(values) / len(values),
        "min": min(values),
        "max": max(values),
    }


def ms(seconds: Iterable[float]) -> list[float]:
    return [s * 1000 for s in seconds]


# -- result rows ------------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the results table: chartq's value, its baseline from the same run, and the target."""

    figure: str
    metric: str
    unit: str
    value: float
    baseline_name: str = ""
    baseline: float | None = None
    # "lower": smaller is better (latency, memory); "higher": larger is better (throughput).
    better: Literal["lower", "higher"] = "lower"
    target: str = ""
    # What the target is checked against: the value itself, or value / baseline.
    target_on: Literal["value", "ratio"] = "value"
    target_op: Literal["<=", ">=", ""] = ""
    target_value: float | None = None
    ratio: float | None = None
    met: bool | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.baseline is not None and self.baseline > 0 and math.isfinite(self.value):
            self.ratio = self.value / self.baseline
        if self.target_op and self.target_value is not None:
            subject = self.ratio if self.target_on == "ratio" else self.value
            if subject is None or not math.isfinite(subject):
                self.met = False
            elif self.target_op == "<=":
                self.met = subject <= self.target_value
            else:
                self.met = subject >= self.target_value

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FigureResult:
    figure: str
    title: str
    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None


# -- the stack ---------------------------------------------------------------------------------------


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
        engine = create_engine(self.database_url)
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


# -- chartq tasks and chat messages, written straight to their stores -------------------------------


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid4().hex[:10]}"


def bench_store(stack: Stack, queue: str) -> TaskStore:
    """A TaskStore on `queue` without the per-user cap (the bench creates many tasks for one user)."""
    return TaskStore(stack.r, stack.settings(queue_name=queue, max_active_tasks_per_user=0))


async def create_task(
    store: TaskStore, user: str, question: str, *, message_id: str | None = None, session_id: str = "bench"
) -> TaskDTO:
    """What POST .../charts/async does after its SQL checks: store, index, publish seq 1, enqueue."""
    dto = accepted(str(uuid4()), message_id or str(uuid4()), session_id, Priority.NORMAL)
    result = await store.create(dto, ChartJob.for_task(dto, user_id=user, question=question))
    if result.outcome != "created":
        raise RuntimeError(f"task not created: {result}")
    return dto


async def create_tasks(
    store: TaskStore, user: str, questions: Sequence[str], concurrency: int = 64
) -> list[str]:
    ids: list[str] = []
    for start in range(0, len(questions), concurrency):
        batch = questions[start : start + concurrency]
        dtos = await asyncio.gather(*(create_task(store, user, question) for question in batch))
        ids += [dto.task_id for dto in dtos]
    return ids


async def create_messages(stack: Stack, user: str, contents: Sequence[str]) -> list[str]:
    """Chat messages in one session of `user`, inserted in bulk (as POST /sessions/.../messages would)."""
    now = datetime.now(UTC)
    session_id = str(uuid4())
    rows: list[dict[str, Any]] = [
        {
            "id": str(uuid4()),
            "session_id": session_id,
            "user_id": user,
            "role": "user",
            "content": content,
            "message_index": i,
            "created_at": now,
        }
        for i, content in enumerate(contents)
    ]
    engine = create_engine(stack.database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                sa.insert(ChatSession).values(
                    id=session_id,
                    user_id=user,
                    org_id="",
                    title="bench",
                    message_count=len(rows),
                    created_at=now,
                    updated_at=now,
                )
            )
            for start in range(0, len(rows), 5000):
                await conn.execute(sa.insert(Message), rows[start : start + 5000])
    finally:
        await engine.dispose()
    return [str(row["id"]) for row in rows]


async def task_statuses(stack: Stack, task_ids: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for start in range(0, len(task_ids), 2000):
        async with stack.r.pipeline(transaction=False) as pipe:
            for task_id in task_ids[start : start + 2000]:
                pipe.hget(keys.task(task_id), "status")
            for raw in await pipe.execute():
                status = raw.decode() if raw else "MISSING"
                counts[status] = counts.get(status, 0) + 1
    return counts


def rss_kib(pid: int) -> int:
    """Resident set size of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def parse_time(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


def raise_fd_limit() -> None:
    """1,000 SSE plus 1,000 WebSocket clients need more than the usual 1,024 descriptors."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 16_384 if hard == resource.RLIM_INFINITY else min(hard, 16_384)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
