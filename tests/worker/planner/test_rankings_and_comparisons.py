"""How a terse engineer and a non-native speaker rank and compare (the eleventh blind holdout's kinds):
counts in words past twelve, "only the 5 first", "starting from the highest", "the most high", "the
less often"; a dimension named whole compared while another only filters ("who tips more: men or
women, on weekdays"); values kept as a restriction ("the setosa and virginica flowers only"); "colour =";
"break … down by"; "vary with"; "leaving X aside", "apart of", "which are not smokers"; and words that
name all of the data ("counting every strength band", "over the whole two years")."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "limit", "direction"),
    [
        ("Which were the thirteen least populous African countries in 1977?", 13, "asc"),
        ("the twenty-five richest countries in 2002", 25, "desc"),
        ("the votes for joly in each district, only the 5 first", 5, "desc"),
        ("the 5 richest countries of asia in 2007, starting from the highest", 5, "desc"),
        (
            "which six countries of europe had the lowest gdp per capita in 1992, starting with the lowest",
            6,
            "asc",
        ),
        ("the three directions where the wind blows the less often", 3, "asc"),
    ],
)
def test_rankings_worded_otherwise(planner: RulePlanner, question: str, limit: int, direction: str) -> None:
    plan = planner.plan(question)
    assert (plan.limit, plan.sort.direction if plan.sort else None) == (limit, direction)


def test_the_most_high_of_each_group_is_its_maximum(planner: RulePlanner) -> None:
    plan = planner.plan("the most high price of each ticker in 2019")
    assert (measures_of(plan), plan.dimension, plan.limit) == ([("price", "max")], "ticker", None)
    per_group = planner.plan("the smallest life expectancy of a single country in every continent, 1987")
    assert (measures_of(per_group), per_group.dimension) == ([("life_exp", "min")], "continent")


def test_each_of_a_counted_group_groups(planner: RulePlanner) -> None:
    plan = planner.plan("lowest price of each of the six tickers in 2019")
    assert (measures_of(plan), plan.dimension, plan.limit) == ([("price", "min")], "ticker", None)


@pytest.mark.parametrize(
    ("question", "dimension", "filters"),
    [
        ("who tips more on weekdays thu/fri: men or women?", "sex", [("day", "in", ["Thur", "Fri"])]),
        (
            "avg tip, smokers vs non-smokers, saturday and sunday only",
            "smoker",
            [("day", "in", ["Sat", "Sun"])],
        ),
    ],
)
def test_the_dimension_named_whole_is_compared(
    planner: RulePlanner, question: str, dimension: str, filters: list[tuple[str, str, object]]
) -> None:
    """Every value of one dimension named ("men or women") is what is compared; values named of another
    only filter, with no series."""
    plan = planner.plan(question)
    assert (plan.dimension, plan.series) == (dimension, None)
    assert all(f in filters_of(plan) for f in filters)


def test_averages_of_two_measures_for_named_values_are_bars(planner: RulePlanner) -> None:
    plan = planner.plan("mean bill and mean tip at lunch and at dinner")
    assert (plan.chart_type, plan.dimension) == ("bar", "meal")
    assert measures_of(plan) == [("total_bill", "avg"), ("tip", "avg")]


def test_values_named_as_a_restriction_are_no_series(planner: RulePlanner) -> None:
    plan = planner.plan(
        "scatter of petal length against petal width for the setosa and virginica irises only"
    )
    assert (plan.chart_type, plan.series) == ("scatter", None)
    assert filters_of(plan) == [("species", "in", ["setosa", "virginica"])]
    compared = planner.plan("scatter plot of petal width against sepal length for setosa and virginica")
    assert compared.series == "species"


def test_colour_equals_colours_the_scatter(planner: RulePlanner) -> None:
    plan = planner.plan("scatter sepal length vs petal length, color = species")
    assert (plan.chart_type, plan.series) == ("scatter", "species")


def test_break_down_names_no_pie(planner: RulePlanner) -> None:
    plan = planner.plan("break the medals of Canada and China down by type, split by nation")
    assert (plan.chart_type, plan.dimension, plan.series) == ("bar", "medal", "nation")
    assert planner.plan("breakdown of population by continent in 2007").chart_type == "bar"


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("how does the average bill vary with the size of the party?", "party_size"),
        ("does the tip change from day to day?", "day"),
        ("how does the tip percentage differ across meals", "meal"),
    ],
)
def test_what_something_varies_with_groups_it(planner: RulePlanner, question: str, dimension: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.use_time) == (dimension, False)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Setting gold aside, medals of each nation", ("medal", "ne", "Gold")),
        ("every stock apart of netflix over time, one line each", ("ticker", "ne", "NFLX")),
        ("average bill on each day for the men who are not smokers", ("smoker", "eq", "No")),
        ("life expectancy of the countries which are not in Africa, 2007", ("continent", "ne", "Africa")),
    ],
)
def test_more_ways_to_leave_values_out(
    planner: RulePlanner, question: str, expected: tuple[str, str, object]
) -> None:
    assert expected in filters_of(planner.plan(question))


def test_words_naming_all_of_the_data(planner: RulePlanner) -> None:
    plan = planner.plan("including all strength bands, the four directions the wind blows from most often")
    assert (plan.dimension, plan.limit, plan.filters) == ("direction", 4, [])
    whole = planner.plan("the two tickers with the highest average price over the whole two years")
    assert (whole.time_range, whole.limit) == (None, 2)
    # What the sum is over, said with "every": no grouping by it.
    summed = planner.plan("The 2 directions the wind blows from most often, every strength band summed")
    assert (summed.dimension, summed.limit, summed.filters) == ("direction", 2, [])
    banded = planner.plan("The 2 directions the wind blows from most often, every band added up")
    assert (banded.dimension, banded.limit, banded.filters) == ("direction", 2, [])
    clause = planner.plan("The 2 directions the wind blows from most often, once every band is summed")
    assert (clause.dimension, clause.limit, clause.filters) == ("direction", 2, [])
    # And after the sum: "summed over every band" is what the sum is over, the directions the grouping.
    over = planner.plan("Which 2 directions does the wind come from most often, summed over every band?")
    assert (over.dimension, over.limit, over.filters) == ("direction", 2, [])
    strengths = planner.plan("the wind frequency of each strength band, summed over every direction")
    assert (strengths.dimension, strengths.limit, strengths.filters) == ("strength", None, [])
    total = planner.plan("Order the directions by their total frequency across all bands and keep the top 4.")
    assert (total.dimension, total.limit, total.filters) == ("direction", 4, [])


def test_chat_words_of_this_kind(planner: RulePlanner) -> None:
    """ "given", "in form of a pie": words that change nothing about the data."""
    assert measures_of(planner.plan("the smallest bill given on each day")) == [("total_bill", "min")]
    assert planner.plan("votes of each candidate in form of a pie").chart_type == "pie"


def test_the_highest_value_each_named_value_reached_is_its_maximum(planner: RulePlanner) -> None:
    """ "the lowest price Apple and Microsoft fell to": each one's own extreme, not a top 10 of averages."""
    plan = planner.plan("the lowest price Apple and Microsoft hit in 2019, as bars")
    assert measures_of(plan) == [("price", "min")]
    assert plan.dimension == "ticker" and plan.limit is None
    assert filters_of(plan) == [("ticker", "in", ["AAPL", "MSFT"])]


