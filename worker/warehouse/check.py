"""`chartq semantic check`: does the warehouse hold what a semantic model names?

Every dataset's table and every column must exist, measures must hold numbers and the time column dates
(or years). Each healthy dataset then has its facts read the way a worker reads them at start-up, and a
sample question runs through the rule planner and the warehouse, so a model that passes is one a worker
can chart from. Loading the model file, with errors that name the bad key, is worker.warehouse.model_file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from worker.semantic import MAX_DIMENSION_VALUES, Dataset, SemanticModel
from worker.warehouse.draft import sample_question
from worker.warehouse.model_facts import with_warehouse_facts
from worker.warehouse.report import CheckReport, DatasetSummary, count
from worker.warehouse.sql_text import first_error_line, sql_type_name

_YEAR = re.compile(r"^-?\d{1,4}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d")
# Values looked at to decide whether a column declared as text (or undeclared, in SQLite) holds numbers.
_VALUE_SAMPLE = 50


@dataclass
class _Schema:
    """The warehouse's tables and views, and the columns of those the model names."""

    tables: set[str]
    columns: dict[str, dict[str, sa.types.TypeEngine[Any]]]


def _reflect(sync: Connection, wanted: set[str]) -> _Schema:
    inspector = sa.inspect(sync)
    tables = set(inspector.get_table_names()) | set(inspector.get_view_names())
    columns = {
        name: {col["name"]: col["type"] for col in inspector.get_columns(name)} for name in wanted & tables
    }
    return _Schema(tables, columns)


def _is_numeric_type(sql_type: sa.types.TypeEngine[Any]) -> bool | None:
    """True or False when the declared type settles it; None when only the values can tell (SQLite
    keeps numbers in columns declared as text, or declared with no type at all)."""
    if isinstance(sql_type, sa.Boolean | sa.Date | sa.DateTime | sa.Time):
        return False
    if isinstance(sql_type, sa.Integer | sa.Numeric | sa.Float):
        return True
    return None


async def _values_are_numbers(conn: AsyncConnection, table: str, column: str) -> bool:
    col: sa.ColumnClause[Any] = sa.column(column)
    query = sa.select(col).select_from(sa.table(table)).where(col.is_not(None)).limit(_VALUE_SAMPLE)
    values = (await conn.execute(query)).scalars().all()
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)


async def _check_columns(
    conn: AsyncConnection, ds: Dataset, columns: dict[str, sa.types.TypeEngine[Any]], problems: list[str]
) -> None:
    where = f"dataset {ds.name}"
    known = ", ".join(sorted(columns))

    def missing(what: str, column: str) -> None:
        problems.append(f"{where}: {what}: no column {column!r} in table {ds.table} (columns: {known})")

    for m in ds.measures:
        # A computed measure (column x multiply_by / divide_by) needs every one of its columns numeric.
        for column in m.columns:
            if column not in columns:
                missing(f"measure {m.name}", column)
                continue
            numeric = _is_numeric_type(columns[column])
            if numeric is None:
                numeric = await _values_are_numbers(conn, ds.table, column)
            if not numeric:
                problems.append(
                    f"{where}: measure {m.name}: column {column!r} holds {sql_type_name(columns[column])}, "
                    "not numbers (make it a dimension instead)"
                )
    for d in ds.dimensions:
        if d.column not in columns:
            missing(f"dimension {d.name}", d.column)
    if ds.time is not None and ds.time.column not in columns:
        missing("time", ds.time.column)


def _time_problems(ds: Dataset) -> tuple[list[str], list[str]]:
    """Problems and warnings about the time span a worker read from `ds` (facts applied)."""
    if ds.time is None or ds.time_min is None:
        return [], ([f"dataset {ds.name}: time column {ds.time.column!r} is empty"] if ds.time else [])
    where, low = f"dataset {ds.name}: time column {ds.time.column!r}", ds.time_min
    if ds.time.grain == "year" and not _YEAR.match(low):
        hint = " (dates: use grain day)" if _TIMESTAMP.match(low) or _DAY.match(low) else ""
        return [f"{where} holds {low!r}, not a year number{hint}"], []
    if ds.time.grain == "day":
        if _YEAR.match(low):
            return [f"{where} holds {low!r}, a year number: use grain year"], []
        if _TIMESTAMP.match(low):
            return [], [
                f"{where} holds timestamps ({low}): charts need dates; expose a date column or a view that "
                f"casts it (CAST({ds.time.column} AS DATE)) so time ranges in questions work"
            ]
        if not _DAY.match(low):
            return [f"{where} holds {low!r}, not an ISO date (YYYY-MM-DD)"], []
    return [], []


def _sample_question(ds: Dataset) -> str:
    category = next((d.label for d in ds.dimensions if d.type == "category"), None)
    return sample_question(ds.measures[0].label, category, has_time=ds.time is not None)


