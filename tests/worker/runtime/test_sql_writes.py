"""One writer for a worker's SQL writes: charts stored together share a commit and each task gets its
own (or the one an earlier attempt stored); run records are written behind their tasks (handing one over
returns at once), and when the database is away they wait in Redis (or, Redis away too, in memory)
until it takes them, while the charts' tasks get the error."""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
import sqlalchemy as sa
from arq.connections import ArqRedis
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from shared import keys
from shared.db.charts import insert_charts
from shared.db.engine import create_engine, session_factory, upgrade
from shared.db.runs import get_run
from shared.db.tables import Chart
from shared.redis import create_redis
from shared.settings import Settings
from tests.shared.db.rows import a_chart, a_run
from worker.runtime import sql_writes
from worker.runtime.sql_writes import SqlWrites, flush_buffered_runs

pytestmark = pytest.mark.db

# Nothing listens on port 1: every Redis call fails at once.
REDIS_AWAY = "redis://127.0.0.1:1/0"


@dataclass
class Writer:
    writes: SqlWrites
    sessions: async_sessionmaker[Any]
    engine: AsyncEngine
    redis: ArqRedis
    queue: str


@asynccontextmanager
async def writer(
    database_url: str, redis_url: str, queue: str = "arq:queue:writes", *, migrated: bool = False
) -> AsyncIterator[Writer]:
    """A SqlWrites on its own engine and Redis connection, closed (in that order) at the end."""
    engine = create_engine(database_url)
    if migrated:
        await upgrade(engine)
    sessions = session_factory(engine)
    redis = create_redis(redis_url)
    writes = SqlWrites(sessions, redis, queue)
    try:
        yield Writer(writes, sessions, engine, redis, queue)
    finally:
        await writes.close()
        await redis.aclose()
        await engine.dispose()


async def test_records_handed_over_together_share_a_commit(
    database_url: str, isolated_settings: Settings
) -> None:
    async with writer(database_url, isolated_settings.redis_url, isolated_settings.queue_name) as w:
        records, sessions = w.writes, w.sessions
        task_ids = [str(uuid4()) for _ in range(40)]
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


async def test_records_wait_in_redis_while_the_database_is_away(
    tmp_path: Path, isolated_settings: Settings
) -> None:
    # A SQLite database without its tables yet: every commit fails, as with a server that is away.
    database = tmp_path / "later" / "chartq.db"
    url = f"sqlite+aiosqlite:///{database}"
    async with writer(url, isolated_settings.redis_url, isolated_settings.queue_name) as w:
        records, redis, queue = w.writes, w.redis, w.queue
        task_ids = [str(uuid4()) for _ in range(5)]
        for task_id in task_ids:
            records.add_run(a_run(task_id))
        await records.settled()
        assert (records.records, records.buffered) == (0, 5)
        assert await redis.hlen(keys.pending_runs(queue)) == 5  # type: ignore[misc]

        # The database comes back: the heartbeat's flush writes them and forgets them.
        database.parent.mkdir(exist_ok=True)
        await upgrade(w.engine)
        assert await flush_buffered_runs(redis, queue, w.sessions) == 5
        assert await redis.hlen(keys.pending_runs(queue)) == 0  # type: ignore[misc]
        async with w.sessions() as db:
            stored = [await get_run(db, task_id, "ada") for task_id in task_ids]
        assert all(run is not None and run.status == "COMPLETED" for run in stored)


async def test_records_stay_in_memory_while_redis_is_away_too(tmp_path: Path) -> None:
    database = tmp_path / "later" / "chartq.db"
    async with writer(f"sqlite+aiosqlite:///{database}", REDIS_AWAY, "arq:queue:away") as w:
        records = w.writes
        task_id = str(uuid4())
        records.add_run(a_run(task_id))
        await asyncio.sleep(0.3)
        assert records.unwritten == 1 and records.buffered == 0, "kept, not dropped"
        # The database is back: the writer's next try commits the record.
        database.parent.mkdir(exist_ok=True)
        await upgrade(w.engine)
        await asyncio.wait_for(records.settled(), 10)
        assert (records.records, records.unwritten) == (1, 0)
        async with w.sessions() as db:
            assert await get_run(db, task_id, "ada") is not None


async def test_charts_stored_together_share_a_commit(database_url: str, isolated_settings: Settings) -> None:
    async with writer(database_url, isolated_settings.redis_url, isolated_settings.queue_name) as w:
        writes = w.writes
        task_ids = [str(uuid4()) for _ in range(12)]
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


async def test_a_chart_whose_commit_failed_raises_to_its_task(
    tmp_path: Path, isolated_settings: Settings
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'chartq.db'}"  # no tables: every write fails
    async with writer(url, isolated_settings.redis_url, isolated_settings.queue_name) as w:
        w.writes.add_run(a_run(str(uuid4())))
        with pytest.raises(DBAPIError):
            await w.writes.save_chart(a_chart(str(uuid4()), "lost"))
        await w.writes.settled()
        assert w.writes.buffered == 1, "the run record of the same batch waits in Redis"


async def test_a_chart_whose_task_is_cancelled_while_it_waits_is_never_written(
    tmp_path: Path, isolated_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user cancels a task whose chart waits behind a slow commit: the task hides its chart next, so the
    chart must not be written after that."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'chartq.db'}"
    async with writer(url, isolated_settings.redis_url, isolated_settings.queue_name, migrated=True) as w:
        writes = w.writes
        insert = insert_charts

        async def slow_first(db: Any, charts: list[Chart]) -> dict[str, Chart]:
            if not writes.commits:
                await asyncio.sleep(0.3)  # a slow commit holds the writer
            return await insert(db, charts)

        monkeypatch.setattr(sql_writes, "insert_charts", slow_first)
        first, cancelled = str(uuid4()), str(uuid4())
        holding = asyncio.create_task(writes.save_chart(a_chart(first, "first")))
        await asyncio.sleep(0.05)
        waiting = asyncio.create_task(writes.save_chart(a_chart(cancelled, "cancelled")))
        await asyncio.sleep(0.01)
        waiting.cancel()
        await asyncio.gather(holding, waiting, return_exceptions=True)
        await writes.settled()
        async with w.sessions() as db:
            stored = set(await db.scalars(sa.select(Chart.task_id)))
        assert stored == {first}


async def test_a_row_the_database_refuses_fails_only_its_own_task(
    tmp_path: Path, isolated_settings: Settings
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'chartq.db'}"
    async with writer(url, isolated_settings.redis_url, isolated_settings.queue_name, migrated=True) as w:
        bad = a_chart(str(uuid4()), "bad")
        bad.figure = {"data": [datetime.time(12)]}  # not JSON: the whole statement would fail
        good = [a_chart(str(uuid4()), f"good {i}") for i in range(3)]
        batch = [good[0], bad, *good[1:]]
        outcomes = await asyncio.gather(*(w.writes.save_chart(c) for c in batch), return_exceptions=True)
        assert [type(o).__name__ for o in outcomes] == ["Chart", "StatementError", "Chart", "Chart"]
