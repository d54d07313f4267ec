"""An alien visitor's voice (worker.planner.alien_visitor): greetings, "earthlings" and scenes of Zorg set
nothing, the alien's own counts (moons, tentacles, light-years, its age in Earth years) are no limit or year,
"Beam up" and "Take me to your leader - I mean, to" hand over the request, "your planet", "your eating
places" and "your gardens" are the data's world, restaurant and flowers, and what the data cannot answer
(Zorg, Mars, Zorg years, a choice left open) stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, filters_of, measures_of, period_of
from worker.planner.alien_visitor import unalien
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "Salutations, earthlings! Beam me up the median tip on each day.",
        "Our mothership has 6 moons and a pie-shaped hangar. Show me the median tip on each day, earthlings.",
        "In Earth years I am 512, and my crew numbers 20. Beam up the median tip on each day.",
        "We come in peace from 9 light-years away; show me the median tip on each day - all 11 of my "
        "tentacles await.",
        "The humans call it 'tipping'. Show me, tentacles trembling, the median tip on each day at your "
        "eating places.",
        "The median tip per day for my mothership.",
    ],
)
def test_the_visitors_patter_sets_nothing(planner: RulePlanner, question: str) -> None:
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
        "Greetings. Our mothership flew over Norway in 1962. Show me the average life expectancy of each "
        "continent in 1997, earthlings.",
        "On Zorg, Japan is a kind of moon. Beam up the average life expectancy of each continent in the "
        "Earth year 1997.",
        "Greetings from 70 light-years away, where it is the year 1952. Show me the average life expectancy "
        "of each continent in 1997.",
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


@pytest.mark.parametrize(
    ("question", "limit", "order"),
    [
        ("Beam up the 4 richest countries of your planet in 2002 - my 9 tentacles are waiting.", 4, "desc"),
        ("Take me to your leader - no, to the 5 poorest countries of your planet in 2002.", 5, "asc"),
        (
            "My 3 moons are watching. Take me to your leader - I mean, to the 6 richest countries in 2002.",
            6,
            "desc",
        ),
    ],
)
def test_the_requests_count_is_the_limit_and_the_aliens_is_not(
    planner: RulePlanner, question: str, limit: int, order: str
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None
    assert (measures_of(plan), plan.dimension, plan.limit, plan.sort.direction, period_of(plan)) == (
        [("gdp_per_capita", "avg")],
        "country",
        limit,
        order,
        ("2002", "2002"),
    )


def test_earth_years_are_the_datas_own_unit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "On Zorg a day lasts 9 Earth years. Show me Canada's life expectancy, in Earth years, from 1962 to "
        "1992, as a line."
    )
    assert (measures_of(plan), filters_of(plan), period_of(plan), plan.chart_type) == (
        [("life_exp", "avg")],
        [("country", "eq", "Canada")],
        ("1962", "1992"),
        "line",
    )


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Greetings, earthlings. Show me what you humans call the total bill, for each meal.",
            "total_bill",
            "meal",
        ),
        (
            "We come in peace to your gardens, where my 3 moons shine. Show me the average petal width of "
            "each species.",
            "petal_width",
            "species",
        ),
        ("Beam up the average tip of each sex at your eating places, earthlings.", "tip", "sex"),
    ],
)
def test_the_humans_words_are_the_datas(
    planner: RulePlanner, question: str, measure: str, dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([(measure, "avg")], dimension, [])


@pytest.mark.parametrize(
    "question",
    [
        "Greetings, earthlings. Beam up the average population of each Zorg moon in 2007.",
        "We come in peace. Show me each continent's GDP in 2002 measured in Zorg credits, where one Zorg "
        "credit is 3 dollars.",
        "Beam up the share price of Apple on Mars in 2019, earthlings.",
        "Take me to your leader! Who rules your planet? Draw that one.",
        "We come in peace. Show me the median or the average tip by day, whichever your primitive species "
        "likes.",
        "Our mothership wants two charts, earthlings: the median tip by day, and a separate pie of the "
        "medals by nation.",
        "Beam up the life expectancy of each continent in the Earth year 2031, earthlings.",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_a_choice_left_to_your_species_is_refused_as_a_choice(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="which you mean"):
        planner.plan(
            "We come in peace. Show me the median or the mean tip by day, whichever your puny species likes."
        )


@pytest.mark.parametrize(
    "question",
    [
        "The average tip by day.",
        "Greetings! Show me the average tip by day.",
        "Who leads the medal table? The leader only.",
        "Petal length against petal width, coloured by the species.",
        "The population of each continent across the world in 2007.",
        "How long did people live on Earth in 1952, by continent?",
    ],
)
def test_a_question_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert unalien(question, semantic_model) == question
