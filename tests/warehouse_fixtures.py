"""A user's own warehouse for tests: a `sales` table (with the clutter real tables have: an id, an
e-mail per row) on SQLite or PostgreSQL, and the answers the charts made from it must show."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

REGIONS = ("North", "South", "East", "West")
PRODUCTS = ("Widget", "Gadget", "Gizmo")
START = dt.date(2024, 1, 1)
# (id, region, product, order_date, revenue, units, unit_price, customer_email); 91 days of Q1 2024.
SALES_ROWS = [
    (
        i + 1,
        REGIONS[i % 4],
        PRODUCTS[i % 3],
        START + dt.timedelta(days=i % 91),
        Decimal(10 + (i * 37) % 490) + Decimal("0.25"),
        1 + i % 9,
        2.5 + i % 7,
        f"customer{i}@example.com",
    )
    for i in range(300)
]
COLUMNS = "id, region, product, order_date, revenue, units, unit_price, customer_email"


def revenue_by_region() -> dict[str, float]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for row in SALES_ROWS:
        totals[row[1]] += row[4]
    return {region: float(total) for region, total in totals.items()}


def create_sqlite_sales(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT, product TEXT, order_date DATE, "
            "revenue NUMERIC(10, 2), units INTEGER, unit_price REAL, customer_email TEXT)"
        )
        conn.executemany(
            f"INSERT INTO sales ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*r[:3], r[3].isoformat(), float(r[4]), *r[5:]) for r in SALES_ROWS],
        )
        # Nothing to measure here: the draft leaves it out.
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.close()


async def create_postgres_sales(url: str, table: str) -> None:
    """`table` (a name of the test's own, so runs never collide) in the PostgreSQL database at `url`."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                sa.text(
                    f'CREATE TABLE "{table}" (id SERIAL PRIMARY KEY, region TEXT NOT NULL, '
                    "product VARCHAR(40), order_date DATE NOT NULL, revenue NUMERIC(10, 2), "
                    "units INTEGER, unit_price DOUBLE PRECISION, customer_email TEXT)"
                )
            )
            names = COLUMNS.split(", ")
            rows = [dict(zip(names, r, strict=True)) for r in SALES_ROWS]
            marks = ", ".join(f":{n}" for n in names)
            await conn.execute(sa.text(f'INSERT INTO "{table}" ({COLUMNS}) VALUES ({marks})'), rows)
    finally:
        await engine.dispose()


async def drop_postgres_table(url: str, table: str) -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(sa.text(f'DROP TABLE IF EXISTS "{table}"'))
    finally:
        await engine.dispose()
