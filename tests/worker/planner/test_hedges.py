"""A product manager's hedges and jargon (worker.planner.hedges)."""

from __future__ import annotations

from tests.worker.planner.plan_fields import filters_of
from worker.planner.hedges import unhedge
from worker.planner.rules import RulePlanner


def test_hedges_are_dropped() -> None:
    assert unhedge("Could we get a quick view of tip by day? Ballpark is fine.") == "Could we get tip by day?"
    assert unhedge("At a glance, tip by day") == "tip by day"
    assert unhedge("Roughly how does tip break down by day?") == "how does tip break down by day?"
    assert unhedge("Rough breakdown of tip by day") == "tip by day"
    assert unhedge("Top-line: tip by day") == "tip by day"


def test_jargon_is_said_plainly() -> None:
    assert unhedge("Drill into Africa: population by country") == "for Africa, population by country"
    assert unhedge("count of countries, sliced by continent") == "count of countries by continent"
    assert unhedge("Slice average tip by day") == "show average tip by day"
    assert unhedge("votes by candidate. Pie works.") == "votes by candidate. as a pie."


def test_hedged_questions_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Let's drill into Africa: top 8 countries by population in 1997, please.")
    assert filters_of(plan) == [("continent", "eq", "Africa")]
    assert plan.limit == 8
    plan = planner.plan("Top-line: average tip by gender, split by smoker status")
    assert (plan.limit, plan.chart_type, plan.series) == (None, "bar", "smoker")
    assert planner.plan("Roughly how does the vote break down by candidate? Pie works.").chart_type == "pie"
    assert planner.plan("Peak share price per company in 2018, slice by ticker").dimension == "ticker"
