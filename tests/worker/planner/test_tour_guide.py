"""A museum tour guide's patter (worker.planner.tour_guide): the guide's asides and leads are context, the
museum's rooms and wings are no filters, an exhibit's date is the period only where the request points
back to it, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.tour_guide import untour
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dimension", "sort"),
    [
        ("Moving along to the north wing: the frequency of each direction, most first.", "direction", "desc"),
        ("Moving along to the Saturday room: the average tip on each day.", "day", None),
        (
            "Welcome, everyone! In this gallery you'll find the Europe collection: the life expectancy of "
            "each continent in 1967, highest first.",
            "continent",
            "desc",
        ),
        (
            "Moving on to the east wing, where the tips exhibit stands: the average tip by party size.",
            "party_size",
            None,
        ),
    ],
)
def test_rooms_and_wings_are_no_filters(
    planner: RulePlanner, question: str, dimension: str, sort: str | None
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan), plan.chart_type) == (dimension, [], "bar")
    assert (plan.sort.direction if plan.sort else None) == sort


@pytest.mark.parametrize(
    ("question", "period"),
    [
        (
            "This photograph dates from 1992: the population of China and India in that year, as bars.",
            ("1992", "1992"),
        ),
        (
            "This painting dates back to 1977: the 5 richest countries in Asia that year by GDP per capita.",
            ("1977", "1977"),
        ),
        ("This exhibit dates from 1962: Europe's population from then to 2007, as a line.", ("1962", "2007")),
    ],
)
def test_an_exhibits_date_is_the_period_where_the_request_points_back(
    planner: RulePlanner, question: str, period: tuple[str, str]
) -> None:
    assert period_of(planner.plan(question)) == period


def test_a_date_the_request_does_not_point_back_to_is_only_the_exhibits(planner: RulePlanner) -> None:
    plan = planner.plan(
        "This photograph dates from 1992, but the figures beside it are newer: the population of China "
        "and India in 2007, as bars."
    )
    assert period_of(plan) == ("2007", "2007")
    assert filters_of(plan) == [("country", "in", ["China", "India"])]


def test_a_lead_naming_a_measure_is_the_request_and_an_aside_after_it_comes_off(planner: RulePlanner) -> None:
    plan = planner.plan("On your right, a histogram of total bill for the dinner tables. Mind the step.")
    assert (plan.chart_type, measures_of(plan)) == ("histogram", [("total_bill", "none")])
    assert filters_of(plan) == [("meal", "eq", "Dinner")]


@pytest.mark.parametrize(
    "question",
    [
        "Please stay together. Here we have the votes of each candidate in Villeray.",
        "No flash photography, please. Next, the votes of each candidate in Villeray.",
    ],
)
def test_the_guides_asides_and_openers_add_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, measures_of(plan)) == ("candidate", [("votes", "sum")])
    assert filters_of(plan) == [("district", "eq", "193-Villeray")]


def test_the_shortest_lived_countries_have_the_lowest_life_expectancy(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Please stay with the group. Next up: the 3 shortest-lived countries of Africa in 1977, lowest first."
    )
    assert (plan.dimension, measures_of(plan), plan.limit) == ("country", [("life_exp", "avg")], 3)
    assert plan.sort is not None and plan.sort.direction == "asc"
    assert filters_of(plan) == [("continent", "eq", "Africa")]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("This painting dates from 1850: the life expectancy of each continent in that year.", "1850"),
        ("Moving along to the east wing: how many tourists visit each gallery per year?", "tourists|gallery"),
        ("This case holds the Olympic medals: how much did each medal cost to make?", "cost"),
        ("Moving along, please: why did Apple's share price fall in 2018? Chart the reason.", "why"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "The frequency of west winds by strength, bands in order.",
        "Life expectancy by continent in 1952 and in that year's Europe.",
        "Please show the 5 longest-lived countries of Asia in 2002.",
    ],
)
def test_text_with_no_guides_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert untour(text, semantic_model) == text
