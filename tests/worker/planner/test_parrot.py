"""A parrot (worker.planner.parrot): its calls and its echoes of the request set nothing, a fragment that
says something new is kept, a second chart and what the data lacks stay refused, and text without a call
is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.parrot import unparrot
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Squawk! The median tip for each meal! Each meal! Median tip! Squawk!",
            "The median tip for each meal",
        ),
        (
            "Pretty bird! Pretty bird! Women! Women! The average bill per person of women, by day! Squawk!",
            "The average bill per person of women, by day",
        ),
        # "Pieces of eight" is no limit: the request's own 3 is.
        (
            "Pieces of eight! Pieces of eight! The 3 richest countries of Europe in 1977! Three! Squawk!",
            "The 3 richest countries of Europe in 1977",
        ),
        # ... and no candidate "Eight".
        (
            "Pieces of eight! Bergeron's votes in each district! Bergeron! Bergeron! Squawk!",
            "Bergeron's votes in each district",
        ),
        (
            "Who's a clever boy? The total medals of each nation! Medals! Polly wants a cracker!",
            "The total medals of each nation",
        ),
        (
            "Squawk, the average petal width of each species! Petal width! Squawk!",
            "The average petal width of each species",
        ),
    ],
)
def test_calls_and_echoes_set_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # An order, a chart type and a series said after the request add to it.
        (
            "Squawk! The 4 countries of the Americas with the lowest life expectancy in 1987! Four! "
            "Lowest first! Squawk!",
            "The 4 countries of the Americas with the lowest life expectancy in 1987, lowest first",
        ),
        (
            "Pretty bird! The total tips by sex! Tips by sex! As a pie! Squawk!",
            "The total tips by sex as a pie",
        ),
        (
            "Who's a clever boy? Amazon and Apple in 2018! Amazon and Apple! One line each! Squawk!",
            "Amazon and Apple in 2018, one line each",
        ),
    ],
)
def test_a_fragment_saying_something_new_is_kept(planner: RulePlanner, question: str, plain: str) -> None:
    plan, expected = planner.plan(question), planner.plan(plain)
    assert chart_of(plan) == chart_of(expected)
    assert (plan.sort, plan.series) == (expected.sort, expected.series)


def test_a_repeated_value_is_one_filter(planner: RulePlanner) -> None:
    plan = planner.plan("Squawk! Dinner! Dinner! How many tables at dinner on each day? Dinner! Squawk!")
    assert request_of(plan) == request_of(planner.plan("How many tables at dinner on each day?"))
    assert len(plan.filters) == 1


@pytest.mark.parametrize(
    "question",
    [
        # Two charts, the second echoed: the echo must not hide it.
        "Squawk! The total bill by day as bars! And each nation's medals as a pie, a separate chart! "
        "A separate chart! Squawk!",
        "Polly wants a cracker! How many crackers did each parrot eat? Crackers! Squawk!",
        "Pieces of eight! The average bill in pieces of eight, by meal! Squawk!",
        "Pretty bird! Microsoft's share price in 2021! 2021! Squawk!",
        "Who's a clever boy? The cleverest species! Cleverest! Squawk!",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Tips! Tips by day!",
        "The average tip by day! By day!",
        "The eight most populous countries in 2007",
        "A pretty pie of the medals by nation",
        "Which clever country has the highest GDP per capita in 2007?",
        "Polly's tips by day",
    ],
)
def test_text_without_the_parrot_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unparrot(text, semantic_model) == text


def test_only_calls_is_unchanged(semantic_model: SemanticModel) -> None:
    assert unparrot("Squawk! Pretty bird!", semantic_model) == "Squawk! Pretty bird!"
