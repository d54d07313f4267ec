"""Excel's conditional aggregates (worker.planner.formulas): COUNTIF(S), SUMIF(S), AVERAGEIF(S), MAXIFS
and MINIFS read as an aggregate with the criteria as filters."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.formulas import unformula
from worker.planner.rules import RulePlanner


def test_formulas_spelt_out() -> None:
    assert unformula('COUNTIFS(tip, ">5", day, "Sat") by sex') == (
        "count of rows where tip > 5 and day = 'Sat' by sex"
    )
    assert unformula('SUMIF(day, "Sat", tip)') == "sum of tip where day = 'Sat'"
    assert unformula("COUNTIF(size, 4)") == "count of rows where size = 4"
    assert unformula("MINIFS of lifeExp") == "min of lifeExp"


@pytest.mark.parametrize(
    "text", ['SUMIF(A2:A10, ">5") by day', 'COUNTIF(sex, "F*") by day', 'MAXIF(tip, ">1")', "COUNTIF(tip)"]
)
def test_what_a_condition_cannot_say_is_left_as_written(text: str) -> None:
    assert unformula(text) == text


def test_counts_count_the_measure_the_condition_is_on(planner: RulePlanner) -> None:
    plan = planner.plan('COUNTIFS(tip, ">5", day, "Sat") by sex')
    assert measures_of(plan) == [("tip", "count")] and plan.dimension == "sex"
    assert sorted(filters_of(plan)) == [("day", "eq", "Sat"), ("tip", "gt", 5)]
    # On a dimension: the first measure is counted; "No" is smoker's value.
    plan = planner.plan('COUNTIF(smoker, "No") by day')
    assert measures_of(plan) == [("tip", "count")] and filters_of(plan) == [("smoker", "eq", "No")]


def test_aggregates_with_criteria(planner: RulePlanner) -> None:
    plan = planner.plan('SUMIFS(votes, candidate, "Coderre") by district, top 5 filter')
    assert measures_of(plan) == [("votes", "sum")] and filters_of(plan) == [("candidate", "eq", "Coderre")]
    assert plan.limit == 5
    plan = planner.plan('AVERAGEIF(total_bill, ">20", tip) by day')
    assert measures_of(plan) == [("tip", "avg")] and filters_of(plan) == [("total_bill", "gt", 20)]
    plan = planner.plan("MINIFS of lifeExp for each continent, filter year = 2007")
    assert (measures_of(plan), plan.dimension) == ([("life_exp", "min")], "continent")


@pytest.mark.parametrize("question", ['SUMIF(A2:A10, ">5") by day', 'COUNTIF(sex, "F*") by day'])
def test_formulas_on_cells_or_wildcards_are_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)
