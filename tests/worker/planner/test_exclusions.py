"""Values a question leaves out (worker.planner.exclusions), also after "all <noun> but"."""

from __future__ import annotations

from tests.worker.planner.plan_fields import filters_of
from worker.planner.rules import RulePlanner


def test_all_but_excludes(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip by day, all the days but Sunday")
    assert filters_of(plan) == [("day", "ne", "Sun")]
    plan = planner.plan("Medals by nation, every nation but China")
    assert filters_of(plan) == [("nation", "ne", "China")]


def test_every_value_joined_by_and_is_excluded(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip by meal, excluding the Saturday and the Sunday")
    assert filters_of(plan) == [("day", "not_in", ["Sat", "Sun"])]


def test_districts_a_candidate_won_are_left_out(planner: RulePlanner) -> None:
    plan = planner.plan("Votes by candidate, excluding districts won by Joly")
    assert filters_of(plan) == [("winner", "ne", "Joly")]
    plan = planner.plan("Votes per candidate without the districts that Bergeron won")
    assert filters_of(plan) == [("winner", "ne", "Bergeron")]
