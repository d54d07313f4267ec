"""A captain's cabin announcement (worker.planner.cabin_announcements): the announcement around the request
is context, so altitudes, flight numbers, seat rows and local times are never values, periods or limits, a
place flown over is a filter only where the request points back to it, and what the data cannot answer
stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.cabin_announcements import uncabin
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_an_altitude_and_a_greeting_add_nothing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Good evening folks, this is your captain speaking. We're cruising at 39,000 feet. "
        "For your viewing pleasure: the average tip by day, highest first."
    )
    assert (plan.dataset, measures_of(plan), plan.dimension) == ("tips", [("tip", "avg")], "day")
    assert (plan.limit, filters_of(plan), plan.chart_type) == (None, [], "bar")


def test_a_flight_number_is_no_survey_year(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Welcome aboard flight 2007 to Lagos. On your screens: the population of each continent in 1952."
    )
    assert (plan.dimension, period_of(plan)) == ("continent", ("1952", "1952"))


def test_seat_rows_are_no_range_or_limit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Cabin crew, please take your seats. For passengers in rows 3 to 5: "
        "the total medals of each nation, top 5."
    )
    assert (plan.dataset, plan.dimension, plan.limit, filters_of(plan)) == ("medals", "nation", 5, [])


def test_a_local_time_and_until_then_are_no_period(planner: RulePlanner) -> None:
    plan = planner.plan(
        "This is your captain. We'll be landing at 18:45 local time. "
        "Until then, the average tip by party size, sizes in order."
    )
    assert (measures_of(plan), plan.dimension, plan.time_range) == ([("tip", "avg")], "party_size", None)


def test_in_the_meantime_is_no_mean(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Ladies and gentlemen, the seatbelt sign is on. "
        "In the meantime: the total votes per candidate, most first."
    )
    assert (measures_of(plan), plan.dimension) == ([("votes", "sum")], "candidate")


def test_a_place_flown_over_is_no_filter_unless_the_request_names_it(planner: RulePlanner) -> None:
    plan = planner.plan(
        "We're flying over Europe at 33,000 feet. The chart: GDP per capita by continent in 2007."
    )
    assert (plan.dimension, filters_of(plan)) == ("continent", [])
    plan = planner.plan(
        "Ladies and gentlemen, we're now passing over Asia. "
        "On your screens: Asia's life expectancy over the years, as a line."
    )
    assert (filters_of(plan), plan.chart_type) == ([("continent", "eq", "Asia")], "line")


@pytest.mark.parametrize(
    "question",
    [
        "This is your captain. We're flying over Asia right now. On your screens: the population of its "
        "countries in 2007, biggest first.",
        "Ladies and gentlemen, we're now flying over Asia. On your screens: the population of the countries "
        "down there in 2007, biggest first.",
    ],
)
def test_a_place_flown_over_is_kept_where_the_request_points_back(
    planner: RulePlanner, question: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan)) == ("country", [("continent", "eq", "Asia")])


def test_enjoy_from_your_seat_is_show(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Please remain seated with your seatbelts fastened. "
        "Sit back, relax and enjoy a scatter of petal length against petal width."
    )
    assert (plan.chart_type, measures_of(plan)) == (
        "scatter",
        [("petal_length", "none"), ("petal_width", "none")],
    )


def test_a_closing_of_the_flight_adds_nothing(planner: RulePlanner) -> None:
    plan = planner.plan("From the flight deck: the average tip by day, as we begin our descent.")
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("tip", "avg")], "day", "bar")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "This is your captain speaking. "
            "On your screens: the number of passengers on each flight by month.",
            "passengers",
        ),
        ("We're cruising at 35,000 feet: chart the cabin pressure for each wind direction.", "pressure"),
        (
            "From the flight deck: life expectancy by continent in 2015, as we cross into the new time zone.",
            "2015",
        ),
        (
            "Ladies and gentlemen, we're flying over the Alps. "
            "Here's your chart: Apple's share price through 2017.",
            "2017",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named) as refused:
        planner.plan(question)
    assert "Try" in str(refused.value)


@pytest.mark.parametrize(
    "text",
    [
        "Show the average tip by day.",
        "Ladies and gentlemen, the average tip by day.",
        "Lot 42: the total medals per nation. Going once, going twice!",
        "Which districts did Coderre win by a plurality, most votes first?",
    ],
)
def test_text_without_an_announcement_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncabin(text, semantic_model) == text
