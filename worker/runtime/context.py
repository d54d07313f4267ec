"""What one worker process opens once and every chart task shares."""

from __future__ import annotations

import asyncio
import os
import socket
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import uuid4

import structlog
from arq.connections import ArqRedis
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from shared.db.engine import create_engine, session_factory
from shared.deferred import DeferredTasks
from shared.settings import Settings
from shared.stats.store import StatsStore
from shared.task_store import TaskStore
from worker.planner.llm.planner import LLMPlanner
from worker.planner.rules import RulePlanner
from worker.runtime.sql_writes import SqlWrites, database_away
from worker.semantic import SemanticModel, load_semantic_model
from worker.warehouse.model_facts import with_warehouse_facts
from worker.warehouse.sample import build_sample_warehouse, warehouse_engine

log = structlog.get_logger("chartq.worker")

# The first estimate of a task's duration, before this process has finished one.
INITIAL_EXPECTED_DURATION_S = 1.0
EWMA_WEIGHT = 0.2
# The longest wait between two tries at the warehouse's facts while it cannot be reached.
WAREHOUSE_RETRY_MAX_S = 5.0


def new_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid4().hex[:6]}"


@dataclass
class WorkerContext:
    settings: Settings
    store: TaskStore
    engine: AsyncEngine
    sessions: async_sessionmaker[Any]
    warehouse: AsyncEngine
    model: SemanticModel
    planner: RulePlanner
    stats: StatsStore
    deferred: DeferredTasks
    concurrency: int
    worker_id: str = field(default_factory=new_worker_id)
    host: str = field(default_factory=socket.gethostname)
    pid: int = field(default_factory=os.getpid)
    started_at: float = field(default_factory=time.time)
    expected_duration_s: float = INITIAL_EXPECTED_DURATION_S
    # Attempts running here, by task: two attempts of one task can overlap here when a stalled Redis
    # made the reaper hand a live task back, and the first to end must not hide the other from the
    # heartbeat (the reaper would take it for an orphan too, and again, until its attempts ran out).
    running_ids: Counter[str] = field(default_factory=Counter)
    completed: int = 0
    failed: int = 0
    # Set when CHARTQ_LLM_BASE_URL is: one HTTP connection pool per process, shared by its tasks.
    llm_planner: LLMPlanner | None = None
    # This process's SQL writes (chart rows, run records), by one writer and group commit.
    sql_writes: SqlWrites = field(init=False)

    def __post_init__(self) -> None:
        self.sql_writes = SqlWrites(self.sessions, self.store.redis, self.settings.queue_name)

    @classmethod
    async def open(cls, settings: Settings, redis: ArqRedis, concurrency: int) -> WorkerContext:
        ensure_sample_warehouse(settings)
        warehouse = warehouse_engine(settings.warehouse_url)
        model = await warehouse_facts(load_semantic_model(settings.semantic_model_path), warehouse)
        engine = create_engine(settings.database_url)
        planner = RulePlanner(model)
        llm_planner = LLMPlanner.from_settings(settings, model, planner) if settings.llm_base_url else None
        return cls(
            settings=settings,
            store=TaskStore(redis, settings),
            engine=engine,
            sessions=session_factory(engine),
            warehouse=warehouse,
            model=model,
            planner=planner,
            stats=StatsStore(redis, settings.queue_name),
            deferred=DeferredTasks(redis, settings.queue_name),
            concurrency=concurrency,
            llm_planner=llm_planner,
        )

    @property
    def running(self) -> int:
        return self.running_ids.total()

    def attempt_started(self, task_id: str) -> None:
        self.running_ids[task_id] += 1

    def attempt_ended(self, task_id: str) -> None:
        self.running_ids[task_id] -= 1
        if self.running_ids[task_id] <= 0:
            del self.running_ids[task_id]

    def observe_duration(self, seconds: float) -> None:
        self.expected_duration_s += EWMA_WEIGHT * (seconds - self.expected_duration_s)

    async def close(self) -> None:
        await self.sql_writes.close()
        if self.llm_planner is not None:
            await self.llm_planner.aclose()
        await self.engine.dispose()
        await self.warehouse.dispose()


def ensure_sample_warehouse(settings: Settings) -> None:
    """Builds the sample warehouse on first use when chartq points at its own default SQLite file."""
    url = make_url(settings.warehouse_url)
    if url.get_backend_name() == "sqlite" and settings.semantic_model_path is None and url.database:
        build_sample_warehouse(Path(url.database))


async def warehouse_facts(model: SemanticModel, warehouse: AsyncEngine) -> SemanticModel:
    """`model` with the warehouse's facts, waiting while the warehouse cannot be reached: a worker started
    before its database (or during its restart) waits for it, as for Redis, instead of exiting."""
    delay = 0.5
    while True:
        try:
            return await with_warehouse_facts(model, warehouse)
        except Exception as exc:
            if not database_away(exc):
                raise
            log.warning("the warehouse cannot be reached; waiting for it", error=repr(exc), retry_in_s=delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, WAREHOUSE_RETRY_MAX_S)
