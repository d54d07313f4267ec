"""A chart to schedule and scheduler loops on a clock of the test's choosing, for the schedule tests:
an in-process API and worker on a queue of their own, a warehouse of their own (a test may break it)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shared.db.engine import create_engine, session_factory
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_store import TaskStore
from tests.conftest import inprocess_api, inprocess_worker, new_message, wait_for_status
from tests.worker_fixtures import TASKS
from worker.runtime.scheduler import Scheduler
from worker.warehouse.sample import build_sample_warehouse

QUESTION = "average tip by day"


@pytest.fixture
def schedule_settings(isolated_settings: Settings, tmp_path: Path) -> Settings:
    path = tmp_path / "warehouse.db"
    build_sample_warehouse(path)
    return isolated_settings.model_copy(update={"warehouse_url": f"sqlite:///{path}"})


@dataclass
class Parts:
    store: TaskStore
    sessions: async_sessionmaker[AsyncSession]

    def scheduler(self, clock: Callable[[], datetime]) -> Scheduler:
        return Scheduler(self.store, self.sessions, clock=clock)


@pytest.fixture
async def parts(schedule_settings: Settings) -> AsyncIterator[Parts]:
    engine, redis = create_engine(schedule_settings.database_url), create_redis(schedule_settings.redis_url)
    yield Parts(TaskStore(redis, schedule_settings), session_factory(engine))
    await redis.aclose()
    await engine.dispose()


@asynccontextmanager
async def running_worker(settings: Settings) -> AsyncIterator[None]:
    """A real worker on the queue (its own scheduler runs too, on the real clock)."""
    worker = inprocess_worker(settings)
    running = asyncio.create_task(worker.async_run())
    try:
        yield
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        await worker.close()


@asynccontextmanager
async def api(settings: Settings, token: str) -> AsyncIterator[httpx.AsyncClient]:
    async with inprocess_api(settings, token) as http:
        yield http


async def make_chart(http: httpx.AsyncClient, visibility: str = "PRIVATE") -> dict[str, Any]:
    message = await new_message(http, QUESTION)
    task = (await http.post(TASKS, json={"message_id": message["id"], "visibility": visibility})).json()
    done = await wait_for_status(http, task["task_id"])
    assert done["status"] == "COMPLETED", done
    return dict((await http.get(f"/api/v1/charts/{done['chart_id']}")).json())


async def refresh_tasks(http: httpx.AsyncClient, chart: dict[str, Any]) -> list[str]:
    """The tasks of the chart's message other than the one that made it: its refresh runs."""
    listing = (await http.get(f"/api/v1/analytics/charts/by-message/{chart['message_id']}")).json()
    active = [t["task_id"] for t in listing["active_tasks"]]
    versions = (await http.get(f"/api/v1/charts/{chart['id']}/versions")).json()["versions"]
    done = [v["task_id"] for v in versions if v["task_id"] != chart["task_id"]]
    return sorted(set(active) | set(done))


def frozen(at: datetime) -> Callable[[], datetime]:
    return lambda: at
