"""A herald's proclamation (worker.planner.town_crier): the crier's calls ("Hear ye!", "By order of the
King", "Let it be known ...:", "God save the King!") set nothing, "thrice" and the court's counts are no
limit, the realm names no nation, "the year of our Lord Y" is Y, a lead or sentence of the court is a scene,
numbered articles are one request, and what the data cannot answer (two charts, a choice left for later,
what no dataset holds) stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.town_crier import uncry
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "Hear ye, hear ye! By order of the Queen: the median total bill for each day. God save the Queen!",
        "Oyez! Let it be known throughout the realm that the Crown keeps a ledger: the median total bill "
        "for each day.",
        "By order of the King, proclaimed thrice at the castle gate: the median total bill for each day.",
        "Let it be proclaimed: the median total bill for each day. The Queen sups tonight with a dozen "
        "knights.",
    ],
)
def test_the_crier_s_calls_set_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert request_of(plan) == (
        [("total_bill", "median")],
        "day",
        [],
        None,
    )


@pytest.mark.parametrize(
    ("question", "chart"),
    [
        ("Hear ye! Proclaim the total votes of each candidate, proclaimed as a pie.", "pie"),
        (
            "By order of the King, proclaim the total votes of each candidate as bars. God save the King!",
            "bar",
        ),
    ],
)
def test_proclaim_asks_for_the_request(planner: RulePlanner, question: str, chart: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("votes", "sum")], "candidate", chart)


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("Hear ye! The population of each continent in the year of our Lord 1977.", ("1977", "1977")),
        (
            "Let it be proclaimed thrice: the population of each continent in the year of our Lord 1962.",
            ("1962", "1962"),
        ),
        (
            "By order of the Crown: the population of each continent from the year of our Lord 1957 unto the "
            "year of our Lord 1982.",
            ("1957", "1982"),
        ),
    ],
)
def test_the_year_of_our_lord_is_the_year(
    planner: RulePlanner, question: str, period: tuple[str, str]
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), period_of(plan), filters_of(plan), plan.limit) == (
        [("pop", "sum")],
        period,
        [],
        None,
    )


@pytest.mark.parametrize(
    "question",
    [
        "Hear ye! The Royal Court keeps the gold of the Crown, but this decree concerns the silver: the "
        "silver medals of each nation.",
        "Let it be known to the three nations of the realm: the silver medals of each nation.",
        "Hear ye! His Majesty's treasury counts the gold of Canada. Proclaim the silver medals of each "
        "nation.",
    ],
)
def test_a_scene_of_the_court_names_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("medals", "sum")],
        "nation",
        [("medal", "eq", "Silver")],
    )


def test_the_realm_is_no_nation(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Oyez! A histogram of the total bill for the gentlemen of the realm - the men only. God save the "
        "King!"
    )
    assert (measures_of(plan), filters_of(plan), plan.chart_type) == (
        [("total_bill", "none")],
        [("sex", "eq", "Male")],
        "histogram",
    )


@pytest.mark.parametrize(
    "question",
    [
        "Hear ye! A decree in four articles. Article the First: the gapminder data. Article the Second: Asia "
        "only, in the year of our Lord 1987. Article the Third: the 6 richest countries by GDP per capita.",
        "Article the First: the gapminder data. Article the Second: Asia only, in 1987. Article the Third: "
        "the 6 richest countries by GDP per capita. God save the Queen!",
    ],
)
def test_numbered_articles_are_one_request(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), period_of(plan), plan.limit) == (
        [("gdp_per_capita", "avg")],
        "country",
        [("continent", "eq", "Asia")],
        ("1987", "1987"),
        6,
    )


@pytest.mark.parametrize(
    "question",
    [
        "Hear ye! A decree in two articles. Article the First: the total medals per nation as a pie. Article "
        "the Second: a separate chart of the life expectancy per continent as bars.",
        "Hear ye! The Queen shall decide on the morrow whether it be Lunch or Dinner: the average tip by day "
        "for one of them.",
        "By order of the King, proclaim the gold held in His Majesty's treasury for each continent in 1992.",
        "Let it be known: the medals of the realm of France by type. God save the King!",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "The average tip on each day, as bars.",
        "The king of the stocks: which company had the highest average price in 2019?",
        "Medals per nation, as a pie.",
    ],
)
def test_a_question_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert uncry(question, semantic_model) == question


def test_a_choice_left_for_later_is_refused_with_what_works(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="ask for one of them by name") as refusal:
        planner.plan(
            "Oyez! The Royal Court shall decide anon whether it be setosa or virginica: the average petal "
            "length for one of them."
        )
    assert "petal length for setosa" in str(refusal.value)
