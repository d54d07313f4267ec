"""Time phrases -> the period they ask for, without a semantic model or a warehouse."""

from __future__ import annotations

import re

import pytest

from worker.planner.time_phrases import COUNT, TimePeriod, parse_count, read_time_period


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("since 1990", "1990", None),
        ("after 1990", "1991", None),
        ("starting in 1990", "1990", None),
        ("before 1970", None, "1969"),
        ("up to 1970", None, "1970"),
        ("up to and including 1970", None, "1970"),
        # On dated data a year alone after "through" is during it; "up through" it, until its end.
        ("through 2019", "2019", "2019"),
        ("up through 2019", None, "2019"),
        # "all through" and a cadence before "through" a year mean during it.
        ("all through 2019", "2019", "2019"),
        ("week by week through 2019", "2019", "2019"),
        ("through 2019, week by week", "2019", "2019"),
        ("month by month through March 2019", None, "2019-03"),
        ("from 1952 through and including 1967", "1952", "1967"),
        ("in 2007", "2007", "2007"),
        ("between 1990 and 2000", "1990", "2000"),
        ("between 2000 and 1990", "1990", "2000"),
        ("from 1990 to 2000", "1990", "2000"),
        ("1990\u20132000", "1990", "2000"),
        ("in the 1990s", "1990", "1999"),
        ("since 2019-06-01", "2019-06-01", None),
        ("after 2019-12", "2020-01", None),
        ("before 2019-03-01", None, "2019-02-28"),
        ("life expectancy by country", None, None),
        ("since June 2019", "2019-06", None),
        ("in march 2019", "2019-03", "2019-03"),
        ("between Jan. 2018 and sept 2019", "2018-01", "2019-09"),
        ("after Dec 2018", "2019-01", None),
        ("before MAY 2019", None, "2019-04"),
    ],
)
def test_each_phrase_gives_inclusive_bounds(text: str, start: str | None, end: str | None) -> None:
    period = read_time_period(text)
    assert (period.start, period.end) == (start, end)


def test_through_a_year_on_yearly_data_is_up_to_it() -> None:
    # "life expectancy in Peru through 1982": the survey years up to 1982, not 1982 alone.
    period = read_time_period("through 1982", yearly=True)
    assert (period.start, period.end) == (None, "1982")


@pytest.mark.parametrize(
    ("text", "latest", "yearly", "start"),
    [
        ("in the last 10 years", "2007", True, "1997"),
        ("over the past two decades", "2007", True, "1987"),
        ("last year", "2007", True, "2006"),
        ("in the last 3 months", "2019-12-30", False, "2019-09-30"),
        ("past 2 weeks", "2019-12-30", False, "2019-12-16"),
        ("last month", "2019-03-31", False, "2019-02-28"),
    ],
)
def test_last_counts_back_from_the_latest_period(text: str, latest: str, yearly: bool, start: str) -> None:
    period = read_time_period(text, latest, yearly=yearly)
    assert (period.start, period.end, period.spans) == (start, latest, ((0, len(text)),))


def test_last_without_latest_data_is_read_but_sets_no_bound() -> None:
    assert read_time_period("the last 10 years") == TimePeriod(spans=((0, 17),))


def test_the_longer_reading_wins_and_its_text_is_read_once() -> None:
    text = "life expectancy between 1990 and 2000"
    period = read_time_period(text)
    assert (period.start, period.end) == ("1990", "2000")
    assert [text[a:b] for a, b in period.spans] == ["between 1990 and 2000"]


def test_several_phrases_narrow_the_period() -> None:
    text = "gdp since 1970 and before 2000, in 1990s"
    period = read_time_period(text)
    assert (period.start, period.end) == ("1990", "1999")
    assert sorted(text[a:b] for a, b in period.spans) == ["before 2000", "in 1990s", "since 1970"]


@pytest.mark.parametrize(("token", "value"), [("3", 3), ("10", 10), ("ten", 10), ("Seven", 7)])
def test_count_words_and_digits(token: str, value: int) -> None:
    assert re.fullmatch(COUNT, token, re.IGNORECASE)
    assert parse_count(token) == value


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # A short period that opens or closes a range is one end of it, not the whole of it.
        ("from the first week of 2018 to 2019-12-30", "2018-01-01", "2019-12-30"),
        ("from 2018-03-01 to the last quarter of 2019", "2018-03-01", "2019-12-31"),
        # Two short periods: from the first's start to the last's end, as before.
        ("from Q3 2018 through Q1 2019", "2018-07-01", "2019-03-31"),
        ("in the first week of 2019", "2019-01-01", "2019-01-07"),
    ],
)
def test_a_short_period_at_one_end_of_a_range(text: str, start: str, end: str) -> None:
    period = read_time_period(text)
    assert (period.start, period.end) == (start, end)
