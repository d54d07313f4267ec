"""Groupings (worker.planner.read): "by X" groups by X, except where "by" says who did something ("the tips
left by smokers" keeps the smokers' rows) or a measure's own word follows it ("nations by medals")."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    "question",
    ["A histogram of the tips left by smokers.", "the average tip given by smokers on each day"],
)
def test_who_left_the_tips_is_a_filter(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert filters_of(plan) == [("smoker", "eq", "Yes")] and plan.series is None


@pytest.mark.parametrize(
    ("question", "dimension"),
    [("total bill paid by party size", "party_size"), ("average tip by smokers", "smoker")],
)
def test_by_a_grouping_still_groups(planner: RulePlanner, question: str, dimension: str) -> None:
    plan = planner.plan(question)
    assert plan.dimension == dimension and filters_of(plan) == []
