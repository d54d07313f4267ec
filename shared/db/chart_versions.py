"""Chart versions: a refresh redraws a chart's stored plan on current data, and the chart keeps its id.

The `charts` row always holds the newest version (its figure, SQL, row count, data date, `version`), so
every reader of a chart (by id, by message, by session) reads one row as before and making a chart stays
one INSERT. `chart_versions` holds the history from a chart's first refresh on: that refresh copies the
chart's version 1 into it, then each refresh adds its own row (unique per task, so a retried refresh
adds one version) and copies it onto the `charts` row in the same transaction. A chart never refreshed
has no history rows: its one version is the `charts` row itself.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.charts import chart_to_dto
from shared.db.tables import Chart, ChartVersion
from shared.models import ChartDTO, ChartVersionDTO, TimeRangeDTO, utcnow

# What a refresh redraws; the plan, title and words about it stay as they were.
_DRAWN = ("figure", "sql", "row_count", "time_start", "time_end", "data_as_of")
# Two refreshes of one chart racing for the same version number: the loser counts again.
_RACE_ROUNDS = 5


async def add_version(db: AsyncSession, chart_id: str, drawn: Chart) -> Chart | None:
    """Makes `drawn` (a chart row drawn by the refresh task `drawn.task_id`) the newest version of the
    chart `chart_id`; the chart as it is then, or None if it was deleted or has expired meanwhile."""
    for _ in range(_RACE_ROUNDS):
        if await _version_of_task(db, drawn.task_id) is not None:
            return await db.get(Chart, chart_id, populate_existing=True)  # a retry: already added
        chart = await db.get(Chart, chart_id, with_for_update=True, populate_existing=True)
        if chart is None or chart.deleted_at is not None or chart.expires_at <= utcnow():
            await db.rollback()
            return None
        try:
            if chart.version == 1:
                db.add(_snapshot(chart))
            now = utcnow()
            db.add(_version(chart.id, chart.version + 1, drawn, now))
            chart.version += 1
            chart.version_task_id, chart.refreshed_at = drawn.task_id, now
            for column in _DRAWN:
                setattr(chart, column, getattr(drawn, column))
            await db.commit()
            return chart
        except IntegrityError:
            await db.rollback()
    raise RuntimeError(f"could not add a version to chart {chart_id}")


async def list_versions(db: AsyncSession, chart: Chart) -> list[ChartVersionDTO]:
    """Every version of a (visible) chart, newest first."""
    if chart.version == 1:
        return [_entry(chart.version, chart.task_id, chart.row_count, chart.data_as_of, chart.created_at)]
    rows = await db.scalars(
        sa.select(ChartVersion).where(ChartVersion.chart_id == chart.id).order_by(ChartVersion.version.desc())
    )
    return [_entry(r.version, r.task_id, r.row_count, r.data_as_of, r.created_at) for r in rows]


async def chart_version_dto(db: AsyncSession, chart: Chart, version: int) -> ChartDTO | None:
    """The chart as it was at `version` (None if it has no such version)."""
    if version == chart.version:
        return chart_to_dto(chart)
    row = await db.get(ChartVersion, (chart.id, version))
    if row is None:
        return None
    newest = chart_to_dto(chart)
    return newest.model_copy(
        update={
            "task_id": row.task_id,
            "figure": row.figure,
            "sql": row.sql,
            "row_count": row.row_count,
            "time_range": TimeRangeDTO(start=row.time_start, end=row.time_end),
            "data_as_of": row.data_as_of,
            "version": row.version,
            "refreshed_at": row.created_at if row.version > 1 else None,
        }
    )


async def _version_of_task(db: AsyncSession, task_id: str) -> int | None:
    query = sa.select(ChartVersion.version).where(ChartVersion.task_id == task_id)
    version: int | None = await db.scalar(query)
    return version


def _snapshot(chart: Chart) -> ChartVersion:
    """The chart's version 1, as it was made."""
    return ChartVersion(
        chart_id=chart.id,
        version=1,
        task_id=chart.task_id,
        figure=chart.figure,
        sql=chart.sql,
        row_count=chart.row_count,
        time_start=chart.time_start,
        time_end=chart.time_end,
        data_as_of=chart.data_as_of,
        created_at=chart.created_at,
    )


def _version(chart_id: str, version: int, drawn: Chart, now: datetime) -> ChartVersion:
    return ChartVersion(
        chart_id=chart_id,
        version=version,
        task_id=drawn.task_id,
        figure=drawn.figure,
        sql=drawn.sql,
        row_count=drawn.row_count,
        time_start=drawn.time_start,
        time_end=drawn.time_end,
        data_as_of=drawn.data_as_of,
        created_at=now,
    )


def _entry(
    version: int, task_id: str, row_count: int, data_as_of: str | None, at: datetime
) -> ChartVersionDTO:
    return ChartVersionDTO(
        version=version, task_id=task_id, row_count=row_count, data_as_of=data_as_of, created_at=at
    )
