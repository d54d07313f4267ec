"""A cowboy's drawl (worker.planner.wild_west): a scene of the range that asks nothing sets nothing, a clause
of patter comes off with its dash or colon, "Howdy", "partner" and "I'd be much obliged for" hand over the
request, "Round up X" asks for X, the fastest gun in the West is only the top, and what the data cannot
answer (cattle, high noon, two charts, a champion with no measure) stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.wild_west import unwild_west
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "Howdy, pardner! I'd be mighty obliged for the median tip on each day.",
        "This here town's got three hundred head of cattle and a pie shop. The median tip each day, partner.",
        "My posse of nine rode in at sunup, hungry as coyotes. I'd be obliged for the median tip each day.",
        "Saddle up, partner - I'd be much obliged for the median tip each day - five bullets in my gun.",
        "Dust on my spurs and a ten-gallon hat on my head, I'd be obliged for the median tip on each day.",
    ],
)
def test_patter_of_the_range_sets_nothing(planner: RulePlanner, question: str) -> None:
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
        "Folks in this here town say Norway is the fastest gun in the West. Show me the average life "
        "expectancy of each continent in 1997, partner.",
        "Yonder over the hills: the average life expectancy of each continent in 1997. Forty horses and nary "
        "a rustler in 1952.",
        "Out on the range the buffalo roam in 1962. I'd be much obliged for the average life expectancy of "
        "each continent in 1997.",
    ],
)
def test_a_value_or_year_named_only_in_a_scene_sets_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), period_of(plan)) == (
        [("life_exp", "avg")],
        "continent",
        [],
        ("1997", "1997"),
    )


def test_a_value_named_again_in_the_request_is_the_requests(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Folks round this here saloon say Amazon is the fastest gun in the West. Show me Amazon's share "
        "price through 2019, partner."
    )
    assert (measures_of(plan), filters_of(plan), plan.chart_type) == (
        [("price", "avg")],
        [("ticker", "eq", "AMZN")],
        "line",
    )


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        (
            "Round up the smokers, partner, and show me their median tip on each day.",
            [("smoker", "eq", "Yes")],
        ),
        (
            "Round up the herd, pardner: the median tip on each day at the saloon at dinner.",
            [("meal", "eq", "Dinner")],
        ),
        (
            "Meet me by the corral at sundown, partner - but the chart I want is for the lunch crowd: the "
            "median tip on each day at lunch.",
            [("meal", "eq", "Lunch")],
        ),
    ],
)
def test_round_up_and_the_crowd_ask_for_the_request(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("tip", "median")], "day", filters)


def test_two_charts_for_the_posse_are_refused_as_two(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="one chart per question") as refused:
        planner.plan("Round up two charts for the posse: the median tip by day, and a scatter of the petals.")
    assert "e.g. \u201cthe median tip by day\u201d" in str(refused.value)  # the first chart, to ask first


def test_the_fastest_gun_with_a_measure_is_the_top(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Which nation was the fastest gun in the West - the one with the most medals? Just the one, partner."
    )
    assert (measures_of(plan), plan.dimension, plan.limit, plan.sort is not None) == (
        [("medals", "sum")],
        "nation",
        1,
        True,
    )


@pytest.mark.parametrize(
    "question",
    [
        "Howdy, partner! How many horses did each nation keep in the corral?",
        "I reckon the tips run highest at high noon. Show me the average tip at high noon, partner.",
        "Who was the fastest gun in the West among the companies in 2019? Just one, partner.",
        "Round up two charts for the posse: the total tips by day as a pie, and a separate line of the share "
        "price.",
        "Which nation came third in the medal count, partner? The bronze of this here territory.",
        "Much obliged if you'd show me Apple's share price through 2021 - I'm fixin' to buy me a ranch.",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "The average tip by day.",
        "Round up the average tip to whole dollars on each day.",
        "My business partner wants the average tip by day, as bars.",
        "I reckon you could show me the medals by nation.",
        "I'd be obliged for the average tip by day.",
    ],
)
def test_a_question_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert unwild_west(question, semantic_model) == question
