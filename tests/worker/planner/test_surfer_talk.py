"""A surfer's talk (worker.planner.surfer_talk): "bro" / "dude" as an address, "like," as a filler and a scene
of the surf that asks nothing set nothing (no count of waves, boards or feet of swell is a limit), a clause of
patter comes off with its dash or ", but", "Stoked on X" names X for a request that points back, "gnarliest"
is the top only beside a measure and a ranking the request says, and what the data cannot answer (Tesla, surf
forecasts, two charts, a choice left open) stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, filters_of, measures_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.surfer_talk import unsurf
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "Cowabunga, dude! Caught like nine waves before breakfast. The median tip on each day, bro.",
        "Brah, my quiver has seven boards now. Like, the median tip on each day? Hang loose.",
        "Epic session, dude - four-foot swell, two wipeouts on Saturday. Now, like, the median tip each day.",
        "The median tip on each day, bro. Five surfers in the lineup and, like, six-footers. Catch ya later!",
        "Totally tubular, dude: the median tip on each day. Hang ten!",
        "Dude, what a session! How gnarly was that swell? Like, the median tip on each day.",
    ],
)
def test_patter_of_the_surf_sets_nothing(planner: RulePlanner, question: str) -> None:
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
        "Dude, paddled out with three buddies off Brazil in 2002. Like, show me the average life expectancy "
        "of each continent in 1977, bro.",
        "The reef off Japan was firing, bro, but like, I want the average life expectancy of each continent "
        "in 1977.",
        "Gnarly, bro, I surfed Peru in 1992! Like, the average life expectancy of each continent in 1977.",
    ],
)
def test_a_value_or_year_named_only_in_a_scene_sets_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), period_of(plan)) == (
        [("life_exp", "avg")],
        "continent",
        [],
        ("1977", "1977"),
    )


def test_stoked_on_names_what_the_request_points_back_at(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Stoked on Japan and Brazil, bro, like my two favourite breaks. Their life expectancy since 1982, "
        "one line each."
    )
    assert (measures_of(plan), filters_of(plan)[0][:2], plan.series, plan.chart_type) == (
        [("life_exp", "avg")],
        ("country", "in"),
        "country",
        "line",
    )
    assert set(filters_of(plan)[0][2]) == {"Japan", "Brazil"}  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("question", "direction"),
    [
        (
            "Bro, which continent had the gnarliest average life expectancy in 2002 - like, the highest one? "
            "Just that one.",
            "desc",
        ),
        (
            "Dude, which continent had the sickest average life expectancy in 2002, like, the lowest one? "
            "Only that one, bro.",
            "asc",
        ),
    ],
)
def test_praise_beside_a_measure_and_a_ranking_is_the_top(
    planner: RulePlanner, question: str, direction: str
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None
    assert (measures_of(plan), plan.dimension, plan.limit, plan.sort.direction) == (
        [("life_exp", "avg")],
        "continent",
        1,
        direction,
    )


def test_a_clause_of_praise_restating_the_ranking_comes_off(planner: RulePlanner) -> None:
    plan = planner.plan("Dude, Joly's 3 best districts by votes - like, the sickest ones for her.")
    assert request_of(plan) == (
        [("votes", "sum")],
        "district",
        [("candidate", "eq", "Joly")],
        3,
    )


def test_two_charts_are_refused_as_two(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="one chart per question") as refused:
        planner.plan("Like, the median tip by day AND a separate line of the share price, bro - two charts.")
    assert "e.g. \u201cthe median tip by day\u201d" in str(refused.value)  # the first chart, to ask first


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Stoked on Narnia, dude! Like, its life expectancy since 1982.", "Narnia"),
        ("Bro, how tall were the waves at each beach in 2007? Like, the gnarliest swells.", ""),
        ("Dude, what's the surf forecast for tomorrow? Like, the wind frequency by direction.", ""),
        ("Which nation is the gnarliest, bro? Like, just the top one.", ""),
        ("Gnarly, dude: the median or the mean tip by day, like, whichever - I'm off to surf.", ""),
        ("Hang loose, bro. Like, Bali's population since 1972, one line. Sickest reef break ever.", "Bali"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named in str(refused.value)


@pytest.mark.parametrize(
    "question",
    [
        "The average tip by day.",
        "Like the average tip by day, show it as bars.",
        "The dude who served us wants the average tip by day.",
        "I'd like, if possible, the average tip by day.",
        "Which 5 countries have more surface in Africa?",
        "Leader board: GDP per capita, top ten countries, 2007.",
    ],
)
def test_a_question_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert unsurf(question, semantic_model) == question
