"""A satnav (worker.planner.satnav): its directions set nothing (distances, exits and minutes are no limit,
threshold or period, its left, right and west no wind direction), the driver's hand-over leaves the request,
what the request asks that the data lacks stays refused, and text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.satnav import unsatnav
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("In 500 yards, bear right. The median total bill on each day.", "The median total bill on each day"),
        (
            "At the next roundabout, take the 4th exit. The total votes of each candidate.",
            "The total votes of each candidate.",
        ),
        ("Recalculating route. Recalculating. The medals of each nation.", "The medals of each nation"),
        (
            "Continue for 6 miles. How many tables of 3 people were served at dinner?",
            "How many tables of 3 people were served at dinner?",
        ),
        (
            "Head north for 8 miles, then keep left. The wind frequency for each direction in the 0-1 band.",
            "The wind frequency for each direction in the 0-1 band.",
        ),
        (
            "In 2 miles, take the exit for Route 1977. Life expectancy for each continent in 1982.",
            "Life expectancy for each continent in 1982.",
        ),
        (
            "Turn left, then keep right for 3 miles. The total votes of each district.",
            "The total votes of each district.",
        ),
        (
            "Arriving in 20 minutes. The average sepal width of each species.",
            "The average sepal width of each species.",
        ),
    ],
)
def test_the_directions_set_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    answer, plain_answer = planner.answer(question), planner.answer(plain)
    assert request_of(answer.plan) == request_of(plain_answer.plan)
    assert period_of(answer.plan) == period_of(plain_answer.plan)
    # Taken off by the reader, not left out as context the answer has to own up to.
    assert answer.left_out == plain_answer.left_out


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Turn slightly left at the junction. The driver asks for a pie of the total bill by day.",
            "A pie of the total bill by day.",
        ),
        (
            "Make a U-turn when possible. Then show the passenger the 5 countries of Asia with the highest "
            "life expectancy in 1987.",
            "Show the 5 countries of Asia with the highest life expectancy in 1987.",
        ),
        (
            "You have reached your destination. The driver wants to see a histogram of petal length.",
            "A histogram of petal length.",
        ),
    ],
)
def test_the_driver_hands_over_the_request(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "question",
    [
        "In 100 metres, turn right. The driver asks for the toll paid on each motorway.",
        "Satellite signal lost. Tesla's share price in 2019, as a line.",
        "Keep left at the fork. The average tip by day, or the median, whichever the satnav likes.",
        "Continue straight ahead. Which nation is the best one to drive through?",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Which 5 countries in the west of Europe had the highest GDP in 2007?",
        "The wind frequency from the west, by strength band",
        "Did life expectancy turn upwards in Africa after 1992?",
        "Tips at the exit of lunch service: the average tip by day",
        "Our destination for the holidays: the average life expectancy in Asia in 2007",
        "The 3 countries within 500 miles of France with the largest population in 2007",
        "Keep the smokers out: the average tip by day",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unsatnav(text, semantic_model) == text
