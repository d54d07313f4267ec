"""Per-group aggregates from superlatives and sum words, counts written away from their ranking, counting
rows, numeric conditions on dimensions, and two levels of aggregation (issue #12)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner, UnchartableQuestion


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("highest sepal length for each species", ("sepal_length", "max"), "species"),
        ("the lowest price of each stock during 2019", ("price", "min"), "ticker"),
        ("peak closing price of each ticker in 2018", ("price", "max"), "ticker"),
        ("smallest tip per day", ("tip", "min"), "day"),
        ("the longest petals for each species", ("petal_length", "max"), "species"),
    ],
)
def test_a_superlative_with_a_grouping_is_the_extreme_of_each_group(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [measure] and plan.dimension == dimension and plan.limit is None


@pytest.mark.parametrize(
    "question",
    [
        "how much was billed altogether at each meal?",
        "How much did tables tip in total on each day?",
        "total tip by day",
        "how much did each party size tip altogether",
    ],
)
def test_sum_words_add_up(planner: RulePlanner, question: str) -> None:
    assert planner.plan(question).measures[0].agg == "sum"


def test_combined_values_are_added_up_not_split(planner: RulePlanner) -> None:
    plan = planner.plan("combined frequency of N, NNE and NE winds by strength")
    assert filters_of(plan) == [("direction", "in", ["N", "NNE", "NE"])]
    assert (plan.dimension, plan.series) == ("strength", None)
    weekend = planner.plan("average tip by sex on weekends")
    assert filters_of(weekend) == [("day", "in", ["Sat", "Sun"])] and weekend.series is None


@pytest.mark.parametrize(
    ("question", "limit", "low"),
    [
        ("which four African nations had the highest life expectancy in 1982?", 4, False),
        ("Of the European countries, which 7 were the most populous in 1957?", 7, False),
        ("Show the two tickers with the lowest average price in 2019", 2, True),
        ("the 3 largest Asian economies in 1992", 3, False),
        ("Coderre's 10 weakest districts", 10, True),
        ("which 2 candidates got the most votes", 2, False),
    ],
)
def test_a_count_anywhere_in_the_phrase_limits_the_ranking(
    planner: RulePlanner, question: str, limit: int, low: bool
) -> None:
    plan = planner.plan(question)
    assert plan.limit == limit and plan.sort is not None
    assert plan.sort.direction == ("asc" if low else "desc")


def test_a_count_of_every_value_asks_for_nothing_more(planner: RulePlanner) -> None:
    plan = planner.plan("How did the three candidates do in 111-Mile-End?")
    assert plan.limit is None and plan.dimension == "candidate"
    assert filters_of(plan) == [("district", "eq", "111-Mile-End")]


@pytest.mark.parametrize(
    ("question", "dimension", "filters"),
    [
        ("how many tables of each size were there?", "party_size", []),
        ("Number of tables served per day at dinner", "day", [("meal", "eq", "Dinner")]),
        ("how many weeks did each stock close above 1.5 in 2019?", "ticker", [("price", "gt", 1.5)]),
        ("number of parties of 5 or more by day", "day", [("party_size", "gte", 5)]),
    ],
)
def test_counting_rows_named_by_what_they_are(
    planner: RulePlanner, question: str, dimension: str, filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert plan.measures[0].agg == "count" and plan.dimension == dimension and not plan.use_time
    assert filters_of(plan) == filters


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("average tip for parties of 3 or more, by day", ("party_size", "gte", 3)),
        ("tip percentage for groups smaller than 3, smokers vs non-smokers", ("party_size", "lt", 3)),
        ("avg tip each day for tabels of 2 to 4 people", ("party_size", "between", [2, 4])),
        ("average check by day for tables of four", ("party_size", "eq", 4)),
        ("average tip per party size for groups of at least 3", ("party_size", "gte", 3)),
        ("how many flowers of each species have petals longer than 5 cm?", ("petal_length", "gt", 5)),
        ("countries with life expectancy of 80 or more in 2007", ("life_exp", "gte", 80)),
    ],
)
def test_numeric_conditions_on_dimensions_and_by_comparison(
    planner: RulePlanner, question: str, condition: tuple[str, str, object]
) -> None:
    assert condition in filters_of(planner.plan(question))


@pytest.mark.parametrize(
    "question",
    [
        "what is the average, across continents, of each continent's highest life expectancy in 2007?",
        "on average, how many tables does the restaurant serve per day?",
        "how many days had more than 50 tables?",
        "average number of diners per table on each day",
    ],
)
def test_two_levels_of_aggregation_are_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="two levels of aggregation"):
        planner.plan(question)


def test_the_winner_of_a_district_is_a_filter_on_winners(planner: RulePlanner) -> None:
    plan = planner.plan("votes for Bergeron and Joly in the districts Coderre won")
    assert ("winner", "eq", "Coderre") in filters_of(plan) and plan.dimension == "candidate"
    plan = planner.plan("districts Bergeron won")
    assert filters_of(plan) == [("winner", "eq", "Bergeron")] and plan.dimension == "district"


def test_a_share_of_a_value_splits_by_its_dimension(planner: RulePlanner) -> None:
    plan = planner.plan("What share of China's medals were gold?")
    assert (plan.chart_type, plan.dimension) == ("pie", "medal")
    assert filters_of(plan) == [("nation", "eq", "China")]
