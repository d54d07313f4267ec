"""Questions that ask "who" (worker.planner.who_questions): on the election data "who" means the
candidates, whatever places scope the rows."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.shape import Reading
from worker.planner.who_questions import read_who
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        ("Who received the most votes overall?", []),
        ("who came out on top in Saint-Léonard-Est?", [("district", "eq", "151-Saint-Léonard-Est")]),
        ("Who had the most votes in the districts that Joly won?", [("winner", "eq", "Joly")]),
        ("Election night: who got the fewest votes where Coderre won?", [("winner", "eq", "Coderre")]),
    ],
)
def test_who_compares_the_candidates(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, str]]
) -> None:
    plan = planner.plan(question)
    assert plan.dimension == "candidate", question
    assert filters_of(plan) == filters


def test_a_grouping_said_or_a_relative_who_is_kept(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    assert planner.plan("Who got the most votes by candidate?").dimension == "candidate"
    assert planner.plan("Who got more votes, Coderre or Joly?").dimension == "candidate"
    reading = Reading(semantic_model.dataset("election"))
    read_who("the districts of the candidates who won", reading)
    assert reading.groups == []


def test_who_on_data_without_people_changes_nothing(planner: RulePlanner) -> None:
    # The medals data names no "who": its key (the nation) answers as before.
    assert planner.plan("Who won the most silver medals?").dimension == "nation"


@pytest.mark.parametrize(
    "question",
    [
        "Who got the most votes by district?",
        "Who got the most votes, by district?",
        "who won the most votes in each district",
    ],
)
def test_who_leads_in_each_group_is_refused_as_two_levels(planner: RulePlanner, question: str) -> None:
    # It charted each district's highest count and never said whose it was.
    with pytest.raises(UnchartableQuestion, match="leads within each group"):
        planner.plan(question)
