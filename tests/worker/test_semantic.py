from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.worker.conftest import CsvRows
from worker.plan import ChartPlan, TimeRange
from worker.semantic import (
    Measure,
    PlanValidationError,
    SemanticModel,
    load_semantic_model,
)
from worker.warehouse.model_facts import with_warehouse_facts

VALID: dict[str, Any] = {
    "dataset": "gapminder",
    "measures": [{"name": "life_exp", "agg": "avg"}],
    "series": "country",
    "use_time": True,
    "time_range": {"start": "1980"},
    "filters": [{"column": "country", "op": "in", "value": ["Mexico", "Canada"]}],
    "chart_type": "line",
    "title": "Life expectancy in Mexico and Canada since 1980",
}


def plan(**changes: Any) -> ChartPlan:
    return ChartPlan.model_validate(VALID | changes)


async def test_every_declared_column_exists_in_the_sample_warehouse(warehouse: AsyncEngine) -> None:
    model = load_semantic_model()
    async with warehouse.connect() as conn:
        for ds in model.datasets:
            columns = [c for m in ds.measures for c in m.columns] + [d.column for d in ds.dimensions]
            columns += [ds.time.column] if ds.time else []
            table = sa.table(ds.table, *(sa.column(c) for c in columns))
            await conn.execute(sa.select(*table.c).limit(1))
        assert {ds.name for ds in model.datasets} >= {"gapminder", "stocks", "tips", "medals", "wind", "iris"}


def test_every_measure_says_what_it_means() -> None:
    for ds in load_semantic_model().datasets:
        for measure in ds.measures:
            assert len(measure.description.split()) >= 6, measure.name
            assert measure.synonyms, measure.name


async def test_facts_come_from_the_data(
    semantic_model: SemanticModel, read_csv: Callable[[str], CsvRows]
) -> None:
    gapminder = semantic_model.dataset("gapminder")
    rows = read_csv("gapminder")
    assert set(gapminder.dimension("continent").values) == {r["continent"] for r in rows}
    assert set(gapminder.dimension("country").values) == {r["country"] for r in rows}
    years = [int(r["year"]) for r in rows]
    assert (gapminder.time_min, gapminder.time_max) == (str(min(years)), str(max(years)))
    assert semantic_model.data_as_of("gapminder") == str(max(years))
    dates = [r["date"] for r in read_csv("stocks")]
    assert semantic_model.data_as_of("stocks") == max(dates)
    assert set(semantic_model.dataset("tips").dimension("day").values) == {r["day"] for r in read_csv("tips")}
    assert semantic_model.data_as_of("tips") is None


async def test_facts_are_added_to_a_copy(warehouse: AsyncEngine) -> None:
    bare = load_semantic_model()
    enriched = await with_warehouse_facts(bare, warehouse)
    assert bare.dataset("gapminder").dimension("country").values == []
    assert bare.dataset("gapminder").time_max is None
    assert "Mexico" in enriched.dataset("gapminder").dimension("country").values


