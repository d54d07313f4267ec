"""A comparer's wording (worker.planner.versus): values next to each other, measures on one chart, ratios
the model names, "before and after" a date and qualified rows are charted; differences, ratios of two
values and changes between periods are refused, saying what can be drawn instead."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner, UnchartableQuestion


def test_values_next_to_each_other_are_compared(planner: RulePlanner) -> None:
    plan = planner.plan("Canada next to China and South Korea: gold medals")
    assert plan.dimension == "nation"
    assert ("nation", "in", ["Canada", "China", "South Korea"]) in filters_of(plan)
    plan = planner.plan("Average tip of smokers next to non-smokers")
    assert plan.dimension == "smoker"
    assert measures_of(plan) == [("tip", "avg")]


def test_next_to_it_is_left_to_the_compound_reader(planner: RulePlanner) -> None:
    plan = planner.plan("Average bill by day, and next to it the average tip")
    assert measures_of(plan) == [("total_bill", "avg"), ("tip", "avg")]
    assert plan.dimension == "day"


def test_neighbouring_places_are_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="next to Germany"):
        planner.plan("Life expectancy of the countries next to Germany in 2007")


@pytest.mark.parametrize(
    "question",
    [
        "How many more medals did China win than Canada?",
        "By how much did Apple beat Google in 2019?",
        "Netflix's price minus Amazon's each week",
        "How much lower was the average bill at lunch than at dinner?",
    ],
)
def test_differences_are_refused_offering_both_values(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="side by side"):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "Was Europe's life expectancy three times bigger than Africa's in 1952?",
        "How many times larger was Asia's population than Oceania's in 1997?",
    ],
)
def test_ratios_of_two_values_are_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="how many times one value is another"):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "What was the change in Japan's population from 1962 to 2002?",
        "How much has Canada's GDP per capita grown between 1957 and 1997?",
    ],
)
def test_changes_between_periods_are_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="over time"):
        planner.plan(question)


def test_near_misses_stay_charted(planner: RulePlanner) -> None:
    # "How did ... change" asks to see the values over time, not for one computed change.
    plan = planner.plan("How did Japan's population change between 1962 and 2002?")
    assert plan.use_time
    assert filters_of(plan) == [("country", "eq", "Japan")]
    # "how many times did ..." counts rows; "1.5 times the January 2018 price" is a condition.
    assert measures_of(planner.plan("How many times did Apple close above 1.2 in 2019?")) == [
        ("price", "count")
    ]
    plan = planner.plan("Number of weeks above 1.5 times the January 2018 price, per company")
    assert filters_of(plan) == [("price", "gt", 1.5)]


def test_a_ratio_the_model_names_is_its_measure(planner: RulePlanner) -> None:
    plan = planner.plan("Ratio of tip to bill by day")
    assert measures_of(plan) == [("tip_pct", "avg")]
    assert plan.dimension == "day"
    with pytest.raises(UnchartableQuestion):
        planner.plan("the ratio of sepal width to sepal length by species")


def test_two_measures_on_one_chart(planner: RulePlanner) -> None:
    plan = planner.plan("Sepal length and sepal width on one chart, by species")
    assert measures_of(plan) == [("sepal_length", "avg"), ("sepal_width", "avg")]
    assert plan.dimension == "species"
    with pytest.raises(UnchartableQuestion, match="second axis"):
        planner.plan("Population and life expectancy of Brazil on the same chart over time")


def test_before_and_after_a_date_is_the_whole_line(planner: RulePlanner) -> None:
    plan = planner.plan("Microsoft's price before and after June 2018")
    assert plan.use_time
    assert plan.time_range is None
    assert filters_of(plan) == [("ticker", "eq", "MSFT")]
    # With a period named, the date splits it: not the whole data.
    with pytest.raises(UnchartableQuestion):
        planner.plan("Microsoft's price in 2019, before and after June 2019")


def test_qualified_rows_keep_the_compared_values_on_the_axis(planner: RulePlanner) -> None:
    plan = planner.plan("Joly versus Bergeron in the plurality districts: votes")
    assert plan.dimension == "candidate"
    assert ("result", "eq", "plurality") in filters_of(plan)
    plan = planner.plan("Joly versus Bergeron: votes in each of the plurality districts")
    assert plan.dimension == "district"
    assert plan.series == "candidate"


@pytest.mark.parametrize(
    "question",
    [
        "countries whose GDP per capita was higher than Spain's in 1997",
        "days where the average bill was lower than on Saturday",
    ],
)
def test_conditions_against_another_values_figure_are_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="ranked"):
        planner.plan(question)


def test_leaving_a_value_out_with_minus_is_no_difference(planner: RulePlanner) -> None:
    plan = planner.plan("average bill per day minus Thursday")
    assert plan.dimension == "day"
    assert filters_of(plan) == [("day", "ne", "Thur")]


def test_a_claim_comparing_two_values_stays_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Is it true that Brazil had more people than Mexico in 1982?")
    assert filters_of(plan) == [("country", "in", ["Brazil", "Mexico"])]
