"""The sample warehouse (built from the CSVs that plotly ships) and read-only engines for any warehouse.

Building is synchronous and uses only the stdlib: it runs once at start-up (`make run`, `chartq up`),
before any event loop matters, and must not import plotly (slow) just to find its data files.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import importlib.util
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy.ext.asyncio
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

Row = tuple[Any, ...]
_CASTS: dict[str, Callable[[str], Any]] = {"INTEGER": int, "REAL": float, "TEXT": str}


def sample_datasets_dir() -> Path:
    """The folder holding plotly's gzipped sample CSVs, located without importing plotly."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the plotly package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "package_data" / "datasets"


@dataclass(frozen=True)
class _Table:
    name: str
    csv_file: str
    # (column in the table, SQL type); rows come from `reshape` or, by default, CSV columns in order.
    columns: tuple[tuple[str, str], ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    source_columns: tuple[str, ...] = ()
    reshape: Callable[[list[dict[str, str]]], Iterator[Row]] | None = field(default=None)


def _melt_stocks(records: list[dict[str, str]]) -> Iterator[Row]:
    # The CSV is wide (one column per ticker); long form lets "apple vs google" be a series filter.
    for record in records:
        for ticker, price in record.items():
            if ticker != "date" and price != "":
                yield record["date"], ticker, float(price)


def _melt_medals(records: list[dict[str, str]]) -> Iterator[Row]:
    for record in records:
        for medal in ("gold", "silver", "bronze"):
            yield record["nation"], medal.capitalize(), int(record[medal])


def _melt_election(records: list[dict[str, str]]) -> Iterator[Row]:
    # One row per district and candidate, so votes can be split, filtered and shared by candidate.
    for record in records:
        for candidate in ("Coderre", "Bergeron", "Joly"):
            yield record["district"], candidate, int(record[candidate]), record["winner"], record["result"]


_TABLES = (
    _Table(
        "gapminder",
        "gapminder.csv.gz",
        (
            ("country", "TEXT"),
            ("continent", "TEXT"),
            ("year", "INTEGER"),
            ("life_exp", "REAL"),
            ("pop", "INTEGER"),
            ("gdp_per_capita", "REAL"),
            ("iso_alpha", "TEXT"),
            ("iso_num", "INTEGER"),
        ),
        (("country", "year"), ("continent", "year"), ("year",)),
        ("country", "continent", "year", "lifeExp", "pop", "gdpPercap", "iso_alpha", "iso_num"),
    ),
    _Table(
        "stocks",
        "stocks.csv.gz",
        (("date", "TEXT"), ("ticker", "TEXT"), ("price", "REAL")),
        (("ticker", "date"), ("date",)),
        reshape=_melt_stocks,
    ),
    _Table(
        "tips",
        "tips.csv.gz",
        (
            ("total_bill", "REAL"),
            ("tip", "REAL"),
            ("sex", "TEXT"),
            ("smoker", "TEXT"),
            ("day", "TEXT"),
            ("time", "TEXT"),
            ("size", "INTEGER"),
        ),
        (("day",), ("time",), ("sex",)),
    ),
    _Table(
        "medals",
        "medals.csv.gz",
        (("nation", "TEXT"), ("medal", "TEXT"), ("medal_count", "INTEGER")),
        (("nation",),),
        reshape=_melt_medals,
    ),
    _Table(
        "wind",
        "wind.csv.gz",
        (("direction", "TEXT"), ("strength", "TEXT"), ("frequency", "REAL")),
        (("direction",), ("strength",)),
    ),
    _Table(
        "iris",
        "iris.csv.gz",
        (
            ("sepal_length", "REAL"),
            ("sepal_width", "REAL"),
            ("petal_length", "REAL"),
            ("petal_width", "REAL"),
            ("species", "TEXT"),
            ("species_id", "INTEGER"),
        ),
        (("species",),),
    ),
    _Table(
        "election",
        "election.csv.gz",
        (
            ("district", "TEXT"),
            ("candidate", "TEXT"),
            ("votes", "INTEGER"),
            ("winner", "TEXT"),
            ("result", "TEXT"),
        ),
        (("candidate",), ("district",)),
        reshape=_melt_election,
    ),
)


def _rows(table: _Table, folder: Path) -> Iterator[Row]:
    with gzip.open(folder / table.csv_file, "rt", newline="", encoding="utf-8") as fh:
        records = list(csv.DictReader(fh))
    if table.reshape is not None:
        yield from table.reshape(records)
        return
    sources = table.source_columns or tuple(name for name, _ in table.columns)
    casts = [_CASTS[sql_type] for _, sql_type in table.columns]
    for record in records:
        yield tuple(
            None if record[src] == "" else cast(record[src]) for src, cast in zip(sources, casts, strict=True)
        )


def _create(conn: sqlite3.Connection, table: _Table, folder: Path) -> None:
    # Identifiers come from the constants above, never from input, so formatting them in is safe.
    columns = ", ".join(f'"{name}" {sql_type}' for name, sql_type in table.columns)
    conn.execute(f'CREATE TABLE "{table.name}" ({columns})')
    marks = ", ".join("?" for _ in table.columns)
    conn.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})', _rows(table, folder))
    for index_columns in table.indexes:
        index_name = f"ix_{table.name}_{'_'.join(index_columns)}"
        cols = ", ".join(f'"{c}"' for c in index_columns)
        conn.execute(f'CREATE INDEX "{index_name}" ON "{table.name}" ({cols})')


def build_sample_warehouse(path: Path) -> bool:
    """Create the sample SQLite warehouse at `path`; False (and nothing touched) when it already exists.

    The file appears atomically: readers and a concurrent builder never see a half-written database.
    """
    path = Path(path)
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = sample_datasets_dir()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            with conn:
                for table in _TABLES:
                    _create(conn, table, folder)
            conn.execute("ANALYZE")
        finally:
            conn.close()
        if path.exists():
            return False
        # mkstemp creates the file private to its owner; the warehouse is meant to be shared read-only.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def warehouse_engine(url: str) -> AsyncEngine:
    """A read-only async engine: SQLite files open with mode=ro, PostgreSQL sessions default to read only.

    Accepts `sqlite:///path`, `sqlite+aiosqlite:///path`, `postgresql://...` and `postgresql+asyncpg://...`.
    """
    # Looked up at each call: with traces on, shared.otel has wrapped it to trace the engine's SQL.
    create_async_engine = sqlalchemy.ext.asyncio.create_async_engine
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database
        if not database or database == ":memory:" or database.startswith("file:"):
            raise ValueError("the warehouse must be an SQLite file path, e.g. sqlite:///data/warehouse.db")
        absolute = Path(database).expanduser().resolve()
        return create_async_engine(f"sqlite+aiosqlite:///file:{quote(str(absolute))}?mode=ro&uri=true")
    if backend == "postgresql":
        return create_async_engine(
            parsed.set(drivername="postgresql+asyncpg"),
            # A planner bug or an injection can at worst read: the server refuses every write.
            connect_args={"server_settings": {"default_transaction_read_only": "on"}},
            pool_pre_ping=True,
        )
    raise ValueError(f"unsupported warehouse database {backend!r}: use SQLite or PostgreSQL")
