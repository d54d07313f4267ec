"""Compass words spelt as the wind data names its directions (worker.planner.compass)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import measures_of
from worker.planner.compass import uncompass
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("north-westerly winds", "northwest winds"),
        ("a southerly wind", "a south wind"),
        ("the N direction only", "the direction N only"),
        ("the \u201cNNE\u201d direction", "the direction NNE"),
        # "due" says exactly that direction.
        ("winds from due east", "winds from east"),
        ("due south-west", "southwest"),
        ("delays due to weather", "delays due to weather"),
        # A lower-case letter is a word, not a code.
        ("the e direction", "the e direction"),
    ],
)
def test_compass_words_are_the_data_s_codes(said: str, read: str) -> None:
    assert uncompass(said) == read


def test_a_code_before_direction_filters_on_it(planner: RulePlanner) -> None:
    plan = planner.plan("Wind frequency by strength for the \u201cN\u201d direction only")
    assert measures_of(plan) == [("frequency", "sum")] and plan.dimension == "strength"
    assert [(f.column, f.op, f.value) for f in plan.filters] == [("direction", "eq", "N")]
