"""Conditions on a group's aggregate (worker.planner.group_conditions): refused by name, where the chart
filtered the rows instead; conditions on the rows themselves are charted."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # Charted as the days with tips over 3 in a row, and the continents' sum of China and India.
        ("Days whose average tip is above 3, with their average bill", "whose average tip is above 3"),
        ("continents with a total population over 1 billion in 2007", "with a total population over"),
        ("countries having an average life expectancy of at least 70", "average life expectancy"),
    ],
)
def test_a_condition_on_a_groups_aggregate_is_refused(planner: RulePlanner, question: str, said: str) -> None:
    with pytest.raises(UnchartableQuestion, match="whole groups by an aggregate") as refused:
        planner.plan(question)
    assert said in str(refused.value)


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("countries with a life expectancy over 70 in 2007", ("life_exp", "gt", 70)),
        # "total bill" is the measure's own name, not a total.
        ("count of rows by day where the total bill is over 30", ("total_bill", "gt", 30)),
    ],
)
def test_a_condition_on_the_rows_is_charted(
    planner: RulePlanner, question: str, condition: tuple[str, str, int]
) -> None:
    assert condition in filters_of(planner.plan(question))
