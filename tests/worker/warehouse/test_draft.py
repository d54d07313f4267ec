"""Drafting a semantic model from schemas other than the happy path: yearly data, dates kept as text,
timestamps, and names the draft must turn into words a question would use."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from worker.semantic import load_semantic_model
from worker.warehouse.check import check_model
from worker.warehouse.draft import draft_semantic_model, is_additive, label, synonyms
from worker.warehouse.sample import warehouse_engine


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    path = tmp_path / "w.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            CREATE TABLE harvest (year INTEGER, crop TEXT, farmId INTEGER, yield_per_hectare REAL,
                                  tonnes_total REAL);
            INSERT INTO harvest VALUES (2020, 'Wheat', 1, 7.5, 100), (2021, 'Wheat', 1, 8.0, 120),
                                       (2021, 'Barley', 2, 6.0, 80);
            CREATE TABLE visits (visited TEXT, page TEXT, ms REAL, logged_at TIMESTAMP);
            INSERT INTO visits VALUES ('2024-05-01', 'home', 120, '2024-05-01 10:00:00'),
                                      ('2024-05-02', 'about', 80, '2024-05-02 11:30:00');
            CREATE TABLE events (happened_at TIMESTAMP, kind TEXT, duration REAL);
            INSERT INTO events VALUES ('2024-05-01 10:00:00', 'click', 1.5);
            """
        )
    conn.close()
    engine = warehouse_engine(f"sqlite:///{path}")
    yield engine
    await engine.dispose()


async def test_years_dates_as_text_and_timestamps(engine: AsyncEngine, tmp_path: Path) -> None:
    path = tmp_path / "model.yaml"
    path.write_text(await draft_semantic_model(engine, "test"))
    model = load_semantic_model(path)

    harvest = model.dataset("harvest")
    assert harvest.time is not None and (harvest.time.column, harvest.time.grain) == ("year", "year")
    assert [m.name for m in harvest.measures] == ["yield_per_hectare", "tonnes_total"]
    assert [(m.agg, m.additive) for m in harvest.measures] == [("avg", False), ("sum", True)]
    assert [d.name for d in harvest.dimensions] == ["crop"]  # farmId is an identifier

    visits = model.dataset("visits")
    # Text holding ISO dates is the time axis, ahead of a timestamp column.
    assert visits.time is not None and (visits.time.column, visits.time.grain) == ("visited", "day")

    report = await check_model(model, engine, source=str(path), warehouse="test")
    assert report.ok, report.problems
    assert any("happened_at" in w and "timestamps" in w for w in report.warnings), report.warnings
    assert any('"Yield per hectare by crop"' in (d.sample or "") for d in report.datasets)


async def test_a_year_grain_on_dates_is_a_problem(engine: AsyncEngine, tmp_path: Path) -> None:
    path = tmp_path / "model.yaml"
    text = await draft_semantic_model(engine, "test", ["visits"])
    path.write_text(text.replace("grain: day", "grain: year"))
    report = await check_model(load_semantic_model(path), engine, source=str(path), warehouse="test")
    assert report.problems == ["dataset visits: time column 'visited' holds '2024-05-01', not a year number "
                               "(dates: use grain day)"]  # fmt: skip


def test_names_become_words() -> None:
    assert label("unitPrice") == "Unit price" and label("order_date") == "Order date"
    assert synonyms("country") == ["country", "countries"]
    assert synonyms("sales_categories") == ["sales categories", "sales category"]
    assert is_additive("order_amount") and is_additive("Revenue") and not is_additive("unit_price")
