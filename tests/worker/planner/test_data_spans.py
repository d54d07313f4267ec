"""Spans said by the data's own ends, calendar edges, weeks of a year and events used as dates
(worker.planner.data_spans), and "the past N years" refused as counted from today (relative_times)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def _range(planner: RulePlanner, question: str) -> tuple[str | None, str | None] | None:
    plan = planner.plan(question)
    return None if plan.time_range is None else (plan.time_range.start, plan.time_range.end)


@pytest.mark.parametrize(
    "question",
    [
        "Average GDP per capita by continent from the beginning to the end of the data",
        "Life expectancy in Kenya in the earliest and latest survey years",
        "Population of Peru from the first survey to the last one",
    ],
)
def test_a_whole_gapminder_span_is_a_line_with_no_range(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.use_time and plan.chart_type == "line"
    assert plan.time_range is None


def test_a_whole_stocks_span_keeps_the_chart_asked_for(planner: RulePlanner) -> None:
    plan = planner.plan("Count of weeks Netflix closed below 0.9, over the entire span of the data")
    assert plan.chart_type == "bar" and plan.time_range is None
    assert measures_of(plan) == [("price", "count")]
    assert ("price", "lt", 0.9) in filters_of(plan)


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("Netflix's price from the start of the data to the end of June 2018", ("2018-01-01", "2018-06-30")),
        ("Amazon's weekly close from 1 March 2019 until the end of the data", ("2019-03-01", "2019-12-31")),
        ("Apple from the start of Q2 2018 to the end of Q3 2018", ("2018-04-01", "2018-09-30")),
    ],
)
def test_data_and_calendar_edges_become_dates(
    planner: RulePlanner, question: str, span: tuple[str, str]
) -> None:
    assert _range(planner, question) == span


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("Mean price per ticker over the final 6 weeks of 2019", ("2019-11-25", "2019-12-31")),
        ("Microsoft's price in the last four weeks of 2018", ("2018-12-10", "2018-12-31")),
    ],
)
def test_a_years_last_weeks_run_monday_to_sunday(
    planner: RulePlanner, question: str, span: tuple[str, str]
) -> None:
    assert _range(planner, question) == span


@pytest.mark.parametrize(
    ("question", "span"),
    [
        (
            "Facebook's price from the Cambridge Analytica story (17 March 2018) to the end of 2018",
            ("2018-03-17", "2018-12-31"),
        ),
        ("Population of Brazil between the two Olympic years 1972 and 1992", ("1972", "1992")),
    ],
)
def test_events_add_nothing_to_their_dates(
    planner: RulePlanner, question: str, span: tuple[str, str]
) -> None:
    assert _range(planner, question) == span


def test_two_named_years_that_are_the_whole_data_are_no_range(planner: RulePlanner) -> None:
    plan = planner.plan("Did Amazon do better in 2018 or in 2019?")
    assert plan.time_range is None and filters_of(plan) == [("ticker", "eq", "AMZN")]
    assert _range(planner, "Average price by company in 2018 and 2019") is None


def test_spans_written_as_ranges_or_finer_periods_are_left_alone(planner: RulePlanner) -> None:
    # The near misses: an explicit range of the whole data, and months that only touch both years.
    assert _range(planner, "Life expectancy of Chile from 1952 to 2007") == ("1952", "2007")
    assert _range(planner, "Apple's price in December 2018 and January 2019") == ("2018-12", "2019-01")
    # A phrase naming a year in another sense is not an event.
    assert planner.plan("the population of the continents in year 1957, like a pie").dimension == "continent"


@pytest.mark.parametrize(
    "question",
    [
        "Apple's price between the two World Cup years 2010 and 2018",
        "Microsoft from 2016 to 2019",
        "Google's closing price from November 2017 to March 2018",
        "Amazon between October 2019 and February 2020",
        "Population of Peru over the past ten years",
        "Average price by company per decade",
    ],
)
def test_spans_outside_the_data_or_from_today_are_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_the_datas_own_last_years_stay_resolved(planner: RulePlanner) -> None:
    assert _range(planner, "Population of Peru over the last four surveys") == ("1992", "2007")


def test_month_spans_inside_the_data_are_kept(planner: RulePlanner) -> None:
    # The data starts in January 2018 and ends in December 2019: a span of months within it is charted.
    assert _range(planner, "Google's price from January 2018 to June 2019") == ("2018-01", "2019-06")


def test_the_end_of_the_data_taken_as_today_adds_nothing(planner: RulePlanner) -> None:
    plain = planner.plan("Netflix year to date as a line")
    said = planner.plan("Netflix year to date, treating the end of the data as today, as a line")
    assert said.time_range == plain.time_range and said.filters == plain.filters
    assert said.time_range is not None and str(said.time_range.start) == "2019"


@pytest.mark.parametrize(
    "question",
    ["Netflix's weekly share price through 2020, as a line.", "life expectancy in Japan up to 2010"],
)
def test_a_span_up_to_a_year_after_the_data_is_refused(planner: RulePlanner, question: str) -> None:
    """Charted, "through 2020" stopped silently at the end of 2019."""
    with pytest.raises(UnchartableQuestion, match="reaches outside"):
        planner.plan(question)


def test_a_span_up_to_the_datas_last_year_is_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Netflix's weekly share price until 2019, as a line.")
    assert plan.chart_type == "line"
