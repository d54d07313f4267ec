"""One writer for a worker's SQL writes: charts stored together share a commit and each task gets its
own (or the one an earlier attempt stored); run records are written behind their tasks (handing one over
returns at once), and when the database is away they wait in Redis (or, Redis away too, in memory)
until it takes them, while the charts' tasks get the error."""

from __future__ import annotations

import asyncio
import datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from shared import keys
from shared.db.charts import get_run
from shared.db.engine import create_engine, session_factory, upgrade
from shared.db.tables import Chart
from shared.redis import create_redis
from shared.settings import Settings
from tests.shared.db.rows import a_chart, a_run
from worker.runtime import sql_writes
from worker.runtime.sql_writes import SqlWrites, flush_buffered_runs

pytestmark = pytest.mark.db


async def test_records_handed_over_together_share_a_commit(
    database_url: str, isolated_settings: Settings
) -> None:
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    redis = create_redis(isolated_settings.redis_url)
    records = SqlWrites(sessions, redis, isolated_settings.queue_name)
    task_ids = [str(uuid4()) for _ in range(40)]
    try:
        for task_id in task_ids:
            records.add_run(a_run(task_id))
        assert records.unwritten == 40, "handing a record over does not wait for its commit"
        await records.settled()
        assert (records.records, records.unwritten) == (40, 0)
        assert records.commits < 40 / 4, "tasks ending together are written together"
        async with sessions() as db:
            stored = [await get_run(db, task_id, "ada") for task_id in task_ids]
        assert all(run is not None and run.status == "COMPLETED" for run in stored)
        # A task's later record replaces its earlier one, within a batch as across batches.
        again = task_ids[0]
        records.add_run(a_run(again, "PENDING", 2))
        records.add_run(a_run(again, "FAILED", 3))
        await records.settled()
        async with sessions() as db:
            run = await get_run(db, again, "ada")
        assert run is not None and (run.status, run.attempts) == ("FAILED", 3)
    finally:
        await records.close()
        await redis.aclose()
        await engine.dispose()


async def test_records_wait_in_redis_while_the_database_is_away(
    tmp_path: Path, isolated_settings: Settings
) -> None:
    # A SQLite database without its tables yet: every commit fails, as with a server that is away.
    database = tmp_path / "later" / "chartq.db"
    engine = create_engine(f"sqlite+aiosqlite:///{database}")
    sessions = session_factory(engine)
    redis = create_redis(isolated_settings.redis_url)
    queue = isolated_settings.queue_name
    records = SqlWrites(sessions, redis, queue)
    task_ids = [str(uuid4()) for _ in range(5)]
    try:
        for task_id in task_ids:
            records.add_run(a_run(task_id))
        await records.settled()
        assert (records.records, records.buffered) == (0, 5)
        assert await redis.hlen(keys.pending_runs(queue)) == 5  # type: ignore[misc]

        # The database comes back: the heartbeat's flush writes them and forgets them.
        database.parent.mkdir(exist_ok=True)
        await upgrade(engine)
        assert await flush_buffered_runs(redis, queue, sessions) == 5
        assert await redis.hlen(keys.pending_runs(queue)) == 0  # type: ignore[misc]
        async with sessions() as db:
            stored = [await get_run(db, task_id, "ada") for task_id in task_ids]
        assert all(run is not None and run.status == "COMPLETED" for run in stored)
    finally:
        await records.close()
        await redis.aclose()
        await engine.dispose()


async def test_records_stay_in_memory_while_redis_is_away_too(tmp_path: Path) -> None:
    database = tmp_path / "later" / "chartq.db"
    engine = create_engine(f"sqlite+aiosqlite:///{database}")
    sessions = session_factory(engine)
    # Nothing listens on port 1: every Redis call fails at once.
    redis = create_redis("redis://127.0.0.1:1/0")
    records = SqlWrites(sessions, redis, "arq:queue:away")
    task_id = str(uuid4())
    try:
        records.add_run(a_run(task_id))
        await asyncio.sleep(0.3)
        assert records.unwritten == 1 and records.buffered == 0, "kept, not dropped"
        # The database is back: the writer's next try commits the record.
        database.parent.mkdir(exist_ok=True)
        await upgrade(engine)
        await asyncio.wait_for(records.settled(), 10)
        assert (records.records, records.unwritten) == (1, 0)
        async with sessions() as db:
            assert await get_run(db, task_id, "ada") is not None
    finally:
        await records.close()
        await redis.aclose()
        await engine.dispose()


