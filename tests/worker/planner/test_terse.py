"""A terse user's fragments (worker.planner.terse): "top5", two-digit years, "2019 q2", "histo", "sepal w",
"by dir", "n" for "and", "color X", hyphenated measure names."""

from __future__ import annotations

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner
from worker.planner.terse import unterse


def test_short_forms_spelt_out() -> None:
    assert unterse("pop europe top3 countries") == "pop europe top 3 countries"
    assert unterse("gdp japan since 67") == "gdp japan since 1967"
    assert unterse("lifexp africa 57-02") == "lifexp africa 1957-2002"
    assert unterse("price 2019 q2, highest first") == "price q2 2019, highest first"
    # A two-digit number that is no year stays: a count, a bill.
    assert unterse("bills between 10-20 dollars") == "bills between 10-20 dollars"
    assert unterse("life expectancy in 12 countries") == "life expectancy in 12 countries"
    assert unterse("winds from n by strength") == "winds from n by strength"


def test_terse_fragments_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("pop europe 1997 top3 countries")
    assert (plan.limit, filters_of(plan)) == (3, [("continent", "eq", "Europe")])
    plan = planner.plan("gdp per cap asia trend 57-87")
    assert plan.use_time and plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("1957", "1987")
    plan = planner.plan("avg price per stock q1 18, highest first")
    assert plan.time_range is not None and plan.time_range.start == "2018-01-01"
    plan = planner.plan("petal w vs sepal l scatter, color species")
    assert measures_of(plan) == [("petal_width", "none"), ("sepal_length", "none")]
    assert plan.series == "species"
    assert planner.plan("sepal width histo").chart_type == "histogram"
    assert planner.plan("wind freq by dir n strength").series == "strength"
    plan = planner.plan("stocks avg all 6 one line 2018")
    assert plan.series is None and plan.use_time
    plan = planner.plan("countries per continent 1977")
    assert measures_of(plan) == [("life_exp", "count")] and plan.dimension == "continent"
    plan = planner.plan("Apple's share-price in 2019")
    assert measures_of(plan) == [("price", "avg")] and plan.chart_type == "line"
