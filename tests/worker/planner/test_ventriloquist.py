"""A ventriloquist (worker.planner.ventriloquist): the act's shows and hours, the dummy's age, years, wants
and opinions, the rows of the audience and the places the dummy has been set nothing; a sentence opening
with a request's verb and a choice left to the dummy are the request's; what the request asks of the act
stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.ventriloquist import unventriloquist
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Say hello to Barney, everyone! Barney's had 3 lemonades. The average tip on each day.",
            "The average tip on each day.",
        ),
        (
            "My lips never moved! Barney smokes a pipe on Fridays. Count the smokers' tables on each day.",
            "Count the smokers' tables on each day.",
        ),
        (
            "I've had this dummy since 1979, and he's never once paid for a drink. Asia's 4 poorest countries"
            " in 1982.",
            "Asia's 4 poorest countries in 1982.",
        ),
        (
            "Three shows tonight, 7, 8 and 10, and the 10 o'clock is sold out. The median weekly close of"
            " each company in 2018.",
            "The median weekly close of each company in 2018.",
        ),
        (
            "Barney says gold is for grown-ups, and he's had his eye on the medals since he was 5. Canada's"
            " medals by type.",
            "Canada's medals by type.",
        ),
        (
            "Barney, don't be rude to the gentleman in row 8 - he voted for Bergeron! Coderre's votes in each"
            " district.",
            "Coderre's votes in each district.",
        ),
        (
            "We're on in 10 minutes, and Barney's got a silver waistcoat on. The wind frequency of each"
            " direction in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "Gottle of geer! Barney's cousin is a puppet from Japan. GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "We did a show for the Rotary Club in 1998 and nobody laughed. My lips didn't move! The average"
            " petal length of each species.",
            "The average petal length of each species.",
        ),
        (
            "Gottle of geer! While Barney has a nap, the total bill on each day, as a pie.",
            "The total bill on each day, as a pie.",
        ),
        (
            "Say hello to Barney! Barney wants to know: which continent had the highest life expectancy in"
            " 2007?",
            "Which continent had the highest life expectancy in 2007?",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "I've had this dummy since 1992, and he still can't whistle. Europe's population in 1992, by"
            " country.",
            "Europe's population in 1992, by country.",
        ),
        # A "that year" points back to the year the patter told.
        (
            "I've had this dummy since 1992, and he still can't whistle. Europe's population that year, by"
            " country.",
            "Europe's population in 1992, by country.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Say hello to Barney, everyone! Chart the jokes Barney told at each show.",
        "Gottle of geer. The average or the median bill on each day, whichever Barney prefers.",
        "My lips didn't move! GDP per capita by continent in 2019.",
        "Two shows tonight. A pie of the tips by day, and a separate line of the bill by party size.",
        "Barney, don't be rude to the lady in row 2. Which continent is the silliest?",
        "I've had this dummy since 1985, and he's from Denmark. Denmark's medals by type.",
        "Three shows tonight, 7, 8 and 10. The average tip between 7 and 10 at night.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Show the tips by day, pipe-delimited",
        "Cut the population of each continent in 2007 and colour it by continent",
        "The oil price against the engine of growth",
        "Ford's share price in 2019, as a line",
        "The average tip at lunch on each day",
        "The light at dinner: the tips by day",
        "Dummy variables for each species of iris",
        "The dummy data: the votes by candidate",
        "A puppet government's GDP per capita since 1952",
        "The value in row 3 of the table, as a bar",
        "Charlie says the tips are higher on Sundays. Show the tips by day.",
        "Show the tips tonight, two shows of the bill by day",
    ],
)
def test_text_without_the_ventriloquist_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unventriloquist(text, semantic_model) == text
