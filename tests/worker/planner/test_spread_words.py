"""Distributions and extremes (worker.planner.spread_words): how X is spread across Y, records and peaks,
the single highest, typical values and the most common value, in phrasings a user of that voice types."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "chart_type"),
    [
        ("How is total GDP split among the continents in 2002?", [("gdp", "sum")], "continent", "bar"),
        ("How the votes were divided between the candidates", [("votes", "sum")], "candidate", "bar"),
        ("how gold medals are spread across the nations, pie chart", [("medals", "sum")], "nation", "pie"),
        (
            "How wind frequency spreads across the compass directions",
            [("frequency", "sum")],
            "direction",
            "bar",
        ),
    ],
)
def test_how_x_is_spread_across_y_is_x_over_y(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str, chart_type: str
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == measures
    assert plan.dimension == dimension
    assert plan.chart_type == chart_type


def test_a_distribution_without_across_stays_a_histogram(planner: RulePlanner) -> None:
    for question in ("Spread of petal width for setosa", "distribution of population in 1977"):
        plan = planner.plan(question)
        assert plan.chart_type == "histogram"
        assert measures_of(plan)[0][1] == "none"
        assert plan.dimension is None


@pytest.mark.parametrize(
    ("question", "measures", "dimension"),
    [
        ("The record population per continent in 1987", [("pop", "max")], "continent"),
        ("peak weekly share price per stock in 2018", [("price", "max")], "ticker"),
        ("The single largest bill on each day", [("total_bill", "max")], "day"),
        ("The single lowest life expectancy per continent in 1962", [("life_exp", "min")], "continent"),
        ("The single highest district vote for each candidate", [("votes", "max")], "candidate"),
        ("Typical tip per day", [("tip", "median")], "day"),
        ("typical petal width for each species", [("petal_width", "median")], "species"),
        ("typical weekly share price by company in 2018", [("price", "median")], "ticker"),
        ("typical weekly close per company in 2019", [("price", "median")], "ticker"),
        ("peak weekly close per stock in 2018", [("price", "max")], "ticker"),
    ],
)
def test_records_peaks_and_typical_values_are_aggregations(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == measures
    assert plan.dimension == dimension
    assert plan.chart_type == "bar"
    assert plan.limit is None


def test_the_record_low_of_named_values_is_their_minimum(planner: RulePlanner) -> None:
    plan = planner.plan("The record low of Netflix and Google in 2018")
    assert measures_of(plan) == [("price", "min")]
    assert filters_of(plan) == [("ticker", "in", ["NFLX", "GOOG"])]
    assert plan.limit is None


def test_over_the_years_the_data_covers_is_the_whole_data(planner: RulePlanner) -> None:
    plan = planner.plan("Lowest price each stock hit across the whole two years")
    assert measures_of(plan) == [("price", "min")]
    assert plan.time_range is None
    with pytest.raises(UnchartableQuestion):
        planner.plan("Peak price per company over the three years")


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "direction", "filters"),
    [
        (
            "What is the most common day for smokers?",
            [("tip", "count")],
            "day",
            "desc",
            [("smoker", "eq", "Yes")],
        ),
        ("the least common party size", [("tip", "count")], "party_size", "asc", []),
        (
            "Which meal is most common on Saturday?",
            [("tip", "count")],
            "meal",
            "desc",
            [("day", "eq", "Sat")],
        ),
        (
            "most common strength band for north winds",
            [("frequency", "sum")],
            "strength",
            "desc",
            [("direction", "eq", "N")],
        ),
    ],
)
def test_the_most_common_value_of_a_dimension_is_a_sorted_count(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    direction: str,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == measures
    assert plan.dimension == dimension
    assert plan.sort is not None
    assert plan.sort.direction == direction
    assert plan.limit is None
    assert filters_of(plan) == filters


def test_a_counted_ranking_of_the_most_common_keeps_its_count(planner: RulePlanner) -> None:
    plan = planner.plan("the two most common wind directions for 6+ winds")
    assert measures_of(plan) == [("frequency", "sum")]
    assert plan.limit == 2
    plan = planner.plan("The 3 least common party sizes")
    assert measures_of(plan) == [("tip", "count")]
    assert plan.sort is not None
    assert plan.sort.direction == "asc"
    assert plan.limit == 3


@pytest.mark.parametrize(
    "question",
    [
        "What is the most common total bill?",
        "The most common share price for each company",
        "Outliers in tips per day",
        "The 90th percentile of price per company",
        "Quartiles of sepal width by species",
        "tip amounts by day as a box plot",
        "Standard deviation of life expectancy by continent in 2007",
        "the record golds at one Olympics for each nation",
        "Countries whose GDP per capita topped 30000 at least once",
    ],
)
def test_statistics_without_an_aggregation_stay_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    ("question", "chart"),
    [
        ("How China's medals split across gold, silver and bronze.", "bar"),
        ("A pie of how South Korea's medals divide between gold, silver and bronze.", "pie"),
    ],
)
def test_how_x_split_across_y_without_is_is_x_over_y(planner: RulePlanner, question: str, chart: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("medals", "sum")], "medal", chart)
