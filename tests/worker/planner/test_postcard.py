"""A holiday postcard (worker.planner.postcard): the card's places, weather, day counts, return dates and
signature set nothing, the request is its P.S., a pronoun pointing back keeps the values the card named,
what the data lacks stays refused, and text without the card's voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.postcard import unpostcard
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Greetings from Naples! Weather glorious, 31 degrees all week. Love, Uncle Jim. "
            "P.S. Could you look something up for me: the median tip on each day?",
            "The median tip on each day?",
        ),
        (
            "Day 4 of 10 in Rhodes and the cafes are full every evening. "
            "P.S. How many tables of 4 people were served at each meal?",
            "How many tables of 4 people were served at each meal?",
        ),
        (
            "Weather gorgeous, 30 degrees every day here in Spain. "
            "P.S. The average life expectancy of each continent in 1997?",
            "The average life expectancy of each continent in 1997?",
        ),
        (
            "Greetings from Dover, where the wind blows from the north all day! "
            "P.S. Could you look up the wind frequency for each strength band?",
            "The wind frequency for each strength band?",
        ),
        (
            "Back on the 3rd, keep the plants watered! Love, Auntie Meg. "
            "P.S. The total votes of each candidate?",
            "The total votes of each candidate?",
        ),
    ],
)
def test_the_card_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


def test_without_a_ps_the_news_comes_off(planner: RulePlanner) -> None:
    question = "Wish you were here! The beach is lovely every morning. The total medals of each nation."
    assert request_of(planner.plan(question)) == request_of(planner.plan("The total medals of each nation."))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Wish you were here! We drove through France and Germany last week. "
            "P.S. Could you plot their GDP per capita since 1977, one line each?",
            "Could you plot France and Germany's GDP per capita since 1977, one line each?",
        ),
        (
            "Greetings from Oslo! We met people from Norway and Sweden on the ferry. "
            "P.S. The life expectancy of those two in 2007?",
            "The life expectancy of Norway and Sweden in 2007?",
        ),
    ],
)
def test_a_pronoun_keeps_the_cards_values(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "question",
    [
        "Greetings from Naples! P.S. Could you chart how many ice creams each cousin ate this week?",
        "Weather lovely, 29 degrees. P.S. Could you look up the average temperature of each country in 2002?",
        "Day 2 of 7 in Tuscany. P.S. What was Italy's population in 2015?",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip by day. P.S. I need it before Friday's meeting.",
        "Hi team, could you show the total bill by meal? Thanks, Sam. P.S. Sorry for the late ask.",
        "How many days was the temperature above 30 degrees every day?",
        "Life expectancy of Mexico over time",
        "Greetings, could you chart votes by candidate?",
        "Seasons greetings from the analytics team: the median tip by day",
        "The tip on each day of the week, as bars",
    ],
)
def test_text_without_the_card_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unpostcard(text, semantic_model) == text
