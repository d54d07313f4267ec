"""Chart words and colours (worker.planner.everyday_charts): "a round cake chart" is a pie, "a picture
with dots" a scatter, and values "in different colours" colour the chart by their dimension."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.everyday_charts import recolour
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_chart_words(planner: RulePlanner) -> None:
    pie = planner.plan("frequency by strength from the west, as a round cake chart")
    assert pie.chart_type == "pie"
    compass = planner.plan(
        "how often the wind blows from each direction, in the order you would go round the compass"
    )
    assert compass.dimension == "direction" and compass.sort is None
    medals = planner.plan(
        "how many medals Canada won, the gold, the silver and the bronze, each one separately"
    )
    assert medals.dimension == "medal"


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("the tip, the men and the women in different colours", "the tip, coloured by sex"),
        (
            "the bill, with Thur and Fri in separate colours",
            "the bill, with a separate colour for Thur and Fri",
        ),
        # Not values of one dimension: left as written.
        ("the tip and the bill in different colours", "the tip and the bill in different colours"),
    ],
)
def test_values_in_different_colours_colour_the_chart(
    semantic_model: SemanticModel, said: str, read: str
) -> None:
    assert recolour(said, semantic_model) == read


def test_two_side_by_side_are_both(planner: RulePlanner) -> None:
    plan = planner.plan("the gold and the silver medals of Canada, the two side by side, in one chart")
    assert plan.dimension == "medal" and plan.chart_type == "bar" and not plan.series
    assert ("nation", "eq", "Canada") in filters_of(plan)
    assert ("medal", "in", ["Gold", "Silver"]) in filters_of(plan)


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("a pie of the Thursday tables by sex", ("tip", "count")),
        ("a bar chart of the lunch parties per party size", ("tip", "count")),
        # Named alone, with nothing measured, the rows are counted too (was the average tip).
        ("The tables by day", ("tip", "count")),
        ("Show me the Sunday parties per sex.", ("tip", "count")),
        ("The tables by day with the highest tips", ("tip", "max")),
        # Rows by a measure are ranked by it, not counted.
        ("Column chart of the top 8 districts by Bergeron's votes.", ("votes", "sum")),
        ("a bar chart of the ten richest countries by GDP per capita in 2007", ("gdp_per_capita", "avg")),
    ],
)
def test_a_chart_of_the_rows_counts_them(
    planner: RulePlanner, question: str, measure: tuple[str, str]
) -> None:
    """ "a pie of the tables by day" was the tips summed: the data's first measure, never asked for."""
    plan = planner.plan(question)
    assert [(m.name, m.agg) for m in plan.measures] == [measure]


def test_the_two_of_a_dimension_in_different_colours_colour_by_it(planner: RulePlanner) -> None:
    plan = planner.plan("China against Canada for each medal type, the two nations in different colours")
    assert (plan.dimension, plan.series) == ("medal", "nation")


def test_a_measure_beside_it_is_a_second_measure(planner: RulePlanner) -> None:
    plan = planner.plan("For each species, the mean sepal length with the mean petal length beside it")
    assert plan.dimension == "species"
    assert [(m.name, m.agg) for m in plan.measures] == [("sepal_length", "avg"), ("petal_length", "avg")]


def test_a_closing_separately_is_one_bar_each(planner: RulePlanner) -> None:
    plan = planner.plan("On Sundays, the tips added up for smokers and for non-smokers separately.")
    assert (plan.dimension, [(m.name, m.agg) for m in plan.measures]) == ("smoker", [("tip", "sum")])


def test_a_measure_alongside_its_other_is_both(planner: RulePlanner) -> None:
    plan = planner.plan("Show each species' average sepal width alongside its average petal length.")
    assert [(m.name, m.agg) for m in plan.measures] == [("sepal_width", "avg"), ("petal_length", "avg")]


def test_each_value_its_own_colour_colours_by_it(planner: RulePlanner) -> None:
    plan = planner.plan("Average bill by day, each sex its own colour.")
    assert (plan.dimension, plan.series) == ("day", "sex")


@pytest.mark.parametrize(
    ("question", "dimension", "series"),
    [
        # Each was refused on "color" or "colored", or coloured by the wrong dimension.
        (
            "Average tip for lunch and dinner, with smokers and non-smokers shown in separate colours.",
            "meal",
            "smoker",
        ),
        ("Each nation's medals with gold, silver and bronze each in its own colour.", "nation", "medal"),
        (
            "Votes for each candidate, with majority and plurality districts in separate colours.",
            "candidate",
            "result",
        ),
    ],
)
def test_values_shown_in_their_own_colours_colour_the_chart(
    planner: RulePlanner, question: str, dimension: str, series: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series) == (dimension, series)
