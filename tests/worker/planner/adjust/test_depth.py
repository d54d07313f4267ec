"""The adjustment grammar reads what the planner reads since issue #12: periods shorter than a year,
counts before a rank word, sum words, the extreme of each group and numeric conditions."""

from __future__ import annotations

import pytest

from worker.planner.adjust.apply import adjust
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "change", "start", "end"),
    [
        ("stock price of apple", "only the first half of 2019", "2019-01-01", "2019-06-30"),
        ("stock price of apple", "Q3 2018 instead", "2018-07-01", "2018-09-30"),
        ("stock price of apple", "April to June 2019", "2019-04-01", "2019-06-30"),
    ],
)
def test_periods_shorter_than_a_year(
    planner: RulePlanner, semantic_model: SemanticModel, question: str, change: str, start: str, end: str
) -> None:
    plan = adjust(planner.plan(question), change, semantic_model)
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (start, end)


def test_a_count_before_the_rank_word(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    plan = adjust(planner.plan("population by continent"), "show the five largest", semantic_model)
    assert plan.limit == 5 and plan.sort is not None and plan.sort.direction == "desc"


@pytest.mark.parametrize(("change", "agg"), [("add them up", "sum"), ("the highest of each", "max")])
def test_sum_words_and_the_extreme_of_each_group(
    planner: RulePlanner, semantic_model: SemanticModel, change: str, agg: str
) -> None:
    plan = adjust(planner.plan("average tip by day"), change, semantic_model)
    assert [m.agg for m in plan.measures] == [agg] and plan.limit is None and plan.dimension == "day"


def test_a_numeric_condition_replaces_the_one_on_its_column(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    plan = adjust(planner.plan("average tip by day"), "only parties of 3 or more", semantic_model)
    assert [(f.column, f.op, f.value) for f in plan.filters] == [("party_size", "gte", 3)]
    plan = adjust(plan, "tables of four instead", semantic_model)
    assert [(f.column, f.op, f.value) for f in plan.filters] == [("party_size", "eq", 4)]
    assert "party size 4" in plan.title
