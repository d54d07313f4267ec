"""A student's homework sheet (worker.planner.homework): question labels carry no meaning and their
numbers are never limits; "Using the X dataset," names the data; textbook words are the planner's."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.homework import unschool
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("Q1. Plot the mean tip by day.", "Plot the mean tip by day."),
        ("Q12. For each company, show the price.", "For each company, show the price."),
        ("Part (c): Draw a histogram of tips.", "Draw a histogram of tips."),
        ("Exercise 4 - Which five countries?", "Which five countries?"),
        ("Question 3) Show medals by nation.", "Show medals by nation."),
        ("Problem 2b: Show medals by nation.", "Show medals by nation."),
        ("3. The average tip by day.", "The average tip by day."),
        # A year opening the question is no exercise number: it stays for the period's reader.
        ("1992. Life expectancy by continent then.", "1992. Life expectancy by continent then."),
    ],
)
def test_question_labels_are_dropped(said: str, read: str) -> None:
    assert unschool(said) == read


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        (
            "Exercise 4 - Which five countries had the largest population in 1952? "
            "Display your answer as a bar chart.",
            5,
        ),
        ("Q12. Draw a bar chart of the mean tip for each day.", None),
        ("Question 7) Using the medals dataset, draw a bar chart of the medals won by each nation.", None),
    ],
)
def test_a_labels_number_is_no_limit(planner: RulePlanner, question: str, limit: int | None) -> None:
    plan = planner.plan(question)
    assert (plan.limit, plan.chart_type) == (limit, "bar")


@pytest.mark.parametrize(
    ("question", "dataset", "measures"),
    [
        (
            "Q14. Using the tips dataset, plot the relationship between the total bill and the tip.",
            "tips",
            [("total_bill", "none"), ("tip", "none")],
        ),
        ("In the iris data, plot the mean petal width of each species.", "iris", [("petal_width", "avg")]),
        ("Using the wind dataset, plot the frequency for each direction.", "wind", [("frequency", "sum")]),
    ],
)
def test_using_the_dataset_names_the_data(
    planner: RulePlanner, question: str, dataset: str, measures: list[tuple[str, str]]
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan)) == (dataset, measures)


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        (
            "Exercise 16 - Draw a histogram of the total bill variable for dinner observations only.",
            [("meal", "eq", "Dinner")],
        ),
        (
            "Q28. Draw a histogram of sepal length for the virginica observations.",
            [("species", "eq", "virginica")],
        ),
        (
            "Using only the observations from Asia, plot the total population over time.",
            [("continent", "eq", "Asia")],
        ),
        ("Draw a histogram of the tip variable for the lunch observations.", [("meal", "eq", "Lunch")]),
    ],
)
def test_observations_are_rows(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, str]]
) -> None:
    assert filters_of(planner.plan(question)) == filters


@pytest.mark.parametrize(
    ("question", "dimension", "measures"),
    [
        ("Q17. Construct a frequency bar chart of party size.", "party_size", [("tip", "count")]),
        ("Construct a frequency bar chart of day.", "day", [("tip", "count")]),
        (
            "Q12. For each company, count the observations with a price above 1.5 "
            "and show the frequencies in a bar chart.",
            "ticker",
            [("price", "count")],
        ),
        (
            "Calculate the mean bill per person for male and female customers, broken down by meal.",
            "sex",
            [("bill_per_person", "avg")],
        ),
        (
            "Q24. Using the wind dataset, treat strength as a categorical variable "
            "and plot the total frequency for each strength.",
            "strength",
            [("frequency", "sum")],
        ),
    ],
)
def test_textbook_words(
    planner: RulePlanner, question: str, dimension: str, measures: list[tuple[str, str]]
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, measures_of(plan)) == (dimension, measures)


def test_a_percentage_of_observations_is_still_the_wind_unit(planner: RulePlanner) -> None:
    plan = planner.plan("Show the percentage of observations in each wind strength band as a pie.")
    assert (plan.dimension, measures_of(plan), plan.chart_type) == ("strength", [("frequency", "sum")], "pie")


def test_a_quarter_before_a_lowercase_word_is_no_homework_label(planner: RulePlanner) -> None:
    """ "Q2 mean price by ticker in 2019" asks for a quarter: dropped as a label "Q2", the chart silently
    showed all of 2019. It is read or refused, never dropped."""
    try:
        plan = planner.plan("Q2 mean price by ticker in 2019")
    except UnchartableQuestion as refused:
        assert "Q2" in str(refused)
    else:
        assert plan.time_range is not None and plan.time_range.start == "2019-04-01"
    # A label before a capital still is one.
    assert planner.plan("Q7 Plot the average tip by day").dimension == "day"


def test_a_year_opening_the_question_is_its_period(planner: RulePlanner) -> None:
    """ "1977." was taken for exercise 1977 and dropped: the latest survey was charted instead."""
    plan = planner.plan("1982. The average life expectancy of each continent in that year.")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1982", "1982")
