"""ChartPlan -> SQL (SQLAlchemy Core) -> rows, read-only, row-limited and under a time limit.

Only names from the semantic model become identifiers; every value that came from a question (entity,
date, number, limit) is a bound parameter. Median has no SQL function on SQLite, so it is computed in
SQL on every dialect from window functions: the average of the one or two middle rows of each group.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.elements import ColumnElement

from worker.plan import Aggregation, ChartPlan, Filter
from worker.semantic import Dataset, SemanticModel

# How long a cancelled query may take to give its connection back before the task is abandoned.
_CANCEL_GRACE_S = 5.0


class QueryTimeout(Exception):
    """The warehouse query ran longer than its time limit and was stopped."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    sql: str
    params: dict[str, Any]
    row_count: int


def _physical(ds: Dataset, name: str) -> str:
    """The table column behind a dimension name or the time column."""
    if ds.time is not None and name == ds.time.column:
        return name
    return ds.dimension(name).column


def _value(table: sa.TableClause, ds: Dataset, name: str) -> ColumnElement[Any]:
    """The value behind a plan name: a column, or a measure computed on each row from several."""
    if name not in {m.name for m in ds.measures}:
        return table.c[_physical(ds, name)]
    measure = ds.measure(name)
    value: ColumnElement[Any] = table.c[measure.column]
    if measure.multiply_by is not None:
        value = value * table.c[measure.multiply_by]
    if measure.divide_by is not None:
        # A zero divisor gives NULL (left out of every aggregate) instead of an error.
        value = value / sa.func.nullif(table.c[measure.divide_by], 0)
    if measure.scale != 1:
        value = value * measure.scale
    return value


def _columns(ds: Dataset, name: str) -> list[str]:
    names = {m.name: m for m in ds.measures}
    return names[name].columns if name in names else [_physical(ds, name)]


def _condition(column: ColumnElement[Any], flt: Filter) -> ColumnElement[bool]:
    value = flt.value
    if flt.op == "in":
        return column.in_(value if isinstance(value, list) else [value])
    if flt.op == "not_in":
        return column.not_in(value if isinstance(value, list) else [value])
    if flt.op == "between":
        assert isinstance(value, list)
        return column.between(value[0], value[1])
    comparisons = {
        "eq": column.__eq__,
        "ne": column.__ne__,
        "gt": column.__gt__,
        "gte": column.__ge__,
        "lt": column.__lt__,
        "lte": column.__le__,
    }
    result: ColumnElement[bool] = comparisons[flt.op](value)
    return result


def _aggregate(agg: Aggregation, column: ColumnElement[Any]) -> ColumnElement[Any]:
    if agg == "count":
        return sa.func.count(column)
    if agg == "none":
        return column
    # avg, sum, min and max are SQL functions of the same name on every dialect.
    result: ColumnElement[Any] = getattr(sa.func, agg)(column)
    return result


def _time_bound(value: int | str) -> Any:
    """A year as is; an ISO date as a DATE parameter, since PostgreSQL compares a DATE or TIMESTAMP
    column only with a date (SQLite's Date type sends the same ISO text that its date columns hold)."""
    if isinstance(value, str):
        return sa.literal(dt.date.fromisoformat(value), sa.Date)
    return value


