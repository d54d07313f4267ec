"""Chart titles from plans, without a warehouse: the wording of measures, grouping, values and time."""

from __future__ import annotations

from typing import Any

import pytest

from worker.plan import ChartPlan
from worker.planner.rules import RulePlanner
from worker.planner.titles import Ranking, chart_title, join_names, lower_label
from worker.semantic import SemanticModel, load_semantic_model


@pytest.fixture(scope="module")
def model() -> SemanticModel:
    return load_semantic_model()


def plan(**fields: Any) -> ChartPlan:
    return ChartPlan.model_validate({"dataset": "gapminder", "title": "x"} | fields)


def title(model: SemanticModel, entities: dict[str, Any] | None = None, **fields: Any) -> str:
    chart = plan(**fields)
    return chart_title(model.dataset(chart.dataset), chart, entities, fields.pop("ranking", None))


def test_one_row_per_point_needs_no_aggregation_word(model: SemanticModel) -> None:
    fields = {
        "measures": [{"name": "life_exp", "agg": "avg"}],
        "series": "country",
        "use_time": True,
        "time_range": {"start": "1980"},
        "filters": [{"column": "country", "op": "in", "value": ["Mexico", "Canada"]}],
    }
    entities = {"country": ["Mexico", "Canada"]}
    assert title(model, entities, **fields) == "Life expectancy in Mexico and Canada since 1980"


def test_aggregations_are_named_unless_the_pie_shows_a_share(model: SemanticModel) -> None:
    by_continent = {"dimension": "continent", "time_range": {"start": "2007", "end": "2007"}}
    population = [{"name": "pop", "agg": "sum"}]
    assert title(model, measures=population, chart_type="bar", **by_continent) == (
        "Total population by continent in 2007"
    )
    assert title(model, measures=population, chart_type="pie", **by_continent) == (
        "Share of population by continent in 2007"
    )
    life = [{"name": "life_exp", "agg": "avg"}]
    assert title(model, measures=life, chart_type="pie", **by_continent) == (
        "Average life expectancy by continent in 2007"
    )


def test_rankings_and_time_spans(model: SemanticModel) -> None:
    top = {
        "measures": [{"name": "gdp_per_capita", "agg": "avg"}],
        "dimension": "country",
        "chart_type": "bar",
        "limit": 5,
        "time_range": {"start": "2007", "end": "2007"},
    }
    chart = plan(**top)
    gapminder = model.dataset("gapminder")
    assert chart_title(gapminder, chart, {}, Ranking(low=False, counted=True)) == (
        "Top 5 countries by GDP per capita in 2007"
    )
    assert chart_title(gapminder, chart, {}, Ranking(low=True, counted=False)) == (
        "Lowest GDP per capita by country in 2007"
    )
    ranged = plan(
        measures=[{"name": "life_exp"}], use_time=True, series="continent", time_range={"end": "1990"}
    )
    assert chart_title(gapminder, ranged) == "Average life expectancy by continent until 1990"


def test_scatter_and_histogram_heads(model: SemanticModel) -> None:
    scatter = {
        "measures": [{"name": "gdp_per_capita", "agg": "none"}, {"name": "life_exp", "agg": "none"}],
        "chart_type": "scatter",
    }
    assert title(model, **scatter) == "GDP per capita vs life expectancy"
    histogram = {
        "dataset": "tips",
        "measures": [{"name": "total_bill", "agg": "none"}],
        "chart_type": "histogram",
    }
    assert title(model, **histogram) == "Distribution of total bill"


def test_many_values_are_counted_rather_than_listed(model: SemanticModel) -> None:
    countries = ["Chad", "Mali", "Niger", "Peru", "Chile"]
    fields = {
        "measures": [{"name": "pop", "agg": "sum"}],
        "use_time": True,
        "series": "country",
        "filters": [{"column": "country", "op": "in", "value": countries}],
    }
    assert title(model, {"country": countries}, **fields) == "Population in 5 countries"


def test_label_helpers() -> None:
    assert lower_label("Life expectancy") == "life expectancy"
    assert lower_label("GDP per capita") == "GDP per capita"
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B", "C"]) == "A, B and C"


def test_numeric_conditions_are_named_in_the_title(planner: RulePlanner) -> None:
    assert (
        planner.plan("countries with population over 100 million").title
        == "Population by country with population over 100,000,000 in 2007"
    )
    assert planner.plan("average tip by day for bills between 10 and 20 dollars").title == (
        "Average tip by day with total bill between 10 and 20"
    )
