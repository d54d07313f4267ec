"""Values named to keep rows, for bars grouped by another dimension (worker.planner.restrictions)."""

from __future__ import annotations

from worker.planner.rules import RulePlanner


def test_values_in_an_opening_setting_restrict(planner: RulePlanner) -> None:
    plan = planner.plan("The lunch trade on Thursdays and Fridays: total tips by sex")
    assert plan.dimension == "sex" and plan.series is None


def test_values_before_only_restrict(planner: RulePlanner) -> None:
    plan = planner.plan("total medals by nation for Gold and Silver only")
    assert plan.dimension == "nation" and plan.series is None


def test_values_listed_beside_a_grouping_still_compare(planner: RulePlanner) -> None:
    assert planner.plan("silver and bronze medals by nation").series == "medal"
    assert planner.plan("average check by sex on saturdays and sundays").series == "day"


def test_values_after_only_restrict(planner: RulePlanner) -> None:
    for question in ("average tip by sex, only Sat and Sun", "total medals by nation, only gold and silver"):
        plan = planner.plan(question)
        assert plan.series is None and len(plan.filters) == 1


def test_values_right_after_for_following_a_grouping_restrict(planner: RulePlanner) -> None:
    """ "per nation for silver and bronze" ranks the nations on those medals; no bar per medal type."""
    for question in (
        "Total medals per nation for silver and bronze",
        "Top 5 directions by frequency for the 2-3 and 3-4 bands",
    ):
        plan = planner.plan(question)
        assert plan.series is None and len(plan.filters) == 1


def test_values_after_a_noun_of_for_still_compare(planner: RulePlanner) -> None:
    """ "for winds from the W and WNW": the directions are what is compared ("winds" is no W)."""
    plan = planner.plan("wind frequency by strength for winds from the W and WNW")
    assert plan.series == "direction"
