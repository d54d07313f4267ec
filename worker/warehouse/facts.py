"""What a warehouse's schema and data say about each table and column, for `chartq semantic init`.

Declared types decide most columns; text columns are also read, to count their distinct values (few
make a dimension) and to recognise dates stored as text (common in SQLite).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from worker.warehouse.sql_text import sql_type_name

ColumnKind = Literal["id", "number", "integer", "text", "date", "boolean", "other"]

# Text with more distinct values than this is a name, an address or a note: matching question words
# against it would be slow and wrong, so it is not drafted as a dimension.
MAX_DRAFT_DIMENSION_VALUES = 200
# Dates stored as text (common in SQLite) are recognised by their values, from this many of them.
_DATE_SAMPLE = 20
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_ID_NAME = re.compile(r"^(?:id|uuid|guid|pk)$|_(?:id|uuid|guid|pk)$|[a-z0-9]Id$")


@dataclass
class ColumnFacts:
    name: str
    sql_type: str
    kind: ColumnKind
    # Distinct non-null values, for text columns only; MAX_DRAFT_DIMENSION_VALUES + 1 means "more".
    distinct: int | None = None
    scale: int | None = None


@dataclass
class TableFacts:
    name: str
    is_view: bool
    rows: int
    columns: list[ColumnFacts] = field(default_factory=list)


def column_kind(sql_type: sa.types.TypeEngine[Any], name: str, primary_key: Sequence[str]) -> ColumnKind:
    """What a column's declared type (and for identifiers, its name) says it holds."""
    if isinstance(sql_type, sa.Boolean):
        return "boolean"
    if _ID_NAME.search(name) or (list(primary_key) == [name]):
        return "id"
    if isinstance(sql_type, sa.Date | sa.DateTime):
        return "date"
    if isinstance(sql_type, sa.Integer):
        return "integer"
    if isinstance(sql_type, sa.Numeric | sa.Float):
        return "number"
    if isinstance(sql_type, sa.String | sa.Enum):
        return "text"
    return "other"


def _scale(sql_type: sa.types.TypeEngine[Any]) -> int | None:
    scale = getattr(sql_type, "scale", None)
    return scale if isinstance(scale, int) and not isinstance(sql_type, sa.Float) else None


def _reflect(sync: Connection, only: Sequence[str] | None) -> list[tuple[str, bool, list[ColumnFacts]]]:
    inspector = sa.inspect(sync)
    found = [(name, False) for name in inspector.get_table_names()]
    found += [(name, True) for name in inspector.get_view_names()]
    if only:
        known = {name for name, _ in found}
        missing = [name for name in only if name not in known]
        if missing:
            listing = ", ".join(sorted(known)) or "none"
            raise LookupError(f"no table or view named {', '.join(missing)} (found: {listing})")
        found = [item for name in only for item in found if item[0] == name]
    else:
        # chartq's own bookkeeping, should the warehouse share a database with it.
        found = [item for item in found if item[0] != "alembic_version"]
    tables = []
    for name, is_view in found:
        primary_key = [] if is_view else inspector.get_pk_constraint(name).get("constrained_columns") or []
        columns = [
            ColumnFacts(
                name=col["name"],
                sql_type=sql_type_name(col["type"]),
                kind=column_kind(col["type"], col["name"], primary_key),
                scale=_scale(col["type"]),
            )
            for col in inspector.get_columns(name)
        ]
        tables.append((name, is_view, columns))
    return tables


async def inspect_warehouse(engine: AsyncEngine, only: Sequence[str] | None = None) -> list[TableFacts]:
    """The tables and views of the warehouse's default schema with what their data says about them.

    Raises LookupError when a table in `only` does not exist.
    """
    async with engine.connect() as conn:
        reflected = await conn.run_sync(_reflect, only)
        tables = []
        for name, is_view, columns in reflected:
            table = sa.table(name, *(sa.column(c.name) for c in columns))
            rows = (await conn.execute(sa.select(sa.func.count()).select_from(table))).scalar_one()
            for col in columns:
                if col.kind != "text":
                    continue
                column = table.c[col.name]
                query = sa.select(column).distinct().where(column.is_not(None))
                values = (await conn.execute(query.limit(MAX_DRAFT_DIMENSION_VALUES + 1))).scalars().all()
                col.distinct = len(values)
                sample = [v for v in values[:_DATE_SAMPLE] if isinstance(v, str)]
                if sample and all(_ISO_DATE.match(v) for v in sample):
                    col.kind = "date"
            tables.append(TableFacts(name=name, is_view=is_view, rows=int(rows), columns=columns))
    return tables
