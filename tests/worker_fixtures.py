"""What the tests against real worker processes share: their environment, waiting for them to register,
posting chart tasks through the API, finding the worker running an attempt, counting the charts each
task stored, and checking that a task's event history never goes back in time."""

from __future__ import annotations

import asyncio
import itertools
import time
from datetime import datetime
from typing import Any

import httpx
import sqlalchemy as sa

from shared.db.engine import create_engine
from shared.db.tables import Chart
from shared.redis import create_redis, loads
from shared.settings import Settings
from shared.task_store import TaskStore
from shared.worker_registry import WorkerInfo, live_workers
from tests.conftest import TERMINAL, new_message

TASKS = "/api/v1/analytics/charts/async"
QUESTION = "life expectancy in Mexico and Canada since 1980"
# A stopped worker's task is handed back (or ended) within 15 s (docs/reliability.md), plus the time a
# fresh worker process takes to start on a busy machine.
SETTLE_S = 60


def worker_env(base_env: dict[str, str], settings: Settings, **extra: str) -> dict[str, str]:
    """The tests' environment for a worker process on `settings`' queue, plus CHARTQ_<NAME> overrides."""
    return (
        base_env
        | {"CHARTQ_QUEUE_NAME": settings.queue_name}
        | {f"CHARTQ_{k.upper()}": v for k, v in extra.items()}
    )


async def registered(settings: Settings, count: int) -> list[WorkerInfo]:
    """The live workers of `settings`' queue, once at least `count` have registered (30 s at most)."""
    redis = create_redis(settings.redis_url)
    try:
        for _ in range(300):
            workers = await live_workers(redis, settings.queue_name)
            if len(workers) >= count:
                return workers
            await asyncio.sleep(0.1)
        raise AssertionError(f"{count} workers did not register")
    finally:
        await redis.aclose()


async def post_tasks(http: httpx.AsyncClient, count: int, question: str = QUESTION) -> list[str]:
    """`count` chart tasks, each for a new message asking `question`; their ids."""
    task_ids = []
    for _ in range(count):
        message = await new_message(http, question)
        response = await http.post(TASKS, json={"message_id": message["id"]})
        assert response.status_code == 202, response.text
        task_ids.append(response.json()["task_id"])
    return task_ids


async def charts_per_task(database_url: str, task_ids: list[str]) -> dict[str, int]:
    """How many charts each task stored (a task that stored none is absent)."""
    engine = create_engine(database_url)
    async with engine.connect() as conn:
        rows = await conn.execute(
            sa.select(Chart.task_id, sa.func.count())
            .where(Chart.task_id.in_(task_ids))
            .group_by(Chart.task_id)
        )
        counts = {task_id: n for task_id, n in rows}
    await engine.dispose()
    return counts


async def holder_of_attempt(http: httpx.AsyncClient, task_id: str, attempt: int) -> str:
    """The id ("host:pid:suffix") of the worker running `attempt` of the task, once it runs it (an
    operator's client: it reads the queue's task view)."""
    deadline = time.monotonic() + SETTLE_S
    while time.monotonic() < deadline:
        view = (await http.get(f"/api/v1/analytics/queue/tasks/{task_id}")).json()
        task = view["task"]
        if (task["status"], task["attempt"]) == ("PROCESSING", attempt):
            return str(view["worker_id"])
        assert task["status"] in ("PENDING", "PROCESSING"), task
        await asyncio.sleep(0.05)
    raise AssertionError(f"attempt {attempt} of {task_id} never started")


async def event_history(settings: Settings, task_id: str) -> list[dict[str, Any]]:
    """What a client replaying the task's stream from the start (last_event_id=0) receives."""
    redis = create_redis(settings.redis_url)
    try:
        return [loads(env) for env in await TaskStore(redis, settings).history(task_id)]
    finally:
        await redis.aclose()


def assert_never_goes_back(events: list[dict[str, Any]]) -> None:
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs), seqs
    tasks = [e["data"] for e in events]
    summary = [(t["status"], t["attempt"], t["current_step"], t["progress"]) for t in tasks]
    ended = [i for i, t in enumerate(tasks) if t["status"] in TERMINAL]
    assert ended == [len(tasks) - 1], summary  # one terminal event, and nothing after it
    for before, after in itertools.pairwise(tasks):
        assert after["attempt"] >= before["attempt"], summary
        if after["attempt"] == before["attempt"]:
            assert after["progress"] >= before["progress"], summary
        if before["started_at"] and after["started_at"]:
            earlier, later = (datetime.fromisoformat(t["started_at"]) for t in (before, after))
            assert later >= earlier, summary
