"""A grandmother's letter (worker.planner.grandmother): "dear" as an address, greetings, "bless him" and
"Love, Nana" come off, a sentence of her life that asks nothing (her grandchildren, her cat, her knitting, her
baking, her age, her memories) sets nothing, a memory's year is the request's only where the request points
back to it, and what the data cannot answer (pies at the church fete, shillings, two charts, a company she
cannot remember) stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.grandmother import ungrandmother
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "Hi dear! It's your Granny here. Could you show me the median tip on each day? Love, Granny",
        "I baked a pie for the church fete, dear. Now, the median tip on each day, please. Bless you.",
        "My nine grandchildren took me out for dinner! Show me the median tip on each day, dear.",
        "I'm 91 years young and I knit every evening. Could you show me the median tip per day, dear?",
        "The cat has tangled my wool again. Anyway dear, the median tip on each day. Lots of love, Nana xx",
        "I've had four cups of tea, dear - could you show me the median tip on each day?",
        "Bless you, dear, could you show me the median tip on each day?",
    ],
)
def test_patter_of_her_life_sets_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert chart_of(plan) == (
        [("tip", "median")],
        "day",
        "bar",
        [],
        None,
    )


@pytest.mark.parametrize(
    "question",
    [
        "When I was a little girl in 1957 we had a wireless, dear. Show me the life expectancy of each "
        "continent in 1997.",
        "Back in my day, in 1962, bread was a penny. Could you show me the life expectancy of each continent "
        "in 1997, dear?",
        "My granddaughter was born in 1982, bless her. The life expectancy of each continent in 1997, "
        "please.",
    ],
)
def test_a_year_named_only_in_a_memory_sets_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), period_of(plan)) == (
        [("life_exp", "avg")],
        "continent",
        [],
        ("1997", "1997"),
    )


@pytest.mark.parametrize(
    "question",
    [
        "When I was a girl in 1957, dear, we had no telephone. How long did people live on each continent "
        "that year?",
        "Back in my day - 1957, it was - the buses were red. How long did people live on each continent back "
        "then, dear?",
        "When I was a girl in 1957, dear, how long did people live on each continent?",
    ],
)
def test_a_request_that_points_back_to_a_memory_asks_for_its_year(
    planner: RulePlanner, question: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, period_of(plan)) == (
        [("life_exp", "avg")],
        "continent",
        ("1957", "1957"),
    )


def test_a_value_named_only_in_her_patter_sets_nothing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "My granddaughter loves Netflix, bless her. Could you show me Apple's weekly share price in 2018?"
    )
    assert (filters_of(plan), plan.chart_type) == ([("ticker", "eq", "AAPL")], "line")


def test_a_value_named_again_in_the_request_is_the_requests(planner: RulePlanner) -> None:
    plan = planner.plan(
        "My grandson says Netflix is a clever company. Show me Netflix's weekly share price in 2019, dear."
    )
    assert (measures_of(plan), filters_of(plan), plan.chart_type) == (
        [("price", "avg")],
        [("ticker", "eq", "NFLX")],
        "line",
    )


@pytest.mark.parametrize(
    "question",
    [
        "I baked three apple pies this morning, dear. Show me the total bill for each meal.",
        "My grandson drew two graphs at school, bless him. Show me the total bill for each meal, dear.",
    ],
)
def test_a_pie_she_baked_or_graphs_he_drew_are_no_chart(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan)[0][0], plan.dimension, plan.chart_type, plan.limit) == (
        "total_bill",
        "meal",
        "bar",
        None,
    )


def test_two_charts_for_her_grandson_are_refused_as_two(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="one chart per question") as refused:
        planner.plan(
            "My granddaughter needs two charts for school, bless her: the median tip by day, and also a "
            "pie of the medals by nation."
        )
    assert "e.g. \u201cthe median tip by day\u201d" in str(refused.value)  # the first chart, to ask first


@pytest.mark.parametrize(
    "question",
    [
        "Hello dear, it's Nana. How many scarves were sold at the church bazaar on each day? Love, Nana",
        "Back in my day tea was cheaper. Show me the median tip per day in shillings, dear.",
        "When I was a girl in 1938, dear - what was the population of each continent that year?",
        "I'm 90 years young! How many people aged 90 live in each continent, dear?",
        "The cat walked on my keyboard, dear. Show me the price of whichever shares my grandson bought.",
        "Bless you, dear. Show me Apple's share price on my granddaughter's birthday. I can't remember which "
        "day it is.",
        "Bless you, dear. Show me the wind on the day I was married, by direction. Love, Nana",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "The average tip by day.",
        "Dear team, please show the average tip by day.",
        "Dear all, could you show me the median tip per day? Kind regards, Priya",
        "Howdy, partner! I'd be obliged for the median tip on each day.",
        "My grandmother's favourite chart is the average tip by day.",
        "Show me the average tip for dinner, dearest colleagues.",
    ],
)
def test_a_question_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert ungrandmother(question, semantic_model) == question
