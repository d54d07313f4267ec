"""A bingo caller (worker.planner.bingo_caller): the called numbers, lines and houses won, tables, prizes,
players and the hall set nothing; the lead-ins and hand-overs open the request; what the request asks of the
hall stays refused; text without the caller is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.bingo_caller import unbingo
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Eyes down! Droopy drawers, 44! While the numbers are called, the median tip for each meal.",
            "the median tip for each meal.",
        ),
        (
            "Key of the door, 21! Line on table 8, Brenda is checking it. Meanwhile: the total bill by sex.",
            "the total bill by sex.",
        ),
        (
            "Full house on table 3 - Mr Patel from Ahuntsic wins the meat tray! Now, Bergeron's votes in each"
            " district.",
            "Bergeron's votes in each district.",
        ),
        (
            "Check your cards, Brenda! Dirty Gertie, 30! The population of each continent in 1987.",
            "The population of each continent in 1987.",
        ),
    ],
)
def test_the_calls_come_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unbingo(question, semantic_model).lower() == plain.lower()


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A called number is no limit, a table no party size, a line won no line chart.
        (
            "Two little ducks, 22! Line on table 5. The 3 richest countries in Asia in 1997 by GDP per"
            " capita.",
            "The 3 richest countries in Asia in 1997 by GDP per capita.",
        ),
        (
            "Heinz varieties, 57! The tea urn is on for the gents at table 2. Average tip by day, dinner"
            " only.",
            "Average tip by day, dinner only.",
        ),
        # A prize in pounds is no threshold or currency; a bingo night's day is no day.
        (
            "Friday night bingo, and the jackpot is a 50-pound voucher. A histogram of the tip for"
            " non-smokers.",
            "A histogram of the tip for non-smokers.",
        ),
        # The golden ticket is no medal; a request naming one still gets it.
        (
            "Next game: the golden ticket, 4 lines to win. The bronze medals won by each nation, most first.",
            "The bronze medals won by each nation, most first.",
        ),
        # The gale outside the hall is no direction; the request's own direction stays.
        (
            "There's a gale rattling the church hall from the west. The frequency of each strength band for"
            " winds from the east.",
            "The frequency of each strength band for winds from the east.",
        ),
        # The flowers on the caller's table are no species or limit.
        (
            "Eyes down! Roses on the caller's table, 5 bunches of them. Average sepal width of each species.",
            "Average sepal width of each species.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # The year the hall was built is no period; the request's own span stays.
        (
            "Legs eleven! This church hall went up in 1961. Canada's life expectancy from 1967 to 1997,"
            " one line.",
            "Canada's life expectancy from 1967 to 1997, one line.",
        ),
        (
            "Clickety-click, 66! Maureen has won the hamper again. Apple's weekly share price through 2018.",
            "Apple's weekly share price through 2018.",
        ),
    ],
)
def test_the_hall_sets_no_period(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Eyes down! Chart the dabbers bought at each table tonight.",
        "Kelly's eye, number 1! Two charts: the tip by day as a pie, and separately the votes by candidate.",
        "Legs eleven! The mean or the median tip by sex, whichever the caller likes best.",
        "Top of the shop, 90! The population of each continent in 2015.",
        "Friday night bingo starts at 8. The average total bill after 8 pm on each day.",
        "Two fat ladies, 88! Which is the luckiest continent? Only the top one.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip of the ladies on each day",
        "Apple and Microsoft's share prices in 2018, one line each",
        "Tip by party size for table 4 and up",
        "The top of the range: the 5 most populous countries in 2007",
        "Check the total bill by day",
        "A full table of the votes by district",
        "The gold medals by nation, number 1 first",
    ],
)
def test_text_without_the_caller_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unbingo(text, semantic_model) == text
