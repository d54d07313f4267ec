"""A wedding planner's talk (worker.planner.wedding_plans): the big day, the guest list and the seating plan
are context around the request, a wedding's tables, guests and dates are not the tips data's, "the best
man" is a role and never the men of the data, a value of the talk is kept only where the request points
back to it, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.wedding_plans import unwedding
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "For the best man's speech: the average tip by sex, dinner only.",
        "For the toast, the best man needs the average tip by sex at dinner.",
        "The best man wants the average tip by sex for dinner.",
    ],
)
def test_the_best_man_is_a_role_not_the_men_of_the_data(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, measures_of(plan)) == ("sex", [("tip", "avg")])
    assert filters_of(plan) == [("meal", "eq", "Dinner")]


@pytest.mark.parametrize(
    "question",
    [
        "The seating plan has eight tables of 6. For the groom: the average tip by party size.",
        "We've invited 150 guests, seated at tables of 10! For my planning file: the average tip by party "
        "size.",
        "Our guest list is up to 90 - for the mother of the bride: the average tip by party size.",
    ],
)
def test_the_weddings_tables_and_guests_are_no_party_size_or_limit(
    planner: RulePlanner, question: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("party_size", None, [])


def test_the_restaurants_own_tables_are_the_party_size(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The top table seats 12, never mind that. The groom's father wants the average total bill by day "
        "for tables of 2 at the restaurant."
    )
    assert (plan.dimension, filters_of(plan)) == ("day", [("party_size", "eq", 2)])


def test_the_receptions_day_is_no_filter_and_the_requests_day_is(planner: RulePlanner) -> None:
    plan = planner.plan("The reception is on a Saturday, so show me the average tip by meal on Fridays.")
    assert (plan.dimension, filters_of(plan)) == ("meal", [("day", "eq", "Fri")])


@pytest.mark.parametrize(
    ("question", "dataset"),
    [
        ("Something new for the bride: Amazon's share price across 2019 as a line.", "stocks"),
        ("The couple would like the population of each continent in 1952, biggest first.", "gapminder"),
        (
            "The maid of honour asked for the average petal length of each iris species, for her toast.",
            "iris",
        ),
        (
            "Something borrowed, something blue! For the order of service: the wind frequency by direction.",
            "wind",
        ),
    ],
)
def test_a_lead_of_wedding_talk_adds_nothing(planner: RulePlanner, question: str, dataset: str) -> None:
    plan = planner.plan(question)
    assert plan.dataset == dataset
    assert plan.limit is None
    assert all(f.column not in {"sex", "party_size", "day"} for f in plan.filters)


def test_a_place_named_again_in_the_request_is_the_requests(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The happy couple are off to Mexico for the honeymoon. "
        "Show me life expectancy in Mexico from 1952 to 2007."
    )
    assert filters_of(plan) == [("country", "eq", "Mexico")]
    assert (plan.chart_type, period_of(plan)) == ("line", ("1952", "2007"))


@pytest.mark.parametrize(
    ("question", "column", "value"),
    [
        (
            "Our honeymoon is in Kenya, so show me its life expectancy across every survey year.",
            "country",
            "Kenya",
        ),
        (
            "The honeymoon is in Asia! Show me the population of each country there in 2007, biggest first.",
            "continent",
            "Asia",
        ),
    ],
)
def test_a_place_the_request_points_back_to_is_kept(
    planner: RulePlanner, question: str, column: str, value: str
) -> None:
    assert (column, "eq", value) in filters_of(planner.plan(question))


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("For the table plan: how many guests sit at each table at the reception?", "table"),
        ("The happy couple marry in May 2021, so show me Apple's share price on their wedding day.", "2021"),
        ("The best man wants to know which bartender poured the most tips.", "bartender"),
        ("Something old for the place cards: the wind frequency by direction on 12 June 1962.", "dates"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "the average tip by sex for men only",
        "a couple of charts: total medals per nation",
        "For the board meeting: the average share price of each company in 2019.",
    ],
)
def test_text_with_no_wedding_talk_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unwedding(text, semantic_model) == text
