"""A chart said by its parts (worker.planner.chart_grammar): axes, marks and encodings as the question."""

from __future__ import annotations

import pytest

from worker.plan import ChartPlan
from worker.planner.chart_grammar import ungrammar
from worker.planner.rules import RulePlanner, UnchartableQuestion


def shape(plan: ChartPlan) -> tuple[object, ...]:
    """What a user would notice: the measures, grouping, split, time axis and kind of chart."""
    measures = [(m.name, m.agg) for m in plan.measures]
    return (plan.dataset, measures, plan.dimension, plan.series, plan.use_time, plan.chart_type)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # x naming time: a line over time, the y part its measure, "one line per" its series.
        (
            "x-axis: year, y-axis: average GDP per capita, one line per continent",
            ("gapminder", [("gdp_per_capita", "avg")], None, "continent", True, "line"),
        ),
        ("x = date, y = Google price", ("stocks", [("price", "avg")], None, None, True, "line")),
        # Bars and their height: the measure by the dimension.
        (
            "Bars = nation, height = total medals",
            ("medals", [("medals", "sum")], "nation", None, False, "bar"),
        ),
        # Stacked / coloured bars: a split.
        (
            "x-axis: sex, y-axis: mean tip, stacked by smoker",
            ("tips", [("tip", "avg")], "sex", "smoker", False, "bar"),
        ),
        # Slices: a pie.
        (
            "Slices = medal type; slice size = medals; Canada only",
            ("medals", [("medals", "sum")], "medal", None, False, "pie"),
        ),
        (
            "One slice per continent, values = total GDP, 2007",
            ("gapminder", [("gdp", "sum")], "continent", None, False, "pie"),
        ),
        # A histogram names its one measure on x.
        (
            "Histogram - x-axis: life expectancy, 1952",
            ("gapminder", [("life_exp", "none")], None, None, False, "histogram"),
        ),
        # Two measures on a chart called a scatter: x first.
        (
            "Scatter - x = tip, y = total bill",
            ("tips", [("tip", "none"), ("total_bill", "none")], None, None, False, "scatter"),
        ),
        (
            "Horizontal axis: petal width; vertical axis: petal length; points",
            ("iris", [("petal_width", "none"), ("petal_length", "none")], None, None, False, "scatter"),
        ),
        # Two bare names and no split: "x vs y" lets the planner tell a grouping from a measure.
        ("x = sex, y = tip", ("tips", [("tip", "avg")], "sex", None, False, "bar")),
    ],
)
def test_parts_make_the_chart(planner: RulePlanner, question: str, expected: tuple[object, ...]) -> None:
    assert shape(planner.plan(question)) == expected


@pytest.mark.parametrize(
    "question",
    [
        "x = year, y = population, log scale",
        "Bars = continent, height = population, with a reference line at the mean",
        "x = date, y = price, Apple and Google, price of Google on a second axis",
        "Bars = day, height = total bill, one panel per sex",
        "Bars = day, height = average tip, colour Friday in green",
        # Two bare names with a split could be a grouping or a second measure: not guessed.
        "x = total bill, y = tip, colour = day",
    ],
)
def test_undrawable_parts_stay_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "GDP per capita of countries that grew to 1.5x its level",
        "tip by day, x marks the busiest",
        "Why do y values matter for tips by day",
        "sales of chocolate bars by day",
        "height of the bars for population by continent",
        "average tip by day, colored by sex",
        "population by continent",
        # A part it does not read is left for the planner's other readers, whole.
        "Chart: x = sex, y = tip, legend = smoker",
    ],
)
def test_questions_without_parts_are_left_alone(question: str) -> None:
    assert ungrammar(question) == question


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Sepal width against sepal length, one dot per flower, coloured by species",
            "Sepal width against sepal length, coloured by species",
        ),
        (
            "GDP per capita against life expectancy in 1997, one point for each country",
            "GDP per capita against life expectancy in 1997",
        ),
    ],
)
def test_one_dot_per_row_is_a_scatter(planner: RulePlanner, question: str, plain: str) -> None:
    """ "one dot per flower" said inside a sentence, not as a part of its own, refused "dot"."""
    plan = planner.plan(question)
    assert plan.chart_type == "scatter"
    assert shape(plan) == shape(planner.plan(plain))
