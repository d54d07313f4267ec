"""Conditions joined by "or" (worker.planner.either)."""

from __future__ import annotations

import pytest

from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_either_of_two_conditions_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="either of two conditions"):
        planner.plan(
            "number of countries whose life expectancy was below 45 or whose GDP per capita was below 600"
        )
    with pytest.raises(UnchartableQuestion, match="either of two conditions"):
        planner.plan("tables with a tip over 5 or a total bill under 10, by day")


def test_both_conditions_and_or_more_are_read(planner: RulePlanner) -> None:
    plan = planner.plan("countries with life expectancy below 45 and GDP per capita below 600 in 1962")
    assert len(plan.filters) == 2
    assert planner.plan("average tip by day for parties of 3 or more").filters[0].op == "gte"
