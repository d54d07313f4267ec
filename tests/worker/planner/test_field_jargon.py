"""Field words of the trade (worker.planner.field_jargon): finance, meteorology, botany, development
economics, the restaurant trade and elections, read in the context that gives them their field meaning,
and the same words left alone elsewhere."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.field_jargon import unfield
from worker.planner.rules import RulePlanner, UnchartableQuestion


def test_ytd_with_a_year_is_that_year(planner: RulePlanner) -> None:
    plan = planner.plan("Apple and Microsoft weekly closes YTD 2018, one line each")
    assert plan.use_time and plan.series == "ticker"
    assert plan.time_range is not None and plan.time_range.start is not None
    assert str(plan.time_range.start).startswith("2018")


def test_the_january_2018_base_is_the_level_one(planner: RulePlanner) -> None:
    plan = planner.plan("How many weekly closes above the Jan 2018 baseline did each company have in 2019?")
    assert measures_of(plan) == [("price", "count")]
    assert plan.dimension == "ticker" and not plan.use_time
    assert filters_of(plan) == [("price", "gt", 1)]


def test_a_dated_market_event_is_its_period(planner: RulePlanner) -> None:
    plan = planner.plan("Google and Facebook weekly closes during the H2 2018 correction")
    assert plan.use_time
    assert plan.time_range is not None and str(plan.time_range.start) == "2018-07-01"


def test_an_undated_market_event_is_still_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Amazon closes through the sell-off")


def test_calms_are_the_lowest_band(planner: RulePlanner) -> None:
    plan = planner.plan("How often are calms recorded from each direction?")
    assert plan.dimension == "direction"
    assert filters_of(plan) == [("strength", "eq", "0-1")]


def test_the_prevailing_wind_ranks_every_direction(planner: RulePlanner) -> None:
    plan = planner.plan("Which way does the prevailing wind blow from?")
    assert plan.dimension == "direction" and plan.limit is None
    assert plan.sort is not None and plan.sort.by == "frequency" and plan.sort.direction == "desc"


def test_petal_dimensions_are_length_and_width(planner: RulePlanner) -> None:
    plan = planner.plan("Average petal dimensions for each species")
    assert measures_of(plan) == [("petal_length", "avg"), ("petal_width", "avg")]
    assert plan.dimension == "species"


@pytest.mark.parametrize(
    ("question", "start", "use_time"),
    [
        ("Life expectancy by continent in the 1962 survey round", "1962", False),
        ("Population per continent, 1997 cross-section", "1997", False),
        ("Income per person by continent, most recent round", "2007", False),
        ("GDP per capita of Japan and Brazil across all the survey rounds", None, True),
    ],
)
def test_survey_rounds_are_survey_years(
    planner: RulePlanner, question: str, start: str | None, use_time: bool
) -> None:
    plan = planner.plan(question)
    assert plan.use_time is use_time
    if start is None:
        assert plan.time_range is None
    else:
        assert plan.time_range is not None and str(plan.time_range.start) == start


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "filters"),
    [
        ("Mean tip per number of covers", [("tip", "avg")], "party_size", []),
        ("Average check for six-tops by day", [("total_bill", "avg")], "day", [("party_size", "eq", 6)]),
        (
            "Ticket per head for three-tops or larger, by meal",
            [("bill_per_person", "avg")],
            "meal",
            [("party_size", "gte", 3)],
        ),
        (
            "Tip as a share of the ticket in the non-smoking section, by day",
            [("tip_pct", "avg")],
            "day",
            [("smoker", "eq", "No")],
        ),
        (
            "Sales across the checks per weekend day",
            [("total_bill", "sum")],
            "day",
            [("day", "in", ["Sat", "Sun"])],
        ),
    ],
)
def test_restaurant_trade_words(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    filters: list[object],
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == measures
    assert plan.dimension == dimension
    assert filters_of(plan) == filters


def test_covers_served_stays_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Covers served per day")


def test_wards_decided_by_their_result(planner: RulePlanner) -> None:
    plan = planner.plan("Joly's vote in the districts that were decided by a plurality")
    assert ("result", "eq", "plurality") in filters_of(plan)
    plan = planner.plan("Votes per candidate in the districts Bergeron won outright")
    assert ("result", "eq", "majority") in filters_of(plan)


@pytest.mark.parametrize(
    "text",
    [
        "round the prices to two decimals",
        "use a base chart of closes",
        "the smoking status of each table",
        "cover the weekend days",
        "a second round of questions",
        "the base of the petal",
    ],
)
def test_the_same_words_elsewhere_are_left_alone(text: str) -> None:
    assert unfield(text) == text


def test_smoking_vs_non_smoking_names_both_values(planner: RulePlanner) -> None:
    plan = planner.plan("Mean tip, smoking tables vs the non-smoking area")
    assert plan.dimension == "smoker" and plan.chart_type == "bar"
    assert ("smoker", "eq", "No") not in filters_of(plan)


def test_a_number_before_top_is_no_table(planner: RulePlanner) -> None:
    plan = planner.plan("the 3 top countries by population in 1977")
    assert plan.limit == 3 and not filters_of(plan)


def test_the_prevailing_wind_inside_a_chart_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Frequency of the prevailing wind by strength band")
