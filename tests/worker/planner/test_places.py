"""Dimension nouns that only say where (worker.planner.places)."""

from __future__ import annotations

from worker.planner.rules import RulePlanner


def test_a_place_won_by_something_is_no_grouping(planner: RulePlanner) -> None:
    plan = planner.plan("the votes of the candidates in the districts won by a plurality")
    assert (plan.dimension, plan.series) == ("candidate", None)
    plan = planner.plan("the votes of the candidates in the districts won by Coderre")
    assert (plan.dimension, plan.series) == ("candidate", None)
