"""Counts of things the rows do not stand for one each (worker.planner.count_grain): refused, naming what
the rows are, where the chart would have counted each district once per candidate or each company once per
day; counted when one row stands for each."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # Each bar was three times the number of districts: one row per candidate in each.
        ("how many districts did Coderre win", "once for every candidate (3 times)"),
        ("number of districts won by majority", "a row for each candidate in each district"),
        ("number of districts by winner", "cannot yet count districts on their own"),
        # Each bar was the number of trading days.
        ("how many tickers are there", "once for every date"),
    ],
)
def test_a_count_that_would_count_each_thing_several_times_is_refused(
    planner: RulePlanner, question: str, said: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=r"Try e\.g\.") as refused:
        planner.plan(question)
    assert said in str(refused.value)


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        # One row per nation once the medal is fixed, or once each medal is its own bar.
        ("how many nations won gold", [("medal", "eq", "Gold")]),
        ("number of nations by medal", []),
        ("how many directions have winds of strength 6+", [("strength", "eq", "6+")]),
    ],
)
def test_a_count_with_one_row_per_thing_is_charted(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan)[0][1] == "count" and filters_of(plan) == filters
