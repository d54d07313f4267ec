"""Places in a ranking said as positions (worker.planner.ordinals): a slice from an end is a ranking; a
place that is not an end is refused by name, never charted as the top N."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.ordinals import unordinal
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("Life expectancy by country in 1987, positions 1 to 6", "desc", 6),
        ("the richest countries in 2002 ranked 1st through 8th", "desc", 8),
        ("Which European country came first for GDP per capita in 1972? Only the winner.", "desc", 1),
        ("The district in first place for votes, just the one.", "desc", 1),
        ("Which company finished last on average price in 2019? Just that one.", "asc", 1),
        ("Tip percentage by party size, first to last", "desc", None),
        ("The 3 smallest nations by gold medals, starting from the bottom", "asc", 3),
    ],
)
def test_places_at_an_end_are_a_ranking(
    planner: RulePlanner, question: str, direction: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction, question
    assert plan.limit == limit, question


def test_a_ranking_said_twice_is_read_once(planner: RulePlanner) -> None:
    plan = planner.plan("the top 5 continents by population in 2007, ranked 1st to 5th")
    assert (plan.dimension, plan.limit) == ("continent", 5) or (plan.dimension, plan.limit) == (
        "continent",
        None,
    )


def test_each_ones_extreme_ranks_it(planner: RulePlanner) -> None:
    plan = planner.plan("The top three companies by the highest price they reached in 2018")
    assert measures_of(plan) == [("price", "max")] and plan.limit == 3


def test_a_heading_names_the_scope(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Dead last in Europe: the country with the lowest GDP per capita in 1967, only that one"
    )
    assert filters_of(plan) == [("continent", "eq", "Europe")] and plan.limit == 1


@pytest.mark.parametrize(
    "question",
    [
        "Which continent had the third-largest population in 1977?",
        "Who was the runner-up in the mayoral race?",
        "Countries ranked 11th to 20th by life expectancy in 2007",
        "Every nation except the top one by gold medals",
        "the middle of the pack for GDP per capita in Africa",
    ],
)
def test_places_inside_a_ranking_are_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert "cannot" in str(refused.value)


def test_one_said_of_something_else_is_no_count() -> None:
    said = "life expectancy in Ireland from 1952 to 1982, just the one country please"
    assert unordinal(said) == said


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("Which nation won the most gold? Just the one at the top.", "desc", 1),
        ("Europe's countries by life expectancy in 1992, only the one at the bottom", "asc", 1),
        ("The days of the week lined up by average tip, lowest first.", "asc", None),
    ],
)
def test_the_one_at_an_end_and_lined_up_by_are_a_ranking(
    planner: RulePlanner, question: str, direction: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction, question
    assert (plan.limit, plan.chart_type) == (limit, "bar"), question
