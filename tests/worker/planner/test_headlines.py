"""Headline wordings spelt out (worker.planner.headlines)."""

from __future__ import annotations

from tests.worker.planner.plan_fields import filters_of
from worker.planner.headlines import unheadline
from worker.planner.rules import RulePlanner


def test_amounts_in_millions_and_verbs_of_exceeding() -> None:
    assert unheadline("population exceeded 100 million") == "population over 100000000"
    assert unheadline("gdp topped 1.5 billion") == "gdp over 1500000000"


def test_a_value_excluded_after_it() -> None:
    assert unheadline("by continent in 1987, Oceania excluded") == "by continent in 1987, excluding Oceania"


def test_headline_questions_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("The countries whose population exceeded 100 million in 2007")
    assert filters_of(plan) == [("pop", "gt", 100000000)]
    plan = planner.plan("Total economic output by continent in 1987, Oceania excluded")
    assert filters_of(plan) == [("continent", "ne", "Oceania")]
    assert planner.plan("wich country has the most people").dimension == "country"
