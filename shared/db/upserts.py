"""The INSERT ... ON CONFLICT statements of the worker's writes, built once per dialect, and the column
values they take."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from shared.db.tables import Chart, TaskRun


def _upserts(insert: Any) -> tuple[sa.Insert, sa.Insert]:
    """(insert a chart unless its task has one, insert or replace a run record) for a dialect with
    ON CONFLICT. Built once: statements built per call spent more time in SQLAlchemy than in SQL."""
    charts, runs = Chart.__table__, TaskRun.__table__
    save = insert(charts).on_conflict_do_nothing(index_elements=["task_id"])
    record = insert(runs)
    replaced = {c.name: record.excluded[c.name] for c in runs.columns if c.name != "task_id"}
    return save, record.on_conflict_do_update(index_elements=["task_id"], set_=replaced)


UPSERTS = {"postgresql": _upserts(postgresql.insert), "sqlite": _upserts(sqlite.insert)}


def column_values(row: Chart | TaskRun) -> dict[str, Any]:
    """Every column's value; a column left unset takes its Python default, as the ORM would."""
    values = {}
    for column in row.__table__.columns:
        value = getattr(row, column.key)
        if value is None and column.default is not None and column.default.is_scalar:
            value = column.default.arg
        values[column.key] = value
    return values
