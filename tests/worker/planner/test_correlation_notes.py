"""A question about how two measures relate is drawn as a scatter, and the word is accounted: the chart
says it computes no coefficient. Asking for the coefficient itself is refused, naming it."""

from __future__ import annotations

import pytest

from worker.planner.accounts import partial_message
from worker.planner.describe import describe
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("correlation of sepal length with petal length", "correlation"),
        ("is there a relationship between population and life expectancy in 1987", "relationship"),
        ("do total bill and tip correlate?", "correlate"),
    ],
)
def test_the_scatter_says_it_computes_no_coefficient(
    planner: RulePlanner, semantic_model: SemanticModel, question: str, word: str
) -> None:
    answer = planner.answer(question)
    assert answer.plan.chart_type == "scatter"
    (note,) = answer.left_out
    assert note.startswith(f"\u201c{word}\u201d") and "does not compute a correlation coefficient" in note
    assert "Left out: " in describe(answer.plan, semantic_model, answer.left_out)
    message = partial_message(answer.left_out)
    assert message is not None and "correlation coefficient" in message


def test_a_scatter_asked_plainly_has_no_note(planner: RulePlanner) -> None:
    assert planner.answer("scatter of sepal length against petal length").left_out == ()


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("the r value of tip against total bill", "r value"),
        ("coefficient for sepal width and sepal length", "coefficient"),
        ("give me the r-value between gdp per capita and life expectancy", "r-value"),
    ],
)
def test_the_coefficient_itself_is_refused_naming_it(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan(question)
    message = str(refusal.value)
    assert f"\u201c{named}\u201d" in message and "scatter" in message
