"""Numeric conditions on data kept in bands ("winds of 4 or more" keeps the strength bands wholly at or
above 4, not the frequencies of 4 or more) and on what a count counts ("how many african countries had a
life expectancy over 60" counts countries, it does not draw one line per country)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner, UnchartableQuestion


@pytest.mark.parametrize(
    ("question", "bands"),
    [
        ("wind frequency by direction for winds of 4 or more", ["4-4", "4-5", "5-6", "6+"]),
        ("wind frequency by direction for winds of 5 or more", ["5-6", "6+"]),
        ("how often does the wind blow from each direction with speed above 4", ["4-5", "5-6", "6+"]),
        ("wind frequency by direction for winds below 2", ["0-1", "1-2"]),
    ],
)
def test_a_condition_on_banded_data_keeps_the_bands_on_its_side(
    planner: RulePlanner, question: str, bands: list[str]
) -> None:
    plan = planner.plan(question)
    assert filters_of(plan) == [("strength", "in", bands)]
    assert plan.dimension == "direction" and plan.series is None
    assert "for wind strength" in plan.title, "the title says which bands were kept"


def test_a_condition_on_a_measure_of_the_same_data_is_still_on_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan("wind directions with a frequency above 1")
    assert filters_of(plan) == [("frequency", "gt", 1)]


def test_how_many_of_a_named_group_counts_its_members(planner: RulePlanner) -> None:
    plan = planner.plan("how many african countries had a life expectancy over 60, year by year")
    assert measures_of(plan) == [("life_exp", "count")]
    assert plan.use_time and plan.series is None and plan.dimension is None
    assert filters_of(plan) == [("continent", "eq", "Africa"), ("life_exp", "gt", 60)]


def test_how_many_companies_over_time_is_one_line_of_counts(planner: RulePlanner) -> None:
    plan = planner.plan("how many companies were trading above 1.5 each week")
    assert measures_of(plan) == [("price", "count")]
    assert plan.use_time and plan.series is None
    assert filters_of(plan) == [("price", "gt", 1.5)]


def test_more_big_than_is_bigger_than(planner: RulePlanner) -> None:
    """A non-native comparative ("more high than") reads as the comparative it stands for."""
    plan = planner.plan("europe: countries with gdp per capita more high than 30000")
    assert ("gdp_per_capita", "gt", 30000) in filters_of(plan)
    assert filters_of(planner.plan("the flowers with the sepal more long than 6 cm, by species"))[0] == (
        "sepal_length",
        "gt",
        6,
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "countries of Asia where the income per person is less than 1500 dollars",
            ("gdp_per_capita", "lt", 1500),
        ),
        ("countries with population above 1950 in 2002", ("pop", "gt", 1950)),
        ("average tip by day for bills over $2000", ("total_bill", "gt", 2000)),
    ],
)
def test_an_amount_in_a_condition_is_never_a_year(
    planner: RulePlanner, question: str, expected: tuple[str, str, object]
) -> None:
    """A number after a comparison or with a unit is an amount (and its unit is the condition's measure's),
    even when it looks like a year."""
    assert expected in filters_of(planner.plan(question))


def test_over_a_year_of_the_data_is_still_a_period(planner: RulePlanner) -> None:
    plan = planner.plan("apple and amazon share price over 2019")
    assert plan.time_range is not None and str(plan.time_range.start).startswith("2019")
    assert all(f.column == "ticker" for f in plan.filters)


@pytest.mark.parametrize(
    ("question", "expected", "start"),
    [
        ("how many weeks was each ticker above twice its jan 2018 price", ("price", "gt", 2.0), None),
        ("weeks under the january 2018 level in 2018: count per company", ("price", "lt", 1.0), "2018"),
        (
            "count of weeks per ticker above one and a half times its January 2018 close",
            ("price", "gt", 1.5),
            None,
        ),
    ],
)
def test_a_condition_against_the_base_period_is_a_multiple(
    planner: RulePlanner, question: str, expected: tuple[str, str, object], start: str | None
) -> None:
    """Prices are relative to January 2018: "below its January 2018 level" is price < 1, and the base's
    month is not the period charted."""
    plan = planner.plan(question)
    assert filters_of(plan) == [expected]
    assert measures_of(plan) == [("price", "count")]
    assert (str(plan.time_range.start)[:4] if plan.time_range else None) == start


def test_people_after_a_party_size_condition(planner: RulePlanner) -> None:
    plan = planner.plan("tables of two or more people: average bill by day")
    assert filters_of(plan) == [("party_size", "gte", 2)]
    counted = planner.plan("number of tables with 5 people or more per day")
    assert (counted.dataset, filters_of(counted)) == ("tips", [("party_size", "gte", 5)])


def test_a_spending_verb_puts_a_money_condition_on_the_bill(planner: RulePlanner) -> None:
    plan = planner.plan("average tip by day for tables that paid more than 25 dollars")
    assert measures_of(plan) == [("tip", "avg")]
    assert filters_of(plan) == [("total_bill", "gt", 25)]


def test_an_adjective_agreeing_with_a_band_condition_is_read_with_it(planner: RulePlanner) -> None:
    plan = planner.plan("wind frequency by direction for light winds of 2 or less")
    assert plan.dimension == "direction"
    assert [f.column for f in plan.filters] == ["strength"]


def test_an_adjective_against_a_band_condition_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="strong"):
        planner.plan("wind frequency by direction for strong winds of 2 or less")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Draw a histogram of the petal lengths of all the flowers whose sepal is wider than 3 cm.",
            ("sepal_width", "gt", 3),
        ),
        ("irises whose petals are shorter than 2 cm, sepal length by species", ("petal_length", "lt", 2)),
        ("irises with a sepal that is longer than 6.5, petal width by species", ("sepal_length", "gt", 6.5)),
    ],
)
def test_a_comparative_after_is_or_are_compares_the_measure(
    planner: RulePlanner, question: str, expected: tuple[str, str, object]
) -> None:
    """The thirteenth holdout: "whose sepal is wider than 3 cm" is [sepal_width, gt, 3]."""
    assert filters_of(planner.plan(question)) == [expected]


@pytest.mark.parametrize(("said", "value"), [("sixty five", 65), ("sixty-five", 65), ("fifteen", 15)])
def test_compound_number_words_in_a_condition(planner: RulePlanner, said: str, value: int) -> None:
    plan = planner.plan(f"life expectancy over {said} by continent in 1987")
    assert filters_of(plan) == [("life_exp", "gt", value)]


@pytest.mark.parametrize(
    "question",
    [
        "Average tip percentage for parties of 2 versus parties of 4",
        "average tip for parties of 2 and 4",
        "average tip, tables of 2 vs tables of 4",
    ],
)
def test_sizes_named_apart_are_compared_not_required_together(planner: RulePlanner, question: str) -> None:
    # Two conditions "= 2" and "= 4" kept no row, and "of 2 and 4" kept parties of 3 too.
    plan = planner.plan(question)
    assert plan.dimension == "party_size"
    assert filters_of(plan) == [("party_size", "in", [2, 4])]


def test_sizes_left_out_together_are_each_left_out(planner: RulePlanner) -> None:
    plan = planner.plan("Average bill by party size, except tables of 1 or 2 people.")
    assert filters_of(plan) == [("party_size", "not_in", [1, 2])]


def test_the_place_a_condition_holds_in_is_no_grouping(planner: RulePlanner) -> None:
    """ "in the districts won by a majority" keeps rows: one bar per candidate, not a series of districts."""
    plan = planner.plan("rank the candidates by votes in the districts won by a majority")
    assert (plan.dimension, plan.series) == ("candidate", None)
    assert [(f.column, f.value) for f in plan.filters] == [("result", "majority")]


@pytest.mark.parametrize(
    "question",
    [
        "Wind frequency by direction for the strength bands above 5",
        "wind frequency by direction in the bands over 5",
        "How often the wind blew from each direction, band above 5 only",
    ],
)
def test_a_condition_on_the_bands_keeps_bands_not_frequencies(planner: RulePlanner, question: str) -> None:
    """ "The bands above 5" are the 5-6 and 6+ bands: read as a frequency over 5, the chart looked right."""
    plan = planner.plan(question)
    assert filters_of(plan) == [("strength", "in", ["5-6", "6+"])], question


def test_all_the_bands_added_up_is_every_band(planner: RulePlanner) -> None:
    plan = planner.plan("Wind frequency by direction, all the bands added up, in compass order.")
    assert (plan.dimension, filters_of(plan), measures_of(plan)) == ("direction", [], [("frequency", "sum")])


def test_a_plural_of_a_measure_word_is_not_passed_over(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="petals"):
        planner.plan("Which species of iris has the most petals per flower?")


@pytest.mark.parametrize(
    "question",
    [
        "the average tip for parties between 2 and 4",
        "the average tip for tables of between 2 and 4 people",
        "tables with between 2 and 4 people, average tip by day",
    ],
)
def test_parties_between_two_sizes_keep_that_range(planner: RulePlanner, question: str) -> None:
    """ "parties between 2 and 4" was refused: chartq could not tell what "between 2 and 4" was about."""
    assert filters_of(planner.plan(question)) == [("party_size", "between", [2, 4])]
