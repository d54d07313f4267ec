"""A radio DJ on air (worker.planner.radio_dj): the station, its frequency, the songs played with their years
and chart places, the time and day on air and the callers' names and towns set nothing, the hand-over leaves
the listener's request, what the request asks that the data lacks stays refused, and text without the voice
is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.radio_dj import unradio_dj
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "You're listening to Beat FM 101.2! Our request line is buzzing, and Tom in Hull wants the "
            "median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "That was Heart of Glass by Blondie, number 1 in 1979. Next caller on the request line: the "
            "total votes of each candidate.",
            "The total votes of each candidate.",
        ),
        (
            "It's 6:20 on a Wednesday evening on Beat FM. A nurse on the request line asks for the average "
            "life expectancy of each continent in 1992.",
            "The average life expectancy of each continent in 1992.",
        ),
        (
            "Top 40 countdown on Beat FM! A caller wants the average total bill for smokers and non-smokers.",
            "The average total bill for smokers and non-smokers.",
        ),
        (
            "That was Silver Lining by Rilo Kiley! This one goes out to Aiko in Osaka: the gold medals of "
            "each nation.",
            "The gold medals of each nation.",
        ),
        (
            "Number 1 for nine weeks in 1984 - what a tune. And now a request from Luis in Lima for the 4 "
            "richest countries of Europe in 2002.",
            "The 4 richest countries of Europe in 2002.",
        ),
        (
            "Coming up next: the news at 9. A listener in Halifax called the request line for China's medals "
            "by type.",
            "China's medals by type.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    answer, plain_answer = planner.answer(question), planner.answer(plain)
    assert request_of(answer.plan) == request_of(plain_answer.plan)
    assert period_of(answer.plan) == period_of(plain_answer.plan)


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Beat FM 101.2, the biggest hits all night! Gemma from Cork asked for a scatter of sepal length "
            "against petal length, coloured by species.",
            "A scatter of sepal length against petal length, coloured by species.",
        ),
        (
            "It's 11:05 on a Thursday night. This request goes out to the late shift: the total wind "
            "frequency of each strength band, as a pie.",
            "The total wind frequency of each strength band, as a pie.",
        ),
        (
            "Coming up after the weather: a listener on the request line asks: which 3 districts gave "
            "Coderre the most votes?",
            "Which 3 districts gave Coderre the most votes?",
        ),
    ],
)
def test_the_hand_over_leaves_the_request(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "question",
    [
        "You're listening to Beat FM 101.2! A caller wants the number of requests each song got this month.",
        "That was Vogue by Madonna. Our request line wants Tesla's share price across 2019.",
        "This one goes out to Nadia in Paris: France's medals by type.",
        "Top 40 countdown time! A listener asks for the tip by day as bars and, as a separate chart, the "
        "votes by candidate as a pie.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Which nation was number 1 for gold medals?",
        "Show me the top 40 countries by population in 2007",
        "The average tip on Sundays, as requested by my manager",
        "How many tables of 4 were served on a Tuesday?",
        "Life expectancy in 1976 for each continent",
        "The share of the bill that goes out to the waiter as a tip, by day",
        "That was quick. Now the total bill by day, please.",
        "The median price of each company: the request of the board",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unradio_dj(text, semantic_model) == text
