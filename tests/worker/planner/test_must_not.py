"""What a chart must not be or do (worker.planner.must_not): "not a pie", "don't average it, add it up",
"don't split it by species", "don't sort it", "no more than five bars" with "top 5". Each is read as what
the chart must be; one that contradicts the rest, names nothing in the data or leaves nothing said instead
is refused, naming its words; text with no prohibition is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.must_not import unmust_not
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "chart"),
    [
        ("Population by continent in 2007, not as bars: a pie.", "pie"),
        ("Average bill per sex, never as a line", "bar"),
        ("Bergeron's votes by district, top 5 only, not a pie.", "bar"),
        ("No bars and no pie: a histogram of the total bills at dinner.", "histogram"),
        ("Average price per company in Q4 2018, not as a line over time: one bar per company.", "bar"),
        ("tip against total bill, not as bars", "scatter"),
        ("Median tip by sex, please don't make it a pie chart", "bar"),
    ],
)
def test_a_chart_type_ruled_out_leaves_the_one_drawn(planner: RulePlanner, question: str, chart: str) -> None:
    assert planner.plan(question).chart_type == chart


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("Total bill by day: don't average it, add it up.", ("total_bill", "sum")),
        ("Petal width by species, not the mean: the maximum.", ("petal_width", "max")),
        ("Not the average tip, the median tip, by day.", ("tip", "median")),
        ("Sepal length by species, not summed and not averaged: the minimum", ("sepal_length", "min")),
        ("Tip by sex, don't take the mean, I want the median", ("tip", "median")),
    ],
)
def test_the_aggregation_named_wins(planner: RulePlanner, question: str, measure: tuple[str, str]) -> None:
    assert measures_of(planner.plan(question)) == [measure]


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("Medals by nation. Don't break it down by type.", "nation"),
        ("Wind frequency by strength band. Don't split it by direction.", "strength"),
        ("Sepal length against sepal width as a scatter, no colours, don't split it by species.", None),
        ("Life expectancy in Africa over time as one line, not one line per country.", None),
    ],
)
def test_a_grouping_ruled_out_splits_nothing(
    planner: RulePlanner, question: str, dimension: str | None
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series) == (dimension, None)


def test_values_named_together_are_combined_when_a_split_is_ruled_out(planner: RulePlanner) -> None:
    plan = planner.plan("India's and China's population since 1972. Don't split it by country.")
    assert plan.series is None
    assert filters_of(plan) == [("country", "in", ["India", "China"])]


@pytest.mark.parametrize(
    "question",
    [
        "Average tip by day. Not a pie, and don't reorder the days.",
        "Medals by nation, and please don't sort them",
        "Number of tables per party size, don't sort by the count.",
        "Wind frequency by direction, don't sort it: keep the compass order.",
        "Votes by candidate, not ranked by votes",
    ],
)
def test_a_sort_ruled_out_keeps_the_dimensions_order(planner: RulePlanner, question: str) -> None:
    assert planner.plan(question).sort is None


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("The top 5 countries by GDP per capita in 2007, no more than five bars.", 5),
        ("Google's price over time. Don't restrict the dates, I want the whole thing.", None),
        ("Apple and Microsoft week by week in 2019. Don't merge them into one line, one line each.", None),
        ("Medals by type for Canada. Don't include the other two nations.", None),
    ],
)
def test_a_prohibition_restating_the_rest_comes_off(
    planner: RulePlanner, question: str, limit: int | None
) -> None:
    assert planner.plan(question).limit == limit


@pytest.mark.parametrize(
    ("question", "left_out"),
    [
        ("Number of tables per party size. Don't count the tables of 1.", ("party_size", "ne", 1)),
        ("Tip percentage by sex, but not for smokers.", ("smoker", "ne", "Yes")),
        ("Average tip by day, do not include Sunday", ("day", "ne", "Sun")),
    ],
)
def test_values_ruled_out_are_left_out(
    planner: RulePlanner, question: str, left_out: tuple[str, str, object]
) -> None:
    assert filters_of(planner.plan(question)) == [left_out]


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Life expectancy by continent in 2007, just not the average.", "not the average"),
        ("median tip by day, not the median", "not the median"),
        ("Average bill per day, not as bars", "not as bars"),
        ("Share of population by continent, not a pie", "not a pie"),
        ("Medals by nation, not as bars or a pie: a world map shaded by medals.", "not as bars or a pie"),
        ("Average tip by day, don't sort it, highest first", "don't sort it"),
        ("Votes by district, not ordered by votes: alphabetical by district name.", "not ordered by votes"),
        ("Medals by nation, don't split it by nation", "don't split it by nation"),
        ("Average tip by day, don't split it by mood", "don't split it by mood"),
        ("Price of Apple and Amazon over time, no colours", "no colours"),
        ("Apple and Google in 2019, don't merge them", "don't merge them"),
        ("Price of Apple since 2019, don't restrict the dates", "don't restrict the dates"),
        ("Population by country, no more than 10 bars", "no more than 10 bars"),
        ("Medals by type, don't include the other nations", "don't include the other nations"),
    ],
)
def test_a_prohibition_that_cannot_be_honoured_is_refused(
    planner: RulePlanner, question: str, words: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=words):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "Average tip by day as bars",
        "Average bill by party size for non-smokers and not on Fridays",
        "Population of countries not in Europe",
    ],
)
def test_text_with_no_prohibition_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert unmust_not(question, semantic_model) == question


@pytest.mark.parametrize(
    ("question", "chart"),
    [
        ("No bars! A pie instead: the total bill for lunch and dinner.", "pie"),
        ("A pie instead: the total tips for each sex.", "pie"),
        ("The total tips by smoker - bars instead.", "bar"),
    ],
)
def test_a_type_asked_instead_is_that_type(planner: RulePlanner, question: str, chart: str) -> None:
    """ "A pie instead:" was set aside as context and the shares were drawn as bars."""
    assert planner.plan(question).chart_type == chart
