"""A tennis umpire (worker.planner.tennis_umpire): the calls, scores and the umpire's own sentences set
nothing and are not reported as left out; a player named in a call is charted only where the request names
them again; what the request asks of the match stays refused; text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.tennis_umpire import unumpire
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("Forty-fifteen. The median tip for each party size.", "The median tip for each party size."),
        (
            "Love-all. Out! The average life expectancy of each continent in 1982.",
            "The average life expectancy of each continent in 1982.",
        ),
        (
            "Double fault. Foot fault. The total tips on each day, as a pie.",
            "The total tips on each day, as a pie.",
        ),
        (
            "Hawk-Eye. The ball was in. The total frequency of each wind direction.",
            "The total frequency of each wind direction.",
        ),
        (
            "Thirty-forty. Time violation, warning. Which 4 countries of Africa had the highest GDP per "
            "capita in 1982?",
            "Which 4 countries of Africa had the highest GDP per capita in 1982?",
        ),
        # A call after the request, naming a value of the data: no filter.
        (
            "The total medals of each nation. Game, set and match to Canada.",
            "The total medals of each nation.",
        ),
        ("Advantage Bergeron. The total votes for each candidate.", "The total votes for each candidate."),
        (
            "Players ready, please. Second serve. The average sepal width of each species.",
            "The average sepal width of each species.",
        ),
    ],
)
def test_the_calls_set_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    answer = planner.answer(question)
    assert chart_of(answer.plan) == chart_of(planner.plan(plain))
    assert answer.left_out == ()


def test_a_player_of_a_call_is_charted_only_where_the_request_names_them(planner: RulePlanner) -> None:
    plan = planner.plan("Game Coderre. Coderre's votes in each district.")
    assert filters_of(plan) == [("candidate", "eq", "Coderre")]
    assert plan.dimension == "district"


@pytest.mark.parametrize(
    "question",
    [
        "Deuce. The fastest serve of each player.",
        "Game, set and match. The umpire's score in each set.",
        "Quiet, please. The number of double faults on each day.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Let me see the average tip by day.",
        "Out of all continents, which had the highest life expectancy in 2007?",
        "Which day had the most tips? Leave Saturday out.",
        "I love the tips data: the average tip by sex.",
        "Set the limit to 5: the most populous countries in 2007.",
        "The second highest GDP per capita in Europe in 2002.",
        "Game nights are on Fridays. The total bill on Fridays.",
        "The advantage of smokers: the average tip of smokers and non-smokers.",
    ],
)
def test_text_without_the_umpire_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unumpire(text, semantic_model) == text
