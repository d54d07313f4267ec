"""A percentage of what a measure's unit names is that measure (worker.planner.units.share_measures)."""

from __future__ import annotations

from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_a_percentage_of_the_unit_is_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan("The percentage of observations for each wind direction as a pie")
    assert (plan.measures[0].name, plan.dimension, plan.chart_type) == ("frequency", "direction", "pie")
    plan = planner.plan("What share of the bill did diners leave as a tip on each day?")
    assert (plan.measures[0].name, plan.dimension) == ("tip_pct", "day")
    plan = planner.plan("Average tip as a proportion of the bill by sex")
    assert [m.name for m in plan.measures] == ["tip_pct"]


def test_the_measure_named_again_after_its_share_is_not_a_second_measure(planner: RulePlanner) -> None:
    plan = planner.plan("what percentage of the bill was the tip, by day")
    assert ([m.name for m in plan.measures], plan.dimension) == (["tip_pct"], "day")


def test_either_refusal_suggests_a_question(planner: RulePlanner) -> None:
    try:
        planner.plan("Average tip by day for tips over 5 dollars or bills over 30 dollars")
    except UnchartableQuestion as exc:
        assert "Try e.g." in str(exc)
    else:
        raise AssertionError("an “or” across two conditions is refused")
