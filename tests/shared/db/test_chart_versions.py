"""Chart versions in SQL: a refresh task adds one version however often it persists, refreshes racing
for one chart each get their own version, and a deleted chart takes no new version."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import pytest
import sqlalchemy as sa

from shared.db.chart_versions import add_version, chart_version_dto, list_versions
from shared.db.charts import save_chart
from shared.db.engine import create_engine, session_factory
from shared.db.tables import Chart
from shared.models import utcnow
from tests.shared.db.rows import a_chart

pytestmark = pytest.mark.db


def drawn(rows: int) -> Chart:
    chart = a_chart(str(uuid4()), "redrawn")
    chart.row_count, chart.figure = rows, {"data": [{"y": [rows]}], "layout": {}}
    return chart


async def test_versions_add_up_once_per_refresh_task(database_url: str) -> None:
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    try:
        async with sessions() as db:
            chart = await save_chart(db, a_chart(str(uuid4()), "first"))
        second, third = drawn(2), drawn(3)
        for refresh in (second, second, third):  # the first refresh persists twice (a retried attempt)
            async with sessions() as db:
                assert await add_version(db, chart.id, refresh) is not None
        async with sessions() as db:
            newest = await db.get(Chart, chart.id)
            assert newest is not None
            assert (newest.version, newest.row_count, newest.version_task_id) == (3, 3, third.task_id)
            listed = await list_versions(db, newest)
            assert [(v.version, v.task_id, v.row_count) for v in listed] == [
                (3, third.task_id, 3), (2, second.task_id, 2), (1, chart.task_id, 1),
            ]  # fmt: skip
            first = await chart_version_dto(db, newest, 1)
            assert first is not None and (first.figure, first.title, first.refreshed_at) == (
                {"data": [], "layout": {}}, "first", None,
            )  # fmt: skip
            assert await chart_version_dto(db, newest, 4) is None
    finally:
        await engine.dispose()


async def test_refreshes_racing_for_one_chart_each_add_a_version(database_url: str) -> None:
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    try:
        async with sessions() as db:
            chart = await save_chart(db, a_chart(str(uuid4()), "first"))

        async def refresh(rows: int) -> None:
            async with sessions() as db:
                await add_version(db, chart.id, drawn(rows))

        await asyncio.gather(*(refresh(rows) for rows in (2, 3, 4)))
        async with sessions() as db:
            newest = await db.get(Chart, chart.id)
            assert newest is not None and newest.version == 4
            versions = await list_versions(db, newest)
            assert [v.version for v in versions] == [4, 3, 2, 1]
            assert sorted(v.row_count for v in versions) == [1, 2, 3, 4]
            assert versions[0].row_count == newest.row_count
    finally:
        await engine.dispose()


async def test_a_deleted_chart_takes_no_new_version(database_url: str) -> None:
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    try:
        async with sessions() as db:
            chart = await save_chart(db, a_chart(str(uuid4()), "first"))
            await db.execute(sa.update(Chart).where(Chart.id == chart.id).values(deleted_at=utcnow()))
            await db.commit()
        async with sessions() as db:
            assert await add_version(db, chart.id, drawn(2)) is None
            stored = await db.get(Chart, chart.id)
            assert stored is not None and stored.version == 1
    finally:
        await engine.dispose()
