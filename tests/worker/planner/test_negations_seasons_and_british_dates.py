"""The twenty-first holdout's kinds of question, in phrasings of their own: negations applied or refused,
"or" across two columns refused, two measures compared refused, seasons refused, compass words, British
dates, weeks and fortnights, "when did X peak" as a line, and kept values less the ones left out."""

from __future__ import annotations

import pytest

from worker.planner.rules import RulePlanner, UnchartableQuestion


def test_not_on_a_day_leaves_it_out(planner: RulePlanner) -> None:
    plan = planner.plan("Average bill by party size for non-smokers and not on Fridays")
    assert ("day", "ne", "Fri") in [(f.column, f.op, f.value) for f in plan.filters]


def test_not_at_a_meal_leaves_it_out(planner: RulePlanner) -> None:
    plan = planner.plan("Average bill by day, not at lunch")
    assert [(f.column, f.op, f.value) for f in plan.filters] == [("meal", "ne", "Lunch")]


@pytest.mark.parametrize(
    "question",
    ["average tip by sex, never on Sunday", "Average tip by day, neither smokers nor at lunch"],
)
def test_a_negation_nothing_reads_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="rules out"):
        planner.plan(question)


@pytest.mark.parametrize(
    ("question", "op", "value"),
    [
        ("Average tip by day for bills not above $25", "lte", 25),
        ("Histogram of petal length for flowers whose petal width is never below 1 cm", "gte", 1),
        ("Average bill by sex for parties of no fewer than 3 people", "gte", 3),
    ],
)
def test_a_negated_comparison_is_its_complement(
    planner: RulePlanner, question: str, op: str, value: int
) -> None:
    plan = planner.plan(question)
    assert [(f.op, f.value) for f in plan.filters] == [(op, value)]


@pytest.mark.parametrize(
    ("question", "op", "value"),
    [
        ("Weeks each company closed more than 20 per cent below its January 2018 level", "lt", 0.8),
        ("Weeks each company closed less than 20% below its January 2018 level", "gt", 0.8),
        ("Weeks each company closed at least 10 percent above its January 2018 level", "gte", 1.1),
    ],
)
def test_a_percentage_off_a_level_is_a_multiple_of_it(
    planner: RulePlanner, question: str, op: str, value: float
) -> None:
    """Further below a level is a lower price: "more than 20 per cent below" is under 0.8 times it."""
    plan = planner.plan(question)
    assert [(f.op, f.value) for f in plan.filters] == [(op, value)]


@pytest.mark.parametrize(
    "question",
    [
        "Total tips by day for smokers or men",
        "Life expectancy by country in 2007 for countries in Europe or with a population under 1 million",
        # A band ("6+") is a value the word-bound pattern missed: both were kept, as if joined by "and".
        "Wind frequency by direction for the 6+ band or for any band of the north wind",
    ],
)
def test_or_across_two_columns_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="either of two conditions"):
        planner.plan(question)


def test_or_within_one_column_is_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip at lunch or dinner by day")
    assert plan.dimension == "day"


def test_two_measures_of_a_row_compared_are_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="compare two measures"):
        planner.plan("Total bill by day for tables whose tip was less than the total bill")


@pytest.mark.parametrize(
    "question", ["Wind frequency by direction in the summer", "stock price per company in winter"]
)
def test_a_season_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="season"):
        planner.plan(question)


def test_compass_words_name_their_direction(planner: RulePlanner) -> None:
    plan = planner.plan("Wind frequency by strength for south-easterly winds")
    assert [(f.column, f.value) for f in plan.filters] == [("direction", "SE")]


def test_day_first_dates(planner: RulePlanner) -> None:
    plan = planner.plan("Netflix's share price from 02/07/2018 to 28/09/2018")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (
        "2018-07-02",
        "2018-09-28",
    )


def test_a_week_commencing_is_one_bar_per_company(planner: RulePlanner) -> None:
    plan = planner.plan("Average price per company for the week commencing 14/01/2019, as bars")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (
        "2019-01-14",
        "2019-01-20",
    )
    assert (plan.dimension, plan.use_time, plan.chart_type) == ("ticker", False, "bar")


def test_a_fortnight_is_its_fourteen_days(planner: RulePlanner) -> None:
    plan = planner.plan("Average price per company over the second fortnight of April 2019")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (
        "2019-04-15",
        "2019-04-28",
    )


@pytest.mark.parametrize(
    "question",
    [
        "When did Apple's share price hit its highest point in 2019?",
        "In which year was Mexico's GDP per capita at its peak?",
    ],
)
def test_when_a_value_peaked_is_its_line(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.use_time, plan.sort, plan.limit, plan.measures[0].agg) == (
        "line",
        True,
        None,
        None,
        "avg",
    )


def test_kept_values_less_those_left_out(planner: RulePlanner) -> None:
    plan = planner.plan("Weekly prices for the FAANG stocks apart from Amazon, one line each")
    assert [(f.op, sorted(f.value)) for f in plan.filters if isinstance(f.value, list)] == [
        ("in", ["AAPL", "FB", "GOOG", "NFLX"])
    ]


def test_every_value_but_some_after_a_grouping_is_no_second_grouping(planner: RulePlanner) -> None:
    plan = planner.plan("Wind frequency by strength for every direction except east and west")
    assert (plan.dimension, plan.series) == ("strength", None)
    assert [(f.op, f.value) for f in plan.filters] == [("not_in", ["E", "W"])]


def test_a_value_of_another_dimension_ends_an_exclusion(planner: RulePlanner) -> None:
    plan = planner.plan("Medals per nation other than Canada, gold only")
    assert sorted((f.column, f.op, f.value) for f in plan.filters) == [
        ("medal", "eq", "Gold"),
        ("nation", "ne", "Canada"),
    ]
