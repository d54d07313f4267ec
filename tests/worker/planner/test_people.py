"""People said by what the data holds only per country (worker.planner.people): "people over 90" and "the 5
richest people in Europe" are refused; a country's people and a population over a number are charted."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    "question",
    ["How many people over 90 live in each continent?", "population of each continent, people under 15"],
)
def test_people_of_an_age_are_refused(planner: RulePlanner, question: str) -> None:
    """ "people over 90" was a population over 90, every country kept: a chart of another question."""
    with pytest.raises(UnchartableQuestion, match="not people by age"):
        planner.plan(question)
    plan = planner.plan("countries with more than 90 million people in 2007")
    assert filters_of(plan) == [("pop", "gt", 90_000_000.0)]


@pytest.mark.parametrize(
    ("question", "instead"),
    [
        ("the 5 richest people in Europe", "the richest countries"),
        ("Who are the wealthiest citizens of Asia?", "the richest countries"),
        ("the 3 most wealthy people in Asia", "the richest countries"),
        ("the poorest people in Africa in 2007", "the poorest countries"),
    ],
)
def test_the_richest_people_are_refused(planner: RulePlanner, question: str, instead: str) -> None:
    """ "the 5 richest people in Europe" ranked the five most populous countries: the rank word was read
    over "people", the population."""
    with pytest.raises(UnchartableQuestion, match=f"not the wealth of a person.*{instead}"):
        planner.plan(question)


def test_the_country_with_the_richest_people_is_the_richest_country(planner: RulePlanner) -> None:
    plan = planner.plan("which country in Europe has the richest people?")
    assert (measures_of(plan), plan.limit) == ([("gdp_per_capita", "avg")], 1)
    assert filters_of(plan) == [("continent", "eq", "Europe")]
