"""Two aggregations of one measure asked side by side (worker.planner.paired): a plan lists each measure
once, so "mean vs. max tip by day" is refused, saying so and naming the two charts that answer it."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import measures_of
from worker.planner.rules import RulePlanner, UnchartableQuestion


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("Mean vs. max tip by day", "average tip by day", "highest tip by day"),
        (
            "Per-capita output by continent, 2002 — mean vs. max",
            "average GDP per capita by continent",
            "highest GDP per capita by continent",
        ),
        (
            "the min and max of petal length by species",
            "lowest petal length by species",
            "highest petal length by species",
        ),
        # The measure said with each ("the median tip or the mean tip"): was "the average of several medians".
        ("The median tip or the mean tip per day", "median tip by day", "average tip by day"),
        ("Average tip or total tips by day", "average tip by day", "total tip by day"),
    ],
)
def test_two_aggregations_of_one_measure_are_refused_clearly(
    planner: RulePlanner, question: str, first: str, second: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    message = str(refused.value)
    assert "one aggregation of a measure at a time" in message and "two levels" not in message
    assert f"\u201c{first}\u201d" in message and f"\u201c{second}\u201d" in message


def test_two_measures_each_with_its_own_aggregation_word_are_not_a_pair(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("average tip and total bill by day")) == [
        ("tip", "avg"),
        ("total_bill", "avg"),
    ]
