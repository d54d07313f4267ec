"""A beekeeper at the hives (worker.planner.beekeeper): hive numbers, frames, supers, jars, foragers and the
price of honey, the smoker, the queen, the nectar flow's month and day, the bees' colours and a remembered
place and year set nothing; a lead-in of the beekeeper's work hands over to the request; what the request
names again is kept; what it asks of the hives stays refused; text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.beekeeper import unbeekeeper
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Suited up, veil on, Hive 9 is next. While I lift the brood box, the median tip for each"
            " party size.",
            "The median tip for each party size.",
        ),
        (
            "Varroa count is down to 2 mites per 100 bees. Now then: the average total bill by sex,"
            " dinner only.",
            "The average total bill by sex, dinner only.",
        ),
        (
            "Six supers of honey off the heather, all capped. Between hives, the total votes of each"
            " candidate.",
            "The total votes of each candidate.",
        ),
        (
            "Gold-coloured bees on the silver birch today. The medals won by each nation.",
            "The medals won by each nation.",
        ),
        (
            "Nectar flow starts in May - 30 jars by Friday. The average tip by sex, as a pie.",
            "The average tip by sex, as a pie.",
        ),
        (
            "Bees from 4 hives on the heather, 30,000 foragers at least. The countries of Africa with a life"
            " expectancy above 50 in 2007.",
            "The countries of Africa with a life expectancy above 50 in 2007.",
        ),
        (
            "The bees are all over the lime trees this week. The wind frequency by strength band.",
            "The wind frequency by strength band.",
        ),
        (
            "Smoker lit, lid off Hive 2 - the girls are grumpy. The average tip by sex.",
            "The average tip by sex.",
        ),
        (
            "The queen in Hive 8 is laying on 9 frames. The average total bill for each day.",
            "The average total bill for each day.",
        ),
        (
            "Honey at 9 dollars a jar, 50 jars sold at the Sunday market. How many tables of each party"
            " size?",
            "How many tables of each party size?",
        ),
    ],
)
def test_the_patter_sets_nothing(
    planner: RulePlanner, semantic_model: SemanticModel, question: str, plain: str
) -> None:
    assert unbeekeeper(question, semantic_model) == plain
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "My colonies came over from Kenya in 1977. The life expectancy of each continent in 1987.",
            "The life expectancy of each continent in 1987.",
        ),
        (
            "Before I open the hives: Microsoft's share price across 2018, as a line.",
            "Microsoft's share price across 2018, as a line.",
        ),
    ],
)
def test_a_remembered_place_and_year_set_no_filter_or_period(
    planner: RulePlanner, question: str, plain: str
) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


def test_what_the_request_names_again_is_kept(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    question = "Hive 3 is calm, the smoker lit. The tips of smokers only, by day, on Saturday."
    assert unbeekeeper(question, semantic_model) == "The tips of smokers only, by day, on Saturday."
    assert ("smoker", "eq", "Yes") in request_of(planner.plan(question))[2]


@pytest.mark.parametrize(
    "question",
    [
        "Hive 5 swarmed this morning. Chart the jars of honey sold each month.",
        "The bees are calm today. Show me the average tip between 2 and 4 pm.",
        "The bees are busy. The mean or the median tip by day, whichever the apiary club prefers.",
        "Smoker lit. Two charts: the total bill by day, and separately the votes by candidate.",
        "Hive 2 is strong. Which country has the tastiest honey? Just the top one.",
        "My first colony came from Peru in 2012. Peru's population in 2012, please.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip of smokers on each day",
        "Three more frames, then the votes by district",
        "The honeymoon countries' GDP per capita since 1962",
        "The queen of the night: the median bill at dinner",
        "Which colonies had the lowest life expectancy in 1952?",
        "Show the wind frequency when it blows from the east",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unbeekeeper(text, semantic_model) == text
