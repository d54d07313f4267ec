"""Headline wordings spelt out (worker.planner.headlines)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.headlines import unheadline
from worker.planner.rules import RulePlanner


def test_amounts_in_millions_and_verbs_of_exceeding() -> None:
    assert unheadline("population exceeded 100 million") == "population over 100000000"
    assert unheadline("gdp topped 1.5 billion") == "gdp over 1500000000"


def test_a_value_excluded_after_it() -> None:
    assert unheadline("by continent in 1987, Oceania excluded") == "by continent in 1987, excluding Oceania"


def test_headline_questions_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("The countries whose population exceeded 100 million in 2007")
    assert filters_of(plan) == [("pop", "gt", 100000000)]
    plan = planner.plan("Total economic output by continent in 1987, Oceania excluded")
    assert filters_of(plan) == [("continent", "ne", "Oceania")]
    assert planner.plan("wich country has the most people").dimension == "country"


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        (
            "GDP per capita by continent, 1992, Asia and Africa out.",
            ("continent", "not_in", ["Asia", "Africa"]),
        ),
        ("population by continent, Oceania out", ("continent", "ne", "Oceania")),
        ("average tip by day, Thur and Fri out", ("day", "not_in", ["Thur", "Fri"])),
    ],
)
def test_values_out_after_a_comma_are_left_out(
    planner: RulePlanner, question: str, kept: tuple[str, str, object]
) -> None:
    assert filters_of(planner.plan(question)) == [kept]


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("Leader board: GDP per capita, top ten countries, 2007.", 10),
        ("Tech stocks leader board, average price over both years.", None),
        ("leaderboard of votes by candidate", None),
    ],
)
def test_a_leader_board_is_a_ranking(planner: RulePlanner, question: str, limit: int | None) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == "desc"
    assert plan.limit == limit


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        (
            "Who wins on life expectancy, Europe or Americas, 1997?",
            ("continent", "in", ["Europe", "Americas"]),
        ),
        ("who's ahead on tips, lunch or dinner?", ("meal", "in", ["Lunch", "Dinner"])),
        ("Who leads on gold? All three nations.", ("medal", "eq", "Gold")),
    ],
)
def test_who_wins_on_a_measure_compares_it(
    planner: RulePlanner, question: str, kept: tuple[str, str, object]
) -> None:
    plan = planner.plan(question)
    assert filters_of(plan) == [kept]
    assert plan.limit is None and plan.sort is not None and plan.sort.direction == "desc"


@pytest.mark.parametrize(
    "question", ["Population race: China vs India since 1962.", "life expectancy duel: Japan vs Chile"]
)
def test_a_contest_of_one_measure_compares_the_values(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.series == "country" and plan.use_time


def test_states_held_and_sizes_said_with_an_adjective() -> None:
    assert unheadline("weeks its price remained above 1.2") == "weeks its price was above 1.2"
    assert unheadline("flowers with sepals over 6 cm long") == "flowers with sepal length over 6 cm"
    assert unheadline("tables that had 3 or more people") == "tables with 3 or more people"
    assert unheadline("a frequency above 2% of observations") == "a frequency above 2%"


def test_conditions_said_in_those_words_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Petal length against petal width, only irises with sepals at least 3.5 cm wide")
    assert filters_of(plan) == [("sepal_width", "gte", 3.5)] and plan.chart_type == "scatter"
    plan = planner.plan("Count the weeks Amazon's price stayed above 1.5")
    assert filters_of(plan) == [("ticker", "eq", "AMZN"), ("price", "gt", 1.5)]
