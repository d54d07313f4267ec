"""A child's or young learner's simple words (worker.planner.young_learners): "kind of flower", "how long
do people live", "how much does a dinner cost", "4 people at the table", "which way does the wind blow
from the most", "each person running for mayor" read as the plan they ask for; unclear words refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.young_learners import unyoung
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "sort", "limit"),
    [
        ("Which kind of flower has the longest petals?", [("petal_length", "avg")], "species", "desc", 1),
        ("Which type of flower has the shortest sepals?", [("sepal_length", "avg")], "species", "asc", 1),
        (
            "On which day do people give the waiters the most money, all added up?",
            [("tip", "sum")],
            "day",
            "desc",
            1,
        ),
        ("Which way does the wind blow from the most?", [("frequency", "sum")], "direction", "desc", 1),
        (
            "Which way does the wind blow from the most? Show me all the directions.",
            [("frequency", "sum")],
            "direction",
            "desc",
            None,
        ),
        (
            "How many votes did each person running for mayor get?",
            [("votes", "sum")],
            "candidate",
            "desc",
            None,
        ),
        (
            "How many votes did each lady running for mayor get?",
            [("votes", "sum")],
            "candidate",
            "desc",
            None,
        ),
    ],
)
def test_rankings(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    sort: str,
    limit: int | None,
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None
    assert (measures_of(plan), plan.dimension, plan.sort.direction, plan.limit) == (
        measures,
        dimension,
        sort,
        limit,
    )


@pytest.mark.parametrize(
    ("question", "measures"),
    [
        (
            "Can you draw dots for how long and how wide the petals are, with a different color for each "
            "kind of flower?",
            [("petal_length", "none"), ("petal_width", "none")],
        ),
        (
            "Draw dots for how wide and how long the sepals are, with a different colour for each type of "
            "flower",
            [("sepal_width", "none"), ("sepal_length", "none")],
        ),
    ],
)
def test_dots_coloured_for_each_kind_are_a_scatter_by_species(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]]
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, measures_of(plan), plan.series) == ("scatter", measures, "species")


@pytest.mark.parametrize(
    ("question", "measure", "country"),
    [
        ("How many people live in China? Can you draw it going up over the years?", ("pop", "sum"), "China"),
        ("How many people are there in Brazil? Show me how it changed.", ("pop", "sum"), "Brazil"),
        ("How long do people live in Japan? Show me how it changed.", ("life_exp", "avg"), "Japan"),
        (
            "How long did people live in India? Can you draw it going up over the years?",
            ("life_exp", "avg"),
            "India",
        ),
    ],
)
def test_people_living_over_the_years_is_a_line(
    planner: RulePlanner, question: str, measure: tuple[str, str], country: str
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.use_time, measures_of(plan), filters_of(plan)) == (
        "line",
        True,
        [measure],
        [("country", "eq", country)],
    )


@pytest.mark.parametrize(
    ("question", "pair", "year"),
    [
        ("Are there more people in India or in China?", ["India", "China"], "2007"),
        ("Do more people live in Mexico or Canada?", ["Mexico", "Canada"], "2007"),
        ("Were there more people in Japan or in Brazil in 1952?", ["Japan", "Brazil"], "1952"),
    ],
)
def test_more_people_in_a_or_b_is_one_bar_each_in_one_year(
    planner: RulePlanner, question: str, pair: list[str], year: str
) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None
    assert (plan.chart_type, plan.dimension, filters_of(plan), plan.time_range.start) == (
        "bar",
        "country",
        [("country", "in", pair)],
        year,
    )


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "filters"),
    [
        (
            "How much does a dinner cost, and how much does a lunch cost?",
            [("total_bill", "avg")],
            "meal",
            [("meal", "in", ["Dinner", "Lunch"])],
        ),
        (
            "How big were the tips on each day when there were 4 people at the table?",
            [("tip", "avg")],
            "day",
            [("party_size", "eq", 4)],
        ),
        (
            "How big was the bill on each day with 2 people at the table?",
            [("total_bill", "avg")],
            "day",
            [("party_size", "eq", 2)],
        ),
        (
            "How often does the really strong 6+ wind come from each direction?",
            [("frequency", "sum")],
            "direction",
            [("strength", "eq", "6+")],
        ),
        (
            "How many votes did Coderre get in each place he won?",
            [("votes", "sum")],
            "district",
            [("winner", "eq", "Coderre"), ("candidate", "eq", "Coderre")],
        ),
    ],
)
def test_simple_words_name_measures_and_filters(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, sorted(filters_of(plan), key=str)) == (
        measures,
        dimension,
        sorted(filters, key=str),
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Which flower has the biggest petals?", "biggest petals"),
        ("Which kind of flower has the smallest sepals?", "smallest sepals"),
        ("How many tables had a lot of people?", "lot"),
        ("How many kids live in Brazil?", "kids"),
        ("Who is the nicest waiter?", "waiter"),
        ("Who did my mom vote for?", "Mom"),
    ],
)
def test_unclear_words_are_refused_by_name(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "Use a different colour for each continent",
        "the smallest sepal width of each species",
        "largest petal length in each kind of iris",
        "all the tips added up for each day",
        "each of the people standing for mayor",
        "top three directions for the strongest 6+ winds",
        "how long ago did prices go up",
        "the people in each place",
        "How much does the bill cost on Sunday compared with the tip",
    ],
)
def test_other_words_are_left_alone(semantic_model: SemanticModel, question: str) -> None:
    assert unyoung(question, semantic_model) == question
