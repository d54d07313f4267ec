"""A personal trainer (worker.planner.personal_trainer): the sets, reps, seconds, calories and "Drop and give
me N" set nothing and the hand-overs come off; what the request asks that the data lacks stays refused; text
without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.personal_trainer import untrain
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("trained", "plain"),
    [
        (
            "Four sets of 10 reps! Between sets the client asks for the median total bill for each meal.",
            "The median total bill for each meal.",
        ),
        (
            "Drop and give me 15 squats! Then tell me: the total tip on each day, non-smokers only.",
            "The total tip on each day, non-smokers only.",
        ),
        (
            "Hold the plank for 45 seconds. The client's question: the average GDP per capita of each "
            "continent in 1977.",
            "The average GDP per capita of each continent in 1977.",
        ),
        (
            "Rest 60 seconds between sets. The client wants each species' average petal length.",
            "Each species' average petal length.",
        ),
        (
            "Drop and give me 30 burpees! Then: the total votes of each candidate, leaving out Joly.",
            "The total votes of each candidate, leaving out Joly.",
        ),
        (
            "You burned 300 calories, champ! The client asks for the 5 most populous countries in 1982.",
            "The 5 most populous countries in 1982.",
        ),
        ("Last rep, push! Hydrate! The median tip on each day.", "The median tip on each day."),
        (
            "Drop and give me 10! While you're down there: the average share price of each company in 2018.",
            "The average share price of each company in 2018.",
        ),
    ],
)
def test_the_calls_set_nothing(planner: RulePlanner, trained: str, plain: str) -> None:
    assert chart_of(planner.plan(trained)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Two sets of 20 reps. Meanwhile, the tips by day.", "The tips by day."),
        ("Drop and give me 25 push-ups! Then the medals by nation.", "The medals by nation."),
        ("Rest 30 seconds - the votes by candidate.", "The votes by candidate."),
    ],
)
def test_the_request_is_what_is_left(semantic_model: SemanticModel, text: str, read: str) -> None:
    assert untrain(text, semantic_model) == read


@pytest.mark.parametrize(
    "question",
    [
        "Hydrate! How many calories did each client burn on each day?",
        "Five sets of 8 reps. The client wants the average heart rate of each diner.",
        "Rest 30 seconds. The client wants MSFT's weekly share price in 2021.",
        "Three sets of 10 reps! Then two charts: a pie of tips by day, and also, as a second chart, the "
        "total votes per candidate.",
        "Last rep, push! The mean or the median total bill by day, whichever burns more calories.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "Drop the tips table.",
        "Drop the smokers and show the total bill by day.",
        "The rest of Asia's population in 2007 by country.",
        "Push the last 3 days to the end: the tips by day.",
        "Sets of the tips by meal.",
        "The client wants the total bill by day.",
        "The average tip on the last day of the week, in calories?",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert untrain(question, semantic_model) == question


def test_a_data_change_is_still_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="does not run commands"):
        planner.plan("Drop the tips table.")
