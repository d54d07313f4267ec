"""Persisting charts and run records: idempotent per task, on SQLite and PostgreSQL."""

from __future__ import annotations

from uuid import uuid4

import pytest
import sqlalchemy as sa

from shared.db.charts import save_chart
from shared.db.engine import create_engine, session_factory
from shared.db.runs import get_run, record_run
from shared.db.tables import Chart
from tests.shared.db.rows import a_chart, a_run

pytestmark = pytest.mark.db


async def test_a_task_stores_one_chart_however_often_it_persists(database_url: str) -> None:
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    task_id = str(uuid4())
    try:
        async with sessions() as db:
            first = await save_chart(db, a_chart(task_id, "first attempt"))
        async with sessions() as db:
            again = await save_chart(db, a_chart(task_id, "retried attempt"))
            assert again.id == first.id and again.title == "first attempt"
            count = await db.scalar(sa.select(sa.func.count()).where(Chart.task_id == task_id))
            assert count == 1
            stored = (await db.scalars(sa.select(Chart).where(Chart.task_id == task_id))).one()
            assert stored.org_id == "" and stored.deleted_at is None and stored.figure["data"] == []
    finally:
        await engine.dispose()


async def test_the_last_attempt_of_a_task_is_its_run_record(database_url: str) -> None:
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    task_id = str(uuid4())
    try:
        async with sessions() as db:
            await record_run(db, a_run(task_id, "PENDING", 1))
        async with sessions() as db:
            await record_run(db, a_run(task_id, "COMPLETED", 2))
        async with sessions() as db:
            run = await get_run(db, task_id, "ada")
            assert run is not None and (run.status, run.attempts) == ("COMPLETED", 2)
            assert run.step_durations_ms == {"planning": 1.5}
            assert await get_run(db, task_id, "someone-else") is None
    finally:
        await engine.dispose()
