"""A researcher's precise wordings (worker.planner.precise)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.precise import unprecise
from worker.planner.rules import RulePlanner


def test_full_dates_are_iso_dates() -> None:
    assert unprecise("from 1 April 2019 to 30 June 2019") == "from 2019-04-01 to 2019-06-30"
    assert unprecise("between March 1, 2018 and August 31st, 2018") == "between 2018-03-01 and 2018-08-31"
    assert unprecise("on 31 February 2019") == "on 31 February 2019"  # no such day: left to be refused


def test_inclusive_calendar_year_and_exactly_say_nothing_more() -> None:
    assert unprecise("between 1957 and 1977 inclusive, as a line") == "between 1957 and 1977, as a line"
    assert unprecise("in calendar year 2019, in calendar order") == "in 2019, in calendar order"
    assert unprecise("tables of exactly 2 people") == "tables of 2 people"
    assert unprecise("parties of between 2 and 4 people") == "parties of 2 to 4 people"


def test_orderings_restrictions_and_axes() -> None:
    assert unprecise("arranged from lowest to highest") == "sorted from lowest to highest"
    assert unprecise("tip by day, restricted to smokers") == "tip by day, only for smokers"
    assert unprecise("by strength, restricted to the directions N, NE and E.") == (
        "by strength, for the directions N, NE and E only."
    )
    assert unprecise("won by a plurality rather than a majority") == "won by a plurality"
    assert unprecise("votes, with the districts along the horizontal axis and one bar per candidate") == (
        "votes, by districts, with one bar per candidate"
    )
    assert unprecise("as a line with one point per survey year") == "as a line over time"


def test_comparisons_of_one_noun_twice() -> None:
    assert unprecise("petals longer than 5 cm and narrower than 2 cm") == (
        "petals longer than 5 cm and petals narrower than 2 cm"
    )


def test_precise_questions_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Plot the weekly normalised prices of Microsoft and Google from 1 April 2019 to 30 June 2019 "
        "inclusive, with one line per company."
    )
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (
        "2019-04-01",
        "2019-06-30",
    )
    plan = planner.plan(
        "For flowers with petals longer than 5 cm and narrower than 2 cm, the count by species"
    )
    assert filters_of(plan) == [("petal_length", "gt", 5), ("petal_width", "lt", 2)]
    plan = planner.plan(
        "Summed frequency by strength, restricted to the directions north, north-east and east."
    )
    assert (plan.series, filters_of(plan)) == (None, [("direction", "in", ["N", "NE", "E"])])


def test_both_ends_included_is_inclusive(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Per company, the number of weeks in 2019 with a close between 1 and 1.5 times the January 2018 "
        "level, both ends included."
    )
    assert filters_of(plan) == [("price", "between", [1.0, 1.5])]
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("2019", "2019")
    plan = planner.plan(
        "Average price per company from 1 to 2 times the jan 2018 price, with both ends counted"
    )
    assert filters_of(plan) == [("price", "between", [1.0, 2.0])]
    assert plan.time_range is None


def test_size_lists_only_split_after_an_exclusion(planner: RulePlanner) -> None:
    assert unprecise("except tables of 1 or 2 people") == "except tables of 1 and except tables of 2"
    assert unprecise("excluding countries of 1 or 2 million") == "excluding countries of 1 or 2 million"
    assert unprecise("tables of 1 or 2 people") == "tables of 1 or 2 people"


@pytest.mark.parametrize(
    "question",
    [
        "Average bill by party size, except tables of 1 and tables of 2",
        "Average bill by day, excluding tables of 1 and parties of 2",
    ],
)
def test_a_second_size_after_an_exclusion_is_left_out_too(planner: RulePlanner, question: str) -> None:
    """Read as kept, the second size would chart only the tables it asked to leave out."""
    assert filters_of(planner.plan(question)) == [("party_size", "not_in", [1, 2])]
