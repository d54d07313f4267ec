"""A non-native speaker's word order (worker.planner.learners)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.learners import unlearn
from worker.planner.rules import RulePlanner


def test_comparatives_with_more_are_rankings() -> None:
    assert (
        unlearn("the 5 countries with more population in Asia") == "the top 5 countries by population in Asia"
    )
    assert unlearn("the 7 countries more poor of the Americas") == "the 7 poorest countries of the Americas"
    assert unlearn("the votes of Joly, the 6 more high") == "the votes of Joly, the 6 highest"
    assert unlearn("price by company, from the more small") == "price by company, from lowest to highest"
    assert unlearn("petal length by species, from the more big") == (
        "petal length by species, from highest to lowest"
    )
    assert unlearn("tables with more than 4 people") == "tables with more than 4 people"


def test_literal_translations() -> None:
    assert unlearn("the districts where won Bergeron") == "the districts where Bergeron won"
    assert unlearn("during the march of 2019") == "during march 2019"
    assert unlearn("the tip of each person") == "the tip per person"
    assert unlearn("the tables of 1 person") == "the tables of 1 people"
    assert unlearn("separated in smokers and not smokers") == "split by smokers and non-smokers"
    assert unlearn("the average of the length of the petal") == "the average of the petal length"
    assert unlearn("the tip in percent of the bill") == "the tip percentage"
    assert unlearn("where the winner had majority") == "won by a majority"
    assert unlearn("how was changing the gdp") == "how did change the gdp"


def test_non_native_questions_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("the average price of each company except facebook and netflix, from the more small")
    assert plan.sort is not None and plan.sort.direction == "asc"
    assert plan.limit is None
    plan = planner.plan("the votes of Joly in the districts where won Bergeron, the 6 more high")
    assert sorted(filters_of(plan)) == [("candidate", "eq", "Joly"), ("winner", "eq", "Bergeron")]
    assert plan.limit == 6
    assert planner.plan("the price of the share of Google during the march of 2019, week for week").use_time


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("show me the countries of Asia, their life long, year 2002", "life_exp"),
        ("the life long of the countries of Africa in 1977", "life_exp"),
    ],
)
def test_life_long_is_life_expectancy(planner: RulePlanner, question: str, measure: str) -> None:
    assert [m.name for m in planner.plan(question).measures] == [measure]


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("the countries of Europe more rich in 1997, give me only seven", "desc", 7),
        ("the continents more poor in 1982", "asc", 10),
        ("the countries of Asia more rich in 2002", "desc", 10),
    ],
)
def test_more_without_than_ranks(planner: RulePlanner, question: str, direction: str, limit: int) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction
    assert plan.limit == limit


def test_more_with_than_still_compares(planner: RulePlanner) -> None:
    plan = planner.plan(
        "for every continent, how many countries had the life long more small than 50 in 1987"
    )
    assert filters_of(plan) == [("life_exp", "lt", 50)]
    assert unlearn("tables more big than 40") == "tables more big than 40"


@pytest.mark.parametrize(
    "question",
    [
        "points of the bill and the tip, colour for the time of day",
        "the bill against the tip, in points, colour for the meal",
        "points for the total bill and the tip, color according to the time of day",
    ],
)
def test_points_are_a_scatter_and_colour_for_a_series(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.chart_type == "scatter" and plan.series == "meal"
    assert {m.agg for m in plan.measures} == {"none"}


@pytest.mark.parametrize(
    "question",
    ["the tip for each person, of men and of women, on the dinner", "the tip for every person by day"],
)
def test_for_each_person_is_per_person(planner: RulePlanner, question: str) -> None:
    assert [m.name for m in planner.plan(question).measures] == ["tip_per_person"]
