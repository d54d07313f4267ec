"""An estate agent's listing words (worker.planner.listing_words): praise and sales leads are context, a
value they name is kept only where the request points back to it, "sought-after" and "desirable" are a
ranking only where a measure is named, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.listing_words import unlist
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dimension", "limit"),
    [
        ("Boasting a full podium: total medals per nation, most first.", "nation", None),
        (
            "Just listed and a must-see: GDP per capita by continent in 2002, richest first.",
            "continent",
            None,
        ),
        ("Boasting sweeping views: the 4 best districts for Bergeron by votes, most first.", "district", 4),
        ("Sought-after tech addresses: the average share price of each company in 2018.", "ticker", None),
    ],
)
def test_a_lead_of_praise_adds_no_limit_or_filter(
    planner: RulePlanner, question: str, dimension: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.limit, plan.chart_type) == (dimension, limit, "bar")
    assert all(f.column not in {"medal", "continent"} for f in plan.filters)


def test_just_listed_is_never_a_period(planner: RulePlanner) -> None:
    plan = planner.plan("Just listed: a histogram of sepal length for the setosa irises.")
    assert (plan.chart_type, plan.time_range) == ("histogram", None)
    assert filters_of(plan) == [("species", "eq", "setosa")]


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("Open house this Friday! Meanwhile, the average tip by party size on Thursday.", "Thur"),
        ("Every Saturday is an open house here, so: the average tip by party size on Saturday.", "Sat"),
    ],
)
def test_an_open_house_is_a_diary_entry_and_only_the_request_names_a_day(
    planner: RulePlanner, question: str, day: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan)) == ("party_size", [("day", "eq", day)])


def test_a_place_nestled_in_is_kept_where_the_request_points_back(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Nestled in Europe, these sought-after countries boast the longest life expectancy: "
        "show me the top 4 in 1992."
    )
    assert filters_of(plan) == [("continent", "eq", "Europe")]
    assert (plan.dimension, plan.limit, plan.sort and plan.sort.by) == ("country", 4, "life_exp")


def test_a_place_nestled_in_adds_nothing_the_request_does_not_name(planner: RulePlanner) -> None:
    plan = planner.plan("Nestled up south with a sea breeze: the frequency of west winds by strength band.")
    assert (plan.dimension, filters_of(plan)) == ("strength", [("direction", "eq", "W")])


def test_prime_location_leaves_the_condition_beside_it(planner: RulePlanner) -> None:
    plan = planner.plan("Prime location, plurality districts only: total votes per candidate, biggest first.")
    assert (plan.dimension, filters_of(plan)) == ("candidate", [("result", "eq", "plurality")])


@pytest.mark.parametrize(
    ("question", "dimension", "measure", "limit"),
    [
        ("Coderre's 3 most sought-after districts by votes, most first.", "district", ("votes", "sum"), 3),
        (
            "Which continent is the most desirable by population in 1987? Just the top one.",
            "continent",
            ("pop", "sum"),
            1,
        ),
        (
            "The sought-after directions by frequency in the 5-6 band.",
            "direction",
            ("frequency", "sum"),
            None,
        ),
        (
            "The most sought-after company by peak share price in 2019 - just the one at the top.",
            "ticker",
            ("price", "max"),
            1,
        ),
    ],
)
def test_sought_after_is_a_ranking_by_the_measure_named(
    planner: RulePlanner, question: str, dimension: str, measure: tuple[str, str], limit: int | None
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, measures_of(plan), plan.limit) == (dimension, [measure], limit)
    assert plan.sort is not None and plan.sort.by == measure[0] and plan.sort.direction == "desc"


def test_bands_kept_in_order_keep_their_order(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Nestled by the sea: the frequency of east winds per strength band, bands kept in order."
    )
    assert (plan.dimension, plan.sort) == ("strength", None)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Show me the most sought-after countries of 2002, as bars.", "sought-after"),
        ("Just listed: the asking price per square foot of each district.", "price|square|foot"),
        ("Must-see for buyers: the average property value by continent.", "property"),
        ("Chart mortgage rates by month in 2018 - a must-see for motivated buyers.", "mortgage|rates"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Total medals per nation, most first.",
        "Rank the companies by average share price in 2019.",
        "The frequency of north winds by strength, kept in order.",
        "Which direction is the most common for the 6+ wind?",
        "Average tip by day",
    ],
)
def test_text_with_no_listing_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unlist(text, semantic_model) == text
