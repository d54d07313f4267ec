"""A photographer at a shoot (worker.planner.photo_shoot): the settings, frames, poses, golden hour and
"from the left" set nothing, the lead-in between takes comes off; what the request asks of the shoot stays
refused, and text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.photo_shoot import unphoto_shoot
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Say cheese, everyone! Perfect. Between takes, the median tip for each party size.",
            "The median tip for each party size.",
        ),
        (
            "Try f/5.6 at 1/60 s, ISO 1600. Meanwhile: the total votes of each candidate.",
            "The total votes of each candidate.",
        ),
        (
            "Two more frames, then we reset the lights. For the annual report: the average GDP per capita of"
            " each continent in 1982.",
            "The average GDP per capita of each continent in 1982.",
        ),
        (
            "Grab the 35 mm lens and hold still. The average petal width of each species.",
            "The average petal width of each species.",
        ),
        (
            "Golden hour begins at 7:15, so relax. While I change batteries, the 3 richest countries"
            " in 1992.",
            "The 3 richest countries in 1992.",
        ),
        (
            "Everyone from the right, squeeze in! The wind frequency for each direction in the 2-3 band.",
            "The wind frequency for each direction in the 2-3 band.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert request_of(planner.plan(question)) == request_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Frame 12 of 24. In the meantime a pie of the silver medals of each nation.",
            "A pie of the silver medals of each nation.",
        ),
        (
            "Shoot at f/11 for depth. Amazon's weekly share price in 2018, as a line.",
            "Amazon's weekly share price in 2018, as a line.",
        ),
    ],
)
def test_the_chart_asked_is_kept(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "question",
    [
        "Say cheese! Meanwhile, how many rolls of film did each photographer use?",
        "Two more frames. The average tip in 2015 by day.",
        "Hold that pose! Which continent has the friendliest people?",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Life expectancy by ISO country code in 2007",
        "Votes per candidate, from the left of the ballot",
        "How many frames of data does the wind dataset hold?",
        "Petal length by species, through a wide lens",
        "When did Netflix's share price shoot up in 2018?",
        "The median tip, takes on Sunday only",
        "Which 1/4 of tables tipped the most?",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unphoto_shoot(text, semantic_model) == text


def test_the_lead_in_comes_off(semantic_model: SemanticModel) -> None:
    read = unphoto_shoot("Hold that pose... lovely. Between takes, the average tip by day.", semantic_model)
    assert read == "The average tip by day."
