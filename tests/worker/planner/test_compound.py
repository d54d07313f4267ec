"""Messages of several parts (worker.planner.compound): parts that refine one chart are read as that
chart; parts that ask for two charts are refused, naming both; a plain "A and B" is left alone."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.compound import uncompound
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_a_split_and_an_exclusion_after_then_and_plus(planner: RulePlanner) -> None:
    plan = planner.plan("Medals by nation, then break it down by medal, plus drop silver.")
    assert (plan.dimension, plan.series) == ("nation", "medal")
    assert filters_of(plan) == [("medal", "ne", "Silver")]


def test_a_numbered_list_of_filter_and_chart_type(planner: RulePlanner) -> None:
    plan = planner.plan("1. median tip by day 2. only smokers 3. make it a pie")
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("tip", "median")], "day", "pie")
    assert filters_of(plan) == [("smoker", "eq", "Yes")]


def test_a_numbered_list_whose_second_item_is_the_grouping(planner: RulePlanner) -> None:
    plan = planner.plan("1) medals of South Korea 2) per type 3) as a pie")
    assert (plan.dimension, plan.chart_type) == ("medal", "pie")
    assert ("nation", "eq", "South Korea") in filters_of(plan)


def test_a_dashed_list_on_separate_lines(planner: RulePlanner) -> None:
    plan = planner.plan("- median total bill by day\n- only dinner\n- as a pie")
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("total_bill", "median")], "day", "pie")
    assert filters_of(plan) == [("meal", "eq", "Dinner")]


def test_first_and_second_sentences(planner: RulePlanner) -> None:
    plan = planner.plan("First, total medals by nation. Second, break it down by medal.")
    assert (plan.dimension, plan.series) == ("nation", "medal")


def test_a_second_measure_alongside(planner: RulePlanner) -> None:
    plan = planner.plan("Mean life expectancy by continent, and alongside it the mean GDP per capita")
    assert measures_of(plan) == [("life_exp", "avg"), ("gdp_per_capita", "avg")]
    assert plan.dimension == "continent"


def test_another_company_put_on_the_same_chart(planner: RulePlanner) -> None:
    plan = planner.plan("Netflix's weekly close in 2018, and then also put Google on the same chart")
    assert (plan.series, plan.use_time, plan.chart_type) == ("ticker", True, "line")
    assert filters_of(plan) == [("ticker", "in", ["NFLX", "GOOG"])]


def test_a_period_narrowed_afterwards(planner: RulePlanner) -> None:
    plan = planner.plan("Population of India over time, then narrow it down to 1962 through 1982.")
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("1962", "1982")


def test_a_value_only_and_a_leave_out(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip by sex, and also lunch only")
    assert (plan.dimension, filters_of(plan)) == ("sex", [("meal", "eq", "Lunch")])
    plan = planner.plan("Median tip by party size; then also leave out the parties of 6")
    assert filters_of(plan) == [("party_size", "ne", 6)]


def test_filters_one_after_another(planner: RulePlanner) -> None:
    plan = planner.plan("Histogram of tips; then only Saturdays; then exclude smokers")
    assert plan.chart_type == "histogram"
    assert filters_of(plan) == [("day", "eq", "Sat"), ("smoker", "ne", "Yes")]


def test_the_aggregation_said_as_an_aside(planner: RulePlanner) -> None:
    plan = planner.plan("Tip by day - total, not mean - plus split by smoker")
    assert (measures_of(plan), plan.dimension, plan.series) == ([("tip", "sum")], "day", "smoker")


def test_a_sort_and_a_limit_added(planner: RulePlanner) -> None:
    plan = planner.plan("Wind frequency by direction, and also sort it from lowest to highest")
    assert plan.sort is not None and plan.sort.direction == "asc"
    plan = planner.plan("Population of Asian countries in 2007, plus keep only the top 5, and make it a pie")
    assert (plan.limit, plan.chart_type) == (5, "pie")


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("Average total bill by sex, and also average tip by smoker.", "average tip by smoker"),
        ("Average tip by day, and also by sex", "Average tip by sex"),
        ("- medals by nation as a pie\n- wind frequency histogram", "wind frequency histogram"),
        ("Tip by day, then a separate chart of tip by sex", "a separate chart of tip by sex"),
        ("Top 3 continents by population in 2007, plus the bottom 3", "the bottom 3"),
        ("Sepal width by species as a pie, then petal width by species as a line", "petal width by species"),
    ],
)
def test_two_charts_are_refused_naming_both(planner: RulePlanner, question: str, other: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    message = str(refused.value)
    assert "one chart per message" in message and "as its own message" in message
    assert other in message and message.count("“") >= 2


def test_a_plain_and_is_one_chart(planner: RulePlanner) -> None:
    plan = planner.plan("Netflix and Amazon stock prices")
    assert (plan.series, filters_of(plan)) == ("ticker", [("ticker", "in", ["NFLX", "AMZN"])])
    plan = planner.plan("tips by day and by sex")
    assert (plan.dimension, plan.series) == ("day", "sex")


def test_a_first_part_that_only_filters_is_no_chart_of_its_own(planner: RulePlanner) -> None:
    plan = planner.plan("Filter to smoker = Yes, then average tip by day")
    assert (plan.dimension, filters_of(plan)) == ("day", [("smoker", "eq", "Yes")])


@pytest.mark.parametrize(
    "text",
    [
        "life expectancy of Canada, Mexico, and Brazil by year",
        "Total bill by day - lunch",
        "average tip by day, and also whatever else you think fits",
    ],
)
def test_text_without_known_parts_is_left_alone(text: str) -> None:
    assert uncompound(text) == text


def test_the_same_chart_drawn_over_time_or_in_one_year(planner: RulePlanner) -> None:
    plan = planner.plan("Population by continent, then show it over time")
    assert (plan.series, plan.use_time, plan.chart_type) == ("continent", True, "line")
    plan = planner.plan("Life expectancy in Asia by country, then in 1982")
    assert plan.time_range is not None and plan.time_range.start == "1982"
    assert (plan.dimension, filters_of(plan)) == ("country", [("continent", "eq", "Asia")])


@pytest.mark.parametrize(
    "question",
    [
        "Average tip by day and also the average bill by sex",
        "Population by continent in 2007 as a pie, along with world life expectancy over time as a line",
    ],
)
def test_a_second_chart_after_and_also_or_along_with_is_refused(planner: RulePlanner, question: str) -> None:
    # Both were charted as one: the groupings merged, or the second chart dropped with a note.
    with pytest.raises(UnchartableQuestion, match="asks for two"):
        planner.plan(question)


def test_a_measure_along_with_another_is_one_chart(planner: RulePlanner) -> None:
    plan = planner.plan("average tip by day, along with the total bill")
    assert measures_of(plan) == [("tip", "avg"), ("total_bill", "avg")] and plan.dimension == "day"
