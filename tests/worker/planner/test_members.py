"""A dimension said as the members of another (worker.planner.members): "the continent's countries" are
what each continent's figure is taken over, not a bar per country in each continent."""

from __future__ import annotations

import pytest

from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    "question",
    [
        "Which continent's countries have the highest life expectancy?",
        "life expectancy of the continent's countries in 2007",
        "Which continent has the longest-lived countries on average in 2007?",
    ],
)
def test_the_members_of_a_group_are_no_second_grouping(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series) == ("continent", None)


def test_two_groupings_said_apart_still_colour_the_chart(planner: RulePlanner) -> None:
    plan = planner.plan("The average tip by day and by sex")
    assert (plan.dimension, plan.series) == ("day", "sex")