def test_a_valid_plan_passes(semantic_model: SemanticModel) -> None:
    semantic_model.validate_plan(plan())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"dataset": "weather"}, "Unknown dataset 'weather'"),
        ({"measures": [{"name": "humidity"}]}, "Unknown measure 'humidity'"),
        ({"series": "planet"}, "Unknown dimension 'planet'"),
        ({"filters": [{"column": "password", "op": "eq", "value": "x"}]}, "Unknown column 'password'"),
        ({"measures": [{"name": "life_exp", "agg": "sum"}]}, "Adding up life expectancy"),
        ({"filters": [{"column": "country", "op": "eq", "value": 5}]}, "are text"),
        ({"filters": [{"column": "country", "op": "eq", "value": "Atlantis"}]}, "Unknown country"),
        ({"filters": [{"column": "country", "op": "gt", "value": "Mexico"}]}, "is a category"),
        ({"filters": [{"column": "country", "op": "in", "value": "Mexico"}]}, "non-empty list"),
        ({"filters": [{"column": "year", "op": "gte", "value": "1990"}]}, "needs numbers"),
        ({"filters": [{"column": "pop", "op": "between", "value": [1]}]}, "pair"),
        ({"time_range": {"start": "last year"}}, "not a year or an ISO date"),
        ({"time_range": {"start": "2000", "end": "1990"}}, "starts"),
        ({"chart_type": "pie"}, "pie chart"),
        ({"chart_type": "histogram"}, "histogram"),
        ({"use_time": False, "series": None}, "needs time or a dimension"),
        ({"dimension": "country", "series": "country", "use_time": False}, "cannot be the same"),
        ({"sort": {"by": "pop"}}, "Cannot sort by 'pop'"),
        (
            {"measures": [{"name": "life_exp", "agg": "none"}, {"name": "pop", "agg": "sum"}]},
            "cannot be mixed",
        ),
        ({"measures": [{"name": "life_exp"}, {"name": "life_exp"}]}, "listed twice"),
        (
            {"measures": [{"name": "life_exp"}, {"name": "pop", "agg": "sum"}], "chart_type": "scatter"},
            "scatter of two measures",
        ),
    ],
)
def test_nonsense_plans_are_rejected_with_the_reason(
    semantic_model: SemanticModel, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(PlanValidationError, match=message):
        semantic_model.validate_plan(plan(**changes))


def test_time_only_exists_where_the_dataset_has_time(semantic_model: SemanticModel) -> None:
    tips = plan(dataset="tips", measures=[{"name": "tip"}], series=None, filters=[], time_range=None)
    with pytest.raises(PlanValidationError, match="no time column"):
        semantic_model.validate_plan(tips)


def test_daily_time_bounds_become_dates(semantic_model: SemanticModel) -> None:
    stocks = semantic_model.dataset("stocks")
    bounds = stocks.time_bounds(TimeRange(start="2019", end="2019-02"))
    assert bounds == ("2019-01-01", "2019-02-28")


def test_a_custom_model_file_loads_and_its_mistakes_are_caught(tmp_path: Path) -> None:
    good = tmp_path / "model.yaml"
    good.write_text(
        "datasets:\n"
        "  - name: sales\n    table: sales\n    description: Sales.\n    key: [region]\n"
        "    measures:\n      - {name: revenue, column: revenue, agg: sum, additive: true, label: Revenue,"
        " description: Money taken from customers}\n"
        "    dimensions:\n      - {name: region, column: region, label: Region}\n"
    )
    model = load_semantic_model(good)
    assert model.dataset("sales").measure("revenue").axis_title() == "Revenue"
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text().replace("key: [region]", "key: [store]"))
    with pytest.raises(PlanValidationError, match="store"):
        load_semantic_model(bad)


@pytest.mark.parametrize(
    ("label", "unit", "title"),
    [
        ("Medals", "medals", "Medals"),
        ("Medal count", "medals", "Medal count"),
        ("Age in years", "years", "Age in years"),
        ("Life expectancy", "years", "Life expectancy (years)"),
        ("Stock price", "times Jan 2018 price", "Stock price (times Jan 2018 price)"),
        ("Wind frequency", "% of observations", "Wind frequency (% of observations)"),
        ("Revenue", None, "Revenue"),
    ],
)
def test_an_axis_title_names_the_unit_once(label: str, unit: str | None, title: str) -> None:
    measure = Measure(name="m", column="m", label=label, unit=unit, description="d")
    assert measure.axis_title() == title
    assert measure.shown_unit == (None if title == label else unit)


def test_every_sample_measure_declares_how_many_decimals_a_chart_shows() -> None:
    for ds in load_semantic_model().datasets:
        for measure in ds.measures:
            assert measure.decimals is not None, measure.name
    # Life expectancy is recorded to 3 decimals; showing fewer would change the recorded values.
    assert load_semantic_model().dataset("gapminder").measure("life_exp").decimals == 3
    with pytest.raises(ValueError, match="decimals"):
        Measure(name="m", column="m", label="M", description="d", decimals=-1)
