"""A member of the public's asides, claims and everyday words (worker.planner.asides)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.asides import unaside
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_asides_are_dropped() -> None:
    assert unaside("Just out of curiosity, tip by day?") == "tip by day?"
    assert unaside("In a nutshell - votes by candidate") == "votes by candidate"
    assert unaside("Just for fun, medals by nation") == "medals by nation"
    assert unaside("Does the tip vary by day, I wonder? Show me tip by day.") == (
        "Does the tip vary by day? Show me tip by day."
    )


def test_a_claim_is_dropped_unless_the_chart_points_back_to_it() -> None:
    assert unaside("My uncle thinks Asia is the biggest. Is he right? Show me population by continent.") == (
        "Show me population by continent."
    )
    kept = "My uncle thinks Mexico beat Canada. Show me their life expectancy."
    assert unaside(kept) == kept


def test_a_topic_is_dropped_only_when_said_again() -> None:
    assert unaside("My son asked me about sepals, so show sepal length by species") == (
        "show sepal length by species"
    )
    assert unaside("My son asked me about sepals, so show petal length by species").startswith("My son")


def test_asides_and_everyday_words_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Out of interest, how many folks lived in Europe since 1992?")
    assert (plan.measures[0].name, plan.use_time, filters_of(plan)) == (
        "pop",
        True,
        [("continent", "eq", "Europe")],
    )
    plan = planner.plan("Just curious, what is the smallest bill anyone paid on each day?")
    assert (plan.measures[0].name, plan.measures[0].agg, plan.dimension) == ("total_bill", "min", "day")
    plan = planner.plan("My aunt claims smokers tip less. True? Show me the average tip per head by smoker.")
    assert (plan.measures[0].name, plan.dimension, filters_of(plan)) == ("tip_per_person", "smoker", [])
    plan = planner.plan("Just wondering, how long are the longest sepals of each variety?")
    assert (plan.measures[0].name, plan.measures[0].agg, plan.dimension) == ("sepal_length", "max", "species")
    plan = planner.plan("Total bill per day, all added together, a pie would be lovely.")
    assert (plan.measures[0].agg, plan.chart_type) == ("sum", "pie")


def test_a_measure_condition_with_a_unit_and_an_adjective(planner: RulePlanner) -> None:
    plan = planner.plan("Average petal length per species for sepals more than 3 cm wide")
    assert filters_of(plan) == [("sepal_width", "gt", 3)]


def test_a_claim_the_chart_needs_is_not_dropped(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="says"):
        planner.plan("My friend says Mexico beat Canada. Show me their life expectancy over time.")


def test_whilst_youre_at_it_is_an_aside(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Whilst you're at it, could I have the eight poorest Asian countries by GDP per head in 1962?"
    )
    assert filters_of(plan) == [("continent", "eq", "Asia")]
    assert plan.limit == 8
    plan = planner.plan("While you are at it, show me the population of each continent in 2007")
    assert plan.dimension == "continent"
    plan = planner.plan("Population by continent in 2007. A pie chart would be brilliant.")
    assert plan.chart_type == "pie"


def test_values_left_out_after_they_are_named_are_excluded(planner: RulePlanner) -> None:
    plan = planner.plan("Each nation's medals split by medal type, with the bronzes left out.")
    assert filters_of(plan) == [("medal", "ne", "Bronze")]
    plan = planner.plan("the average tip by day, with smokers excluded")
    assert filters_of(plan) == [("smoker", "ne", "Yes")]


def test_values_added_together_are_one_bar_per_group(planner: RulePlanner) -> None:
    plan = planner.plan("Silver and bronze added together for each nation, one bar per nation, most first.")
    assert (plan.dimension, plan.series) == ("nation", None)
