"""A grouping whose dimension also carries a condition ("by party size 3 or more") groups by that
dimension and keeps the condition, rather than falling back to the default dimension."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("mean total bill by party size 2 or more", ("party_size", "gte", 2)),
        ("tip per party size of 4 or fewer", ("party_size", "lte", 4)),
        ("median tip for each party size above 1", ("party_size", "gt", 1)),
    ],
)
def test_the_grouping_and_its_condition_are_both_kept(
    planner: RulePlanner, question: str, condition: tuple[str, str, object]
) -> None:
    plan = planner.plan(question)
    assert plan.dimension == "party_size" and filters_of(plan) == [condition]
    assert "by party size" in plan.title.lower()


def test_a_condition_beside_another_grouping_keeps_that_grouping(planner: RulePlanner) -> None:
    plan = planner.plan("mean tip by sex for parties of 3 or more")
    assert plan.dimension == "sex" and filters_of(plan) == [("party_size", "gte", 3)]
