"""A zombie's groans (worker.planner.zombie_groans): the fragments between the pauses are one request once the
groans, the stretched letters, the cut-off words and the memories are gone; the horde's numbers, the living
and the life before death set nothing, "how many of the living" is the population, "in that year" points back
at the year remembered, and what the data cannot answer (brains, graves, a year it lacks, two charts, a choice
left open) stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.zombie_groans import unzombie
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "Braaains... I was a bartender before I died... must... see... the median tiiip... on each day... "
        "Uuurgh.",
        "Uuurgh... the horde of 300 zombies is sooo hungry... the median tip... on each day...",
        "Groaaan... shambling through the parking lot... the median tip... on each day... braaains...",
        "Sooo hungry... the living... eat pie... show me... the median tip... on each day...",
        "Uuurgh... the last thing I remember is 1990... the median tip... on each day... groaaan...",
        "Grrr, the median tip on each day, sooo hungry.",
        "Braaains! I was a cook before I died. Show me the median tip on each day. Uuurgh.",
        "Uuurgh... the horde of 70 zombies wants... the median tip... on each day...",
    ],
)
def test_groans_hordes_and_memories_set_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (
        measures_of(plan),
        plan.dimension,
        plan.chart_type,
        filters_of(plan),
        plan.limit,
        period_of(plan),
    ) == (
        [("tip", "median")],
        "day",
        "bar",
        [],
        None,
        None,
    )


@pytest.mark.parametrize(
    ("question", "period"),
    [
        (
            "Uuurgh... the last thing I remember is 1972... life expectancy... by continent... in 2002...",
            "2002",
        ),
        (
            "Braaains... the last thing I remember is 1967... life expectancy... of each continent... "
            "that year...",
            "1967",
        ),
        (
            "Groaaan... the last thing I remember is 1957... life expectancy... by continent... "
            "in that same year...",
            "1957",
        ),
    ],
)
def test_a_memory_is_no_period_unless_the_request_points_back(
    planner: RulePlanner, question: str, period: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, period_of(plan)) == (
        [("life_exp", "avg")],
        "continent",
        (period, period),
    )


def test_the_living_counted_are_the_population(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Groaaan... how many of the living... lived in each continent... in 2002... as bars..."
    )
    assert (measures_of(plan), plan.dimension, period_of(plan), plan.chart_type) == (
        [("pop", "sum")],
        "continent",
        ("2002", "2002"),
        "bar",
    )


def test_the_living_in_a_scene_name_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Uuurgh... Montreal... crawling with the living... the total votes... for each candidate..."
    )
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("votes", "sum")], "candidate", [])


@pytest.mark.parametrize(
    ("question", "measure", "filters"),
    [
        (
            "Uuurgh... Japan's life expe... expectancy... since 1977... as a line...",
            ("life_exp", "avg"),
            [("country", "eq", "Japan")],
        ),
        ("Braaains... the average sepal wid... width... of each species...", ("sepal_width", "avg"), []),
    ],
)
def test_a_word_cut_off_and_said_whole_is_the_whole_word(
    planner: RulePlanner, question: str, measure: tuple[str, str], filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), filters_of(plan)) == ([measure], filters)


def test_a_word_said_again_with_an_ending_is_not_cut_off(semantic_model: SemanticModel) -> None:
    read = unzombie("Braaains... the median tip on each day... days in calendar order...", semantic_model)
    assert read == "The median tip on each day, days in calendar order"


def test_the_horde_is_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Braaains... the horde of 40 zombies is coming... the average petal length... by species..."
    )
    assert (measures_of(plan), plan.dimension, plan.limit) == ([("petal_length", "avg")], "species", None)


@pytest.mark.parametrize(
    "question",
    [
        "Braaains... the number of graves... in each country... Uuurgh...",
        "Uuurgh... the brains eaten... by continent...",
        "Groaaan... how many of the living... on each continent... in 2050...",
        "Uuurgh... I was a bus driver before I died... the tips... each bus driver earned... by day...",
        "Braaains... the last thing I remember is 1977... life expectancy by continent... in 2019...",
        "Braaains... the tip or the total bill... by day... whichever... smells better...",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_two_charts_are_refused_as_two(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="one chart per question") as refused:
        planner.plan("Uuurgh... the median tip by day... and a separate histogram... of the petals...")
    assert "e.g. \u201cthe median tip by day\u201d" in str(refused.value)  # the first chart, to ask first


@pytest.mark.parametrize(
    "question",
    [
        "The average tip by day.",
        "Show me... the average tip... by day...",
        "I must see the average tip by day.",
        "The average tip in the living room, by day.",
        "Hmm... the tip per day... no... the median tip per day.",
    ],
)
def test_a_question_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert unzombie(question, semantic_model) == question
