"""A superhero's call to action (worker.planner.superhero): "To the chart-mobile!" and the hero's world
("Citizens, fear not!", "my cape", "my arch-enemy Doctor Median", "saved the city 7 times") set nothing, so
no "not" is read, no median asked and no limit set; what the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.superhero import unsuperhero
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("To the chart-mobile! The median tip by day.", ("tip", "median"), "day"),
        ("Citizens of Quebec, fear not! The total votes of each candidate.", ("votes", "sum"), "candidate"),
        (
            "My arch-enemy Doctor Median is back: the average sepal length of each species.",
            ("sepal_length", "avg"),
            "species",
        ),
        (
            "My cape is drying in the breeze: the total wind frequency for each direction.",
            ("frequency", "sum"),
            "direction",
        ),
        (
            "I've saved the city 9 times! The average bill per person for each party size.",
            ("bill_per_person", "avg"),
            "party_size",
        ),
    ],
)
def test_the_heros_world_sets_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert request_of(plan) == (
        [measure],
        dimension,
        [],
        None,
    )


def test_a_value_named_by_the_request_is_kept(planner: RulePlanner) -> None:
    plan = planner.plan("Holy histograms! To the chart-mobile: a histogram of the tip on Sundays.")
    assert (plan.chart_type, filters_of(plan)) == ("histogram", [("day", "eq", "Sun")])


@pytest.mark.parametrize(
    "question",
    [
        "Captain Data, reporting for duty! The number of villains each hero caught, by city.",
        "To the chart-mobile! Krypton's population in 1987.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    ["The median tip by day, not a pie", "Which city district had the most votes for Joly?"],
)
def test_text_without_the_hero_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unsuperhero(text, semantic_model) == text
