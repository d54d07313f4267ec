"""What is kept after values are left out (worker.planner.remaining): "the remaining days", "the other five
companies" and "the rest of the world" are all the rest, a count must be the number left, and with nothing
left out the words stay unread."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.remaining import unremain
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dimension", "left_out"),
    [
        ("Excluding Saturday, the average bill on the remaining days", "day", ("day", "ne", "Sat")),
        ("Leaving out Europe, the life expectancy of the other continents in 1997", "continent", None),
        ("Apart from Joly, the total votes of the remaining candidates, as a pie", "candidate", None),
        ("Without Amazon, weekly prices of the other five companies in 2018, one line each", "ticker", None),
    ],
)
def test_the_rest_after_an_exclusion_is_all_of_it(
    planner: RulePlanner, question: str, dimension: str, left_out: tuple[str, str, str] | None
) -> None:
    plan = planner.plan(question)
    assert dimension in (plan.dimension, plan.series)
    assert len(filters_of(plan)) == 1 and filters_of(plan)[0][1] == "ne"
    if left_out is not None:
        assert filters_of(plan) == [left_out]


def test_the_rest_of_the_world_is_the_world_without_what_was_left_out(planner: RulePlanner) -> None:
    plan = planner.plan("Not counting Asia, the population of the rest of the world over the years")
    assert plan.use_time and filters_of(plan) == [("continent", "ne", "Asia")]


@pytest.mark.parametrize(
    "question",
    [
        # Five companies are left: "the other two" names neither all of them nor which two.
        "Excluding Apple, the average share price of the other two companies",
        # Nothing left out: which candidates remain is not said.
        "The total votes of the remaining candidates",
    ],
)
def test_a_rest_that_is_not_said_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_text_without_an_exclusion_is_unchanged(semantic_model: SemanticModel) -> None:
    text = "The other continents' life expectancy, the remaining days' tips"
    assert unremain(text, semantic_model) == text
