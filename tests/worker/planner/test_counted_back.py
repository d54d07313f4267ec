"""A count that points back at the values named (worker.planner.counted_back): "those two species" after
two species were named is those two; a count that is not the number named stays and is refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.counted_back import uncount_back
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        (
            "Versicolor and virginica: the average sepal width of those two species",
            ("species", "in", ["versicolor", "virginica"]),
        ),
        (
            "Canada and Mexico: life expectancy since 1967 of those two countries, one line each",
            ("country", "in", ["Canada", "Mexico"]),
        ),
        (
            "Apple, Google and Amazon: the average price of these three companies in 2018",
            ("ticker", "in", ["AAPL", "GOOG", "AMZN"]),
        ),
    ],
)
def test_a_count_of_the_values_named_points_back_at_them(
    planner: RulePlanner, question: str, kept: tuple[str, str, object]
) -> None:
    assert filters_of(planner.plan(question)) == [kept]


def test_a_count_that_is_not_the_number_named_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="three"):
        planner.plan("Sunday and Saturday: the average tip on those three days")


def test_a_count_with_nothing_named_is_left_alone(semantic_model: SemanticModel) -> None:
    text = "the average tip on those two days"
    assert uncount_back(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "chart_type"),
    [
        ("Apple and Amazon weekly price in 2018, two lines", "line"),
        ("average tip on Friday and Saturday, two bars", "bar"),
    ],
)
def test_as_many_lines_or_bars_as_values_named_is_one_each(
    planner: RulePlanner, question: str, chart_type: str
) -> None:
    plan = planner.plan(question)
    assert plan.chart_type == chart_type and len(filters_of(plan)) == 1
    assert len(filters_of(plan)[0][2]) == 2  # type: ignore[arg-type]


def test_more_lines_than_values_named_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="two"):
        planner.plan("Apple weekly price in 2018, two lines")


def test_a_count_of_bars_that_is_not_the_charts_form_is_left_alone(semantic_model: SemanticModel) -> None:
    text = "The tip percentage for smokers and non-smokers. Two bars is fine."
    assert uncount_back(text, semantic_model) == text
