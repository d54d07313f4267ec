"""Archaic English (worker.planner.archaic_english): a letter-writer's courtesies, old words, numbers in
scores, dates by their day and old names of places are charted as today's words would be; a cause, an
ambiguous holy day and a place the data lacks are refused naming the words; a modern question is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.archaic_english import unarchaic
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_courtesies_and_old_words_ask_for_nothing_more(planner: RulePlanner) -> None:
    plan = planner.plan("Prithee shew me the greatest gratuity upon each day, if thou wouldst.")
    assert (plan.dataset, measures_of(plan), plan.dimension) == ("tips", [("tip", "max")], "day")


@pytest.mark.parametrize(
    ("question", "column", "value"),
    [
        ("I beseech thee, the mean reckoning for each day, at supper alone.", "meal", "Dinner"),
        ("Pray shew the mean gratuity per day at luncheon.", "meal", "Lunch"),
        (
            "Shew me the votes of each candidate in the wards carried by a plurality, I pray.",
            "result",
            "plurality",
        ),
        ("The medals of silver won by each realm, if it please thee.", "medal", "Silver"),
    ],
)
def test_old_words_for_the_data_are_its_values(
    planner: RulePlanner, question: str, column: str, value: str
) -> None:
    assert (column, "eq", value) in filters_of(planner.plan(question))


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("Pray shew the sum of the reckonings on each day.", ("total_bill", "sum")),
        ("Shew me the widest breadth of the petal for each kind of bloom, I pray.", ("petal_width", "max")),
        ("Shew me the loftiest price of each concern, I beseech thee.", ("price", "max")),
        (
            "Prithee, the mean span of life in each continent in the year of our Lord 1977.",
            ("life_exp", "avg"),
        ),
    ],
)
def test_old_words_for_measures_are_the_measures(
    planner: RulePlanner, question: str, measure: tuple[str, str]
) -> None:
    assert measures_of(planner.plan(question)) == [measure]


@pytest.mark.parametrize(
    ("question", "op", "value"),
    [
        (
            "In the year of our Lord 2002, how many nations of each continent lived beyond fourscore years?",
            "gt",
            80,
        ),
        ("Pray count the nations of each continent that lived beyond threescore years in 1977.", "gt", 60),
    ],
)
def test_scores_are_numbers(planner: RulePlanner, question: str, op: str, value: int) -> None:
    assert ("life_exp", op, value) in filters_of(planner.plan(question))


def test_the_year_of_grace_and_days_of_a_month_are_dates(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Google's price, sennight by sennight, from the tenth day of March unto the last day of June 2019"
    )
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("2019-03-10", "2019-06-30")
    plan = planner.plan("Shew me the mean life expectancy of each continent in the year of grace 1982.")
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("1982", "1982")


def test_old_names_of_places_are_the_data_s_names(planner: RulePlanner) -> None:
    plan = planner.plan("Pray shew the inhabitants of Siam and of Persia in 1992, side by side.")
    assert ("country", "in", ["Thailand", "Iran"]) in filters_of(plan)
    plan = planner.plan("The mean life expectancy of the nations of the New World in 1962, I pray.")
    assert ("continent", "eq", "Americas") in filters_of(plan)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Wherefore did the gratuities fall upon Thursdays?", "Wherefore"),
        ("The mean reckoning upon the Sabbath, I pray.", "Sabbath"),
        ("Pray shew the inhabitants of Muscovy from 1952 unto 2007.", "Muscovy"),
        ("Shew me the life expectancy of Caledonia, I pray.", "Caledonia"),
        ("The mean wealth of the nations of the Old World, I pray.", "Old World"),
    ],
)
def test_a_cause_an_ambiguous_day_or_a_place_the_data_lacks_is_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "Show me the top 10 countries by population in 2007.",
        "Stock price of each company, week by week, in 2019",
        "How often does the wind blow from the north at each strength?",
        "Set the chart to show tips by day",
    ],
)
def test_a_modern_question_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unarchaic(text, semantic_model) == text
