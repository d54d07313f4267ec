"""A sports announcer's calls (worker.planner.sports_announcer): the crowd, the jersey numbers and a game's
quarters set nothing, "Back to you in the studio - but first," hands over, "the MVP day" is the top one,
and what the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.sports_announcer import unannounce
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("The crowd of 60,000 goes wild! The median tip on each day.", ("tip", "median"), "day"),
        ("Number 8 drives to the basket! The total votes of each candidate.", ("votes", "sum"), "candidate"),
        (
            "Back to you in the studio - but first, the average sepal width of each species.",
            ("sepal_width", "avg"),
            "species",
        ),
    ],
)
def test_the_calls_set_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert request_of(plan) == (
        [measure],
        dimension,
        [],
        None,
    )


def test_a_quarter_of_the_game_is_no_quarter_of_a_year(planner: RulePlanner) -> None:
    plan = planner.plan("The second quarter of the game is over! Microsoft's weekly share price in 2019.")
    assert period_of(plan) == ("2019", "2019") and filters_of(plan) == [("ticker", "eq", "MSFT")]


def test_the_mvp_of_a_ranking_is_its_top_one(planner: RulePlanner) -> None:
    plan = planner.plan(
        "At the buzzer! Which continent had the highest life expectancy in 2002? Just the MVP continent."
    )
    assert (plan.dimension, plan.limit) == ("continent", 1)


@pytest.mark.parametrize(
    "question",
    [
        "He shoots! He scores! The points each player scored, please.",
        "Next season's MVP: Tesla's share price.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text", ["The median tip by day, but first the smokers", "the top scores of each day"]
)
def test_text_without_the_game_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unannounce(text, semantic_model) == text
