"""Periods shorter than a year on daily data (issue #12): quarters, halves, spans of months, the first or
last weeks or months of a year, and weeks; and what data kept by year, or every fifth year, refuses."""

from __future__ import annotations

import pytest

from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.planner.time_phrases import read_time_period


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in the second quarter of 2018", "2018-04-01", "2018-06-30"),
        ("Q3 2019", "2019-07-01", "2019-09-30"),
        ("Q3 in 2018", "2018-07-01", "2018-09-30"),
        ("2019 q4", "2019-10-01", "2019-12-31"),
        ("the last quarter of 2018", "2018-10-01", "2018-12-31"),
        ("the first half of 2019", "2019-01-01", "2019-06-30"),
        ("H2 2018", "2018-07-01", "2018-12-31"),
        ("April to September 2018", "2018-04-01", "2018-09-30"),
        ("between March and May 2019", "2019-03-01", "2019-05-31"),
        ("from November to February 2019", "2018-11-01", "2019-02-28"),
        ("the last 3 months of 2019", "2019-10-01", "2019-12-31"),
        ("in the last week of 2018", "2018-12-25", "2018-12-31"),
        ("the first two weeks of 2019", "2019-01-01", "2019-01-14"),
        ("week 12 of 2019", "2019-03-18", "2019-03-24"),
        ("the week of 2019-03-04", "2019-03-04", "2019-03-10"),
        ("in 2018 compared to 2019", "2018", "2019"),
    ],
)
def test_periods_shorter_than_a_year_are_their_first_and_last_day(text: str, start: str, end: str) -> None:
    period = read_time_period(text, "2019-12-30")
    assert (period.start, period.end) == (start, end)


def test_only_periods_shorter_than_a_year_are_fine() -> None:
    assert read_time_period("Q1 2019").fine and read_time_period("in March 2019").fine
    assert (
        not read_time_period("in 2019").fine
        and not read_time_period("the last 10 years", "2007", yearly=True).fine
    )


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("Apple vs Microsoft share price in the second quarter of 2018", "2018-04-01", "2018-06-30"),
        ("netflix stock April to September 2018", "2018-04-01", "2018-09-30"),
        ("median price per company, first half of 2018", "2018-01-01", "2018-06-30"),
    ],
)
def test_daily_data_takes_them(planner: RulePlanner, question: str, start: str, end: str) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (start, end)


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("population of India in the first quarter of 2007", "one value a year"),
        ("monthly population of India in 2007", "monthly"),
        ("hourly Apple price on 2 January 2019", "hourly"),
        ("average share price per quarter for each company", "quarterly"),
        ("life expectancy in Japan in 1995", "1992 or 1997"),
    ],
)
def test_periods_the_data_cannot_have_are_refused(planner: RulePlanner, question: str, says: str) -> None:
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan(question)
    assert says in str(refusal.value) and "Try" in str(refusal.value)


def test_a_snapshot_year_the_data_has_is_answered(planner: RulePlanner) -> None:
    plan = planner.plan("life expectancy in Japan in 1997")
    assert plan.time_range is not None and plan.time_range.start == "1997"
