"""An accessibility-minded user's wishes (worker.planner.accessibility): colour-blind palettes, high
contrast, large labels, alt text and the like name no value, period, limit or series, so the chart is the
one the rest of the question names; a request for something other than a chart stays refused, saying so."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.accessibility import unaccessible
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("Colour-blind-safe colours please: total votes by candidate.", ("votes", "sum"), "candidate"),
        (
            "High contrast chart with big fonts: average petal width per species.",
            ("petal_width", "avg"),
            "species",
        ),
        ("For my colour-blind boss: medals by nation.", ("medals", "sum"), "nation"),
        ("No red/green please, high contrast: average tip by meal.", ("tip", "avg"), "meal"),
        ("Color-blind-friendly pie of medals by type for China.", ("medals", "sum"), "medal"),
        (
            "For a colour-blind reader, keep it simple: average sepal length per species.",
            ("sepal_length", "avg"),
            "species",
        ),
    ],
)
def test_the_wish_is_set_aside_and_the_chart_planned(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == ([measure], dimension)


def test_values_named_after_the_wish_are_kept(planner: RulePlanner) -> None:
    plan = planner.plan("High contrast, no colour coding needed: average tip by day for smokers.")
    assert filters_of(plan) == [("smoker", "eq", "Yes")]


def test_a_wish_the_context_reader_sets_aside_is_named(planner: RulePlanner) -> None:
    answer = planner.answer("Patterns instead of colours: average tip by day.")
    assert answer.plan.dimension == "day"
    assert any("Patterns instead of colours" in note for note in answer.left_out)


@pytest.mark.parametrize(
    ("question", "what"),
    [
        ("Just give me a plain text list of votes by district.", "a text table or list"),
        ("Export the tips data as an Excel file.", "a file export"),
        ("Can you read the average tip by day aloud?", "audio"),
        ("Sonify Netflix's price in 2019.", "audio"),
    ],
)
def test_something_other_than_a_chart_is_refused_saying_so(
    planner: RulePlanner, question: str, what: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert f"cannot give {what}" in str(refused.value)
    assert "Try e.g." in str(refused.value)


def test_what_the_data_lacks_stays_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan("Large labels please: sepal colour by species.")
    assert "sepal" in str(refused.value).lower()


def test_text_with_no_wish_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "Tip by day",
        "Keep it to 5 bars: the 5 most populous countries in 2007",
        "medals by colour",
    ):
        assert unaccessible(text, semantic_model) == text
