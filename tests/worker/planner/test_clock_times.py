"""A time of day on data without one (worker.planner.clock_times): refused naming the words and saying what
the data has; a range of party sizes ("between 2 and 4") is no time."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "The average tip for tables served between 2 and 4 in the afternoon.",
            "between 2 and 4 in the afternoon",
        ),
        ("the average bill from 6pm to 8pm", "from 6pm to 8pm"),
        ("how much did people tip after 9 p.m. on Saturdays?", "9 p.m."),
        ("the average tip at noon, by day", "at noon"),
        ("Apple's price at 9 o'clock each week of 2019", "9 o'clock"),
        # Was a filter of tips "between 12 and 1" dollars, read backwards: a wrong chart.
        ("What was the average bill between 12 and 1 at lunch?", "between 12 and 1 at lunch"),
    ],
)
def test_a_time_of_day_is_refused_by_name(planner: RulePlanner, question: str, said: str) -> None:
    """ "between 2 and 4 in the afternoon" was refused as a condition chartq could not place, asking for a
    measure the question had named."""
    with pytest.raises(UnchartableQuestion, match="no time of day") as refusal:
        planner.plan(question)
    assert said in str(refusal.value)


def test_sizes_and_meals_are_no_time_of_day(planner: RulePlanner) -> None:
    assert filters_of(planner.plan("the average tip for parties between 2 and 4")) == [
        ("party_size", "between", [2, 4])
    ]
    assert ("meal", "eq", "Dinner") in filters_of(planner.plan("the average tip at dinner, by day"))


def test_values_between_two_numbers_at_a_meal_stay_values(planner: RulePlanner) -> None:
    plan = planner.plan("Tips between 2 and 4 at dinner by day")
    assert ("meal", "eq", "Dinner") in filters_of(plan)
