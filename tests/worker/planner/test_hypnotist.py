"""A hypnotist's induction (worker.planner.hypnotist): hand-overs, countdowns, suggestions about memory and
the trance's sentences set nothing; the request's own numbers stay; what the request asks of the trance
stays refused; text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.hypnotist import unhypnotize
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Your eyelids are heavy... five, four, three... A histogram of the tip per person at dinner.",
            "A histogram of the tip per person at dinner.",
        ),
        (
            "When I snap my fingers three times, you will see the median bill per person on each day.",
            "The median bill per person on each day.",
        ),
        # The count of five is no limit; the request's 7 is.
        (
            "On the count of five you will feel refreshed. The 7 European countries with the lowest life "
            "expectancy in 1987.",
            "The 7 European countries with the lowest life expectancy in 1987.",
        ),
        # Silver forgotten is no exclusion and no filter.
        (
            "Deeper and deeper... You will forget the silver: the total medals of each nation, split by "
            "medal type.",
            "The total medals of each nation, split by medal type.",
        ),
        (
            "Look into my eyes. You are getting very sleepy. Microsoft's weekly share price in the first "
            "half of 2019.",
            "Microsoft's weekly share price in the first half of 2019.",
        ),
        # A candidate remembered counts only because the request names her again.
        (
            "When I snap my fingers you will remember Bergeron... Bergeron's votes in each district.",
            "Bergeron's votes in each district.",
        ),
        (
            "You feel so calm. You are drifting back to 1962... Now, the average sepal length of each "
            "species.",
            "The average sepal length of each species.",
        ),
    ],
)
def test_the_induction_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "question",
    [
        "When I snap my fingers, you will see how many heartbeats each diner had on each day.",
        "You are getting sleepy... the average tip per hypnotised guest by continent.",
        "On the count of three you will wake and see two charts: the median tip by day, and separately "
        "the votes of each candidate as a pie.",
        "Ten, nine, eight... Amazon's share price in 2021.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The three countries with the highest GDP per capita in 2007",
        "Remember the tips from Saturday? Show me their average by sex.",
        "The wind frequency for calm winds, by direction",
        "Which iris species has the widest petals? The one that catches the eyes.",
        "The total bill when the diners wake up late: lunch on Sunday",
        "Medals of one, two or three kinds by nation",
        # Counted, not a countdown.
        "the average tip for parties of one, two, three and four people",
        "Ten, nine, eight: the tables of those sizes, their average bill",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unhypnotize(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Ten, nine, eight... deeper... two... one. The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "When I snap my fingers twice, you will see the votes of each candidate.",
            "The votes of each candidate.",
        ),
        (
            "You will remember this graph when you wake: the medals of each nation.",
            "The medals of each nation.",
        ),
        (
            "Look into my eyes. One... two... three. The 4 tickers with the highest price.",
            "The 4 tickers with the highest price.",
        ),
    ],
)
def test_the_request_is_what_is_left(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unhypnotize(question, semantic_model) == plain
