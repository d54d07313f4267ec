"""A lighthouse keeper on watch (worker.planner.lighthouse_keeper): the log's hours, the lamp, the lens's
flashes, the foghorn, the gale's force, the tide, the vessels, the seabirds and the seals, the bell's year
and the keeper's years set nothing; a radio check and a boat passing "most days" ask nothing; a lead-in and
a hand-over are the request's start; what the request asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.lighthouse_keeper import unlighthouse
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Keeper's log, 22:30: lamp lit, visibility 9 miles, sea moderate. The median bill per person on"
            " each day.",
            "The median bill per person on each day.",
        ),
        (
            "The lens turns every 15 seconds, 2 red flashes then dark. Joly's votes in each district.",
            "Joly's votes in each district.",
        ),
        (
            "A Canadian tanker rode out the gale behind the skerry. Now, China's medals by type.",
            "China's medals by type.",
        ),
        (
            "Radio check with the coastguard at 07:00, all well. The population of each continent in 1987.",
            "The population of each continent in 1987.",
        ),
        (
            "While the lamp warms up, the average sepal width of each species.",
            "The average sepal width of each species.",
        ),
        (
            "For the relief keeper, who reads these every month: Amazon's share price in 2019.",
            "Amazon's share price in 2019.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unlighthouse(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The supply boat comes on Thursdays most weeks, 30 tins of soup aboard. How many tables of 2 ate"
            " dinner on each day?",
            "How many tables of 2 ate dinner on each day?",
        ),
        (
            "Gale warning, force 9 from the south, the foghorn going since 4. Wind frequency by strength"
            " band for winds from the east.",
            "Wind frequency by strength band for winds from the east.",
        ),
        (
            "The old fog bell was cast in gold-plated bronze back in 1901. Canada's medals by type, as a"
            " pie.",
            "Canada's medals by type, as a pie.",
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
            "The light was finally automated in 1977. GDP per capita of each continent in that year.",
            "GDP per capita of each continent in 1977.",
        ),
        (
            "High tide at 11:20 on Saturday. The total tip on Saturday, by sex.",
            "The total tip on Saturday, by sex.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Log entry: a dozen trawlers sheltered in the bay. How many boats did the lighthouse see each year?",
        "Lamp trimmed. Chart life expectancy by continent, and then a separate chart of GDP by continent.",
        "Barometer falling fast. The tip in euros for each day.",
        "The lantern glass is cracked. Which continent has the loveliest sunsets?",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Keep the top 5 countries by population in 2007",
        "A light colour for each bar: tips by day",
        "Wind frequency by direction on a log scale",
        "Through the lens of party size: the average tip",
        "The force of the wind in each strength band",
    ],
)
def test_text_without_the_keeper_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unlighthouse(text, semantic_model) == text
