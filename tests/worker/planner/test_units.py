"""Units said with a measure (worker.planner.units)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.units import unit_words


def test_us_dollars_are_money_not_the_country() -> None:
    assert unit_words("GDP per capita in US dollars") == "GDP per capita in dollars"
    assert unit_words("a tip over 5 U.S. dollars, or 5 US$") == "a tip over 5 dollars, or 5 dollars"


def test_a_unit_phrase_never_becomes_a_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Show the minimum GDP per capita, in US dollars, of each continent in 1982, excluding Oceania."
    )
    assert filters_of(plan) == [("continent", "ne", "Oceania")]
    plan = planner.plan("the ten European countries with the highest GDP per capita in US dollars in 1992")
    assert ("country", "eq", "United States") not in filters_of(plan)


def test_each_unit_is_the_unit_of_the_measure_it_follows(planner: RulePlanner) -> None:
    plan = planner.plan(
        "For the countries of Africa whose GDP per capita was below 1,000 US dollars in 1967, plot life "
        "expectancy in years by country."
    )
    assert measures_of(plan) == [("life_exp", "avg")]
    assert filters_of(plan) == [("continent", "eq", "Africa"), ("gdp_per_capita", "lt", 1000)]
    plan = planner.plan("Plot a scatter of total bill against tip, both in US dollars, coloured by day.")
    assert plan.chart_type == "scatter"
    assert planner.plan("the total population, in people, of Oceania in 2007").filters[0].value == "Oceania"


def test_spelt_out_units_agree_with_their_abbreviation(planner: RulePlanner) -> None:
    assert planner.plan("maximum petal length, in centimetres, of each species").dimension == "species"
    plan = planner.plan("summed wind frequency, as a percentage of observations, by strength")
    assert measures_of(plan) == [("frequency", "sum")]


def test_a_unit_another_measure_is_in_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="does not convert units"):
        planner.plan("life expectancy in dollars by continent")
    with pytest.raises(UnchartableQuestion, match="does not convert units"):
        planner.plan("petal length in inches by species")


def test_normalised_names_a_normalised_measure_only(planner: RulePlanner) -> None:
    plan = planner.plan("the average normalised price of each company in 2019")
    assert measures_of(plan) == [("price", "avg")]
    with pytest.raises(UnchartableQuestion, match="normalised"):
        planner.plan("normalised life expectancy by continent")
