"""A football referee (worker.planner.referee): calls, shirt numbers, scores, minutes, the stands and the
teams' homes set nothing; a hand-over opens the request; what the request asks of the match stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.referee import unreferee
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Free kick, number 11! Play on. The median tip for each party size.",
            "The median tip for each party size.",
        ),
        ("Play on, the average total bill for each day.", "The average total bill for each day."),
        (
            "Red card to the away side! Second yellow for number 3. The total votes of each candidate.",
            "The total votes of each candidate.",
        ),
        (
            "3-0 at full-time and the south stand is singing. Count the tables of 4 diners on each day.",
            "Count the tables of 4 diners on each day.",
        ),
        (
            "Throw-in on the right wing, 5 minutes of stoppage time. Anyway, Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "The visiting team came over from Mexico. The 3 most populous countries of Europe in 1987.",
            "The 3 most populous countries of Europe in 1987.",
        ),
        (
            "Goal kick! The wind is blowing from the east at kick-off. The wind frequency of each direction"
            " in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "The linesman flagged it at 60 minutes. A histogram of petal width.",
            "A histogram of petal width.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Handball at 77 minutes! Germany's GDP per capita since 1967, as a line.",
            "Germany's GDP per capita since 1967, as a line.",
        ),
        (
            "Booked at 12 minutes, then sent off. Apple's weekly share price in the second quarter of 2019.",
            "Apple's weekly share price in the second quarter of 2019.",
        ),
        # The request names its year and band again: they count there, not in the patter.
        (
            "VAR is reviewing the goal from 1994, 2-2 to the home team. The average life expectancy of each"
            " continent in 1992.",
            "The average life expectancy of each continent in 1992.",
        ),
    ],
)
def test_years_and_numbers_count_only_in_the_request(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("Offside! Right - the total tip by sex.", "The total tip by sex."),
        ("Penalty to the home side. Now then: the votes per district.", "The votes per district."),
    ],
)
def test_calls_and_hand_overs_come_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unreferee(question, semantic_model) == plain


@pytest.mark.parametrize(
    "question",
    [
        "Red card, number 9! Chart the red cards each team was shown this season.",
        "Half-time whistle. Show the average or the median total bill by day, whichever the fourth official"
        " prefers.",
        "Play on! Two charts: the tip by day as a pie, and separately the medals by nation as bars.",
        "Corner from the left, 1-0 to the away team. Google's weekly share price in 2023.",
        "The away side flew in from Italy. Italy's Olympic medals by type.",
        "Full-time whistle. The wind at kick-off yesterday, by direction.",
        "Penalty! Which is the best continent? Just the top one.",
        "Yellow card at 30 minutes. The average total bill per day in pounds.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip of the red-haired diners",
        "The 1-2 band's frequency by direction",
        "Count the weeks each company spent under its 2018 price, away from its peak",
        "Which corner of the world had the highest life expectancy in 2007?",
        "Medals by type for the home countries",
        "Show the votes by district",
        "The penalty for smoking: average tip by smoker",
        "Play the tips by day",
        # Football words other voices borrow: a starship's away team, an announcer's kick-off.
        "Number One, the away team of 5 beamed down: the total bill by day",
        "Before the kick-off, the wind frequency by direction in the 6+ band",
    ],
)
def test_text_without_the_referee_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unreferee(text, semantic_model) == text
