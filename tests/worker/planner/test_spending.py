"""Money and tipping verbs (worker.planner.spending): what a bill "came to", what was left "in tips", who
"tips more per person" and what "brings in more money"."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_what_a_bill_came_to_is_the_bill(planner: RulePlanner) -> None:
    plan = planner.plan("Please chart the number of tables on each day where the bill came to more than $30.")
    assert measures_of(plan) == [("total_bill", "count")]
    assert filters_of(plan) == [("total_bill", "gt", 30)]
    plan = planner.plan("How many tables per meal had a check that came to under $15?")
    assert plan.dimension == "meal"
    assert filters_of(plan) == [("total_bill", "lt", 15)]
    plan = planner.plan("Average tip per meal, only where the bill totalled at least 40 dollars")
    assert measures_of(plan) == [("tip", "avg")]
    assert filters_of(plan) == [("total_bill", "gte", 40)]


def test_came_to_without_a_comparison_is_not_read(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Tip by day, where the bill came to 20")


def test_left_in_tips_is_the_tip(planner: RulePlanner) -> None:
    plan = planner.plan("How much did each party size leave in tips altogether?")
    assert measures_of(plan) == [("tip", "sum")]
    assert plan.dimension == "party_size"
    plan = planner.plan("How much did the smokers at each meal give in tips in total?")
    assert measures_of(plan) == [("tip", "sum")]
    assert plan.dimension == "meal"
    assert filters_of(plan) == [("smoker", "eq", "Yes")]


def test_who_tips_more_per_person(planner: RulePlanner) -> None:
    plan = planner.plan("Who tips more per person, men or women?")
    assert measures_of(plan) == [("tip_per_person", "avg")]
    assert plan.dimension == "sex"
    plan = planner.plan("Which sex tips less per head?")
    assert measures_of(plan) == [("tip_per_person", "avg")]
    assert plan.dimension == "sex"


def test_tips_the_least_per_head_is_not_read_as_a_lowest_tip(planner: RulePlanner) -> None:
    # "the lowest tip per person" would be the min; "tips the least" is not rewritten and stays refused.
    with pytest.raises(UnchartableQuestion):
        planner.plan("Who tips the least per head, smokers or non-smokers?")


def test_money_brought_in_is_revenue(planner: RulePlanner) -> None:
    plan = planner.plan("Which meal brings in more money in total, lunch or dinner?")
    assert measures_of(plan) == [("total_bill", "sum")]
    assert plan.dimension == "meal"
    plan = planner.plan("Which day takes in the most money?")
    assert measures_of(plan) == [("total_bill", "sum")]
    assert plan.dimension == "day"
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_money_on_data_without_revenue_stays_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Which continent brings in more money, Asia or Europe?")