async def _try_questions(
    model: SemanticModel, engine: AsyncEngine, summaries: dict[str, DatasetSummary], report: CheckReport
) -> None:
    """Plan and run a sample question per dataset, and plan each of the model's examples."""
    from worker.extraction import run_query
    from worker.planner.rules import RulePlanner, UnchartableQuestion

    planner = RulePlanner(model)
    for ds in model.datasets:
        question = _sample_question(ds)
        try:
            plan = planner.plan(question)
        except UnchartableQuestion as exc:
            report.warnings.append(f"dataset {ds.name}: the sample question {question!r} fails: {exc}")
            continue
        if plan.dataset != ds.name:
            report.warnings.append(
                f"dataset {ds.name}: {question!r} was answered from dataset {plan.dataset}: give the "
                "datasets' measures distinct labels and synonyms"
            )
            continue
        try:
            result = await run_query(engine, plan, model, row_limit=1_000, timeout_s=30.0)
        except (sa.exc.SQLAlchemyError, OSError) as exc:
            report.problems.append(
                f"dataset {ds.name}: the query for {question!r} failed: {first_error_line(exc)}"
            )
            continue
        summaries[
            ds.name
        ].sample = f'"{question}" -> {plan.title} ({plan.chart_type}, {result.row_count} rows)'
    for example in model.examples:
        try:
            planner.plan(example)
        except UnchartableQuestion as exc:
            report.warnings.append(f"example {example!r} cannot be charted: {exc}")


def _todo_warnings(model: SemanticModel) -> list[str]:
    todo = [
        f"{ds.name}.{m.name}" for ds in model.datasets for m in ds.measures if "TODO" in m.description
    ] + [ds.name for ds in model.datasets if "TODO" in ds.description]
    if not todo:
        return []
    return [f"descriptions still say TODO ({', '.join(todo)}): users read them under every chart"]


async def check_model(
    model: SemanticModel, engine: AsyncEngine, *, source: str, warehouse: str
) -> CheckReport:
    """Everything wrong (problems) or doubtful (warnings) about `model` on the warehouse behind `engine`."""
    report = CheckReport(source=source, warehouse=warehouse)
    try:
        async with engine.connect() as conn:
            schema = await conn.run_sync(_reflect, {ds.table for ds in model.datasets})
            healthy: list[Dataset] = []
            for ds in model.datasets:
                if ds.table not in schema.tables:
                    listing = ", ".join(sorted(schema.tables)) or "none"
                    report.problems.append(
                        f"dataset {ds.name}: no table or view {ds.table!r} (found: {listing})"
                    )
                    continue
                before = len(report.problems)
                await _check_columns(conn, ds, schema.columns[ds.table], report.problems)
                if len(report.problems) == before:
                    healthy.append(ds)
            rows = {
                ds.name: (
                    await conn.execute(sa.select(sa.func.count()).select_from(sa.table(ds.table)))
                ).scalar_one()
                for ds in healthy
            }
    except (sa.exc.SQLAlchemyError, OSError) as exc:
        report.problems.append(f"cannot read the warehouse: {first_error_line(exc)}")
        return report
    if not healthy:
        return report
    try:
        facts = await with_warehouse_facts(model.model_copy(update={"datasets": healthy}), engine)
    except (sa.exc.SQLAlchemyError, OSError) as exc:
        report.problems.append(f"reading dimension values and time spans failed: {first_error_line(exc)}")
        return report
    summaries: dict[str, DatasetSummary] = {}
    for ds in facts.datasets:
        problems, warnings = _time_problems(ds)
        report.problems += problems
        report.warnings += warnings
        dimensions = []
        for d in ds.dimensions:
            if d.type == "number":
                dimensions.append(f"{d.name} (numbers)")
            elif d.values:
                dimensions.append(f"{d.name} ({count(len(d.values), 'value')})")
            else:
                dimensions.append(f"{d.name} (values not matched)")
                report.warnings.append(
                    f"dataset {ds.name}: dimension {d.name} has no values or over {MAX_DIMENSION_VALUES:,}, "
                    "so questions cannot name them; group by it only"
                )
        summaries[ds.name] = DatasetSummary(
            name=ds.name,
            table=ds.table,
            rows=int(rows[ds.name]),
            measures=[f"{m.name} ({m.agg}{f', {m.unit}' if m.unit else ''})" for m in ds.measures],
            dimensions=dimensions,
            time_range=(ds.time_min, ds.time_max) if ds.time is not None else None,
        )
    if len(healthy) == len(model.datasets) and report.ok:
        await _try_questions(facts, engine, summaries, report)
    report.datasets = list(summaries.values())
    report.warnings += _todo_warnings(model)
    return report
