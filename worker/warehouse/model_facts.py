"""What only the data knows, added to a semantic model: each category's distinct values, the groups one
category's values fall in (each country's continent), and each dataset's time span (and, for yearly data,
its years), so the planner can match "Mexico", "the same continent as Egypt" or "last 10 years" and
`validate_plan` can reject values that do not exist."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from worker.semantic import MAX_DIMENSION_VALUES, Dataset, Dimension, DimensionValue, SemanticModel


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
            update: dict[str, object] = {"dimensions": await _with_groups(conn, ds.table, dimensions)}
            if ds.time is not None:
                time_col: sa.ColumnClause[object] = sa.column(ds.time.column)
                span = sa.select(sa.func.min(time_col), sa.func.max(time_col)).select_from(sa.table(ds.table))
                low, high = (await conn.execute(span)).one()
                update |= {"time_min": _iso(low), "time_max": _iso(high)}
                if ds.time.grain == "year":
                    update["periods"] = await _years(conn, ds)
            datasets.append(ds.model_copy(update=update))
    return model.model_copy(update={"datasets": datasets})


async def _with_groups(conn: AsyncConnection, table: str, dims: list[Dimension]) -> list[Dimension]:
    """`dims`, each knowing the groups its values fall in: the listed categories its values determine."""
    listed = [d for d in dims if d.type == "category" and d.values]
    groups: dict[str, dict[str, dict[str, DimensionValue]]] = {d.name: {} for d in dims}
    for i, a in enumerate(listed):
        for b in listed[i + 1 :]:
            if a.column == b.column:
                continue
            pairs = await _pairs(conn, table, a, b)
            for x, y, flip in ((a, b, False), (b, a, True)):
                mapping = _determined([(q, p) if flip else (p, q) for p, q in pairs])
                if mapping is not None:
                    groups[x.name][y.name] = mapping
    return [d.model_copy(update={"groups": groups[d.name]}) if groups[d.name] else d for d in dims]


async def _pairs(
    conn: AsyncConnection, table: str, a: Dimension, b: Dimension
) -> list[tuple[object, object]]:
    """The distinct (a, b) value pairs, or none when there are more than either could determine."""
    ca: sa.ColumnClause[object] = sa.column(a.column)
    cb: sa.ColumnClause[object] = sa.column(b.column)
    # When one determines the other there are no more pairs than the determining one has values.
    most = max(len(a.values), len(b.values))
    query = (
        sa.select(ca, cb)
        .select_from(sa.table(table))
        .where(ca.is_not(None), cb.is_not(None))
        .group_by(ca, cb)
        .limit(most + 1)
    )
    rows = [(row[0], row[1]) for row in (await conn.execute(query)).all()]
    return rows if len(rows) <= most else []


def _determined(pairs: list[tuple[object, object]]) -> dict[str, DimensionValue] | None:
    """Each first value's one second value; None when some first value has two (or there are no pairs)."""
    mapping: dict[str, DimensionValue] = {}
    for x, y in pairs:
        if str(x) in mapping or not isinstance(y, str | int | float):
            return None
        mapping[str(x)] = y
    return mapping or None


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
