"""Conditions between rows and shares of rows (worker.planner.row_comparisons): refused with what can be
asked, where charting the rest would look like an answer and be another question's."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("How many weeks did Netflix trade higher than Google?", "row by row"),
        ("Count the districts where Joly got fewer votes than Bergeron, please", "above or below"),
        ("the number of nations with more bronzes than golds", "row by row"),
        ("What fraction of the flowers of each species have sepals wider than 3 cm?", "share of"),
        ("what percentage of tables on each day were non-smokers?", "share of"),
        ("Which proportion of countries had a life expectancy above 70 in 2007?", "share of"),
    ],
)
def test_rows_compared_or_shared_are_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named in str(refused.value)


def test_a_comparison_asked_for_itself_is_charted(planner: RulePlanner) -> None:
    # Both values side by side answer "was it higher?"; nothing is counted or picked out.
    plan = planner.plan("Was Netflix's price higher than Google's in 2018?")
    assert filters_of(plan) == [("ticker", "in", ["NFLX", "GOOG"])]


def test_a_share_of_a_measure_is_a_pie(planner: RulePlanner) -> None:
    plan = planner.plan("What share of the population lives in each continent in 2007?")
    assert (plan.chart_type, plan.dimension) == ("pie", "continent")
