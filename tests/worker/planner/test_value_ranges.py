"""A span of an ordered dimension's values keeps every value between its ends
(worker.planner.value_ranges): "Thursday through Saturday" used to keep Thursday and Saturday only."""

from __future__ import annotations

from tests.worker.planner.plan_fields import filters_of
from worker.planner.rules import RulePlanner


def test_a_span_of_days_or_bands_keeps_the_values_between(planner: RulePlanner) -> None:
    plan = planner.plan("average tip on Thursday through Saturday")
    assert filters_of(plan) == [("day", "in", ["Thur", "Fri", "Sat"])]
    plan = planner.plan("wind frequency by direction for strength 2-3 thru 4-4")
    assert filters_of(plan) == [("strength", "in", ["2-3", "3-4", "4-4"])]


def test_to_is_no_span_and_a_span_backwards_is_left_as_written(planner: RulePlanner) -> None:
    # "from north to south" says where the wind blows; it is not read as a span of directions here.
    assert ("direction", "in", ["N", "S"]) in filters_of(planner.plan("wind frequency from north to south"))
    assert filters_of(planner.plan("average tip Sunday through Thursday")) == [("day", "in", ["Sun", "Thur"])]
