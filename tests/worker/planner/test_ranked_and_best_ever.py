"""Rankings, counts and two levels of aggregation as a journalist says them: "ranked by their average X",
"best-ever", a count said after its noun ("eight of them", "Rank the top 6"), a ranking said twice,
"which species has"."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_ranked_by_a_measure_is_bars_in_its_order(planner: RulePlanner) -> None:
    plan = planner.plan("All six companies ranked by their average price in 2018")
    assert (plan.chart_type, plan.dimension, plan.use_time) == ("bar", "ticker", False)
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == ("price", "desc")


def test_an_average_of_extremes_is_refused_naming_both(planner: RulePlanner) -> None:
    with pytest.raises(
        UnchartableQuestion, match=r"the average of several highest values of life expectancy"
    ):
        planner.plan(
            "The mean, over each continent's countries, of every country's best-ever life expectancy"
        )
    plan = planner.plan("each stock's highest-ever price")
    assert measures_of(plan) == [("price", "max")] and plan.dimension == "ticker"
    assert plan.time_range is None
    plan = planner.plan("each country's best-ever life expectancy")
    assert measures_of(plan) == [("life_exp", "max")] and plan.time_range is None


def test_counts_said_after_their_noun(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Asia's poorest in 1987: which countries, six of them, had the lowest GDP per capita?"
    )
    assert (plan.limit, filters_of(plan)) == (6, [("continent", "eq", "Asia")])
    plan = planner.plan("Of all of Africa's countries in 1977, which were the most populous? Rank the top 4.")
    assert plan.limit == 4 and measures_of(plan) == [("pop", "sum")]
    plan = planner.plan(
        "the countries with the highest life expectancy in Europe in 1982, the top five of them"
    )
    assert plan.limit == 5


def test_a_ranking_said_twice_and_a_singular_which(planner: RulePlanner) -> None:
    plan = planner.plan("The biggest economies of 1967: which five countries had the largest total GDP?")
    assert (plan.limit, measures_of(plan)) == (5, [("gdp", "sum")])
    plan = planner.plan("Which iris species has the longest petals on average?")
    assert plan.limit == 1 and measures_of(plan) == [("petal_length", "avg")]
    plan = planner.plan("which ticker had the lowest price ever")
    assert measures_of(plan) == [("price", "min")] and plan.limit == 1


def test_votes_won_are_votes_got(planner: RulePlanner) -> None:
    plan = planner.plan("the eight districts where Coderre won the most votes")
    assert filters_of(plan) == [("candidate", "eq", "Coderre")] and plan.limit == 8


def test_strong_winds_of_a_band_and_above(planner: RulePlanner) -> None:
    plan = planner.plan("Strong winds of 4 and above, by direction")
    assert plan.dimension == "direction"
    assert filters_of(plan)[0][0] == "strength"
