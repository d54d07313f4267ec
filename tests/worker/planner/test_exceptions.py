"""Exceptions and negations read as the rows they keep (worker.planner.exceptions, worker.planner.
exclusion_kinds, worker.planner.exclusions, worker.planner.negated_conditions), and the exclusions that
must be refused instead: a combination of two columns, and one value's amount taken from another's."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.exceptions import unexcept
from worker.planner.rules import RulePlanner


def test_double_negatives_keep_the_values_named(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip by sex for tables that were not anything but dinner.")
    assert filters_of(plan) == [("meal", "eq", "Dinner")]
    plan = planner.plan("Sepal width histogram, showing none that aren't setosa or virginica.")
    assert filters_of(plan) == [("species", "in", ["setosa", "virginica"])]
    assert plan.series is None
    plan = planner.plan("Weekly price of Apple and nobody else in 2018.")
    assert filters_of(plan) == [("ticker", "eq", "AAPL")]


def test_a_plain_negated_value_is_still_left_out(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip by sex, for tables that weren't lunch.")
    assert filters_of(plan) == [("meal", "ne", "Lunch")]
    plan = planner.plan("Average price of every stock that isn't AAPL in 2018.")
    assert filters_of(plan) == [("ticker", "ne", "AAPL")]
    assert plan.dimension == "ticker"


def test_a_double_negative_read_either_way_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="don't"):
        planner.plan("Medals by nation, I don't want nothing but silver.")


def test_non_weekend_days_leave_the_weekend_out(planner: RulePlanner) -> None:
    plan = planner.plan("Total bill by sex on non-weekend days.")
    assert filters_of(plan) == [("day", "not_in", ["Sat", "Sun"])]


def test_an_exclusion_under_a_threshold_keeps_the_rest(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Average life expectancy by continent in 1997, excluding the countries with fewer than 5 million "
        "people."
    )
    assert filters_of(plan) == [("pop", "gte", 5_000_000)]
    plan = planner.plan("Total tips by sex, excluding bills over $30.")
    assert filters_of(plan) == [("total_bill", "lte", 30)]


def test_a_negated_adjective_is_its_complement(planner: RulePlanner) -> None:
    plan = planner.plan("Histogram of sepal length for flowers whose sepals aren't narrower than 3 cm.")
    assert filters_of(plan) == [("sepal_width", "gte", 3)]


def test_every_but_scopes_a_histogram_or_another_grouping(planner: RulePlanner) -> None:
    plan = planner.plan("Histogram of total bills for each day except Thursday.")
    assert (plan.series, filters_of(plan)) == (None, [("day", "ne", "Thur")])
    plan = planner.plan("Wind frequency by strength, every direction other than NE and SW.")
    assert (plan.dimension, plan.series) == ("strength", None)
    assert filters_of(plan) == [("direction", "not_in", ["NE", "SW"])]


def test_every_but_alone_or_beside_a_split_still_groups(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip for every day but Friday, ranked by tip.")
    assert (plan.dimension, filters_of(plan)) == ("day", [("day", "ne", "Fri")])
    plan = planner.plan("Average total bill for each day other than Thursday, split by sex.")
    assert (plan.dimension, plan.series) == ("day", "sex")
    plan = planner.plan("Histogram of total bills for every day.")
    assert plan.series == "day"


def test_a_word_for_any_dimensions_values_before_an_exception(planner: RulePlanner) -> None:
    plan = planner.plan("Medals by nation, all kinds except gold.")
    assert filters_of(plan) == [("medal", "ne", "Gold")]


def test_capital_codes_are_left_out(planner: RulePlanner) -> None:
    plan = planner.plan("Wind frequency by strength, leaving out NNE, ENE and SSW.")
    assert filters_of(plan) == [("direction", "not_in", ["NNE", "ENE", "SSW"])]


def test_the_kind_of_result_decided_is_left_out(planner: RulePlanner) -> None:
    plan = planner.plan("Votes by candidate, except those decided by a majority.")
    assert filters_of(plan) == [("result", "ne", "majority")]


def test_a_combination_of_two_columns_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="combination"):
        planner.plan("Average bill by day, excluding the female non-smokers.")
    with pytest.raises(UnchartableQuestion, match="combination"):
        planner.plan("Average tip by sex, excluding the Sunday dinner.")
    plan = planner.plan("Average tip by day, excluding Sunday, dinner only.")
    assert filters_of(plan) == [("meal", "eq", "Dinner"), ("day", "ne", "Sun")]


def test_one_values_amount_minus_anothers_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="difference"):
        planner.plan("Joly's votes minus the Coderre votes per district.")
    plan = planner.plan("Stock price over 2018, minus the Google and Facebook lines.")
    assert filters_of(plan)[-1] == ("ticker", "not_in", ["GOOG", "FB"])


@pytest.mark.parametrize(
    "text",
    [
        "tips on days that were not busy",
        "the weekend and weekday bills",
        "everyone except Joly by district",
        "countries other than Chad with population 5 million",
    ],
)
def test_text_without_these_forms_is_left_alone(text: str) -> None:
    assert unexcept(text) == text