async def test_charts_stored_together_share_a_commit(database_url: str, isolated_settings: Settings) -> None:
    engine = create_engine(database_url)
    redis = create_redis(isolated_settings.redis_url)
    writes = SqlWrites(session_factory(engine), redis, isolated_settings.queue_name)
    task_ids = [str(uuid4()) for _ in range(12)]
    try:
        charts = [a_chart(task_id, f"chart {i}") for i, task_id in enumerate(task_ids)]
        retried = a_chart(task_ids[0], "a second attempt of the first task")
        for task_id in task_ids:
            writes.add_run(a_run(task_id))
        saved = await asyncio.gather(*(writes.save_chart(chart) for chart in [*charts, retried]))
        assert [chart.id for chart in saved[:-1]] == [chart.id for chart in charts]
        assert saved[-1].id == charts[0].id, "a task keeps the chart stored first"
        assert writes.commits <= 2 and writes.charts == 13
        # An attempt that comes later still gets the first chart, from the database.
        again = await writes.save_chart(a_chart(task_ids[1], "much later"))
        assert (again.id, again.title) == (charts[1].id, "chart 1")
        await writes.settled()
        assert writes.records == 12
    finally:
        await writes.close()
        await redis.aclose()
        await engine.dispose()


async def test_a_chart_whose_commit_failed_raises_to_its_task(
    tmp_path: Path, isolated_settings: Settings
) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'chartq.db'}")  # no tables: every write fails
    redis = create_redis(isolated_settings.redis_url)
    writes = SqlWrites(session_factory(engine), redis, isolated_settings.queue_name)
    try:
        writes.add_run(a_run(str(uuid4())))
        with pytest.raises(DBAPIError):
            await writes.save_chart(a_chart(str(uuid4()), "lost"))
        await writes.settled()
        assert writes.buffered == 1, "the run record of the same batch waits in Redis"
    finally:
        await writes.close()
        await redis.aclose()
        await engine.dispose()


async def test_a_chart_whose_task_is_cancelled_while_it_waits_is_never_written(
    tmp_path: Path, isolated_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user cancels a task whose chart waits behind a slow commit: the task hides its chart next, so the
    chart must not be written after that."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'chartq.db'}")
    await upgrade(engine)
    sessions = session_factory(engine)
    redis = create_redis(isolated_settings.redis_url)
    writes = SqlWrites(sessions, redis, isolated_settings.queue_name)
    insert = sql_writes.insert_charts

    async def slow_first(db: Any, charts: list[Chart]) -> dict[str, Chart]:
        if not writes.commits:
            await asyncio.sleep(0.3)  # a slow commit holds the writer
        return await insert(db, charts)

    monkeypatch.setattr(sql_writes, "insert_charts", slow_first)
    first, cancelled = str(uuid4()), str(uuid4())
    try:
        holding = asyncio.create_task(writes.save_chart(a_chart(first, "first")))
        await asyncio.sleep(0.05)
        waiting = asyncio.create_task(writes.save_chart(a_chart(cancelled, "cancelled")))
        await asyncio.sleep(0.01)
        waiting.cancel()
        await asyncio.gather(holding, waiting, return_exceptions=True)
        await writes.settled()
        async with sessions() as db:
            stored = set(await db.scalars(sa.select(Chart.task_id)))
        assert stored == {first}
    finally:
        await writes.close()
        await redis.aclose()
        await engine.dispose()


async def test_a_row_the_database_refuses_fails_only_its_own_task(
    tmp_path: Path, isolated_settings: Settings
) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'chartq.db'}")
    await upgrade(engine)
    redis = create_redis(isolated_settings.redis_url)
    writes = SqlWrites(session_factory(engine), redis, isolated_settings.queue_name)
    try:
        bad = a_chart(str(uuid4()), "bad")
        bad.figure = {"data": [datetime.time(12)]}  # not JSON: the whole statement would fail
        good = [a_chart(str(uuid4()), f"good {i}") for i in range(3)]
        outcomes = await asyncio.gather(
            *(writes.save_chart(c) for c in [good[0], bad, *good[1:]]), return_exceptions=True
        )
        assert [type(o).__name__ for o in outcomes] == ["Chart", "StatementError", "Chart", "Chart"]
    finally:
        await writes.close()
        await redis.aclose()
        await engine.dispose()
