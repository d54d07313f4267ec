"""A locksmith on a call-out (worker.planner.locksmith): the hour of a lockout, the emergency rate, the
levers counted, a lock's year and a door's direction set nothing; an order for keys, the price of a lock and
lock shares ask nothing; a lead-in and a hand-over are the request's start; what the request asks that the
data lacks stays refused; "key", "locked in", "safe" and a piano's keys alone read nothing."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.locksmith import unlock
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Locked out at half past one, the lady was still in her dressing gown. The average tip on each"
            " day.",
            "The average tip on each day.",
        ),
        (
            "A 6-lever mortice lock, fitted to the insurance standard. The median bill per person at dinner.",
            "The median bill per person at dinner.",
        ),
        (
            "Emergency call-outs after 10 at night are 120 dollars. How many tables had a tip over 5 dollars"
            " on each day?",
            "How many tables had a tip over 5 dollars on each day?",
        ),
        (
            "While I drill the old lock, the total bill by sex on Sundays.",
            "The total bill by sex on Sundays.",
        ),
        (
            "The landlord wants 6 new keys cut by Friday. The average petal width of each species.",
            "The average petal width of each species.",
        ),
        (
            "The price of a new deadbolt has doubled since 2015. Right then, the wind frequency from each"
            " direction.",
            "The wind frequency from each direction.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unlock(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The safe at the pawnbroker's took an hour to crack, after 11 at night. How many tables of 4 or"
            " more people ate on each day?",
            "How many tables of 4 or more people ate on each day?",
        ),
        (
            "The back door faces west and the hinges squeak. For winds from the east, the frequency in each"
            " strength band.",
            "For winds from the east, the frequency in each strength band.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A request that names the patter's value again still gets it; a "that year" is the patter's year.
        (
            "I fitted my first deadbolt back in 1972. The population of each continent in that year.",
            "The population of each continent in 1972.",
        ),
        (
            "The emergency rate on Sundays is double. The average tip of the Sunday tables by sex.",
            "The average tip of the Sunday tables by sex.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "A 5-lever deadlock on every door. How many locks did each locksmith fit last month?",
        "Spare keys cut while you wait. The total bill or the average bill per day - whichever the"
        " apprentice prefers.",
        "I changed the locks at the embassy in 1949. Life expectancy of each continent in that year.",
        "Most of my emergency jobs come after 10 at night. The average tip after 10 at night.",
        "Smart lock shares soared in 2022. Netflix's average share price that year.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The key countries by population in 2007",
        "Which countries are locked in the top 5 by GDP per capita?",
        "A safe bet: medals by nation",
        "Eighty-eight keys: life expectancy by continent",
        "The Yale study of life expectancy in Europe",
    ],
)
def test_text_without_the_locksmith_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unlock(text, semantic_model) == text
