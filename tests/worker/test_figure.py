from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go  # type: ignore[import-untyped]
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.worker.conftest import CsvRows
from tests.worker.planner.test_rules import QUESTIONS
from worker.extraction import QueryResult, run_query
from worker.figure import build_figure, interpretation, precision, round_value, time_range_of
from worker.planner.rules import RulePlanner
from worker.semantic import Measure, SemanticModel


async def chart(
    question: str, warehouse: AsyncEngine, planner: RulePlanner, model: SemanticModel
) -> tuple[Any, QueryResult, dict[str, Any]]:
    plan = planner.plan(question)
    result = await run_query(warehouse, plan, model)
    figure = build_figure(plan, result, model)
    go.Figure(figure)  # raises on any property Plotly does not know or any value of the wrong type
    json.dumps(figure)
    return plan, result, figure


async def test_headline_figure_has_one_line_per_country_with_the_csv_values(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    question = "life expectancy in Mexico and Canada since 1980"
    _, _, figure = await chart(question, warehouse, planner, semantic_model)
    traces = {t["name"]: t for t in figure["data"]}
    assert set(traces) == {"Mexico", "Canada"}
    for country, trace in traces.items():
        expected = [
            (int(r["year"]), float(r["lifeExp"]))
            for r in read_csv("gapminder")
            if r["country"] == country and int(r["year"]) >= 1980
        ]
        assert list(zip(trace["x"], trace["y"], strict=True)) == expected
        assert trace["mode"] == "lines+markers"
    layout = figure["layout"]
    assert layout["title"]["text"] == "Life expectancy in Mexico and Canada since 1980"
    assert layout["yaxis"]["title"]["text"] == "Life expectancy (years)"
    assert layout["xaxis"]["title"]["text"] == "Year"
    assert layout["legend"]["title"]["text"] == "Country"


@pytest.mark.parametrize(
    ("question", "chart_type"),
    [
        ("life expectancy by continent since 1990", "line"),
        ("average tip by day and sex", "bar"),
        ("gdp per capita vs life expectancy by continent", "scatter"),
        ("scatter of apple stock price over time", "scatter"),
        ("share of population by continent", "pie"),
        ("area chart of population by continent over time", "area"),
        ("histogram of total bill by sex", "histogram"),
        ("life expectancy and gdp per capita of Mexico since 1990", "line"),
        ("stock price last 6 months", "line"),
        ("median sepal length by species", "bar"),
        ("wind frequency by direction and strength", "bar"),
    ],
)
async def test_every_chart_type_makes_a_valid_figure(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    question: str,
    chart_type: str,
) -> None:
    plan, result, figure = await chart(question, warehouse, planner, semantic_model)
    assert plan.chart_type == chart_type
    assert figure["data"], "no traces"
    assert sum(len(t.get("x") or t.get("values") or []) for t in figure["data"]) == result.row_count * len(
        plan.measures
    ) // (2 if chart_type == "scatter" and len(plan.measures) == 2 else 1)


@pytest.mark.parametrize("question", QUESTIONS)
async def test_every_planned_question_makes_a_figure_plotly_accepts(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel, question: str
) -> None:
    plan, result, figure = await chart(question, warehouse, planner, semantic_model)
    queried = {_number(row[result.columns.index(m.name)]) for m in plan.measures for row in result.rows}
    for trace in figure["data"]:
        values = [*(trace.get("y") or []), *(trace.get("values") or [])]
        # Exactly what the query returned: rounding is the hover format's job, never the data's.
        assert {_number(v) for v in values} <= queried, trace["name"]
        assert " vs " not in trace["name"]


def _number(value: object) -> object:
    return float(value) if isinstance(value, int | float | Decimal) else value


async def test_pie_uses_labels_and_values(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    _, _, figure = await chart("pie chart of medals by nation", warehouse, planner, semantic_model)
    (pie,) = figure["data"]
    assert pie["type"] == "pie" and "x" not in pie
    expected = {r["nation"]: int(r["gold"]) + int(r["silver"]) + int(r["bronze"]) for r in read_csv("medals")}
    assert dict(zip(pie["labels"], pie["values"], strict=True)) == expected


async def test_histogram_plots_raw_values(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    _, _, figure = await chart("histogram of total bill", warehouse, planner, semantic_model)
    (histogram,) = figure["data"]
    assert histogram["type"] == "histogram" and "y" not in histogram
    assert sorted(histogram["x"]) == sorted(float(r["total_bill"]) for r in read_csv("tips"))
    assert figure["layout"]["xaxis"]["title"]["text"] == "Total bill (US$)"


async def test_scatter_points_are_labelled_with_their_country(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    _, _, figure = await chart("gdp per capita vs life expectancy", warehouse, planner, semantic_model)
    (points,) = figure["data"]
    assert points["mode"] == "markers" and "Mexico" in points["text"]
    mexico = points["text"].index("Mexico")
    # The values as recorded; hover shows GDP per capita to the cent and life expectancy to 3 decimals.
    assert (points["x"][mexico], points["y"][mexico]) == (11977.57496, 76.195)
    assert (points["xhoverformat"], points["yhoverformat"]) == (",.2f", ",.3f")
    assert figure["layout"]["xaxis"]["title"]["text"] == "GDP per capita (US$)"


async def test_a_single_scatter_trace_does_not_contradict_its_axes(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    question = "gdp per capita vs life expectancy in 2007"
    _, _, figure = await chart(question, warehouse, planner, semantic_model)
    (points,) = figure["data"]
    layout = figure["layout"]
    assert layout["xaxis"]["title"]["text"] == "GDP per capita (US$)"
    assert layout["yaxis"]["title"]["text"] == "Life expectancy (years)"
    assert points["name"] == "Life expectancy" and layout["showlegend"] is False


async def test_a_scatter_with_series_has_one_trace_per_series_value(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    question = "gdp per capita vs life expectancy by continent"
    _, _, figure = await chart(question, warehouse, planner, semantic_model)
    continents = set(semantic_model.dataset("gapminder").dimension("continent").values)
    assert [t["name"] for t in figure["data"]] == sorted(
        continents, key=[t["name"] for t in figure["data"]].index
    )
    assert {t["name"] for t in figure["data"]} == continents
    assert figure["layout"]["showlegend"] is True


async def test_an_axis_title_does_not_repeat_a_unit_its_label_names(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    _, _, figure = await chart("number of medals by nation", warehouse, planner, semantic_model)
    assert figure["layout"]["yaxis"]["title"]["text"] == "Medals"
    _, _, figure = await chart("pie chart of medals by nation", warehouse, planner, semantic_model)
    assert "Medals: %{value:,.0f}<br>" in figure["data"][0]["hovertemplate"]


def decimals_of(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("life expectancy by continent since 1990", 3),
        ("average gdp per capita by continent", 2),
        ("average tip by day and sex", 2),
        ("stock price last 6 months", 4),
        ("median sepal length by species", 2),
        ("wind frequency by direction and strength", 2),
        ("average medals by nation", 2),  # an average of whole numbers: 4 significant digits
        ("total population by continent", 0),
    ],
)
async def test_aggregated_values_are_exact_and_hover_shows_them_rounded(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    question: str,
    places: int,
) -> None:
    plan, result, figure = await chart(question, warehouse, planner, semantic_model)
    at = result.columns.index(plan.measures[0].name)
    raw = [float(row[at]) for row in result.rows]
    shown = [y for trace in figure["data"] for y in trace["y"]]
    # A user exporting the chart's data gets exactly what SQL returned; rounding is for display only.
    assert sorted(float(y) for y in shown) == sorted(raw)
    assert {t["yhoverformat"] for t in figure["data"]} == {f",.{places}f"}


async def test_values_recorded_at_the_shown_precision_are_unchanged(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    # Averages of one recorded value each: the chart shows exactly what the CSV says (float noise such as
    # the CSV's own 46.38800000000001 included); hover text shows it as 46.388.
    _, _, figure = await chart("life expectancy by country in 2007", warehouse, planner, semantic_model)
    expected = {r["country"]: float(r["lifeExp"]) for r in read_csv("gapminder") if r["year"] == "2007"}
    (bars,) = figure["data"]
    shown = dict(zip(bars["x"], bars["y"], strict=True))
    assert shown == expected
    assert bars["yhoverformat"] == ",.3f"


async def test_a_measure_without_declared_decimals_keeps_four_significant_digits(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    stocks = semantic_model.dataset("stocks")
    price = stocks.measure("price").model_copy(update={"decimals": None})
    model = semantic_model.model_copy(
        update={
            "datasets": [
                ds.model_copy(update={"measures": [price]}) if ds.name == "stocks" else ds
                for ds in semantic_model.datasets
            ]
        }
    )
    _, _, figure = await chart("stock price last 6 months", warehouse, RulePlanner(model), model)
    values = [y for trace in figure["data"] for y in trace["y"]]
    assert max(values) < 10 and max(decimals_of(y) for y in values) > 3  # the data is not rounded
    assert {t["yhoverformat"] for t in figure["data"]} == {",.3f"}


def test_precision_and_rounding() -> None:
    measure = Measure(name="m", column="m", label="M", description="d", decimals=3)
    assert precision(measure, "avg", [71.08500000000001]) == 3
    assert precision(measure, "count", [12]) == 0
    whole = measure.model_copy(update={"decimals": 0})
    assert precision(whole, "sum", [33.0]) == 0 and precision(whole, "avg", [16.333]) == 2
    free = measure.model_copy(update={"decimals": None})
    assert [precision(free, "avg", [v]) for v in (7807.095818, 0.0123456, 3.8e9)] == [0, 5, 0]
    assert precision(free, "avg", [None, float("nan")]) == 0
    assert round_value(71.08500000000001, 3) == 71.085 and round_value(7807.6, 0) == 7808
    assert isinstance(round_value(7807.6, 0), int)
    assert [round_value(v, 2) for v in (None, "x", 3, float("inf"))] == [None, "x", 3, float("inf")]


async def test_days_keep_their_weekly_order(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    _, _, figure = await chart("average tip by day", warehouse, planner, semantic_model)
    assert figure["layout"]["xaxis"]["categoryarray"] == ["Thur", "Fri", "Sat", "Sun"]
    assert figure["layout"]["xaxis"]["type"] == "category"


async def test_stocks_use_a_date_axis(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    _, _, figure = await chart("apple vs google stock price", warehouse, planner, semantic_model)
    assert figure["layout"]["xaxis"]["type"] == "date"
    assert {t["name"] for t in figure["data"]} == {"AAPL", "GOOG"}


def test_an_empty_result_says_so(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    plan = planner.plan("life expectancy in Mexico")
    figure = build_figure(plan, QueryResult(["year", "country", "life_exp"], [], "", {}, 0), semantic_model)
    go.Figure(figure)
    assert figure["data"] == []
    assert figure["layout"]["annotations"][0]["text"] == "No data matches this question."


@pytest.mark.parametrize(
    ("question", "how"),
    [
        ("life expectancy in Mexico and Canada since 1980", "shown as recorded per year and country"),
        ("life expectancy by continent since 1990", "averaged across countries per year and continent"),
        ("total population by continent", "added up across countries per continent"),
        ("median tip by day", "the median across records per day"),
        (
            "the median tip and the average total bill by day",
            "tip the median across records; total bill averaged across records per day",
        ),
        ("gdp per capita vs life expectancy for Mexico", "each value is one country and year"),
    ],
)
def test_interpretation_says_what_the_metric_means_and_how_it_is_combined(
    planner: RulePlanner, semantic_model: SemanticModel, question: str, how: str
) -> None:
    plan = planner.plan(question)
    sentence = interpretation(plan, semantic_model)
    description = semantic_model.dataset(plan.dataset).measure(plan.measures[0].name).description
    assert sentence.startswith(description.rstrip("."))
    assert sentence.endswith(f"{how}.")
    assert sentence.count(". ") == 0


async def test_time_range_is_what_the_chart_shows(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    plan, result, _ = await chart(
        "life expectancy in Mexico and Canada since 1980", warehouse, planner, semantic_model
    )
    assert time_range_of(plan, result) == ("1982", "2007")
    plan, result, _ = await chart("population by continent", warehouse, planner, semantic_model)
    assert time_range_of(plan, result) == ("2007", "2007")
    plan, result, _ = await chart("average tip by day", warehouse, planner, semantic_model)
    assert time_range_of(plan, result) == (None, None)
    plan, result, _ = await chart("apple stock price in 2019", warehouse, planner, semantic_model)
    assert time_range_of(plan, result) == ("2019-01-07", "2019-12-30")
