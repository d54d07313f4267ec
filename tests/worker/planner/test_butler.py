"""A butler (worker.planner.butler): the service, the addresses, the titles and the household's hours,
guests, courses and rooms set nothing; the request handed over is charted as if asked plainly, and what it
asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.butler import unbutler
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Very good, madam. Luncheon is at one. Her ladyship wishes to see the median tip for each sex.",
            "Show the median tip for each sex.",
        ),
        (
            "The Dowager dines at seven with nine guests, sir. She asks for the total bill by day.",
            "Show the total bill by day.",
        ),
        (
            "Will that be all, sir? The Countess would like a histogram of the tip, lunch only.",
            "A histogram of the tip, lunch only.",
        ),
        (
            "I have taken the liberty of setting four places, madam. She asks which day had the most tables.",
            "Which day had the most tables?",
        ),
        (
            "Lord Hexham's compliments, and he would like the total medals of each nation.",
            "Show the total medals of each nation.",
        ),
        (
            "If I may be so bold, madam: the 3 districts where Joly had the most votes.",
            "The 3 districts where Joly had the most votes.",
        ),
        (
            "The Earl has gone riding in Kenya, madam, and wishes to see the population of Brazil by year.",
            "Show the population of Brazil by year.",
        ),
        (
            "Very good, sir. Lunch is at one. His lordship asks for the average tip by day. Dinner only.",
            "Show the average tip by day, dinner only.",
        ),
        (
            "Shall I bring the port, sir? His lordship asks for the average sepal length of each species.",
            "Show the average sepal length of each species.",
        ),
    ],
)
def test_the_service_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    served, asked = planner.plan(question), planner.plan(plain)
    assert chart_of(served) == chart_of(asked)
    assert period_of(served) == period_of(asked)


def test_the_household_year_pointed_back_to_is_the_request_s(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The Earl was at sea in 1982, sir. He asks for the total population of each continent in that year."
    )
    assert request_of(plan)[1] == "continent"
    assert period_of(plan) == ("1982", "1982")


@pytest.mark.parametrize(
    "question",
    [
        "Very good, sir. His lordship wishes to see the candles burnt in each drawing room this winter.",
        "Her ladyship asks for the median tip by day, and as a separate chart the medals of each nation.",
        "The Dowager wishes to see Toyota's share price across 2018.",
        "If I may be so bold, madam: the most elegant species, just the one.",
        "The Earl rode out in 1901, sir. He asks for the life expectancy of each continent in that year.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip at dinner on each day",
        "How many tables for six were served at four different meals?",
        "Bold colours please: the total bill by day",
        "Mary wants the median tip for each sex",
        "Which were the earliest years with the highest life expectancy?",
        "Sir, yes sir! The total votes of each candidate!",
        "Countries that did very well in 2007 by GDP per capita",
        "Madame Joly's votes by district",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unbutler(text, semantic_model) == text
