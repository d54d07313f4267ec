"""A starship captain's log (worker.planner.captains_log): the heading's stardate is no year, "Number One"
is an address and no ranking, warp factors, decks and away teams set nothing, "On screen:" and "Our science
officer requests" hand over the request; what the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.captains_log import unlog
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Captain's log, stardate 1999.8. The crew has been restless on Deck 7 for days. Number One, put "
            "the median tip of each meal on the main viewer.",
            ("tip", "median"),
            "meal",
        ),
        (
            "Captain's log, supplemental. Warp factor 8 puts us two days early, so: the total votes of each "
            "candidate. Make it so!",
            ("votes", "sum"),
            "candidate",
        ),
        (
            "The Romulans are scanning us; ignore them. Number One: the average sepal width of each species.",
            ("sepal_width", "avg"),
            "species",
        ),
        (
            "Red alert! The away team of 3 has beamed up. On screen: the total wind frequency for each "
            "direction.",
            ("frequency", "sum"),
            "direction",
        ),
        (
            "Captain's log, stardate 2003.1. Our chief engineer requests the total medals of each nation.",
            ("medals", "sum"),
            "nation",
        ),
    ],
)
def test_the_log_sets_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), plan.limit, period_of(plan)) == (
        [measure],
        dimension,
        [],
        None,
        None,
    )


def test_number_one_is_an_address_and_no_ranking(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Engage! Number One, how many tables of each party size were there on Sundays? Sizes in order."
    )
    assert (plan.dimension, filters_of(plan), plan.sort, plan.limit) == (
        "party_size",
        [("day", "eq", "Sun")],
        None,
        None,
    )


def test_the_stardate_is_no_year(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Captain's log, stardate 1967.4. We have entered the Delta Quadrant. On screen: the average GDP per "
        "capita of each continent in 1982."
    )
    assert period_of(plan) == ("1982", "1982")


def test_a_scene_keeps_the_values_the_request_points_back_to(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Number One, the away team of 5 has been trading Google and Amazon. Their weekly share prices in "
        "2018, one line each."
    )
    [(column, op, tickers)] = filters_of(plan)
    assert (column, op, set(tickers), plan.series, plan.chart_type) == (  # type: ignore[call-overload]
        "ticker",
        "in",
        {"GOOG", "AMZN"},
        "ticker",
        "line",
    )


@pytest.mark.parametrize(
    "question",
    [
        "Captain's log, stardate 2001.5. Number One, plot the Romulan Empire's GDP per capita by continent.",
        "Warp factor 7! Chart the wind speed of each direction in warp factors.",
        "Captain's log. Plot the population of each continent on stardate 1997.2.",
        "Number One, put the total medals by nation on the main viewer, and the average tip by day on "
        "another screen.",
        "Make it so, Number One: the total or the average votes per candidate, whichever seems best.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Which nation is number one for gold medals?",
        "Number one at the top: the total medals of each nation",
        "The crew tips on each day, on average",
    ],
)
def test_text_without_the_log_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unlog(text, semantic_model) == text
