"""A request written as a user story (worker.planner.user_stories): the role and the purpose come off, the
acceptance criteria and Given/When/Then steps are part of the request, and a purpose naming a value the
request leaves unsaid is refused rather than dropped."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.user_stories import unstory
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "chart_type"),
    [
        (
            "As a restaurant manager, I want to see the average tip on each day, so that I can plan staffing "
            "for the weekend.",
            [("tip", "avg")],
            "day",
            "bar",
        ),
        (
            "As a shift lead, I want the total tips by meal as a pie, so that I can split the tip pool "
            "fairly between the lunch and dinner crews.",
            [("tip", "sum")],
            "meal",
            "pie",
        ),
        (
            "As a florist I need the mean petal width per species so I can order vases.",
            [("petal_width", "avg")],
            "species",
            "bar",
        ),
        (
            "Story: as the treasurer, we'd like total votes by district in order to budget.",
            [("votes", "sum")],
            "district",
            "bar",
        ),
    ],
)
def test_the_role_and_purpose_come_off(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str, chart_type: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == (measures, dimension, chart_type)
    assert plan.filters == []


@pytest.mark.parametrize(
    ("question", "filters", "sort", "limit"),
    [
        (
            "As a policy analyst, I want the 8 poorest countries in Africa by GDP per capita in 2007, so "
            "that I can pick aid priorities. Acceptance criteria: lowest first.",
            [("continent", "eq", "Africa")],
            ("gdp_per_capita", "asc"),
            8,
        ),
        (
            "As a mayor's aide, I want Bergeron's votes in each district he won, so that I can map his base. "
            "AC: top 10 districts only, most votes first.",
            [("winner", "eq", "Bergeron"), ("candidate", "eq", "Bergeron")],
            ("votes", "desc"),
            10,
        ),
        (
            "As a fan, I want the medals of each nation. AC1: gold only. AC2: highest first.",
            [("medal", "eq", "Gold")],
            ("medals", "desc"),
            None,
        ),
        (
            "As an Olympic committee member, I want South Korea's medals by type, so that I can brief the "
            "minister. AC: gold, silver and bronze, in that order.",
            [("nation", "eq", "South Korea")],
            None,
            None,
        ),
    ],
)
def test_the_acceptance_criteria_are_part_of_the_request(
    planner: RulePlanner,
    question: str,
    filters: list[tuple[str, str, object]],
    sort: tuple[str, str] | None,
    limit: int | None,
) -> None:
    plan = planner.plan(question)
    assert sorted(filters_of(plan), key=str) == sorted(filters, key=str)
    assert (None if plan.sort is None else (plan.sort.by, plan.sort.direction)) == sort
    assert plan.limit == limit


def test_a_group_of_bars_per_value_is_the_dimension(planner: RulePlanner) -> None:
    plan = planner.plan(
        "As a local reporter, I want the votes for each candidate in Mile-End and Villeray, so that I can "
        "compare the two districts. AC: one group of bars per district, one colour per candidate."
    )
    assert (plan.dimension, plan.series, plan.chart_type) == ("district", "candidate", "bar")


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "filters"),
    [
        (
            "Given the iris data, when I group the flowers by species, then I see the mean sepal length of "
            "each species as bars.",
            [("sepal_length", "avg")],
            "species",
            [],
        ),
        (
            "Given the gapminder data, when I restrict it to Europe in 1972, then I see the 5 most populous "
            "countries as bars.",
            [("pop", "sum")],
            "country",
            [("continent", "eq", "Europe")],
        ),
        (
            "Given the tips data, when we keep only dinner, then we see the average tip by day.",
            [("tip", "avg")],
            "day",
            [("meal", "eq", "Dinner")],
        ),
    ],
)
def test_given_when_then_is_one_request(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (measures, dimension, filters)


def test_each_row_as_a_dot_is_a_scatter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Given the world development data for 1957, when I plot GDP per capita against life expectancy, "
        "then each country is a dot coloured by continent."
    )
    assert (plan.chart_type, plan.series) == ("scatter", "continent")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("As a manager, I want the average tip by meal, so that I can staff Sunday better.", "Sunday"),
        ("As an analyst I want the average tip per day so I can tell the smokers apart.", "smokers"),
        ("As a fan, I want the medals of each nation, so that I can cheer for the gold winners.", "gold"),
        ("As a manager, I want an alert whenever the average tip drops below $2.", "an alert"),
        (
            "As a waiter, I want my tips compared with the other waiters' tips. AC: one bar per waiter.",
            "waiter",
        ),
        ("As a coach, I want Canada's medals broken down by sport, so that I can invest.", "sport"),
        ("As a manager, I want total tips by meal so that the biggest comes first.", "biggest"),
        ("As an investor, I want Apple's average price by year, so that I can review 2019.", "2019"),
    ],
)
def test_what_a_plan_cannot_hold_is_refused_by_name(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day, so that I can plan staffing.",
        "As usual, the average tip by day.",
        "Given the choice, show the average tip by day.",
    ],
)
def test_text_that_is_no_story_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unstory(text, semantic_model) == text
