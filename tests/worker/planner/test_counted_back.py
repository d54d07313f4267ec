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
