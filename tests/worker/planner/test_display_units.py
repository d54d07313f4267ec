"""Scales and roundings of the numbers add nothing to the plan (worker.planner.display_units)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_a_scale_is_printing_only(planner: RulePlanner) -> None:
    plan = planner.plan("Total population of each continent in 1987 (in millions)")
    assert measures_of(plan) == [("pop", "sum")]
    assert plan.dimension == "continent"
    assert plan.chart_type == "bar"
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1987", "1987")
    plan = planner.plan("Coderre's votes by district in thousands, top 5")
    assert measures_of(plan) == [("votes", "sum")]
    assert filters_of(plan) == [("candidate", "eq", "Coderre")]
    assert plan.limit == 5


def test_a_scale_with_the_measures_own_unit(planner: RulePlanner) -> None:
    plan = planner.plan("GDP of each continent in 1997, shown in billions of US dollars")
    assert measures_of(plan) == [("gdp", "sum")]
    assert plan.dimension == "continent"
    assert filters_of(plan) == []  # US dollars are money, not the United States
    plan = planner.plan("how did china's population grow, in millions of inhabitants?")
    assert measures_of(plan) == [("pop", "sum")]
    assert filters_of(plan) == [("country", "eq", "China")]
    assert plan.chart_type == "line"


def test_an_amount_is_still_a_number(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Countries of Europe with more than 50 million people in 2002, population in millions"
    )
    assert filters_of(plan) == [("continent", "eq", "Europe"), ("pop", "gt", 50000000)]
    assert measures_of(plan) == [("pop", "sum")]


def test_a_scale_of_another_unit_is_still_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="euros"):
        planner.plan("GDP per capita of Japan over time, in thousands of euros")
    with pytest.raises(UnchartableQuestion, match="does not convert units"):
        planner.plan("Netflix's share price in thousands of US dollars during 2018")


def test_rounding_is_printing_only(planner: RulePlanner) -> None:
    plan = planner.plan("Average sepal width by species, rounded to 1 decimal place")
    assert measures_of(plan) == [("sepal_width", "avg")]
    assert plan.dimension == "species"
    plan = planner.plan("Median tip by party size, in whole dollars")
    assert measures_of(plan) == [("tip", "median")]
    assert plan.dimension == "party_size"
    plan = planner.plan("Average total bill for lunch by day, to two decimal places please")
    assert measures_of(plan) == [("total_bill", "avg")]
    assert filters_of(plan) == [("meal", "eq", "Lunch")]
    plan = planner.plan("Highest life expectancy per continent in 1977 to the nearest year")
    assert measures_of(plan) == [("life_exp", "max")]
    assert plan.time_range is not None and plan.time_range.start == "1977"


def test_a_relative_measure_against_its_own_base(planner: RulePlanner) -> None:
    plan = planner.plan("Amazon's stock price relative to its price in the first week of 2018, during 2019")
    assert measures_of(plan) == [("price", "avg")]
    assert filters_of(plan) == [("ticker", "eq", "AMZN")]
    assert plan.chart_type == "line"
    plan = planner.plan("Average stock price per company in 2019, as a percentage of the January 2018 price")
    assert measures_of(plan) == [("price", "avg")]
    assert plan.dimension == "ticker"
    with pytest.raises(UnchartableQuestion):
        planner.plan("population by continent as a multiple of the January 2018 price")


def test_as_a_percentage_in_a_pie_or_of_a_measure_in_per_cent(planner: RulePlanner) -> None:
    plan = planner.plan("Each candidate's share of the votes as a percentage in a donut chart")
    assert measures_of(plan) == [("votes", "sum")]
    assert plan.dimension == "candidate"
    assert plan.chart_type == "pie"
    plan = planner.plan("Wind frequency by strength as a percentage, east winds only")
    assert measures_of(plan) == [("frequency", "sum")]
    assert filters_of(plan) == [("direction", "eq", "E")]
    with pytest.raises(UnchartableQuestion, match="percentage of a total"):
        planner.plan("Total votes by district as a percentage")


def test_a_bracketed_unit_of_the_measure_comes_off(planner: RulePlanner) -> None:
    # "[% Of Bill]" was read as a percentage of a total and refused.
    plan = planner.plan("Average Tip Percentage (Mean) By Party Size [% Of Bill]")
    assert (plan.measures[0].name, plan.dimension) == ("tip_pct", "party_size")
