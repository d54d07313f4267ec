"""A tailor at the fitting (worker.planner.tailor): the inches of an inseam, a chest or a sleeve, the
metres of cloth, the suits and fittings counted, the shop's days and hours, the cloth's colours, country and
year, the buttons' gold, a client's shares and pipe, and the fitting's turns set nothing; an order for the
shop and a chart wanted for a speech ask nothing; a lead-in and a hand-over are the request's start; what the
request asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.tailor import untailor
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Arms out for me, sir - a 40-inch chest. The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "Seven suits for the stag party, all in charcoal. The 5 most populous countries in 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "A 15-inch collar and a 34-inch waist, ready by Monday. The lowest share price each company"
            " reached in 2018.",
            "The lowest share price each company reached in 2018.",
        ),
        (
            "This tweed came from Scotland back in 1962. Coderre's votes in each district.",
            "Coderre's votes in each district.",
        ),
        (
            "Double-breasted, peak lapels, horn buttons sewn on Friday. GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "Face the mirror, madam, and turn a quarter to the right. The wind frequency of each direction"
            " in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "The cost of Italian wool is up 20 per cent since 2015. Right then, the average petal length of"
            " each species.",
            "The average petal length of each species.",
        ),
        (
            "Silver cufflinks and a gold tie pin for the groom. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "While I pin the hem, the bill per person for each party size at lunch.",
            "The bill per person for each party size at lunch.",
        ),
        (
            "Between fittings: the total tip by sex on Saturdays.",
            "The total tip by sex on Saturdays.",
        ),
        (
            "The best man ordered 3 suits, all pinstripe. The number of tables with 5 people, per day.",
            "The number of tables with 5 people, per day.",
        ),
        (
            "A customer who pays in Netflix shares came for a fitting on Tuesday. Meanwhile, Amazon's weekly"
            " share price in 2019.",
            "Amazon's weekly share price in 2019.",
        ),
        (
            "The groom needs a chart for his speech, and the 8 suits are ready. Life expectancy in Kenya"
            " since 1980.",
            "Life expectancy in Kenya since 1980.",
        ),
        (
            "The pins are in - take it in at the waist, about an inch. How many tables on Sunday had smokers"
            " at them?",
            "How many tables on Sunday had smokers at them?",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert untailor(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Three metres of linen for the waistcoat, ready Saturday. Which 4 continents had the highest"
            " life expectancy in 2007?",
            "Which 4 continents had the highest life expectancy in 2007?",
        ),
        (
            "The wedding party is 5 suits, all in navy. How many tables of 3 or more people ate at lunch on"
            " each day?",
            "How many tables of 3 or more people ate at lunch on each day?",
        ),
        (
            "Gold buttons on the blazer for the gentleman who smokes a cigar. The tip percentage of smokers"
            " and non-smokers on each day.",
            "The tip percentage of smokers and non-smokers on each day.",
        ),
        (
            "Half an inch off the trousers - turn a quarter to the left. For winds from the west, the"
            " frequency in each strength band.",
            "For winds from the west, the frequency in each strength band.",
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
            "The cloth came from Norway, a bolt of tweed. Norway's and Sweden's life expectancy from 1962 to"
            " 2002, as a line.",
            "Norway's and Sweden's life expectancy from 1962 to 2002, as a line.",
        ),
        (
            "My first fitting was back in 1967, a grey two-piece. The population of each continent in that"
            " year.",
            "The population of each continent in 1967.",
        ),
        (
            "Two suits ready on Friday. The average bill of the Friday tables at dinner, by sex.",
            "The average bill of the Friday tables at dinner, by sex.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Chalk marks on the lapel. Chart the suits each tailor altered this month.",
        "Three suits sold today. The suits each tailor sold, one bar per tailor.",
        "Stand up straight, sir. The average or the median tip by day - whichever my apprentice prefers.",
        "The waistcoat is in Italian wool. Which continent dresses the smartest? Just the top one.",
        "Measure twice, cut once. Two charts: the votes by candidate, and separately the tip by day.",
        "A tweed jacket from Spain, horn buttons sewn on. Spain's medals by type.",
        "Half an inch off the cuff - mind the pins. The sepal width of each species, but in inches.",
        "Your fitting is at 11 sharp. The average bill for tables served between 9 and 11 in the morning.",
        "The groom's party wants 5 suits. Japan's life expectancy in 2015.",
        "This worsted came from Leeds in 1947. The population of each continent in that year.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Whichever chart suits the data best: tips by day",
        "Fitting a line to GDP per capita against life expectancy in 2007",
        "A fitting line for the tips against the bill",
        "Cut the population of each continent in 1952 by half",
        "The top 5 countries by population in 2007",
        "A break in the line: the stock price of Apple",
        "The first quarter of 2019: Microsoft's share price",
        "Apple shares over time in 2019",
        "The petal length in inches by species",
        "Which measure of spread suits the tips best?",
        "Press the buttons: medals by nation",
        "Follow suit: Joly's votes in each district",
        "The pins on the map: population by continent in 2007",
        "The wool exports of Australia in 2007",
        "Turn the chart a quarter: the tip by day",
        "Half an inch of rain: wind frequency by direction",
        "The gentleman who tipped most: tips by sex",
        "A suit of cards: medals by type",
    ],
)
def test_text_without_the_tailor_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert untailor(text, semantic_model) == text
