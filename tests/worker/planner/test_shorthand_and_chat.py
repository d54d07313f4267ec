"""How people type: shorthand ("# of tables w bill over 40", "avg petal len", "wind freq", "gdp/cap",
"us gdp") and chat around the question ("I heard ...", "out of curiosity", "could you ..."), as the tenth
blind holdout wrote them; and the exclusions and orders they come with ("no oceania", "ignoring",
"leave out parties of 1", "richest first", "the top three" said twice)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner, UnchartableQuestion


@pytest.mark.parametrize(
    ("question", "measures", "dimension"),
    [
        ("# of tables w bill over 40 by day", [("total_bill", "count")], "day"),
        ("# flowers sepal len > 6 per species", [("sepal_length", "count")], "species"),
        ("avg petal len by species", [("petal_length", "avg")], "species"),
        ("wind freq by direction", [("frequency", "sum")], "direction"),
        ("gdp/cap by country asia 2007", [("gdp_per_capita", "avg")], "country"),
    ],
)
def test_shorthand_is_spelt_out(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == (measures, dimension)


def test_w_stays_a_direction_where_it_names_one(planner: RulePlanner) -> None:
    plan = planner.plan("W vs WNW vs NW frequency, split by strength")
    assert filters_of(plan) == [("direction", "in", ["W", "WNW", "NW"])]


def test_us_opening_a_question_is_the_country(planner: RulePlanner) -> None:
    assert filters_of(planner.plan("us gdp over time")) == [("country", "eq", "United States")]
    assert filters_of(planner.plan("show us gdp by continent")) == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("total pop per continent 1987 no oceania", ("continent", "ne", "Oceania")),
        ("ignoring the calm 0-1 winds, how often does each direction come up?", ("strength", "ne", "0-1")),
        ("tip % by gender, leave out parties of 1", ("party_size", "ne", 1)),
        ("avg tip by sex excl tables of 1", ("party_size", "ne", 1)),
    ],
)
def test_more_ways_to_leave_rows_out(
    planner: RulePlanner, question: str, expected: tuple[str, str, object]
) -> None:
    assert expected in filters_of(planner.plan(question))


def test_a_superlative_then_first_orders_the_bars(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Which European countries had a GDP per capita above 30,000 dollars in 2007, richest first?"
    )
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_a_count_said_twice_is_one_limit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "which three companies had the highest average share price in december 2019? "
        "I only need the top three"
    )
    assert plan.limit == 3 and plan.dimension == "ticker"


def test_chat_around_a_question_is_not_read_as_data(planner: RulePlanner) -> None:
    plan = planner.plan(
        "I heard some countries already had more than 100 million people back in 1977, which ones were they?"
    )
    assert filters_of(plan) == [("pop", "gt", 100_000_000)] and plan.dimension == "country"
    assert (
        planner.plan("out of curiosity, what's the widest sepal found in each species?").dimension
        == "species"
    )


def test_in_their_own_colours_colours_the_chart(planner: RulePlanner) -> None:
    plan = planner.plan(
        "could you plot sepal length against sepal width, with each species in its own colour?"
    )
    assert plan.chart_type == "scatter" and plan.series == "species"


def test_stacks_up_against_compares_rather_than_naming_stocks(planner: RulePlanner) -> None:
    plan = planner.plan("how Japan's life expectancy stacks up against Germany in 2002, side by side")
    assert plan.dataset == "gapminder"
    assert filters_of(plan) == [("country", "in", ["Japan", "Germany"])]


def test_a_percentage_of_each_group_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="% of a total"):
        planner.plan("% of each days tips from smokers")


def test_the_extreme_of_each_of_the_groups(planner: RulePlanner) -> None:
    plan = planner.plan("What's the highest price each of the tech stocks ever reached?")
    assert measures_of(plan) == [("price", "max")] and plan.dimension == "ticker"


@pytest.mark.parametrize(
    "question",
    ["gdp per capita for w europe", "wind frequency from the w direction by strength"],
)
def test_w_that_may_be_the_west_is_not_read_as_with(planner: RulePlanner, question: str) -> None:
    """Read as "with", the west was silently dropped: the whole of Europe, every direction."""
    with pytest.raises(UnchartableQuestion, match="“w”"):
        planner.plan(question)


@pytest.mark.parametrize("question", ["us tech stocks in 2019", "us election votes by district"])
def test_us_before_other_data_is_not_the_country(planner: RulePlanner, question: str) -> None:
    assert all(f.column != "country" for f in planner.plan(question).filters)


def test_a_percentage_condition_on_banded_data_is_on_the_measure(planner: RulePlanner) -> None:
    assert filters_of(planner.plan("which directions have winds over 2%")) == [("frequency", "gt", 2)]


def test_the_end_of_a_year_is_not_filler(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="“end”"):
        planner.plan("apple stock price at the end of 2019")


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "filters"),
    [
        ("tables w/ bill above 20: avg tip per day", [("tip", "avg")], "day", [("total_bill", "gt", 20)]),
        ("gdp/person by continent in 1982", [("gdp_per_capita", "avg")], "continent", []),
        ("gdp/capita by continent in 1982", [("gdp_per_capita", "avg")], "continent", []),
        ("avg tip_pct by day", [("tip_pct", "avg")], "day", []),
        ("bill_per_person by sex", [("bill_per_person", "avg")], "sex", []),
    ],
)
def test_slashes_and_column_names_are_spelt_out(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    filters: list[tuple[str, str, object]],
) -> None:
    """ "w/" is "with", "X/capita" and "X/person" are "X per ...", and a column name typed as it is
    ("tip_pct") is the column's label."""
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (measures, dimension, filters)


def test_us_in_a_list_or_in_capitals_is_the_country(planner: RulePlanner) -> None:
    listed = planner.plan("life exp: japan/US, 1952-2007")
    assert filters_of(listed) == [("country", "in", ["Japan", "United States"])]
    assert filters_of(planner.plan("US population over time")) == [("country", "eq", "United States")]
    # All in capitals, "US" may be the pronoun: nothing is filtered.
    assert filters_of(planner.plan("PLEASE SHOW US GDP BY CONTINENT")) == []


@pytest.mark.parametrize(
    ("question", "measures", "condition"),
    [
        (
            "Sample count per species for irises with sepal length above 6 cm",
            [("sepal_length", "count")],
            ("sepal_length", "gt", 6),
        ),
        (
            "Cohort of tables spending over $40: count by day",
            [("total_bill", "count")],
            ("total_bill", "gt", 40),
        ),
    ],
)
def test_finance_words_for_the_rows_counted(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], condition: tuple[str, str, object]
) -> None:
    """The thirteenth holdout: a "sample count" counts rows, and a "cohort of" tables is those tables."""
    plan = planner.plan(question)
    assert measures_of(plan) == measures and filters_of(plan) == [condition]


def test_per_cap_is_per_capita(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("gdp per cap usa japan germany since 1972")) == [
        ("gdp_per_capita", "avg")
    ]


@pytest.mark.parametrize(
    ("question", "agg"),
    [("shortest sepal length for each variety", "min"), ("the widest petal width by species", "max")],
)
def test_a_superlative_agreeing_with_the_measure_is_its_extreme(
    planner: RulePlanner, question: str, agg: str
) -> None:
    plan = planner.plan(question)
    assert plan.measures[0].agg == agg and plan.dimension == "species"
