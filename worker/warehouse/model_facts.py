"""What only the data knows, added to a semantic model: each category's distinct values and each
dataset's time span (and, for yearly data, its years), so the planner can match "Mexico" or "last 10
years" and `validate_plan` can reject values that do not exist."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from worker.semantic import MAX_DIMENSION_VALUES, Dataset, SemanticModel


async def with_warehouse_facts(model: SemanticModel, engine: AsyncEngine) -> SemanticModel:
    """A copy of `model` that knows each category's distinct values and each dataset's time span."""
    datasets: list[Dataset] = []
    async with engine.connect() as conn:
        for ds in model.datasets:
            table = sa.table(ds.table, *(sa.column(d.column) for d in ds.dimensions))
            dimensions = []
            for dim in ds.dimensions:
                column = table.c[dim.column]
                query = sa.select(column).distinct().where(column.is_not(None)).order_by(column)
                rows = (await conn.execute(query.limit(MAX_DIMENSION_VALUES + 1))).scalars().all()
                values = list(rows) if len(rows) <= MAX_DIMENSION_VALUES else []
                dimensions.append(dim.model_copy(update={"values": values}))
            update: dict[str, object] = {"dimensions": dimensions}
            if ds.time is not None:
                time_col: sa.ColumnClause[object] = sa.column(ds.time.column)
                span = sa.select(sa.func.min(time_col), sa.func.max(time_col)).select_from(sa.table(ds.table))
                low, high = (await conn.execute(span)).one()
                update |= {"time_min": _iso(low), "time_max": _iso(high)}
                if ds.time.grain == "year":
                    update["periods"] = await _years(conn, ds)
            datasets.append(ds.model_copy(update=update))
    return model.model_copy(update={"datasets": datasets})


async def _years(conn: AsyncConnection, ds: Dataset) -> list[int]:
    """The distinct years of a yearly dataset (none when there are too many to list)."""
    assert ds.time is not None
    year: sa.ColumnClause[object] = sa.column(ds.time.column)
    query = sa.select(year).distinct().select_from(sa.table(ds.table)).where(year.is_not(None)).order_by(year)
    rows = (await conn.execute(query.limit(MAX_DIMENSION_VALUES + 1))).scalars().all()
    years = [int(str(v)[:4]) for v in rows]
    return years if len(years) <= MAX_DIMENSION_VALUES else []


def _iso(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)
