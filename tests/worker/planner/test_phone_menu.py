"""An automated phone menu (worker.planner.phone_menu): the caller's own press is the request, the menu's
options are not, the prompts (caller number, wait time, recording notice) set nothing, and two presses or
none stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.phone_menu import unphone
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Thank you for calling. Press 1 for the median tip by day, press 2 for the total votes by "
            "candidate. I'm pressing 2.",
            ("votes", "sum"),
            "candidate",
        ),
        (
            "For the gold medals, press 4; for the silver, press 5. I pressed 5: the total medals of each "
            "nation.",
            ("medals", "sum"),
            "nation",
        ),
        (
            "You are caller number 9 in the queue. The average sepal width of each species.",
            ("sepal_width", "avg"),
            "species",
        ),
        ("Estimated wait time: 12 minutes. Meanwhile, the median tip on each day.", ("tip", "median"), "day"),
    ],
)
def test_the_callers_press_is_the_request(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert request_of(plan) == (
        [measure],
        dimension,
        [],
        None,
    )


@pytest.mark.parametrize(
    "question",
    [
        "Press 1 for the median tip by day, press 2 for the average tip by day. I'll let the menu decide.",
        "Press 1 for the tip by day, press 2 for the tip by sex. I pressed 1 and then 2.",
        "Press 1 for Tesla's weekly share price, press 2 for Apple's. I pressed 1.",
    ],
)
def test_no_one_press_of_something_the_data_holds_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize("text", ["The median tip by day, please hold the smokers", "press coverage of Joly"])
def test_text_without_the_menu_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unphone(text, semantic_model) == text
