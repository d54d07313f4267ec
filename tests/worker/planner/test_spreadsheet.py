"""A spreadsheet user's words (worker.planner.spreadsheet): pivot tables, filters said "filter to",
"grouped by", "the top N rows" and sorts "Z to A"."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner
from worker.planner.spreadsheet import unspreadsheet


def test_spreadsheet_words_spelt_out() -> None:
    assert (
        unspreadsheet("Pivot table: sum of tip, rows = sex, columns = meal")
        == "sum of tip by sex split by meal"
    )
    assert unspreadsheet("Count of rows grouped by day") == "Count of rows by day"
    assert unspreadsheet("tip by day, only the top 2 rows") == "tip by day, top 2"
    assert unspreadsheet("tip by day, sort the average column A to Z") == "tip by day, sorted ascending"


def test_pivot_tables_and_filters(planner: RulePlanner) -> None:
    plan = planner.plan("Pivot table: sum of votes, rows = district, columns = candidate")
    assert (plan.dimension, plan.series) == ("district", "candidate")
    assert measures_of(plan) == [("votes", "sum")]
    plan = planner.plan("Filter to sex = Female, then average of total_bill by day")
    assert filters_of(plan) == [("sex", "eq", "Female")] and plan.dimension == "day"
    plan = planner.plan("Min of tip by day, filtered to Lunch only")
    assert filters_of(plan) == [("meal", "eq", "Lunch")] and measures_of(plan) == [("tip", "min")]
    plan = planner.plan("Average of price by ticker, filter ticker to AAPL, MSFT and GOOG")
    assert filters_of(plan) == [("ticker", "in", ["AAPL", "MSFT", "GOOG"])]
    plan = planner.plan("Average of petal_width by species, filter to sepal_width < 3")
    assert filters_of(plan) == [("sepal_width", "lt", 3)]
    plan = planner.plan("Average of tip by day, filter party size between 3 and 5")
    assert filters_of(plan) == [("party_size", "between", [3, 5])]


def test_rows_and_sorts_of_a_summary(planner: RulePlanner) -> None:
    plan = planner.plan("Sum of pop by country, filter year = 1982, only the top 4 rows")
    assert (plan.limit, plan.sort and plan.sort.direction) == (4, "desc")
    plan = planner.plan("Average of tip by sex, sort the average column Z to A")
    assert plan.sort is not None and plan.sort.direction == "desc"
    plan = planner.plan("Sum of medal_count by medal, filter nation = China")
    assert measures_of(plan) == [("medals", "sum")] and filters_of(plan) == [("nation", "eq", "China")]
    plan = planner.plan("Sum of votes by district where winner = Joly")
    assert filters_of(plan) == [("winner", "eq", "Joly")]


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("sum(total_bill) per day, desc", "desc", None),
        ("votes by district where winner = Joly, desc, only the first 10 rows", "desc", 10),
        ("total medals by nation, asc", "asc", None),
        ("average price by ticker; sorted desc", "desc", None),
    ],
)
def test_a_desc_or_asc_clause_sorts_by_the_measure(
    planner: RulePlanner, question: str, direction: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction
    assert plan.limit == limit


def test_desc_inside_a_word_is_left_alone() -> None:
    assert unspreadsheet("tip by day, description please") == "tip by day, description please"
