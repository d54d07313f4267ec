"""A dashboard builder's presentation words (worker.planner.presentation): mapped when a plan expresses them,
refused by name when it cannot."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.presentation import unpresent
from worker.planner.rules import RulePlanner


def test_layouts_are_bars_and_titles_add_nothing() -> None:
    assert unpresent("Horizontal bars of tip by day") == "bar chart of tip by day"
    assert unpresent("medals by nation, stacked by medal type") == "medals by nation, split by medal type"
    assert unpresent("Donut of votes by candidate") == "pie of votes by candidate"
    assert unpresent("Gold medals per nation as a pie, titled 'Golds'.") == "Gold medals per nation as a pie."


def test_presentation_is_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Stacked bars of medals by nation, stacked by medal type, largest first.")
    assert (plan.chart_type, plan.dimension, plan.series) == ("bar", "nation", "medal")
    plan = planner.plan("Average petal width by species, horizontal bars, ascending.")
    assert (plan.chart_type, plan.sort and plan.sort.direction) == ("bar", "asc")
    assert planner.plan("Donut of medals by type for South Korea.").chart_type == "pie"
    plan = planner.plan(
        "Just the bottom three districts by total votes, excluding the ones Joly won, bar chart."
    )
    assert (filters_of(plan), plan.limit) == ([("winner", "ne", "Joly")], 3)


def test_a_value_in_a_title_is_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan("Line chart of Amazon from October to December 2019, title: Amazon Q4.")
    assert filters_of(plan) == [("ticker", "eq", "AMZN")]
    assert plan.time_range is not None and str(plan.time_range.start) == "2019-10-01"
    # A value outside the title is kept.
    plan = planner.plan("Histogram of sepal length for setosa, titled 'Setosa sepals'.")
    assert filters_of(plan) == [("species", "eq", "setosa")]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Average life expectancy by continent in 2007 on a log scale.", "log scale"),
        ("Average tip and average bill by day on dual axes, tip on the right axis.", "dual axes"),
        ("Scatter plot of total bill vs tip with a linear trendline.", "trendline"),
        ("Bars of votes by candidate, Coderre in red, Bergeron in blue, Joly in green.", "colours"),
        ("Average sepal length by species, bars sorted alphabetically.", "alphabetical"),
        ("Line of Google's price in 2019 with an annotation on its highest week.", "annotation"),
    ],
)
def test_presentation_a_plan_cannot_express_is_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)
