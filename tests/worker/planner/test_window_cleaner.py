"""A window cleaner on the round (worker.planner.window_cleaner): the windows, storeys, panes, ladders and
houses counted, the fee a house, the round's days, the gold lettering on the glass and the weather's
quarter set nothing; a customer wanting the windows done and the round planned around the answer ask
nothing; a lead-in and a "that year" are the request's; what the request asks that the data lacks stays
refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.window_cleaner import unwindow
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Squeegee in one hand, bucket in the other. The median tip for each party size.",
            "The median tip for each party size.",
        ),
        (
            "The Friday round takes me till 4 - 12 dollars a house. Google's share price in 2018.",
            "Google's share price in 2018.",
        ),
        (
            "Between houses: the lowest life expectancy in each continent in 1977.",
            "The lowest life expectancy in each continent in 1977.",
        ),
        (
            "The vicar wants his windows done by Sunday. The average bill by day.",
            "The average bill by day.",
        ),
        (
            "Which day has the biggest tips? I'd like to plan my round around it.",
            "Which day has the biggest tips?",
        ),
        (
            "I got my first ladder back in 1982, a sash window job. The population of each continent in"
            " that year.",
            "The population of each continent in 1982.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unwindow(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Eight storeys, 200 panes of glass, done by Friday. How many tables of 4 at dinner on each day?",
            "How many tables of 4 at dinner on each day?",
        ),
        (
            "Rain blowing in from the south-west, so the squeegee stays in the van. Wind frequency from the"
            " east, by strength.",
            "Wind frequency from the east, by strength.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (chart_of(plan), period_of(plan)) == (chart_of(asked), period_of(asked))


def test_a_plain_question_is_unchanged(semantic_model: SemanticModel) -> None:
    question = "How many windows of time had Apple's price above 150? The first round of the vote too."
    assert unwindow(question, semantic_model) == question


@pytest.mark.parametrize(
    "question",
    [
        "Squeegee at the ready. How many windows did each cleaner do per street? One bar per cleaner.",
        "My round started in 2012, the year I bought my ladder. Life expectancy of each continent that year.",
        "The cafe windows are done before they serve brunch. The average bill at brunch, by day.",
        "Forty windows on the hotel, both sides. The average or the median tip by day, whichever you think.",
        "A squeegee never lies. Which continent has the grimiest windows?",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "A rolling window of 4 weeks: Apple's share price in 2019",
        "Round the tip to 2 places, by day",
        "A histogram of tips with 10 buckets",
        "The top of the league ladder: medals by nation",
        "Split 2019 into four windows: Netflix's share price",
        "The key, the lock and the scale: the tip by day",
    ],
)
def test_text_without_the_window_cleaner_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unwindow(text, semantic_model) == text
