"""A SQL-flavoured WHERE clause's conditions said in words (worker.planner.sql_conditions)."""

from __future__ import annotations

from worker.planner.sql_conditions import on_measure, on_time


def test_conditions_on_the_time_column() -> None:
    assert on_time(">=", "1977", None) == "since 1977"
    assert on_time("=", "2007", None) == "in 2007"
    assert on_time("between", "1962", "2002") == "from 1962 to 2002"


def test_conditions_on_a_measure() -> None:
    assert on_measure("total bill", "between", "10", "20") == "with total bill between 10 and 20"
    assert on_measure("stock price", ">", "1.5", None) == "with stock price over 1.5"
    assert on_measure("life expectancy", ">=", "70", None) == "with life expectancy at least 70"
