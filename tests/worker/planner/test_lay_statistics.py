"""Statistics named in lay words (worker.planner.lay_statistics): the middle value, adding up, how long the
parts are, how common each value is, how a total is spread across named values, and the statistics no plan
can draw (a mode, a mode within each group, a standard deviation, a variance, a range, a percentile)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "measures", "dimension"),
    [
        ("The midpoint of life expectancy by continent in 2007", [("life_exp", "median")], "continent"),
        ("the halfway value of sepal length for each species", [("sepal_length", "median")], "species"),
        ("What's the middle value of the bill per meal?", [("total_bill", "median")], "meal"),
        ("the usual tip for smokers and non-smokers", [("tip", "median")], "smoker"),
        ("the 50th percentile of the stock price per company", [("price", "median")], "ticker"),
        ("Sum up the population of each continent in 2007", [("pop", "sum")], "continent"),
        ("tot up the medals for each nation", [("medals", "sum")], "nation"),
        ("add up all of the wind frequency for each direction", [("frequency", "sum")], "direction"),
        ("how wide are the sepals on average, per species", [("sepal_width", "avg")], "species"),
    ],
)
def test_lay_statistics_are_read_as_the_aggregation_they_name(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == measures
    assert plan.dimension == dimension
    assert plan.chart_type == "bar"


@pytest.mark.parametrize(
    ("question", "measure", "dimension", "sorted_desc"),
    [
        ("How frequent is each day?", ("tip", "count"), "day", False),
        ("how common is each meal? commonest first", ("tip", "count"), "meal", True),
        # the wind data's measure already says how often: that measure, not a count of its rows
        ("How common is each wind direction?", ("frequency", "sum"), "direction", False),
    ],
)
def test_how_common_is_each_value(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str, sorted_desc: bool
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [measure]
    assert plan.dimension == dimension
    assert (plan.sort is not None and plan.sort.direction == "desc") == sorted_desc


def test_spread_across_every_value_of_a_dimension_is_by_that_dimension(planner: RulePlanner) -> None:
    plan = planner.plan("How are Canada's medals split across gold, silver and bronze?")
    assert measures_of(plan) == [("medals", "sum")]
    assert plan.dimension == "medal"
    assert plan.chart_type == "bar"
    assert filters_of(plan) == [("nation", "eq", "Canada")]


def test_spread_across_some_values_keeps_them_as_a_filter(planner: RulePlanner) -> None:
    plan = planner.plan("How are South Korea's medals divided between gold and silver?")
    assert plan.dimension == "medal"
    assert ("medal", "in", ["Gold", "Silver"]) in filters_of(plan)


def test_by_who_won_a_group_is_by_its_winner(planner: RulePlanner) -> None:
    plan = planner.plan("Sum up Coderre's votes by who won the district")
    assert plan.dimension == "winner"
    assert measures_of(plan) == [("votes", "sum")]


@pytest.mark.parametrize(
    "question", ["the spread of tips", "How spread out are the petal lengths?", "distribution of bills"]
)
def test_spread_and_distribution_stay_histograms(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.chart_type == "histogram"
    assert plan.dimension is None


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("the most frequent total bill", "a mode"),
        ("What is the mode of the sepal width?", "a mode"),
        ("For each meal, which day is the most common?", "two levels of aggregation"),
        ("the most common party size in each meal", "two levels of aggregation"),
        ("standard deviation of the stock price for each company", "a standard deviation"),
        ("one figure for how far the tips stray from their average, by day", "a standard deviation"),
        ("the variance of votes by candidate", "a variance"),
        ("the mean squared difference of petal width by species", "a variance"),
        ("the range of the bill per day", "a range"),
        ("highest minus lowest life expectancy per continent in 2007", "a range"),
        ("the upper quartile of GDP per capita by continent in 2007", "a percentile"),
        ("the 75th percentile of the bill by day", "a percentile"),
        ("the wind frequency that 9 out of 100 directions fall below", "a percentile"),
        ("Microsoft's price it stayed under three quarters of the time in 2018", "a percentile"),
    ],
)
def test_statistics_no_plan_can_draw_are_refused_naming_them(
    planner: RulePlanner, question: str, said: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    message = str(refused.value)
    assert said in message
    assert "\u201c" in message.split("Try e.g.")[0]  # the words asked are quoted back
    assert "Try e.g. \u201c" in message


def test_a_refusals_example_is_a_question_that_charts(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan("the standard deviation of petal length by species")
    example = str(refused.value).split("Try e.g. \u201c")[1].split("\u201d")[0]
    plan = planner.plan(example)
    assert measures_of(plan) == [("petal_length", "median")]


def test_the_most_common_value_of_a_dimension_is_still_a_count(planner: RulePlanner) -> None:
    plan = planner.plan("the most common party size")
    assert measures_of(plan)[0][1] == "count"
    assert plan.dimension == "party_size"
