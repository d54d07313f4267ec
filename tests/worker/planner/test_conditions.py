"""Numeric conditions on data kept in bands ("winds of 4 or more" keeps the strength bands wholly at or
above 4, not the frequencies of 4 or more) and on what a count counts ("how many african countries had a
life expectancy over 60" counts countries, it does not draw one line per country)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "bands"),
    [
        ("wind frequency by direction for winds of 4 or more", ["4-4", "4-5", "5-6", "6+"]),
        ("wind frequency by direction for winds of 5 or more", ["5-6", "6+"]),
        ("how often does the wind blow from each direction with speed above 4", ["4-5", "5-6", "6+"]),
        ("wind frequency by direction for winds below 2", ["0-1", "1-2"]),
    ],
)
def test_a_condition_on_banded_data_keeps_the_bands_on_its_side(
    planner: RulePlanner, question: str, bands: list[str]
) -> None:
    plan = planner.plan(question)
    assert filters_of(plan) == [("strength", "in", bands)]
    assert plan.dimension == "direction" and plan.series is None
    assert "for wind strength" in plan.title, "the title says which bands were kept"


def test_a_condition_on_a_measure_of_the_same_data_is_still_on_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan("wind directions with a frequency above 1")
    assert filters_of(plan) == [("frequency", "gt", 1)]


def test_how_many_of_a_named_group_counts_its_members(planner: RulePlanner) -> None:
    plan = planner.plan("how many african countries had a life expectancy over 60, year by year")
    assert measures_of(plan) == [("life_exp", "count")]
    assert plan.use_time and plan.series is None and plan.dimension is None
    assert filters_of(plan) == [("continent", "eq", "Africa"), ("life_exp", "gt", 60)]


def test_how_many_companies_over_time_is_one_line_of_counts(planner: RulePlanner) -> None:
    plan = planner.plan("how many companies were trading above 1.5 each week")
    assert measures_of(plan) == [("price", "count")]
    assert plan.use_time and plan.series is None
    assert filters_of(plan) == [("price", "gt", 1.5)]
