from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.worker.conftest import CsvRows
from worker.warehouse.sample import build_sample_warehouse, warehouse_engine


def test_sample_datasets_are_found_without_importing_plotly() -> None:
    code = (
        "import sys\nfrom worker.warehouse.sample import sample_datasets_dir\n"
        "d = sample_datasets_dir()\nassert (d / 'gapminder.csv.gz').is_file(), d\n"
        "assert 'plotly' not in sys.modules, 'plotly was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[3])


def test_tables_hold_every_csv_row_with_typed_columns(
    warehouse_path: Path, read_csv: Callable[[str], CsvRows]
) -> None:
    with sqlite3.connect(warehouse_path) as conn:
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("gapminder", "stocks", "tips", "medals", "wind", "iris")
        }
        types = {row[1]: row[2] for row in conn.execute("PRAGMA table_info(gapminder)")}
        mexico = conn.execute(
            "SELECT life_exp, pop, gdp_per_capita, continent, iso_alpha FROM gapminder"
            " WHERE country = 'Mexico' AND year = 1982"
        ).fetchone()
        stock_types = {row[1]: row[2] for row in conn.execute("PRAGMA table_info(stocks)")}
        first_apple = conn.execute(
            "SELECT date, price FROM stocks WHERE ticker = 'AAPL' ORDER BY date"
        ).fetchone()
    stocks = read_csv("stocks")
    tickers = [c for c in stocks[0] if c != "date"]
    assert counts == {
        "gapminder": len(read_csv("gapminder")),
        "stocks": len(stocks) * len(tickers),
        "tips": len(read_csv("tips")),
        "medals": len(read_csv("medals")) * 3,
        "wind": len(read_csv("wind")),
        "iris": len(read_csv("iris")),
    }
    assert types["year"] == "INTEGER" and types["life_exp"] == "REAL" and types["country"] == "TEXT"
    assert types["pop"] == "INTEGER" and types["gdp_per_capita"] == "REAL"
    csv_mexico = next(r for r in read_csv("gapminder") if r["country"] == "Mexico" and r["year"] == "1982")
    assert mexico == (
        float(csv_mexico["lifeExp"]),
        int(csv_mexico["pop"]),
        float(csv_mexico["gdpPercap"]),
        "Americas",
        "MEX",
    )
    assert stock_types == {"date": "TEXT", "ticker": "TEXT", "price": "REAL"}
    assert first_apple == (stocks[0]["date"], float(stocks[0]["AAPL"]))


def test_usual_filter_columns_are_indexed(warehouse_path: Path) -> None:
    with sqlite3.connect(warehouse_path) as conn:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM gapminder WHERE country = 'Mexico' AND year >= 1980"
        ).fetchall()
        stocks_plan = conn.execute("EXPLAIN QUERY PLAN SELECT * FROM stocks WHERE ticker = 'AAPL'").fetchall()
    assert "USING INDEX" in str(plan)
    assert "USING INDEX" in str(stocks_plan)


def test_second_build_returns_false_and_leaves_the_file_alone(warehouse_path: Path) -> None:
    before = warehouse_path.stat()
    assert build_sample_warehouse(warehouse_path) is False
    after = warehouse_path.stat()
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (
        before.st_mtime_ns,
        before.st_size,
        before.st_ino,
    )


def test_racing_builders_leave_one_complete_database(tmp_path: Path) -> None:
    target = tmp_path / "nested" / "race.db"
    code = "import sys, pathlib\nfrom worker.warehouse.sample import build_sample_warehouse\n"
    code += "print(build_sample_warehouse(pathlib.Path(sys.argv[1])))"
    root = Path(__file__).parents[3]
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(target)], cwd=root, stdout=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=60)[0].decode().strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert "True" in outputs
    assert sorted(os.listdir(target.parent)) == ["race.db"], "temporary files were left behind"
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM gapminder").fetchone()[0] == 1704


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM gapminder",
        "INSERT INTO tips (tip) VALUES (1.0)",
        "UPDATE stocks SET price = 0",
        "DROP TABLE gapminder",
        "CREATE TABLE evil (x INTEGER)",
    ],
)
async def test_warehouse_engine_refuses_writes(warehouse: AsyncEngine, statement: str) -> None:
    async with warehouse.connect() as conn:
        with pytest.raises(sa.exc.OperationalError, match="readonly"):
            await conn.execute(sa.text(statement))
            await conn.commit()
    async with warehouse.connect() as conn:
        assert (await conn.execute(sa.text("SELECT count(*) FROM gapminder"))).scalar_one() == 1704
        assert (await conn.execute(sa.text("SELECT count(*) FROM stocks WHERE price = 0"))).scalar_one() == 0


async def test_warehouse_engine_accepts_the_driverless_and_aiosqlite_spellings(warehouse_path: Path) -> None:
    for url in (f"sqlite:///{warehouse_path}", f"sqlite+aiosqlite:///{warehouse_path}"):
        engine = warehouse_engine(url)
        try:
            async with engine.connect() as conn:
                assert (await conn.execute(sa.text("SELECT count(*) FROM iris"))).scalar_one() == 150
        finally:
            await engine.dispose()


async def test_warehouse_engine_does_not_create_a_missing_file(tmp_path: Path) -> None:
    engine = warehouse_engine(f"sqlite:///{tmp_path / 'missing.db'}")
    try:
        with pytest.raises(sa.exc.OperationalError):
            async with engine.connect() as conn:
                await conn.execute(sa.text("SELECT 1"))
    finally:
        await engine.dispose()
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize("url", ["mysql://u:p@localhost/db", "sqlite://", "sqlite:///:memory:"])
def test_warehouse_engine_rejects_what_it_cannot_make_read_only(url: str) -> None:
    with pytest.raises(ValueError):
        warehouse_engine(url)


def test_postgres_urls_use_asyncpg() -> None:
    engine = warehouse_engine("postgresql://reader:secret@db.example/warehouse")
    assert engine.dialect.name == "postgresql" and engine.dialect.driver == "asyncpg"
    asyncio.run(engine.dispose())


@pytest.mark.db
async def test_postgres_warehouse_refuses_writes(request: pytest.FixtureRequest) -> None:
    # CI's PostgreSQL pass names its database; otherwise the test starts a cluster of its own.
    url = os.environ.get("CHARTQ_TEST_WAREHOUSE_PG_URL") or request.getfixturevalue("postgres").url
    engine = warehouse_engine(url)
    try:
        async with engine.connect() as conn:
            with pytest.raises(sa.exc.DBAPIError, match="read-only transaction"):
                await conn.execute(sa.text("CREATE TABLE chartq_should_not_exist (x int)"))
    finally:
        await engine.dispose()