def compile_query(plan: ChartPlan, model: SemanticModel, *, row_limit: int) -> sa.Select[Any]:
    """The SELECT for a plan; the plan is validated first, so unknown names never reach SQL."""
    model.validate_plan(plan)
    ds = model.dataset(plan.dataset)
    group_names: list[str] = []
    if plan.use_time and ds.time is not None:
        group_names.append(ds.time.column)
    group_names += [name for name in (plan.dimension, plan.series) if name is not None]
    measures = [(ref, ds.measure(ref.name)) for ref in plan.measures]

    needed = {_physical(ds, n) for n in group_names} | {c for _, m in measures for c in m.columns}
    needed |= {c for f in plan.filters for c in _columns(ds, f.column)}
    if ds.time is not None:
        needed.add(ds.time.column)
    table = sa.table(ds.table, *(sa.column(c) for c in sorted(needed)))

    conditions = [_condition(_value(table, ds, f.column), f) for f in plan.filters]
    start, end = ds.time_bounds(plan.time_range)
    if ds.time is not None and start is not None:
        conditions.append(table.c[ds.time.column] >= _time_bound(start))
    if ds.time is not None and end is not None:
        conditions.append(table.c[ds.time.column] <= _time_bound(end))

    groups = [table.c[_physical(ds, n)].label(n) for n in group_names]
    medians = [m for ref, m in measures if ref.agg == "median"]
    if medians:
        # Number the rows of each group by value; the median is the mean of the middle one or two.
        partition = [table.c[_physical(ds, n)] for n in group_names]
        ranked: list[ColumnElement[Any]] = []
        for i, m in enumerate(medians):
            value = _value(table, ds, m.name)
            order = sa.nulls_last(value.asc())
            ranked.append(sa.func.row_number().over(partition_by=partition, order_by=order).label(f"rn{i}"))
            ranked.append(sa.func.count(value).over(partition_by=partition).label(f"n{i}"))
        values = [_value(table, ds, m.name).label(m.name) for _, m in measures]
        source = sa.select(*groups, *values, *ranked).where(*conditions).subquery("ranked")
        groups = [source.c[n].label(n) for n in group_names]
        conditions = []
    outputs: list[ColumnElement[Any]] = []
    for ref, m in measures:
        if ref.agg == "median":
            i = medians.index(m)
            rn, n = source.c[f"rn{i}"], source.c[f"n{i}"]
            middle = rn.in_([(n + 1) // 2, (n + 2) // 2])
            outputs.append(sa.func.avg(sa.case((middle, source.c[m.name]))).label(m.name))
        else:
            column = source.c[m.name] if medians else _value(table, ds, m.name)
            outputs.append(_aggregate(ref.agg, column).label(m.name))

    stmt = sa.select(*groups, *outputs)
    if not medians:
        stmt = stmt.select_from(table)
    stmt = stmt.where(*conditions)
    if plan.measures[0].agg != "none" and groups:
        stmt = stmt.group_by(*groups)
    labelled = {c.name: c for c in (*groups, *outputs)}
    if plan.sort is not None and plan.sort.by in labelled:
        key = labelled[plan.sort.by]
        stmt = stmt.order_by(key.desc() if plan.sort.direction == "desc" else key.asc(), *groups)
    else:
        stmt = stmt.order_by(*groups)
    return stmt.limit(min(plan.limit or row_limit, row_limit))


async def fetch_with_timeout(
    conn: AsyncConnection, statement: sa.Executable, timeout_s: float
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run a statement and fetch every row, stopping the query itself (not just the wait) on timeout."""
    driver = (await conn.get_raw_connection()).driver_connection

    async def fetch() -> tuple[list[str], list[tuple[Any, ...]]]:
        result = await conn.execute(statement)
        return list(result.keys()), [tuple(row) for row in result.all()]

    task = asyncio.create_task(fetch())
    done, _ = await asyncio.wait({task}, timeout=timeout_s)
    if task in done:
        try:
            return task.result()
        except sa.exc.DBAPIError as exc:
            if _is_timeout_error(exc):
                raise QueryTimeout(f"The query took longer than {timeout_s:g} s and was stopped.") from exc
            raise
    # SQLite keeps running in aiosqlite's thread after a cancel, so interrupt it where it runs.
    interrupt = getattr(driver, "interrupt", None)
    if interrupt is not None:
        await interrupt()
    else:
        task.cancel()
    await asyncio.wait({task}, timeout=_CANCEL_GRACE_S)
    if not task.done():
        task.cancel()
    else:
        with contextlib.suppress(BaseException):
            task.result()
    raise QueryTimeout(f"The query took longer than {timeout_s:g} s and was stopped.")


def _is_timeout_error(exc: sa.exc.DBAPIError) -> bool:
    # PostgreSQL reports statement_timeout as SQLSTATE 57014 (query_canceled).
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code == "57014" or "statement timeout" in str(exc.orig)


async def run_query(
    engine: AsyncEngine,
    plan: ChartPlan,
    model: SemanticModel,
    *,
    row_limit: int = 10_000,
    timeout_s: float = 10.0,
) -> QueryResult:
    """Run a plan on a (read-only) warehouse engine; raises QueryTimeout past `timeout_s`."""
    stmt = compile_query(plan, model, row_limit=row_limit)
    compiled = stmt.compile(dialect=engine.dialect, compile_kwargs={"render_postcompile": True})
    async with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            # The server stops the statement itself; SET cannot take a bound parameter, set_config can.
            millis = str(max(1, int(timeout_s * 1000)))
            await conn.execute(sa.select(sa.func.set_config("statement_timeout", millis, True)))
        columns, rows = await fetch_with_timeout(conn, stmt, timeout_s)
    return QueryResult(columns, rows, str(compiled), dict(compiled.params), len(rows))
