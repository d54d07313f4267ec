"""Corrections and footnotes in a user's asides (worker.planner.footnotes, read by worker.planner.asides)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.footnotes import unfootnote
from worker.planner.rules import RulePlanner


def test_a_correction_is_read_as_what_is_wanted() -> None:
    assert unfootnote("Tips by sex (nb: the total, not the mean)") == "Tips by sex (the total)"
    assert unfootnote("Bill by day [count rather than sum]") == "Bill by day (count)"
    assert unfootnote("Mean tip by day (median not mean)") == "tip by day (median)"
    # What is not an aggregation is left for the planner to read.
    for kept in ("Tip by day (Sat, not Sun)", "Tips by day (sum, not euros)", "Tip (2007, not 2002)"):
        assert unfootnote(kept) == kept


def test_a_footnote_is_read_in_place() -> None:
    assert (
        unfootnote("Tip by sex (weekdays only\u2020) \u2020 = Thur & Fri") == "Tip by sex (Thur and Fri only)"
    )
    assert unfootnote("Bill by smoker* (*lunch only)") == "Bill by smoker (lunch only)"
    for kept in ("SELECT * FROM tips", "count(*) by day", "tip*2 by day", "Tip by day*"):
        assert unfootnote(kept) == kept


@pytest.mark.parametrize(
    ("question", "measures"),
    [
        ("Average bill per day (nb: median, not mean)", [("total_bill", "median")]),
        ("Sepal width by species (min not max)", [("sepal_width", "min")]),
        ("Tip per smoker (note: the count, not the sum)", [("tip", "count")]),
        ("Frequency by direction [total, not average]", [("frequency", "sum")]),
        ("Highest stock price by company (n.b. lowest, not highest)", [("price", "min")]),
        ("Population by continent \u2014 n.b. total, not average \u2014 [1982]", [("pop", "sum")]),
    ],
)
def test_corrections_name_one_aggregation(planner: RulePlanner, question: str, measures: object) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == measures
    assert plan.dimension is not None


def test_a_correction_with_scope_around_it(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Life expectancy by continent (n.b. median, not average) [1967] -- Asia & Africa only --"
    )
    assert (measures_of(plan), plan.dimension) == ([("life_exp", "median")], "continent")
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("1967", "1967")
    assert filters_of(plan) == [("continent", "in", ["Asia", "Africa"])]
    plan = planner.plan("GDP by continent (nb: total GDP, not per capita) [2002]")
    assert measures_of(plan) == [("gdp", "sum")]


def test_footnotes_define_or_add_a_condition(planner: RulePlanner) -> None:
    plan = planner.plan("Tip percentage by sex on weekdays*   * i.e. Thur & Fri")
    assert (plan.dimension, filters_of(plan)) == ("sex", [("day", "in", ["Thur", "Fri"])])
    plan = planner.plan("Wind frequency by direction (strongest band only\u2020)  \u2020 i.e. 6+")
    assert (plan.dimension, filters_of(plan)) == ("direction", [("strength", "eq", "6+")])
    plan = planner.plan("Median tip by party size* (*dinner only)")
    assert (measures_of(plan), filters_of(plan)) == ([("tip", "median")], [("meal", "eq", "Dinner")])
    plan = planner.plan("Mean sepal length by species* *: excluding setosa")
    assert (plan.dimension, filters_of(plan)) == ("species", [("species", "ne", "setosa")])
    # Marked words the data lacks are kept with their definition, to be named in the refusal.
    with pytest.raises(UnchartableQuestion, match="long"):
        planner.plan("Mean sepal length by species (long ones only*) *: excluding setosa")


@pytest.mark.parametrize(
    "question",
    [
        "Life expectancy by continent (n.b. average, not weighted mean) [2007]",
        "Tips by day (n.b. sum, not dollars but euros)",
        "Medals per nation (gold only*) * i.e. at Tokyo 2020",
        "Average tip by day (weekend only*) * i.e. Saturday brunches",
    ],
)
def test_an_aside_naming_what_the_data_lacks_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)
