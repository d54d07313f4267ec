"""A dungeon master's narration (worker.planner.game_master): "Your quest:" introduces the request, the scene
before it and the dice, heroes, experience and hit points beside it add nothing, the adventuring party is no
party size, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.game_master import ungame_master
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "You enter a tavern where the barkeep has drawn a pie on the door. "
            "Your quest: the median tip by sex.",
            ("tip", "median"),
            "sex",
        ),
        (
            "Roll for perception! Your quest is to chart the average total bill per day.",
            ("total_bill", "avg"),
            "day",
        ),
        (
            "Your next quest, brave adventurers: the sepal length of each species. The goblins flee.",
            ("sepal_length", "avg"),
            "species",
        ),
    ],
)
def test_the_scene_around_the_quest_adds_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan)[0], plan.dimension, filters_of(plan), plan.chart_type) == (
        measure,
        dimension,
        [],
        "bar",
    )


def test_dice_numbers_are_no_limit_or_year(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Roll a d20: a natural 20! Your quest: the 3 richest countries of Europe in 1997, richest first. "
        "Roll a d8 for damage: 6."
    )
    assert (plan.limit, period_of(plan), filters_of(plan)) == (
        3,
        ("1997", "1997"),
        [("continent", "eq", "Europe")],
    )


def test_a_value_named_only_in_the_narration_is_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The wizard casts a scrying spell over Oceania. "
        "Your quest: the average life expectancy of each continent in 1977."
    )
    assert (plan.dimension, filters_of(plan)) == ("continent", [])


def test_a_chart_the_quest_calls_for_is_the_chart(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The innkeeper has sketched bars on a napkin. Your quest demands a pie: the votes for each candidate "
        "in 101-Bois-de-Liesse."
    )
    assert (plan.dimension, plan.chart_type) == ("candidate", "pie")


def test_the_adventuring_party_is_no_party_size(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The party of three sits by the hearth. Your quest: the median tip at dinner by day. You gain 40 XP."
    )
    assert (measures_of(plan), filters_of(plan)) == ([("tip", "median")], [("meal", "eq", "Dinner")])


def test_a_party_size_the_quest_names_is_kept(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The party of two sets out at dawn. Your quest: the average tip by day for tables of 6."
    )
    assert filters_of(plan) == [("party_size", "eq", 6)]


def test_what_each_group_grew_in_a_quest_is_no_change_over_time(planner: RulePlanner) -> None:
    plan = planner.plan("The druid smiles. Your quest: the widest sepal each species grew, widest first.")
    assert (measures_of(plan), plan.dimension, plan.use_time) == ([("sepal_width", "max")], "species", False)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Roll for initiative! Your quest: the hit points of each hero by day.", "points"),
        ("The oracle speaks of 2040. Your quest: Brazil's population in 2040.", "2040"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip for a party of four by day",
        "The party of four: average tip by day.",
        "Open the chart wizard and plot the tip by day.",
        "Which days had a quest for bigger tips?",
    ],
)
def test_text_with_no_game_master_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert ungame_master(text, semantic_model) == text


def test_a_roll_choosing_between_requests_is_left_as_said(planner: RulePlanner) -> None:
    question = (
        "Roll a d20 to decide: on a high roll the median bill by sex, on a low roll the largest bill by sex."
    )
    assert ungame_master(question, planner.model) == question
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_a_party_of_four_outside_the_voice_is_still_a_party_size(planner: RulePlanner) -> None:
    plan = planner.plan("The party of four: the average tip by day.")
    assert filters_of(plan) == [("party_size", "eq", 4)]
