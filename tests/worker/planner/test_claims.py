"""A skeptic's claims charted as the comparison that checks them (worker.planner.claims)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_a_comparison_of_named_values_is_a_bar_of_them(planner: RulePlanner) -> None:
    plan = planner.plan("Is it true that China had more people than India in 2007?")
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("pop", "sum")], "country", "bar")
    assert filters_of(plan) == [("country", "in", ["China", "India"])]
    plan = planner.plan("Did Africa really have fewer people than Europe in 1952?")
    assert filters_of(plan) == [("continent", "in", ["Africa", "Europe"])]
    plan = planner.plan("Is it true that women leave a higher tip percentage than men at dinner?")
    assert (measures_of(plan), plan.dimension) == ([("tip_pct", "avg")], "sex")
    assert ("meal", "eq", "Dinner") in filters_of(plan)


def test_a_claim_that_one_value_leads_charts_every_value(planner: RulePlanner) -> None:
    # The leading value is no filter, and no limit is added.
    plan = planner.plan("Was Oceania really the richest continent in 1952?")
    assert (measures_of(plan), plan.dimension, plan.filters, plan.limit) == (
        [("gdp_per_capita", "avg")],
        "continent",
        [],
        None,
    )
    plan = planner.plan("Was Joly really the candidate with the most votes overall?")
    assert (plan.dimension, plan.filters, plan.limit) == ("candidate", [], None)
    plan = planner.plan("Is it true that Microsoft had the highest average price of the six in Q4 2019?")
    assert (plan.dimension, plan.filters, plan.limit, plan.chart_type) == ("ticker", [], None, "bar")
    # A scope stays a filter, and a count asked for stays the limit.
    plan = planner.plan(
        "Is Nigeria really the most populous country in Africa? Check it against the rest for 2007, top ten."
    )
    assert (filters_of(plan), plan.limit) == ([("continent", "eq", "Africa")], 10)


def test_claims_over_time_are_lines(planner: RulePlanner) -> None:
    plan = planner.plan("Did Amazon and Netflix really move together week by week from March to May 2018?")
    assert (plan.series, plan.use_time, plan.chart_type) == ("ticker", True, "line")
    assert filters_of(plan) == [("ticker", "in", ["AMZN", "NFLX"])]
    plan = planner.plan("Is it true that Apple's stock was ever above Microsoft's in 2018?")
    assert (plan.series, plan.chart_type) == ("ticker", "line")


def test_counting_among_rows_compares_the_groups(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Among countries with a life expectancy over 75 in 2007, "
        "were there really more in Europe than in Asia?"
    )
    assert (measures_of(plan), plan.dimension) == ([("life_exp", "count")], "continent")
    assert ("continent", "in", ["Europe", "Asia"]) in filters_of(plan)


def test_a_follow_up_names_the_chart_and_keeps_the_claims_scope(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Are north winds really mostly weak, or is that a myth? Show north winds by strength."
    )
    assert (plan.dimension, filters_of(plan)) == ("strength", [("direction", "eq", "N")])
    # "virginica" is only in the claim: still the scatter's filter.
    plan = planner.plan(
        "Does petal length really track sepal length in virginica? "
        "A scatter of petal length against sepal length would settle it."
    )
    assert (plan.chart_type, filters_of(plan)) == ("scatter", [("species", "eq", "virginica")])
    # "her votes in those districts": Joly's votes in the districts of the claim, not a ranking.
    plan = planner.plan(
        "Is it true that Joly was strongest in the districts she won by a majority? "
        "Show her votes in those districts."
    )
    assert (plan.limit, measures_of(plan)) == (None, [("votes", "sum")])
    assert ("candidate", "eq", "Joly") in filters_of(plan)


def test_claims_the_data_cannot_check_are_refused(planner: RulePlanner) -> None:
    for question in (
        "Is it true that Coderre did best among voters over 65?",
        "Did Japan really win more medals than Canada?",
        "Is it true that tips were higher in December than in June?",
    ):
        with pytest.raises(UnchartableQuestion):
            planner.plan(question)
