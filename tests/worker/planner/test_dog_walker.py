"""A dog walker on the rounds (worker.planner.dog_walker): the dogs and leads counted, a dog's age, a walk's
fee and hours, a dog's country and year, a rosette's silver, a kitchen table and a lamppost's district set
nothing; a dog show shows no chart; a lead-in and a hand-over are the request's start; what the request asks
that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.dog_walker import unwalk
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Three spaniels and a whippet on leads before breakfast. The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "Fifteen dollars a walk, or 25 for the pair of them. The average bill for each party size at"
            " dinner.",
            "The average bill for each party size at dinner.",
        ),
        (
            "My Labrador came over from Canada in 1989. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "While the beagle sniffs the lamppost, the total tip by sex on Saturdays.",
            "The total tip by sex on Saturdays.",
        ),
        (
            "Between walks: the wind frequency of each direction in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "The schnauzer chewed up a 2016 newspaper. Right then, Amazon's weekly share price in 2019.",
            "Amazon's weekly share price in 2019.",
        ),
        (
            "The Jack Russell took a bronze rosette at the village show. How many silver medals did each"
            " nation win?",
            "How many silver medals did each nation win?",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unwalk(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Two collies from Japan, walks at 6 every morning. Which 4 continents had the highest life"
            " expectancy in 2007?",
            "Which 4 continents had the highest life expectancy in 2007?",
        ),
        (
            "The pug chewed the leg of the kitchen table on Sunday. How many tables of 3 or more people ate"
            " at lunch on each day?",
            "How many tables of 3 or more people ate at lunch on each day?",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


def test_that_year_is_the_year_the_walk_told(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Been walking the Hendersons' greyhound since 1967. The population of each continent in that year."
    )
    asked = planner.plan("The population of each continent in 1967.")
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Off the lead in the park. Chart the dogs each walker took out this month.",
        "The poodle's owner comes from Brazil. How many medals did Brazil win?",
        "Good boy, Rex! The tip by day and, separately, the bill by sex, as two charts.",
        "Got 4 dogs on leads. Mean or median tip by sex, pick one for me.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Walk me through a random walk of Apple's share price in 2018",
        "Which candidate leads in each district, and by how big a lead?",
        "The top dog among the nations, hot dogs aside: gold medals by nation",
        "Fetch the tips by day and stick to dinner",
        "A pointer to the data, the boxer's medals, the tail of the distribution: medals by type",
        "Barking up the wrong tree? The key, the lock, the window, a clean scale, a note in C: tips by day",
    ],
)
def test_text_without_the_dog_walker_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unwalk(text, semantic_model) == text