def test_which_of_the_named_values_still_ranks(planner: RulePlanner) -> None:
    plan = planner.plan("which of Apple and Microsoft had the highest price in 2019")
    assert measures_of(plan) == [("price", "avg")]


@pytest.mark.parametrize(
    "question",
    [
        "the largest number of votes each candidate got in one district",
        "highest tally of medals in a single medal type for every nation",
    ],
)
def test_the_largest_count_of_each_group_is_its_maximum(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert measures_of(plan)[0][1] == "max"
    assert plan.limit is None


def test_busiest_to_quietest_is_a_descending_order(planner: RulePlanner) -> None:
    plan = planner.plan("number of tables per meal, sorted busiest to quietest")
    assert measures_of(plan)[0][1] == "count"
    assert plan.dimension == "meal"
    assert plan.sort is not None and plan.sort.direction == "desc"
    up = planner.plan("number of tables per meal from quietest to busiest")
    assert up.sort is not None and up.sort.direction == "asc"


def test_which_of_all_the_values_counted_ranks_them_all(planner: RulePlanner) -> None:
    # "the six companies" names every company, in words as in digits; the ranking picks among them.
    for count in ("six", "6"):
        plan = planner.plan(f"Which of the {count} companies had the highest average share price in 2019?")
        assert (plan.dimension, plan.sort.direction if plan.sort else None, plan.limit) == (
            "ticker",
            "desc",
            None,
        )
        one = planner.plan(
            f"Which of the {count} companies had the highest average share price in 2019? Only that one."
        )
        assert one.limit == 1
    # A count of all that is asked as a top list stays one.
    assert planner.plan("the six companies with the highest price").limit == 6
