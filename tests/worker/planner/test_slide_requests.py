"""A product manager's slide requests (worker.planner.slide_requests): the framing and the presentation
wishes come off, the data request is left whole, and text that only looks like them is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.slide_requests import unslide
from worker.planner.voices import spell_out_voices
from worker.semantic import SemanticModel


def test_framing_comes_off() -> None:
    assert unslide("Exec summary slide: median tip by sex.") == "median tip by sex."
    assert unslide("For the Tuesday town hall I need one slide: votes by district") == "votes by district"
    assert unslide("Sales kickoff deck, one slide: GDP by continent") == "GDP by continent"
    assert unslide("For the donor briefing I need petal width per species") == "petal width per species"
    assert unslide("For the partner pitch I need tips by sex on one slide.") == "tips by sex."


def test_wishes_come_off() -> None:
    assert unslide("tip by day, keep it tidy, legend on the right") == "tip by day"
    assert unslide("votes per district with a bold title 'The race'.") == "votes per district."
    assert unslide("GDP by year, x-axis titled 'Year 1990'") == "GDP by year"
    assert unslide("sepal width by species, axis in mm, no frills please") == "sepal width by species"
    assert unslide("medals by nation, font size 24 for the titles") == "medals by nation"
    assert unslide("price by ticker, chunky bars, all in our brand colours") == "price by ticker"
    assert unslide("a scatter of tip against bill, bigger dots so the board can read it") == (
        "a scatter of tip against bill"
    )
    assert unslide("votes by district as a pie, percentages on the slices") == "votes by district as a pie"


def test_near_misses_are_unchanged() -> None:
    for text in (
        "Top 5 countries by GDP: for the slide",
        "For the investor update I need three slides: tips by day, and votes by district",
        "Life expectancy per continent for the keynote: 2007 only",
        "the Saturday bar in red, tip by day",
        "count of big parties by day",
        "a title for tip by day",
        "the largest countries by population",
    ):
        assert unslide(text) == text


@pytest.fixture
def slide_planner(semantic_model: SemanticModel, monkeypatch: pytest.MonkeyPatch) -> RulePlanner:
    """A planner that reads slide requests first, as voices.spell_out_voices is to."""
    monkeypatch.setattr(
        "worker.planner.rules.spell_out_voices",
        lambda text, model: spell_out_voices(unslide(text), model),
    )
    return RulePlanner(semantic_model)


def test_framing_sets_no_filter_or_limit(slide_planner: RulePlanner) -> None:
    plan = slide_planner.plan("Exec slide for the Sunday brunch review: average tip by sex, keep it clean.")
    assert (plan.dimension, filters_of(plan), plan.limit) == ("sex", [], None)
    plan = slide_planner.plan(
        "For the Europe roadshow I need life expectancy of France and Spain over time, title 'Top 2'."
    )
    assert filters_of(plan) == [("country", "in", ["France", "Spain"])]
    assert (plan.limit, plan.chart_type) == (None, "line")


def test_colours_for_named_values_stay_refused(slide_planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        slide_planner.plan("Board slide: tip by day, the Sunday bar in green and the rest grey.")
