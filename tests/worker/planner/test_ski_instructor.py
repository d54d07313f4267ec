"""A ski instructor on the slope (worker.planner.ski_instructor): a group's size and day, a run's turns, the
frost, the lifts' hours, a pass's price, the resort's year, the instructors' country and winter, a phone that
dies in the cold and a candidate's relative in the group set nothing; a lead-in on the chairlift and a
hand-over are the request's start; what the request asks that the data lacks stays refused, and for a reason
of the request's."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.ski_instructor import unski
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Skis parallel, knees bent, and don't lean back. The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "Snowplough, then parallel turns, beautiful! Now, GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "On the chairlift: the tip percentage of smokers on each day.",
            "The tip percentage of smokers on each day.",
        ),
        (
            "My camera battery died in the cold halfway down the piste. Amazon's weekly share price in 2019.",
            "Amazon's weekly share price in 2019.",
        ),
        (
            "Her brother is in my Wednesday class, a lovely kid. Joly's votes in each district.",
            "Joly's votes in each district.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unski(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The green run has 12 turns and a drag lift at the bottom. Which 3 continents had the highest"
            " life expectancy in 2007?",
            "Which 3 continents had the highest life expectancy in 2007?",
        ),
        (
            "Lift 4 shuts at 3 on Sundays, 8 dollars a ride. The average bill for each party size.",
            "The average bill for each party size.",
        ),
        (
            "Class of 9 beginners on Friday afternoon, all down from Montreal. The tip by sex, smokers only.",
            "The tip by sex, smokers only.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    answer = planner.answer(question)
    assert (chart_of(answer.plan), answer.left_out) == (chart_of(planner.plan(plain)), ())


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # The instructors' country named again by the request still filters; "that year" is the resort's.
        (
            "Most of my instructors fly in from Norway every winter. Norway's and Sweden's life expectancy"
            " over the survey years, one line each.",
            "Norway's and Sweden's life expectancy over the survey years, one line each.",
        ),
        (
            "This ski resort opened in 1972 with two rope tows. The population of each continent in that"
            " year.",
            "The population of each continent in 1972.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    ("question", "patter"),
    [
        ("Goggles down, chin up. How deep was the snow in each country in 2002?", "Goggles"),
        (
            "Pizza, then french fries. Chart the tip by day as bars and also a separate pie of the bill by"
            " sex.",
            "Pizza",
        ),
        ("Our instructors trained on this glacier. How many medals did Norway win?", "glacier"),
        ("A family from Lyon asked me this on the T-bar. Tips or bills by day, whichever you fancy.", "Lyon"),
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str, patter: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert patter not in str(refused.value)


@pytest.mark.parametrize(
    "text",
    [
        "A lift chart of the tips by day",
        "The slope of life expectancy against GDP per capita in 2007",
        "The Poles in the medal table: medals by nation",
        "As a last resort, the tips by day",
        "The Sunday group of tables: tip by party size",
        "Sales lift 3 percent in 2019: price by company",
    ],
)
def test_text_without_the_instructor_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unski(text, semantic_model) == text
