"""SQL types and database errors as they read in a one-line message to a person."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa


def sql_type_name(sql_type: sa.types.TypeEngine[Any]) -> str:
    """The type as the database spells it ("VARCHAR(20)"), else SQLAlchemy's class name."""
    try:
        return str(sql_type)
    except sa.exc.CompileError:
        # str() renders with SQLAlchemy's default dialect, which not every reflected type compiles under.
        return type(sql_type).__name__


def first_error_line(exc: BaseException) -> str:
    """The driver's own message (not SQLAlchemy's wrapper with the SQL and a link), first line only."""
    text = str(getattr(exc, "orig", None) or exc)
    return " ".join(text.strip().splitlines()[:1]) or type(exc).__name__
