"""A flight director's countdown (worker.planner.mission_control): countdowns, station call-outs and
stage numbers are patter and never limits, years or values, "Stage one: ... Stage two: ..." build one
chart, "telemetry shows" is a claim, "abort" cancels what it names and nothing else, and what the data
cannot answer stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.mission_control import unlaunch
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "T-minus 30 and counting. Booster, the median tip for each party size. We are go.",
            "tip",
            "party_size",
        ),
        (
            "Capcom, this is Surgeon: the sepal width of each species. T-minus four, three, two, one.",
            "sepal_width",
            "species",
        ),
        (
            "Houston, we have a problem: the average total bill on each day. Main engine cutoff.",
            "total_bill",
            "day",
        ),
        ("5, 4, 3, 2, 1, liftoff! The votes for each candidate. Go for launch.", "votes", "candidate"),
    ],
)
def test_countdowns_and_call_outs_add_nothing(
    planner: RulePlanner, question: str, measure: str, dimension: str
) -> None:
    plan = planner.plan(question)
    assert (plan.measures[0].name, plan.dimension, plan.chart_type) == (measure, dimension, "bar")
    assert (filters_of(plan), plan.limit) == ([], None)


def test_a_countdown_number_is_no_limit_beside_the_request_s_own(planner: RulePlanner) -> None:
    plan = planner.plan("T-minus 8 seconds. Flight, FIDO: the 3 most populous Asian countries in 1997.")
    assert (plan.limit, plan.dimension, period_of(plan)) == (3, "country", ("1997", "1997"))


def test_launch_is_read_only_in_the_voice(planner: RulePlanner) -> None:
    plan = planner.plan("All stations, go/no-go for launch: the total tips at dinner by sex. Liftoff!")
    dinner = [("meal", "eq", "Dinner")]
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("tip", "sum")], "sex", dinner)
    lunch = planner.plan("The total tips at lunch by sex.")
    assert filters_of(lunch) == [("meal", "eq", "Lunch")]


def test_stages_refine_one_chart(planner: RulePlanner) -> None:
    plan = planner.plan("Stage one: the average tip by sex. Stage two: split it by smoker. Stage separation.")
    assert (measures_of(plan), plan.dimension, plan.series) == ([("tip", "avg")], "sex", "smoker")


def test_a_telemetry_claim_sets_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "EECOM, telemetry shows Europe lived longest in 1977. "
        "Verify with the life expectancy of each continent in 1977. Liftoff!"
    )
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("life_exp", "avg")], "continent", [])
    assert period_of(plan) == ("1977", "1977")


def test_a_value_on_the_pad_is_kept_where_the_request_points_back(planner: RulePlanner) -> None:
    plan = planner.plan("Google is on the launch pad. T-minus 20: its weekly share price in 2019 as a line.")
    assert (filters_of(plan), plan.chart_type) == ([("ticker", "eq", "GOOG")], "line")


def test_tracking_is_showing(planner: RulePlanner) -> None:
    plan = planner.plan("Lift-off! Track Brazil's GDP per capita over every survey, one line.")
    assert (filters_of(plan), plan.chart_type, plan.measures[0].name) == (
        [("country", "eq", "Brazil")],
        "line",
        "gdp_per_capita",
    )


def test_abort_cancels_a_chart_type_and_keeps_the_rest(planner: RulePlanner) -> None:
    plan = planner.plan("Abort the pie! The total medals of each nation, gold only. Over.")
    assert (plan.chart_type, plan.dimension, filters_of(plan)) == ("bar", "nation", [("medal", "eq", "Gold")])
    instead = planner.plan("Abort, abort - no line! Columns instead: the average tip by day.")
    assert (instead.chart_type, instead.dimension) == ("bar", "day")


def test_abort_takes_back_a_count(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Retro, show the 3 richest European countries in 1982. Abort the 3 - abort! - give me all of them, "
        "richest first."
    )
    assert plan.sort is not None
    assert (plan.limit, plan.sort.by, plan.sort.direction, filters_of(plan)) == (
        None,
        "gdp_per_capita",
        "desc",
        [("continent", "eq", "Europe")],
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Houston, the oxygen left in each tank, as bars. We are go.", "oxygen"),
        ("T-minus 5: Microsoft's weekly share price in 2021.", "2021"),
        ("Flight, the median tip by day... Abort, abort - cancel that chart. Standing down.", "cancel"),
        ("Guidance, telemetry shows a storm. The wind by direction at tomorrow's liftoff.", "tomorrow"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "Flight delays by airport over time",
        "which single day had the largest bills",
        "the tips at launch by day",
        "Stage one: the average tip by day. Stage two: split it by sex.",
    ],
)
def test_text_with_no_launch_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unlaunch(text, semantic_model) == text
