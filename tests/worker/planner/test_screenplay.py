"""A request written as a scene of a screenplay (worker.planner.screenplay): the requesting character's line
is charted, the heading, stage directions, parentheticals and transitions are context, the place and the
speaker come back only where the line points back to them, and competing charts stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.screenplay import unscreenplay
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "INT. SPORTS BAR - NIGHT\n[A television flickers.]\nBARTENDER: (wiping glasses) The average tip "
        "by day of the week, as bars.\nSMASH CUT TO:",
        "EXT. PARKING LOT - MORNING\nVALET: Average tip for each day. Bars.\nFADE OUT.",
        "[Lights up on a cafe.]\nBARISTA: (yawning) Show the mean tip by day, as bars.",
        "BUSBOY: (beat) The average tip by day, as a bar chart.",
    ],
)
def test_the_line_that_asks_is_charted_without_its_scene(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.chart_type) == (
        "tips",
        [("tip", "avg")],
        "day",
        "bar",
    )
    assert filters_of(plan) == []


def test_a_night_scene_sets_no_meal_and_a_dawn_no_period(planner: RulePlanner) -> None:
    plan = planner.plan("INT. BISTRO - LATE NIGHT\nOWNER: Total bill by party size, largest first.")
    assert (plan.dimension, filters_of(plan)) == ("party_size", [])


def test_here_in_this_district_is_the_headings_place(planner: RulePlanner) -> None:
    plan = planner.plan(
        "EXT. MILE-END PARK - DAY\nCANVASSER: (to a voter) Votes for each candidate right here in this "
        "district, highest first."
    )
    assert (plan.dataset, plan.dimension) == ("election", "candidate")
    assert filters_of(plan) == [("district", "eq", "111-Mile-End")]


def test_a_place_pointed_back_to_that_the_data_lacks_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="Atlantis"):
        planner.plan("EXT. ATLANTIS DOCKS - DAY\nMAYOR: (proudly) Votes in this district by candidate.")


def test_the_speakers_i_and_my_are_the_speakers_name(planner: RulePlanner) -> None:
    plan = planner.plan(
        "INT. VICTORY PARTY - NIGHT\nBERGERON: (raising a glass) My votes in each district I won."
    )
    assert plan.dimension == "district"
    assert sorted(filters_of(plan)) == [("candidate", "eq", "Bergeron"), ("winner", "eq", "Bergeron")]


def test_a_second_characters_order_and_chart_type_refine_the_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "INT. NEWSROOM - DAY\nEDITOR: Population by continent in 2002.\nREPORTER: (typing) Biggest first."
        "\nINTERN: As a pie, please."
    )
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("gapminder", "continent", "pie")
    assert plan.sort is not None and plan.sort.by == "pop"


def test_a_suggestion_counts_only_when_the_asker_takes_it_up(planner: RulePlanner) -> None:
    asked = "INT. LAB - DAY\nDOCTOR: Average petal width by species.\nNURSE: As a pie?"
    assert planner.plan(asked).chart_type == "bar"
    assert planner.plan(asked + "\nDOCTOR: As a pie.").chart_type == "pie"
    assert planner.plan(asked + "\nDOCTOR: No. Bars.").chart_type == "bar"


def test_an_acknowledgement_adds_nothing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "INT. BANK - DAY\nBANKER: Apple's weekly share price in 2019.\nCLERK: (beat) Right away."
    )
    assert (plan.use_time, filters_of(plan)) == (True, [("ticker", "eq", "AAPL")])


@pytest.mark.parametrize(
    "question",
    [
        "INT. BAR - NIGHT\nCOACH: Medals by nation, as bars.\nPLAYER: No - the tips by day, as a pie.",
        "INT. BAR - NIGHT\n[A phone rings.]\nCOACH: Medals by nation.\nPLAYER: (shouting) Tip by sex.",
    ],
)
def test_two_characters_asking_for_two_charts_are_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="Two characters"):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "INT. HOSPITAL - NIGHT\nNURSE: (sadly) Chart how lonely the waiters felt each day.",
        "EXT. BEACH - DAY\nSURFER: (squinting) The wind frequency by direction next Tuesday at noon.",
        "INT. GALLERY - DAY\n[She points at a painting.]\nCURATOR: That one. Draw that one again.",
    ],
)
def test_what_the_scene_or_a_forecast_holds_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day, as bars.",
        "NOTE: average tip by day",
        "Show GDP per capita (in dollars) by continent in 2007.",
        "Votes for Joly in each district she won, as bars.",
    ],
)
def test_text_not_written_as_a_screenplay_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unscreenplay(text, semantic_model) == text
