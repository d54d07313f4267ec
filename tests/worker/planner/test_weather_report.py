"""A TV weather forecaster's patter (worker.planner.weather_report): greetings, sign-offs, the segment's
name and weather imagery are context, a value the lead names is kept only where the request points back
to it, the wind data's own words stay data, and forecasts and weather the data lacks stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.weather_report import unforecast
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dimension", "measure"),
    [
        (
            "Good evening, here's your weekend outlook: the average tip by day, days in order. "
            "Back to you, Jim.",
            "day",
            ("tip", "avg"),
        ),
        (
            "Sunny spells over the medal table: total medals per nation, most first. "
            "Back to you in the studio.",
            "nation",
            ("medals", "sum"),
        ),
        (
            "Good morning and welcome to the weather centre. Tonight's chart shows the average "
            "sepal width of each species.",
            "species",
            ("sepal_width", "avg"),
        ),
        (
            "Good evening! Warm and sunny over the election: the total votes for each candidate, as a bar "
            "chart. That's your weather.",
            "candidate",
            ("votes", "sum"),
        ),
    ],
)
def test_greetings_segment_names_and_sign_offs_add_nothing(
    planner: RulePlanner, question: str, dimension: str, measure: tuple[str, str]
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, measures_of(plan), filters_of(plan), plan.limit) == (
        dimension,
        [measure],
        [],
        None,
    )


def test_a_wind_in_the_imagery_is_no_direction_of_the_wind_data(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Good evening. A stiff south-westerly blowing through tonight. Here's your outlook: the wind "
        "frequency for each direction in the 4-5 band. Stay dry out there!"
    )
    assert (plan.dataset, plan.dimension) == ("wind", "direction")
    assert filters_of(plan) == [("strength", "eq", "4-5")]


def test_a_direction_the_request_names_is_data(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Here's your outlook: the wind frequency from the south-west by strength band. Back to you, Tom."
    )
    assert (plan.dimension, filters_of(plan), plan.sort) == ("strength", [("direction", "eq", "SW")], None)


def test_a_place_under_the_weather_is_no_filter_unless_the_request_names_it(planner: RulePlanner) -> None:
    plan = planner.plan(
        "A ridge of high pressure building over Asia: the 3 most populous Asian countries in 2007, "
        "biggest first."
    )
    assert filters_of(plan) == [("continent", "eq", "Asia")]
    assert (plan.dimension, plan.limit, period_of(plan)) == ("country", 3, ("2007", "2007"))
    plan = planner.plan("Patchy fog over Europe, folks: total medals per nation, most first.")
    assert (plan.dataset, filters_of(plan)) == ("medals", [])


@pytest.mark.parametrize(
    ("question", "column", "value"),
    [
        (
            "Here's the outlook for China: its population from 1952 to 2007, as a line. Back to you.",
            "country",
            "China",
        ),
        (
            "Here's your long-range look back for Europe: their life expectancy from 1952 to 2007.",
            "continent",
            "Europe",
        ),
    ],
)
def test_a_value_the_outlook_names_is_kept_where_the_request_points_back(
    planner: RulePlanner, question: str, column: str, value: str
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.use_time, period_of(plan)) == ("line", True, ("1952", "2007"))
    assert filters_of(plan) == [(column, "eq", value)]


def test_her_votes_after_an_outlook_for_a_candidate_are_hers(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Heavy showers later. Here's your outlook for Bergeron: her votes in each district, most votes first."
    )
    assert (plan.dimension, filters_of(plan)) == ("district", [("candidate", "eq", "Bergeron")])


def test_a_data_named_in_the_lead_stays_the_data_asked_about(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Thunderstorms rolling in over the stocks data: Google's weekly share price in 2018, as a line."
    )
    assert (plan.dataset, filters_of(plan), plan.chart_type) == ("stocks", [("ticker", "eq", "GOOG")], "line")


def test_tonight_is_no_meal_and_showers_at_dinner_are_the_request(planner: RulePlanner) -> None:
    plan = planner.plan("Scattered showers of big tips at dinner: a histogram of the tip for dinner tables.")
    assert (plan.chart_type, filters_of(plan)) == ("histogram", [("meal", "eq", "Dinner")])
    plan = planner.plan(
        "A gentle north-easterly over the restaurant tonight: the average total bill by party size."
    )
    assert (plan.dimension, filters_of(plan)) == ("party_size", [])


def test_bands_kept_in_their_order_are_not_sorted(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Good evening and welcome to the weather desk. Tonight's chart is the wind frequency by "
        "strength band for winds from the west, with the bands kept in their order."
    )
    assert (plan.dimension, plan.sort, filters_of(plan)) == ("strength", None, [("direction", "eq", "W")])


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Here's your outlook for next week: the wind frequency by direction.", "next week"),
        ("Good evening, here's your outlook for the coming days: the average tip by day.", "coming days"),
        (
            "Clear skies. Here's your outlook: the wind frequency by direction, as it will be on Sunday.",
            "will be",
        ),
        (
            "Good evening, here's your outlook: tomorrow's average tip by day. Back to you in the studio.",
            "tomorrow",
        ),
    ],
)
def test_a_forecast_is_refused_by_name(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=f"{named}.*no forecasts.*Try e.g."):
        planner.plan(question)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "Here's your outlook: the humidity for each compass direction. Back to you in the studio.",
            "humidity",
        ),
        ("Clear skies ahead. Here's your outlook: the UV index by continent in 2007.", "UV index"),
        ("A cold front settling over the restaurant: the average tip on rainy days by day.", "rainy"),
        ("Good evening. Before the weather, the election: the snowfall in each district.", "snowfall"),
    ],
)
def test_weather_the_data_lacks_stays_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named) as refused:
        planner.plan(question)
    assert "studio" not in str(refused.value) and "Good evening" not in str(refused.value)


@pytest.mark.parametrize(
    "text",
    [
        "Show the wind frequency by direction.",
        "The frequency of north-westerly winds by strength band.",
        "Which direction is the most common for the 6+ wind?",
        "Average tip by day at dinner tonight",
        "Good evening, the average tip by day please.",
    ],
)
def test_text_with_no_forecaster_patter_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unforecast(text, semantic_model) == text


def test_a_hand_back_at_the_end_of_the_request_comes_off(planner: RulePlanner) -> None:
    plan = planner.plan("Here's your outlook: the highest tip by day, and now back to you in the studio!")
    assert (plan.dimension, measures_of(plan)) == ("day", [("tip", "max")])
