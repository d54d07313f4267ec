"""A game show host's patter (worker.planner.game_show): the host's lines, contestants, prizes, lifelines,
surveys and the board set nothing, a hand-over ("For the grand prize:", "contestant number four wants")
introduces the request, and what the data cannot answer (the show's own prize money, two charts, a choice
left to the audience, a year or company the data lacks) stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, filters_of, measures_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.game_show import ungame_show
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "Welcome back to Chart or No Chart, episode 2003! Contestant number seven, for the grand prize: the "
        "median tip on each day.",
        "Survey says! We asked 200 diners on Saturday. The number one answer: the median tip on each day.",
        "The top three answers on the board are in! Contestant number 4, for 8,000 dollars: the median tip "
        "on each day.",
        "Is that your final answer? The median tip on each day. Contestant number six, you have 15 seconds!",
        "Lifeline time - phone a friend or 50:50! Your question: the median tip on each day.",
        "Stay tuned, we'll be right back after the break - but first, contestant number five wants the "
        "median tip on each day.",
    ],
)
def test_the_hosts_patter_sets_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert chart_of(plan) == (
        [("tip", "median")],
        "day",
        "bar",
        [],
        None,
    )


@pytest.mark.parametrize(
    "question",
    [
        "Welcome back to Chart or No Chart, episode 1962! Tonight's category: the average life expectancy of "
        "each continent in 1982.",
        "Survey says... we asked 100 diners in Europe. The top answer: the average life expectancy of each "
        "continent in 1982.",
        "For 1,952 dollars: the average life expectancy of each continent in 1982. Is that your final "
        "answer?",
    ],
)
def test_an_episode_prize_or_survey_sets_no_year_or_value(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), period_of(plan)) == (
        [("life_exp", "avg")],
        "continent",
        [],
        ("1982", "1982"),
    )


def test_the_answers_on_the_board_are_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "The top five answers on the board are in! Contestant number one: the 3 most populous countries of "
        "Africa in 1997. Let's see if it's the right answer!"
    )
    assert request_of(plan) == (
        [("pop", "sum")],
        "country",
        [("continent", "eq", "Africa")],
        3,
    )


def test_a_prize_is_no_threshold_on_money(planner: RulePlanner) -> None:
    plan = planner.plan("Contestant number two, for 50 dollars: a histogram of the total bill.")
    assert (measures_of(plan), plan.chart_type, filters_of(plan)) == (
        [("total_bill", "none")],
        "histogram",
        [],
    )


def test_a_contestant_who_wants_asks_for_the_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Don't go away - after the break, contestant number three wants a pie of the total votes for each "
        "candidate."
    )
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("votes", "sum")], "candidate", "pie")


def test_two_charts_are_refused_as_two(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="one chart per question"):
        planner.plan(
            "For the grand prize: the median tip by day, and as a second chart the life expectancy by "
            "continent. Is that your final answer?"
        )


@pytest.mark.parametrize(
    ("question", "why"),
    [
        (
            "50:50! The sepal width or the petal width of each species - whichever the audience picks!",
            "choice",
        ),
        ("Phone a friend! The median or the average tip by day, whichever my friend prefers.", "choice"),
        ("Welcome back to Chart or No Chart! Chart the prize money won in each episode.", "prize money"),
        ("Game show time! Contestant number 3: the number of lifelines each contestant used.", "lifelines"),
    ],
)
def test_a_choice_left_open_or_the_shows_own_things_are_refused_here(
    planner: RulePlanner, question: str, why: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=why):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "Welcome back to Chart or No Chart! Chart the prize money won in each episode.",
        "50:50! The sepal width or the petal width of each species - whichever the audience picks!",
        "Survey says... the population of each continent in 2015! Let's see if it's the right answer!",
        "Contestant number one, for 64,000 dollars: Tesla's share price through 2019.",
        "Don't go away, we'll be right back after the break: the votes for each candidate during the "
        "commercial break.",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_an_ordinary_top_five_is_still_a_limit(planner: RulePlanner) -> None:
    plan = planner.plan("The top five countries by population in 2007.")
    assert (plan.dimension, plan.limit) == ("country", 5)


@pytest.mark.parametrize(
    "question",
    [
        "The top five countries by population in 2007.",
        "The average tip for bills of 50 dollars or more, by day.",
        "Welcome! Show me the average tip by day.",
        "The number of tables for each party size, as bars on the board.",
        "For 10 points: which day had the highest total bill?",
    ],
)
def test_a_question_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert ungame_show(question, semantic_model) == question
