"""Two measures, each with its own aggregation (worker.planner.own_aggregations): "the median tip and the
average total bill by day" charts each with its own, and says so in its title and description; one word
for both, or two words for one measure, read as before."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.worker.conftest import CsvRows
from tests.worker.planner.plan_fields import measures_of
from worker.extraction import run_query
from worker.planner.describe import describe
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measures", "title"),
    [
        (
            "the median tip and the average total bill by day",
            [("tip", "median"), ("total_bill", "avg")],
            "Median tip and average total bill by day",
        ),
        (
            "mean petal length and maximum petal width for each species",
            [("petal_length", "avg"), ("petal_width", "max")],
            "Average petal length and maximum petal width by species",
        ),
    ],
)
def test_each_measure_keeps_its_own_aggregation(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], title: str
) -> None:
    # Was refused as "two levels of aggregation (the average of several medians of tip)".
    plan = planner.plan(question)
    assert measures_of(plan) == measures
    assert plan.title == title


def test_the_description_names_each_aggregation(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    plan = planner.plan("the total tip and the average total bill for each party size")
    assert describe(plan, semantic_model).startswith("Total tip and average total bill per party size")


def test_one_word_for_both_and_two_words_for_one_read_as_before(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("average tip and total bill by day")) == [
        ("tip", "avg"),
        ("total_bill", "avg"),
    ]
    with pytest.raises(UnchartableQuestion, match="one aggregation of a measure at a time"):
        planner.plan("the median tip and the mean tip by day")
    # The second measure in a clause of its own is a condition on groups: two levels, as before.
    with pytest.raises(UnchartableQuestion, match="two levels"):
        planner.plan(
            "Average life expectancy of the continents whose total population in 2007 exceeded 1 billion"
        )


async def test_the_values_are_each_aggregation_of_the_rows(
    warehouse: AsyncEngine,
    planner: RulePlanner,
    semantic_model: SemanticModel,
    read_csv: Callable[[str], CsvRows],
) -> None:
    tips: dict[str, list[float]] = defaultdict(list)
    bills: dict[str, list[float]] = defaultdict(list)
    for r in read_csv("tips"):
        tips[r["day"]].append(float(r["tip"]))
        bills[r["day"]].append(float(r["total_bill"]))
    plan = planner.plan("the median tip and the average total bill by day")
    result = await run_query(warehouse, plan, semantic_model)
    assert {day: (tip, bill) for day, tip, bill in result.rows} == {
        day: (pytest.approx(statistics.median(tips[day])), pytest.approx(statistics.mean(bills[day])))
        for day in tips
    }
