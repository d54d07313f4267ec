"""Cancel and completion are one decision: a cancel that lands after the chart row is stored but before
the task is COMPLETED wins, and no chart is visible for the cancelled task. Either the chart exists and
the task is COMPLETED, or the task is CANCELLED and its chart is nowhere to be seen.

The cancel is placed deterministically: a listener on the worker's real database engine makes the
user's cancel (what DELETE .../charts/async/{id} writes to Redis) the moment the chart row is inserted,
after the worker's last look at the cancel flag. With `abort`, it also stops the job as arq's abort does
(cancelling the job's asyncio task), which lands while the chart row commits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest
import redis
import sqlalchemy as sa
from sqlalchemy.orm import Session

from shared import keys
from shared.db.engine import create_engine
from shared.db.tables import Chart, TaskRun
from shared.redis import create_redis
from shared.settings import Settings
from tests.conftest import inprocess_api, new_message
from worker.runtime.context import WorkerContext
from worker.task.run import run_chart

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"


def cancel_when_the_chart_is_inserted(
    sync_redis: redis.Redis, task_id: str, abort: bool, jobs: list[asyncio.Task[Any]]
) -> Callable[..., None]:
    """The INSERT runs in the worker's SQL writer (worker.runtime.sql_writes) while the job waits for it:
    an abort then cancels the job, as arq does."""

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.lstrip().upper().startswith("INSERT INTO CHARTS"):
            return
        # What api.cancellation does for a running task: the cancel flag, and arq's abort set.
        sync_redis.hset(keys.task(task_id), "cancel", "1")
        sync_redis.zadd(keys.ARQ_ABORT_SET, {task_id: int(time.time() * 1000)})
        sync_redis.expire(keys.ARQ_ABORT_SET, 3600)
        if abort:
            jobs[0].cancel()

    return on_execute


async def chart_rows(database_url: str, task_id: str) -> list[tuple[Any, ...]]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            query = sa.select(Chart.id, Chart.deleted_at).where(Chart.task_id == task_id)
            return [tuple(row) for row in await conn.execute(query)]
    finally:
        await engine.dispose()


async def run_status(database_url: str, task_id: str) -> str:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            query = sa.select(TaskRun.status).where(TaskRun.task_id == task_id)
            return str((await conn.execute(query)).scalar_one())
    finally:
        await engine.dispose()


@pytest.mark.parametrize("abort", [False, True], ids=["cancel-flag", "cancel-flag-and-abort"])
async def test_a_cancel_after_the_chart_is_stored_wins_and_hides_the_chart(
    isolated_settings: Settings, make_token: Callable[..., str], database_url: str, abort: bool
) -> None:
    arq_redis = create_redis(isolated_settings.redis_url)
    wctx = await WorkerContext.open(isolated_settings, arq_redis, 1)
    sync_redis = redis.Redis.from_url(isolated_settings.redis_url)
    task_id = ""
    try:
        async with inprocess_api(isolated_settings, make_token()) as http:
            message = await new_message(http, "life expectancy in Mexico and Canada since 1980")
            task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
            stored = await wctx.store.get(task_id)
            assert stored is not None
            jobs: list[asyncio.Task[Any]] = []
            hook = cancel_when_the_chart_is_inserted(sync_redis, task_id, abort, jobs)
            sa.event.listen(wctx.engine.sync_engine, "after_cursor_execute", hook)
            try:
                job_ctx = {"chartq": wctx, "job_try": 1, "job_id": task_id}
                job = asyncio.create_task(run_chart(job_ctx, **stored.job))
                jobs.append(job)
                await asyncio.gather(job, return_exceptions=True)
                assert job.cancelled() == abort
            finally:
                sa.event.remove(wctx.engine.sync_engine, "after_cursor_execute", hook)
            task = (await http.get(f"{TASKS}/{task_id}/status")).json()
            listed = (await http.get(f"/api/v1/analytics/charts/by-message/{message['id']}")).json()
        assert (task["status"], task["chart_id"]) == ("CANCELLED", None), task
        assert listed["charts"] == [] and not listed["has_active_tasks"]
        # The row, if its commit landed, keeps the task's one chart slot but is hidden from everyone.
        rows = await chart_rows(database_url, task_id)
        assert all(deleted_at is not None for _, deleted_at in rows)
        if not abort:
            assert len(rows) == 1  # the chart was stored before the cancel: the race did happen
        assert await run_status(database_url, task_id) == "CANCELLED"
    finally:
        if task_id:  # arq takes it out of its abort set when it runs a job; no arq ran here
            sync_redis.zrem(keys.ARQ_ABORT_SET, task_id)
        sync_redis.close()
        await wctx.close()
        await arq_redis.aclose()


async def test_cancelling_a_task_handed_back_after_its_chart_was_stored_hides_the_chart(
    isolated_settings: Settings, make_token: Callable[..., str], database_url: str
) -> None:
    """The worker stops (a shutdown past its drain) right after the chart row commits, before COMPLETED:
    the task is handed back PENDING with a stored chart. Cancelling it then leaves no chart in sight."""
    arq_redis = create_redis(isolated_settings.redis_url)
    wctx = await WorkerContext.open(isolated_settings, arq_redis, 1)
    inserted = asyncio.Event()
    jobs: list[asyncio.Task[Any]] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO CHARTS"):
            inserted.set()

    def after_commit(_session: Any) -> None:
        if inserted.is_set() and jobs:
            inserted.clear()
            jobs[0].cancel()  # what a shutdown past the drain does to a running job

    try:
        async with inprocess_api(isolated_settings, make_token()) as http:
            message = await new_message(http, "life expectancy in Mexico and Canada since 1980")
            task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
            stored = await wctx.store.get(task_id)
            assert stored is not None
            sa.event.listen(wctx.engine.sync_engine, "after_cursor_execute", on_execute)
            sa.event.listen(Session, "after_commit", after_commit)
            try:
                job = asyncio.create_task(run_chart({"chartq": wctx, "job_try": 1}, **stored.job))
                jobs.append(job)
                await asyncio.gather(job, return_exceptions=True)
            finally:
                sa.event.remove(Session, "after_commit", after_commit)
                sa.event.remove(wctx.engine.sync_engine, "after_cursor_execute", on_execute)
            handed_back = (await http.get(f"{TASKS}/{task_id}/status")).json()
            assert (job.cancelled(), handed_back["status"]) == (True, "PENDING"), handed_back
            assert [deleted for _, deleted in await chart_rows(database_url, task_id)] == [None]

            cancelled = (await http.delete(f"{TASKS}/{task_id}")).json()
            listed = (await http.get(f"/api/v1/analytics/charts/by-message/{message['id']}")).json()
        assert cancelled["status"] == "CANCELLED", cancelled
        assert listed["charts"] == []
        assert [deleted is not None for _, deleted in await chart_rows(database_url, task_id)] == [True]
    finally:
        await wctx.close()
        await arq_redis.aclose()
