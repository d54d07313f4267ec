"""A casino croupier (worker.planner.croupier): the call for bets, roulette numbers with their colour,
payouts, chips, the table minimum, seats, the house edge and the high roller's home set nothing; "No more
bets!" is no prohibition; what the request asks of the casino stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.croupier import uncroupier
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Faites vos jeux! Black 13, odd. And now: the median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "Rien ne va plus! Red 30 wins. How many tables of each party size were served at dinner?",
            "How many tables of each party size were served at dinner?",
        ),
        (
            "Blackjack pays 3 to 2, table minimum 25. The average tip for each party size, lunch only.",
            "The average tip for each party size, lunch only.",
        ),
        (
            "The player in seat 4 tips the dealer in chips of 100 dollars. A histogram of the total bill for"
            " men.",
            "A histogram of the total bill for men.",
        ),
        (
            "The ball lands on 9, red. The average total bill for smokers and non-smokers, split by sex.",
            "The average total bill for smokers and non-smokers, split by sex.",
        ),
        (
            "The house edge at roulette is about 3 per cent. How many tables left a tip above $4, by day?",
            "How many tables left a tip above $4, by day?",
        ),
        (
            "Silver chips on odd, gold chips on even. The bronze medals won by each nation.",
            "The bronze medals won by each nation.",
        ),
        (
            "Place your bets, everyone! The 3 least populous countries of Africa in 1987.",
            "The 3 least populous countries of Africa in 1987.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # "No more bets!" is the croupier's call, not a chart to leave out.
        (
            "No more bets! Which company had the lowest average share price in 2018? Just that one.",
            "Which company had the lowest average share price in 2018? Just that one.",
        ),
        # A home the request names again counts; one it does not is no filter.
        (
            "The high roller from Lima doubles down. Life expectancy in Peru and in Chile since 1967, one"
            " line each.",
            "Life expectancy in Peru and in Chile since 1967, one line each.",
        ),
        (
            "The high roller from Oslo is on a streak of 5 wins. The average GDP per capita of each continent"
            " in 1992.",
            "The average GDP per capita of each continent in 1992.",
        ),
    ],
)
def test_calls_and_homes_set_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Place your bets! Chart the winnings of each seat at the blackjack table.",
        "No more bets! Two charts: the tip by day, and a separate pie of the votes by candidate.",
        "The wheel spins. The average or the median total bill by day - whichever the pit boss likes.",
        "Red 7, odd. The average tip in pounds by sex.",
        "Black 22 wins! Which is the luckiest nation? Just the top one.",
        "The high roller from Macau is in seat 3. Macau's life expectancy in 2002.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "No more than 5 countries by population in 2007",
        "The tip by day in red and black",
        "Chips sold at table 7, by day",
        "The average tip in seat 2 of the house",
        "The even years of the life expectancy of Europe",
        "Votes by candidate, red for the winner",
        "Show the average total bill by party size",
    ],
)
def test_text_without_the_croupier_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncroupier(text, semantic_model) == text
