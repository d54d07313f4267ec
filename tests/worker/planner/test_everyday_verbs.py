"""Everyday verbs around a request (worker.planner.everyday_verbs): "broken up by", "counting X only",
"stay above" and "set X beside Y" were refused as unknown words; they read as the request they make."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.everyday_verbs import unverb
from worker.planner.rules import RulePlanner


def test_broken_up_by_splits_the_total(planner: RulePlanner) -> None:
    plan = planner.plan("China's medals broken up by medal type, as a pie")
    assert (plan.dimension, plan.chart_type) == ("medal", "pie")
    assert ("nation", "eq", "China") in filters_of(plan)


@pytest.mark.parametrize(
    "question",
    ["Counting silver medals only, rank the nations.", "Counting only the silver medals, rank the nations."],
)
def test_counting_only_some_keeps_them_alone(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.dimension == "nation" and filters_of(plan) == [("medal", "eq", "Silver")]
    assert plan.sort is not None and plan.sort.direction == "desc"


@pytest.mark.parametrize("verb", ["stay", "remain", "sit"])
def test_a_price_that_stays_above_a_level_is_above_it(planner: RulePlanner, verb: str) -> None:
    plan = planner.plan(f"In 2018, how many weeks did each company's share price {verb} below 1.2?")
    assert (plan.dimension, measures_of(plan)) == ("ticker", [("price", "count")])
    assert filters_of(plan) == [("price", "lt", 1.2)]


def test_set_one_beside_another_compares_them(planner: RulePlanner) -> None:
    plan = planner.plan("Set South Korea beside China for each kind of medal.")
    assert plan.dimension == "medal"
    assert filters_of(plan) == [("nation", "in", ["South Korea", "China"])]


@pytest.mark.parametrize(
    "text",
    [
        "The tables that sat at dinner",
        "The whole set of tables by day",
        "the total bill broken down by day",
        "counting the tables by day",
    ],
)
def test_other_uses_of_the_verbs_are_left_alone(text: str) -> None:
    assert unverb(text) == text


@pytest.mark.parametrize(
    "question",
    [
        "What did people pay per head, on average, on each day?",
        "How much do diners spend per person on each day?",
    ],
)
def test_what_people_pay_per_head_is_the_bill_per_person(planner: RulePlanner, question: str) -> None:
    # "per head" alone chose the gapminder data (GDP per capita) and refused "each day".
    plan = planner.plan(question)
    assert (plan.dataset, plan.dimension, measures_of(plan)) == ("tips", "day", [("bill_per_person", "avg")])


@pytest.mark.parametrize(
    ("question", "dataset", "dimension"),
    [
        ("Follow GDP per capita in Peru and in Chile over the years, a line per country.", "gapminder", None),
        ("Trace the population of Chile through the survey years.", "gapminder", None),
        ("Split the 1992 world population by continent in a pie.", "gapminder", "continent"),
        ("For the lunch tables, set every bill against its tip on a scatter.", "tips", None),
        ("Adding up every strength band, which 4 directions blow least often?", "wind", "direction"),
        (
            "Counting only districts taken by a plurality, the votes of each candidate.",
            "election",
            "candidate",
        ),
        ("For smokers, what percent of the bill went on the tip, day by day?", "tips", "day"),
        (
            "When the wind comes from the north, how often does it fall in each strength band?",
            "wind",
            "strength",
        ),
        ("How big was the total population of each continent in 1987?", "gapminder", "continent"),
        ("Put the average tip of men next to that of women.", "tips", "sex"),
        ("At lunch, set the tip of smoking tables beside non-smoking ones.", "tips", "smoker"),
        ("Total votes won by each candidate across Montreal.", "election", "candidate"),
        (
            "Votes for each candidate, counting only districts where the winner took a plurality.",
            "election",
            "candidate",
        ),
    ],
)
def test_everyday_verbs_of_a_request_read(
    planner: RulePlanner, question: str, dataset: str, dimension: str | None
) -> None:
    # Each was refused on its verb ("Follow", "Split", "set", "Adding", "taken", "fall") or read wrongly.
    plan = planner.plan(question)
    assert (plan.dataset, plan.dimension) == (dataset, dimension)
