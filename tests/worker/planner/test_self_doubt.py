"""A hedging user's self-doubt (worker.planner.self_doubt): hedges on the request or the asking come off, a
softener on one choice is that choice, "kind of iris" stays the species, and a hedge that hands back two
readings is refused naming them."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.self_doubt import undoubt
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "I'm not sure if this makes sense, but maybe the average total bill by day?",
        "The average total bill by day - or is that a silly question?",
        "Maybe this is obvious, but the average total bill by day? Does that make sense?",
        "No pressure at all, but the average total bill by day, if that's even possible.",
        "Would it be weird to ask for the average total bill by day? Feel free to ignore this.",
        "I might be overthinking it, but the average total bill by day? I hope I'm asking this right.",
    ],
)
def test_hedges_on_the_request_come_off(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.chart_type) == (
        "tips",
        [("total_bill", "avg")],
        "day",
        "bar",
    )
    assert filters_of(plan) == []


def test_maybe_most_first_is_most_first(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Not sure if this is a thing, but the total votes for each candidate, maybe most first?"
    )
    assert plan.sort is not None
    assert (plan.dimension, plan.sort.by, plan.sort.direction) == ("candidate", "votes", "desc")


def test_sort_of_as_a_pie_is_a_pie(planner: RulePlanner) -> None:
    plan = planner.plan("Would it be weird to want the total medals of each nation, sort of as a pie?")
    assert (plan.dimension, plan.chart_type) == ("nation", "pie")


def test_what_i_kind_of_want_is_the_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "I guess what I kind of want is Apple's weekly share price in 2018, as a line, I guess."
    )
    assert (plan.chart_type, plan.use_time) == ("line", True)
    assert filters_of(plan) == [("ticker", "eq", "AAPL")]


def test_a_trailing_i_guess_keeps_the_commas_of_the_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Feel free to say no, but the 5 most populous countries in 1982, I guess, highest first?"
    )
    assert plan.sort is not None
    assert (plan.dimension, plan.sort.by, plan.sort.direction, plan.limit) == ("country", "pop", "desc", 5)


def test_kind_of_iris_stays_the_species(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Is it okay to ask for the average petal width of each kind of iris? Sorry if that's a dumb one."
    )
    assert (measures_of(plan), plan.dimension) == ([("petal_width", "avg")], "species")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "Could I maybe see the total or the average votes by candidate, whichever, I'm not fussy?",
            "whichever",
        ),
        ("Tip by day as bars, or maybe as a pie, whichever you like - does that make sense?", "as a pie"),
        ("Petal length or sepal length by species - I can't remember which, sorry, either is fine.", "or"),
        ("I'm not sure if it was Brazil, or maybe Chile? Its population over the years, I guess.", "Chile"),
    ],
)
def test_two_readings_left_open_are_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


def test_what_the_data_lacks_stays_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("No pressure, but could I see the tips per bartender, if that's even possible?")


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "The average sepal width for each kind of iris",
        "Maybe 2002 or 2007? Population by continent.",
        "Show me the top 5 countries by population in 2007, most first.",
    ],
)
def test_text_with_no_self_doubt_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert undoubt(text, semantic_model) == text
