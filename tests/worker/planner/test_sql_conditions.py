"""A SQL-flavoured WHERE clause's conditions said in words (worker.planner.sql_conditions)."""

from __future__ import annotations

from worker.planner.sql_conditions import on_dimension, on_measure, on_time
from worker.semantic import load_semantic_model


def test_conditions_on_the_time_column() -> None:
    assert on_time(">=", "1977", None) == "since 1977"
    assert on_time("=", "2007", None) == "in 2007"
    assert on_time("between", "1962", "2002") == "from 1962 to 2002"


def test_conditions_on_a_measure() -> None:
    assert on_measure("total bill", "between", "10", "20") == "with total bill between 10 and 20"
    assert on_measure("stock price", ">", "1.5", None) == "with stock price over 1.5"
    assert on_measure("life expectancy", ">=", "70", None) == "with life expectancy at least 70"


def test_a_range_on_a_number_dimension_keeps_both_ends() -> None:
    tips = next(ds for ds in load_semantic_model().datasets if ds.name == "tips")
    size = tips.dimension("party_size")
    assert on_dimension(tips, size, "between", ["2"], "5") == "parties of 2 to 5"
    assert on_dimension(tips, size, ">=", ["3"]) == "parties of 3 or more"
