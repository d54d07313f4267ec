"""A rambling user's message (worker.planner.digressions): its tangents, asides and discourse markers are
context, only the request is charted, a value named in a tangent comes back only where the request points
back to it, and two requests, none, or one for what the data lacks stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.digressions import undigress
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def _range(question: str, planner: RulePlanner) -> tuple[str | None, str | None] | None:
    plan = planner.plan(question)
    return None if plan.time_range is None else (plan.time_range.start, plan.time_range.end)


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Right, so my uncle (retired plumber, loves a debate) keeps going on about Sundays - "
            "anyway, where was I? Oh yes: the average total bill by day, please.",
            ("total_bill", "avg"),
            "day",
        ),
        (
            "My flatmate thinks he's a botanist now, long story short: average petal length by species.",
            ("petal_length", "avg"),
            "species",
        ),
        (
            "By the way, my colleague swears Europe is the place to be (she moved there in 1999). "
            "Could you show me the average life expectancy of each continent in 2002?",
            ("life_exp", "avg"),
            "continent",
        ),
        (
            "Where was I... oh yes: total votes for each candidate, not that it matters much to anyone.",
            ("votes", "sum"),
            "candidate",
        ),
    ],
)
def test_the_request_is_charted_without_its_tangents(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [measure]
    assert plan.dimension == dimension
    # Values of the tangent (Sundays, Europe) are no filters.
    assert filters_of(plan) == []


def test_a_year_of_a_tangent_sets_no_period(planner: RulePlanner) -> None:
    question = (
        "My grandmother moved to Canada in 1952 - not that it matters for this. "
        "Anyway: the total population of each continent in 2007."
    )
    assert _range(question, planner) == ("2007", "2007")


def test_through_a_year_is_that_year(planner: RulePlanner) -> None:
    question = (
        "Sorry, I'm rambling, my boss (don't ask) loves Microsoft - anyway, "
        "Microsoft's weekly share price through 2018 as a line."
    )
    plan = planner.plan(question)
    assert (plan.chart_type, filters_of(plan)) == ("line", [("ticker", "eq", "MSFT")])
    assert _range(question, planner) == ("2018", "2018")


def test_values_of_a_tangent_come_back_where_the_request_points_to_them(planner: RulePlanner) -> None:
    question = (
        "My brother went to Peru, Mexico and Canada on his gap year - he came back with a beard, "
        "long story. Population in 1997 for those three countries, please."
    )
    plan = planner.plan(question)
    assert filters_of(plan) == [("country", "in", ["Peru", "Mexico", "Canada"])]


def test_a_second_thought_is_read_as_a_correction(planner: RulePlanner) -> None:
    question = (
        "Could I see the median tip by day? By the way, my aunt once tipped in coins, which is a story "
        "for another day. Actually, on second thoughts, make it the maximum rather than the median."
    )
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == ([("tip", "max")], "day")


@pytest.mark.parametrize(
    "question",
    [
        # Two requests once the tangents are set aside.
        "My sister keeps asking - long story short - can you show the average tip by sex, and also, "
        "separately, a pie of the total bill by meal?",
        # No request at all.
        "I had a question about the flowers - my neighbour grows irises - but it's gone. Anyway, never mind!",
        # A value the data lacks, after the steer-back.
        "My cousin moved to Ukraine (so cold!) - where was I - Ukraine's GDP per capita over time?",
    ],
)
def test_what_the_request_cannot_chart_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "My manager would like the total bill by sex - or the tip, I forget. Can you do it?",
        "Show the total medals of the three nations, gold first.",
        "Apple's weekly price through 2019",
    ],
)
def test_text_without_rambling_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert undigress(text, semantic_model) == text


def test_a_sentence_after_the_request_that_names_the_data_is_not_dropped(planner: RulePlanner) -> None:
    # "lunch" may narrow the request: refused rather than charted without it.
    with pytest.raises(UnchartableQuestion):
        planner.plan("Long story short, average tip by day. I only care about lunch.")
    plan = planner.plan("Long story short, average tip by day. My boss says hi, by the way.")
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("tip", "avg")], "day", [])
