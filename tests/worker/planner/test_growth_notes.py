""" "Growth" of a measure is drawn as the measure over time (questions.yaml: "population growth in India
and China" is a line), and the chart says it computes no growth figure; a growth rate is still refused."""

from __future__ import annotations

import pytest

from worker.planner.describe import describe
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel


def test_growth_is_the_trend_with_a_note(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    answer = planner.answer("GDP per capita growth of Brazil since 1972")
    assert answer.plan.use_time and answer.plan.chart_type == "line"
    (note,) = answer.left_out
    assert note == (
        "\u201cgrowth\u201d: the chart shows GDP per capita over time; chartq does not compute growth "
        "(the change between periods)"
    )
    assert describe(answer.plan, semantic_model, answer.left_out).endswith(f"Left out: {note}.")


def test_how_a_measure_grew_is_answered_whole(planner: RulePlanner) -> None:
    assert planner.answer("how did the population of Nigeria grow since 1962").left_out == ()


@pytest.mark.parametrize("question", ["life expectancy growth rate in Peru", "yoy growth of apple's price"])
def test_a_growth_rate_is_still_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="rates of change"):
        planner.plan(question)
