"""SQL GROUP BY read as written (worker.planner.sql_syntax): a grouping's column is a dimension before a
measure's word ("medal"), and a GROUP BY of the time column alone is one line even when IN lists values."""

from __future__ import annotations

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner


def test_a_second_grouping_column_is_the_dimension_not_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan("SELECT nation, medal, SUM(medal_count) FROM medals GROUP BY nation, medal")
    assert (plan.dimension, plan.series) == ("nation", "medal")
    assert measures_of(plan) == [("medals", "sum")]


def test_group_by_time_alone_combines_the_listed_values(planner: RulePlanner) -> None:
    plan = planner.plan(
        "select year, avg(lifeExp) from gapminder where continent in ('Africa', 'Europe') group by year"
    )
    assert plan.use_time and plan.series is None
    assert filters_of(plan) == [("continent", "in", ["Africa", "Europe"])]


def test_group_by_time_and_the_listed_column_keeps_a_line_each(planner: RulePlanner) -> None:
    plan = planner.plan(
        "select year, continent, avg(lifeExp) from gapminder where continent in ('Africa', 'Europe') "
        "group by year, continent"
    )
    assert plan.use_time and plan.series == "continent"
