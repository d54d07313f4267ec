"""A historian's eras and decades (worker.planner.eras): decades said in words are the decade's years, an
era said beside a named period is framing, "half a century" beside its span adds nothing, and eras with
no dates, or decades the data covers only in part, are refused with a sentence saying what to ask."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.eras import unera
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("Kenya's population through the sixties", "Kenya's population through the 1960s"),
        ("life expectancy in the seventies and eighties", "life expectancy in the 1970s and 1980s"),
        ("GDP in the early nineties", "GDP in the early 1990s"),
    ],
)
def test_decades_in_words_are_written_in_digits(
    semantic_model: SemanticModel, said: str, written: str
) -> None:
    assert unera(said, semantic_model) == written


def test_text_with_no_era_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in ("Tip by day", "Life expectancy in 1962 by continent", "the Q4 2018 sell-off in Apple"):
        assert unera(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("How did Kenya's life expectancy develop through the sixties?", "1960", "1969"),
        ("Population of India across the eighties", "1980", "1989"),
        ("GDP per capita of Chile in the sixties and seventies", "1960", "1979"),
    ],
)
def test_a_decade_in_words_is_a_line_over_its_years(
    planner: RulePlanner, question: str, start: str, end: str
) -> None:
    plan = planner.plan(question)
    assert plan.use_time and plan.chart_type == "line"
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (start, end)


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("In 1967, at the height of the Cold War, average GDP per capita by continent", "1967"),
        ("Europe in 1952, in the first post-war survey: population by country", "1952"),
        ("At the dawn of the new millennium, in 2002, life expectancy by continent", "2002"),
        ("In 2019, the last year of the 2010s, Apple's share price", "2019"),
    ],
)
def test_an_era_beside_a_named_year_adds_nothing(planner: RulePlanner, question: str, year: str) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None and plan.time_range.start is not None
    assert plan.time_range.start.startswith(year)


def test_half_a_century_beside_its_span_adds_nothing(planner: RulePlanner) -> None:
    plan = planner.plan("Over half a century, from 1952 to 2002, how did Brazil's population change?")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1952", "2002")
    assert filters_of(plan) == [("country", "eq", "Brazil")]
    plan = planner.plan(
        "Asia's GDP across the whole half century of the data, from the first survey year to the last"
    )
    assert plan.use_time and plan.time_range is None


def test_framing_beside_a_named_period_of_the_stocks(planner: RulePlanner) -> None:
    plan = planner.plan("Late 2018, amid the turmoil: Apple's share price")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (
        "2018-09-01",
        "2018-12-31",
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Population of Europe during the interwar years", "the interwar years"),
        ("Life expectancy in Asia in the post-war boom years", "the post-war boom years"),
        ("Netflix's share price during the 2008 financial crisis", "the 2008 financial crisis"),
        ("The 2019 market crash: Google's share price", "2019 market crash"),
        ("GDP by continent in the Roaring Twenties", "the Roaring Twenties"),
        ("Medals by nation in the Cold War years", "the medals data has no dates"),
        ("Amazon's share price across the 2010s", "only part of the decade"),
        ("Population of Asia through the fifties", "only part of the decade"),
        ("How did the average tip change over the seventies?", "no dates"),
    ],
)
def test_eras_with_no_dates_in_the_data_are_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named.lower() in str(refused.value).lower()
