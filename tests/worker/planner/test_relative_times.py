"""Times said relative to the data's own span (worker.planner.relative_times), as a user sees them: the
period the chart covers, whether it runs over time, or the refusal's sentence."""

from __future__ import annotations

import pytest

from worker.planner.relative_times import unrelative
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel


def _range(planner: RulePlanner, question: str) -> tuple[str | None, str | None]:
    plan = planner.plan(question)
    assert plan.time_range is not None, question
    return plan.time_range.start, plan.time_range.end


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # Survey words: gapminder's snapshots, every fifth year from 1952 to 2007.
        ("Population by continent in the latest survey", "2007", "2007"),
        ("GDP per capita by continent for the earliest snapshot on record", "1952", "1952"),
        ("Life expectancy of Chile over the first four surveys", "1952", "1967"),
        ("Population of India across the most recent 3 survey years", "1997", "2007"),
        ("Life expectancy by continent in the second-to-last survey", "2002", "2002"),
        ("Population by continent in the survey year before the latest one", "2002", "2002"),
        # Decades written short or open-ended (whole decades, as "the 1990s" is read), and the surveys
        # either side of 2000.
        ("Peru's life expectancy throughout the 60s as a line", "1960", "1969"),
        ("Life expectancy of Peru across the '50s, as a line", "1950", "1959"),
        ("Population of Ghana from the 1990s onwards over time", "1990", None),
        ("GDP per capita of Chile about the turn of the millennium as a line", "1997", "2002"),
        # Stocks: thirds of a year, and periods at the data's edges (2018-01-01 to 2019-12-30).
        ("Average price of each company in late 2018", "2018-09-01", "2018-12-31"),
        ("Netflix stock price over mid 2018", "2018-05-01", "2018-08-31"),
        ("Apple share price since early 2019", "2019", "2019"),
        ("Average share price by company over the opening quarter of the data", "2018-01-01", "2018-03-31"),
        ("Microsoft stock price over the last three months of the data", "2019-10-01", "2019-12-31"),
        ("Average price per company in the first year of the data", "2018", "2018"),
        ("Average price per company over the last half of the data", "2019", "2019"),
        ("Amazon stock price over the first two weeks of trading", "2018-01-01", "2018-01-14"),
        ("Average stock price by company in the most recent week", "2019-12-30", "2019-12-31"),
        ("Amazon share price in the latest week of 2018", "2018-12-25", "2018-12-31"),
        ("Netflix price from mid 2018 to late 2019", "2018-05-01", "2019-12-31"),
    ],
)
def test_times_relative_to_the_data(planner: RulePlanner, question: str, start: str, end: str | None) -> None:
    assert _range(planner, question) == (start, end)


def test_a_decade_of_surveys_is_a_line(planner: RulePlanner) -> None:
    plan = planner.plan("Mexico's GDP per capita during the 80s, drawn as a line")
    assert plan.use_time and plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("1980", "1989")


def test_a_count_of_surveys_is_no_ranking(planner: RulePlanner) -> None:
    plan = planner.plan("Japan's population over the first three surveys, as a line")
    assert plan.limit is None and plan.use_time


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("Netflix's stock price this month", "2018-01-01 to 2019-12-30"),
        ("Population by continent last year", "1952 to 2007"),
        ("Average Amazon share price over the past 10 days", "2018-01-01 to 2019-12-30"),
        ("Life expectancy in Chad 3 years ago", "1952 to 2007"),
        ("Apple stock price in the first half of last year", "2018-01-01 to 2019-12-30"),
    ],
)
def test_times_relative_to_today_are_refused(planner: RulePlanner, question: str, span: str) -> None:
    with pytest.raises(UnchartableQuestion, match="counted from today") as refused:
        planner.plan(question)
    assert span in str(refused.value) and "Name a period within it" in str(refused.value)


@pytest.mark.parametrize(
    "question",
    [
        "The last 5 countries by population in Asia",
        "Life expectancy of the last 3 countries in the list",
        "The first two companies by average stock price",
        "Population of the 10 largest countries in 2007",
        "Countries with a life expectancy in the 60s in 2007",
    ],
)
def test_first_and_last_as_ranks_are_no_time(semantic_model: SemanticModel, question: str) -> None:
    assert unrelative(question, semantic_model) == question


def test_the_last_year_counted_from_the_data_stays(planner: RulePlanner) -> None:
    # "the last year" (with "the") counts back from the data's last close, as before.
    assert _range(planner, "Apple stock price over the last year") == ("2018-12-30", "2019-12-30")


def test_times_from_today_on_data_without_dates_are_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="no dates, so \u201cthis week\u201d"):
        planner.plan("Average tip on each day this week")


def test_data_without_dates_keeps_its_own_refusal(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="no dates") as refused:
        planner.plan("Average tip by day in early 2018")
    assert "counted from today" not in str(refused.value)


def test_thirds_of_a_year_on_yearly_data_are_not_read(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Life expectancy by continent in late 1977")


def test_survey_words_on_the_stocks_data_are_not_read(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Apple stock price in the last survey")
