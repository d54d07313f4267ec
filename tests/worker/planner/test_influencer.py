"""An influencer's patter (worker.planner.influencer): greetings, addresses, exclamations, calls to like and
subscribe, "link in bio", disclaimers and counts of likes, followers and besties set nothing; a sentence of
the influencer's life that asks nothing comes off whole, so a value or year named only there sets nothing;
"it's giving X" is a mood; "top tier" beside a measure is the top; and what the data cannot answer stays
refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.influencer import uninfluence
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "Hey besties! OMG I'm literally obsessed with Fridays. Show me the median tip on each day - link in "
        "bio!",
        "Smash that like button, besties: the median tip on each day. 25k likes and counting!",
        "Collab alert: me and my 4 besties tipped big at dinner. Show me the median tip on each day. Slay.",
        "It's giving date-night energy, but show me the median tip on each day, no cap. Don't forget to "
        "subscribe!",
        "This is not sponsored by any restaurant, bestie: the median tip on each day - iconic.",
        "I have 2 besties and 40k followers. Show me the median tip on each day, iconic.",
    ],
)
def test_patter_sets_nothing(planner: RulePlanner, question: str) -> None:
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
        "Europe is iconic, besties! Show me the average life expectancy of each continent in 1997.",
        "It's giving 1962 vintage vibes, but show me the average life expectancy of each continent in 1997.",
        "With 80k followers in Asia I should know this: the average life expectancy of each continent in "
        "1997.",
        "Besties, this is not sponsored by any country: the average life expectancy of each continent in "
        "1997 - 5k likes if you know.",
    ],
)
def test_a_value_or_year_named_only_in_patter_sets_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), period_of(plan), plan.limit) == (
        [("life_exp", "avg")],
        "continent",
        [],
        ("1997", "1997"),
        None,
    )


def test_a_value_named_again_in_the_request_is_the_requests(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Collab with Amazon? Not sponsored though. Show me Amazon's weekly share price through 2019, besties."
    )
    assert (measures_of(plan), filters_of(plan), plan.chart_type) == (
        [("price", "avg")],
        [("ticker", "eq", "AMZN")],
        "line",
    )


def test_a_not_of_the_request_is_still_read(planner: RulePlanner) -> None:
    plan = planner.plan("Hey besties! The total tips on each day, not on Sunday - link in bio.")
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("tip", "sum")],
        "day",
        [("day", "ne", "Sun")],
    )


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("Which continent has the top tier GDP per capita in 1992? Just the one, besties.", 1),
        (
            "OMG, top tier continents, besties: the average GDP per capita of each continent in 1992, "
            "highest first.",
            None,
        ),
    ],
)
def test_top_tier_ranks_only_by_the_requests_measure(
    planner: RulePlanner, question: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    sort = None if plan.sort is None else (plan.sort.by, plan.sort.direction)
    assert (measures_of(plan), plan.dimension, sort, plan.limit) == (
        [("gdp_per_capita", "avg")],
        "continent",
        ("gdp_per_capita", "desc"),
        limit,
    )


@pytest.mark.parametrize(
    "question",
    [
        "Hey besties! My follower count per continent - link in bio.",
        "OMG, chart the likes on each of my reels, besties. Smash that like button!",
        "Slay! Tip or total bill by day, whichever is cuter - you pick, bestie.",
        "Not sponsored by Nike, but show me Nike's share price in 2019, besties.",
        "It's giving top tier: the top tier continents in 2002, no cap.",
        "Collab idea: a pie of the tips by day, and also a separate line of the share price - two charts for "
        "my story, besties.",
        "Don't forget to subscribe! Google's share price for 2022 - my followers are asking.",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "Show me the average tip by day, not on Sunday.",
        "For the newsletter's anniversary (500 subscribers!) I need the top 8 countries by GDP in 1997.",
        "Which of the top-tier companies had the highest share price in 2019?",
        "OMG the total tips by day, no cap.",
    ],
)
def test_a_question_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert uninfluence(question, semantic_model) == question
