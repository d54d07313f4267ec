"""Headline openers and metaphors (worker.planner.openers): an opener the rest of the question repeats is
dropped, the headline words of an opener kept are harmless, and a contest metaphor is harmless only where
the question compares."""

from __future__ import annotations

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.openers import Openers
from worker.planner.rules import RulePlanner


def test_an_opener_the_rest_repeats_is_dropped() -> None:
    openers = Openers(["tables"])
    assert openers.drop("Lagging behind: GDP per capita by continent")[0] == "GDP per capita by continent"
    assert openers.drop("Africa's giants: the most populous countries in Africa")[0].startswith("the most")
    # A year, a value or a chart form the rest does not say keeps the opener.
    assert openers.drop("Lagging behind in 1982: GDP per capita by continent")[0].startswith("Lagging")


def test_headline_openers_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Pulling ahead: average GDP per capita by continent in 1997, richest first")
    assert (plan.dimension, plan.sort and plan.sort.direction, plan.limit) == ("continent", "desc", None)
    plan = planner.plan("Where Asia fell behind in 1962: its four countries with the lowest GDP per capita")
    assert filters_of(plan) == [("continent", "eq", "Asia")]
    assert (plan.limit, plan.sort and plan.sort.direction) == (4, "asc")
    plan = planner.plan(
        "Still over 70: how many countries on each continent had a life expectancy above 70 in 2002?"
    )
    assert filters_of(plan) == [("life_exp", "gt", 70)]
    assert measures_of(plan) == [("life_exp", "count")]


def test_a_question_asked_before_the_real_one(planner: RulePlanner) -> None:
    plan = planner.plan("Wide petals, long petals? Petal width against petal length, coloured by species")
    assert plan.chart_type == "scatter" and plan.series == "species"
    assert measures_of(plan) == [("petal_width", "none"), ("petal_length", "none")]


def test_a_group_named_before_its_values(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Benelux combined: the total population of Belgium and Netherlands since 1977, as a single line"
    )
    assert filters_of(plan) == [("country", "in", ["Belgium", "Netherlands"])]
    assert plan.series is None and plan.use_time


def test_contest_metaphors_only_where_values_are_compared(planner: RulePlanner) -> None:
    plan = planner.plan("Japan vs Korea: the life expectancy race since 1967")
    assert plan.series == "country" and plan.use_time
    plan = planner.plan("Apple vs Google: the 2019 share-price battle, week by week")
    assert plan.chart_type == "line" and filters_of(plan) == [("ticker", "in", ["AAPL", "GOOG"])]
    # An opener with a metaphor it cannot read is set aside as context, and said to be: the continent
    # named there is no filter or comparison (worker.planner.context).
    answer = planner.answer("Europe's wealth race: GDP per capita in France versus Italy since 1977")
    assert filters_of(answer.plan) == [("country", "in", ["France", "Italy"])]
    assert answer.left_out and "\u201cEurope's wealth race\u201d" in answer.left_out[0]


def test_strongholds_are_a_ranking(planner: RulePlanner) -> None:
    plan = planner.plan("Joly's strongholds: the five districts where she drew the most votes")
    assert filters_of(plan) == [("candidate", "eq", "Joly")]
    assert (plan.dimension, plan.limit) == ("district", 5)
