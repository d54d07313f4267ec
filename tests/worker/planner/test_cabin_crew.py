"""A flight attendant (worker.planner.cabin_crew): the cabin's announcements, seat codes, rows and the
passengers who ask set nothing; what a passenger says of themself is context unless the request points back
to it; the passenger's request is planned as if asked directly; what it asks that the data lacks stays
refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.cabin_crew import uncabin_crew
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Tray tables up, please. The lady in 9D asks for the median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "We'll start the drinks service from row 5 shortly. The couple in 11E would like the average"
            " total bill per party size, dinner only.",
            "The average total bill per party size, dinner only.",
        ),
        (
            "Overhead lockers are closed. Row 18 asks: which continent had the highest life expectancy"
            " in 2007?",
            "Which continent had the highest life expectancy in 2007?",
        ),
        (
            "Ladies and gentlemen, the breakfast service begins shortly. Three men in row 2 want the average"
            " tip per person for smokers and non-smokers.",
            "The average tip per person for smokers and non-smokers.",
        ),
        (
            "Welcome aboard flight 1952. Seat 7B asks for a histogram of the sepal width.",
            "A histogram of the sepal width.",
        ),
        (
            "Economy class is now boarding. A student in 30C would like the 5 most populous countries of"
            " Asia in 1987.",
            "The 5 most populous countries of Asia in 1987.",
        ),
        (
            "Duty-free will pass through the aisle shortly. Seat 2D wonders how many tables were served on"
            " each day at lunch.",
            "How many tables were served on each day at lunch?",
        ),
    ],
)
def test_the_cabin_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A home the request does not name is no filter.
        (
            "Seat 3C is flying to Japan but asks for the population of each country in Asia in 2007.",
            "The population of each country in Asia in 2007.",
        ),
        (
            "Seat 11A works at Apple, but asks for Microsoft's price in 2019, one line.",
            "Microsoft's price in 2019, one line.",
        ),
        # One the request points back to is.
        (
            "Seat 27K is flying home to Kenya and asks for her country's life expectancy since 1972.",
            "Kenya's life expectancy since 1972.",
        ),
        (
            "The passenger in 5B, who lives in Canada, would like their country's medals by type.",
            "Canada's medals by type.",
        ),
    ],
)
def test_what_a_passenger_says_is_context(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Cabin crew, doors to manual. A gentleman in 4C asks for the total bill by day.",
            "The total bill by day.",
        ),
        (
            "Seat 19F is a teacher and asks: which nation won the most medals?",
            "Which nation won the most medals?",
        ),
    ],
)
def test_the_request_is_what_is_read(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert uncabin_crew(question, semantic_model) == plain


@pytest.mark.parametrize(
    "question",
    [
        "Welcome aboard, ladies and gentlemen. Seat 8E asks for the meals served on each flight.",
        "Seat 22C would like two charts: the votes by candidate and also a separate pie of the tip by day.",
        "Cabin crew, seats for landing. Row 9 asks for the median or the mean total bill by sex, whichever"
        " the purser likes.",
        "The trolley is coming through. Seat 6A asks for Apple's price in 2023.",
        "Seat 1B asks for the wind speed in km/h in each direction.",
        "Landing in Montreal shortly. Row 3 asks which country has the nicest beaches.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip of the ladies on each day",
        "Tip by party size for row 3 and up",
        "Which seat of the table had the highest tip?",
        "The lunch tips by day",
        "She asks for the average tip by day",
        "Apple's price in 2019 by flight of weeks",
        "The 14 most populous countries in 2002",
        "Our lunch service went well. The average tip per person by day.",
        "The dessert trolley sold out at dinner: the tip by day",
        "Which first class of iris has the widest petals?",
    ],
)
def test_text_without_the_attendant_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncabin_crew(text, semantic_model) == text
