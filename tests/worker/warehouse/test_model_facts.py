"""The facts a warehouse adds to a semantic model (worker.warehouse.model_facts): the groups one
category's values fall in, when the data gives each value exactly one (each country its continent)."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from worker.semantic import SemanticModel, load_semantic_model
from worker.warehouse.model_facts import with_warehouse_facts
from worker.warehouse.sample import warehouse_engine

MODEL = """
datasets:
  - name: shops
    table: shops
    description: Sales of each shop.
    measures:
      - {name: sales, column: sales, label: Sales, description: What a shop sold., additive: true}
    dimensions:
      - {name: shop, column: shop, label: Shop}
      - {name: city, column: city, label: City}
      - {name: country, column: country, label: Country}
      - {name: product, column: product, label: Product}
      - {name: floors, column: floors, label: Floors, type: number}
"""


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    path = tmp_path / "w.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            CREATE TABLE shops (shop TEXT, city TEXT, country TEXT, product TEXT, floors INTEGER, sales REAL);
            INSERT INTO shops VALUES
                ('A', 'Lyon', 'France', 'tea', 1, 5), ('A', 'Lyon', 'France', 'jam', 1, 2),
                ('B', 'Paris', 'France', 'tea', 2, 3), ('C', 'Rome', 'Italy', 'tea', 3, 4),
                ('C', 'Rome', 'Italy', 'jam', 3, 1), ('D', NULL, 'Italy', 'jam', 2, 1),
                ('E', 'Paris', 'France', 'tea', 1, 6);
            """
        )
    conn.close()
    engine = warehouse_engine(f"sqlite:///{path}")
    yield engine
    await engine.dispose()


async def test_each_value_knows_the_one_group_it_falls_in(engine: AsyncEngine, tmp_path: Path) -> None:
    model = await _facts(engine, tmp_path)
    shops = model.dataset("shops")
    assert shops.dimension("shop").groups == {
        "city": {"A": "Lyon", "B": "Paris", "C": "Rome", "E": "Paris"},
        "country": {"A": "France", "B": "France", "C": "Italy", "D": "Italy", "E": "France"},
    }
    assert shops.dimension("city").groups == {
        "country": {"Lyon": "France", "Paris": "France", "Rome": "Italy"}
    }


async def test_values_in_more_than_one_group_and_numbers_have_none(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    shops = (await _facts(engine, tmp_path)).dataset("shops")
    assert shops.dimension("country").groups == {}
    assert shops.dimension("product").groups == {}
    assert shops.dimension("floors").groups == {}
    assert all("floors" not in d.groups and "product" not in d.groups for d in shops.dimensions)


async def test_each_sample_country_is_on_its_continent(semantic_model: SemanticModel) -> None:
    continents = semantic_model.dataset("gapminder").dimension("country").groups["continent"]
    assert (continents["Egypt"], continents["Australia"], continents["France"]) == (
        "Africa",
        "Oceania",
        "Europe",
    )
    assert "country" not in semantic_model.dataset("gapminder").dimension("continent").groups


async def test_a_model_file_without_facts_has_no_groups() -> None:
    assert all(not d.groups for ds in load_semantic_model().datasets for d in ds.dimensions)


async def _facts(engine: AsyncEngine, tmp_path: Path) -> SemanticModel:
    path = tmp_path / "model.yaml"
    path.write_text(MODEL)
    return await with_warehouse_facts(load_semantic_model(path), engine)
