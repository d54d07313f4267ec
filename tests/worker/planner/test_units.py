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


def test_a_range_with_the_measures_unit_is_a_range_of_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Number of countries per continent with a life expectancy from 40 to 60 years, in 1977 only."
    )
    assert filters_of(plan) == [("life_exp", "between", [40, 60])]
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1977", "1977")
    plan = planner.plan("Countries per continent with a life expectancy ranging from 50 to 70 years in 2002")
    assert filters_of(plan) == [("life_exp", "between", [50, 70])]
    plan = planner.plan("How many flowers per species have a sepal length from 5 to 6 cm?")
    assert filters_of(plan) == [("sepal_length", "between", [5, 6])]


def test_a_range_without_the_measures_unit_is_not_read_so(planner: RulePlanner) -> None:
    # Years of the data stay a period; two-digit numbers with no unit, or another measure's unit, stay
    # unread.
    plan = planner.plan("Life expectancy of Asian countries from 1952 to 1977")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1952", "1977")
    assert filters_of(plan) == [("continent", "eq", "Asia")]
    for question in (
        "Countries per continent with a life expectancy from 40 to 60 in 1977",
        "Population of countries from 40 to 60 years in 2007",
    ):
        with pytest.raises(UnchartableQuestion):
            planner.plan(question)


def test_plural_values_counted_by_the_unit(planner: RulePlanner) -> None:
    plan = planner.plan("How did Canada's golds, silvers and bronzes compare? A pie chart would be grand.")
    assert measures_of(plan) == [("medals", "sum")]
    assert plan.dimension == "medal"
    assert plan.chart_type == "pie"
    assert filters_of(plan)[0] == ("nation", "eq", "Canada")
    plan = planner.plan("China's golds and silvers as a pie chart")
    assert filters_of(plan) == [("nation", "eq", "China"), ("medal", "in", ["Gold", "Silver"])]


def test_a_unit_the_model_does_not_declare_is_refused_by_name(planner: RulePlanner) -> None:
    # A duration, a spelt-out unit or a currency sign the measure is not in: refused, never dropped.
    with pytest.raises(UnchartableQuestion, match="not in \u201cdays\u201d"):
        planner.plan("Average life expectancy of Asian countries in 1962, in days")
    with pytest.raises(UnchartableQuestion, match="not in \u201cmillimetres\u201d"):
        planner.plan("Average sepal length by species in millimetres")
    with pytest.raises(UnchartableQuestion, match="not in \u201c\u20ac\u201d"):
        planner.plan("GDP per capita by continent in 1997, in \u20ac")
    with pytest.raises(UnchartableQuestion, match="not in \u201cdegrees Fahrenheit\u201d"):
        planner.plan("wind frequency per direction with temperatures in degrees Fahrenheit")


def test_a_duration_said_as_a_period_is_no_unit(planner: RulePlanner) -> None:
    plan = planner.plan("Apple's stock price over the last 6 months of 2019")
    assert filters_of(plan) == [("ticker", "eq", "AAPL")]
    plan = planner.plan("Life expectancy of Canada over the years, in years")
    assert measures_of(plan) == [("life_exp", "avg")]


def test_canadian_dollars_are_not_the_data_s_dollars(planner: RulePlanner) -> None:
    """ "in Canadian dollars" was refused for an unknown word "canada", not for the unit it is."""
    with pytest.raises(UnchartableQuestion, match=r"measured in US\$.*does not convert"):
        planner.plan("the average bill in Canadian dollars by day")
    assert measures_of(planner.plan("the average bill in US dollars by day")) == [("total_bill", "avg")]
