"""A superlative of one measure with no grouping and "ever" or "single" asks for the extreme value, not the
highest average: each group's maximum (minimum) over the dataset's default dimension, ranked, with a title
that says the maximum."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import measures_of
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "measure", "title"),
    [
        ("the largest tip ever", ("tip", "max"), "Maximum tip by day"),
        ("the greatest tip ever", ("tip", "max"), "Maximum tip by day"),
        ("biggest single check", ("total_bill", "max"), "Maximum total bill by day"),
        ("lowest tip ever left", ("tip", "min"), "Minimum tip by day"),
        ("highest share price ever", ("price", "max"), "Maximum stock price by company"),
    ],
)
def test_the_extreme_value_is_charted_and_titled(
    planner: RulePlanner, question: str, measure: tuple[str, str], title: str
) -> None:
    answer = planner.answer(question)
    assert measures_of(answer.plan) == [measure]
    assert answer.plan.title == title and answer.plan.time_range is None
    assert answer.plan.sort is not None and answer.plan.sort.direction == (
        "asc" if "min" in measure else "desc"
    )


def test_a_single_line_is_a_chart_form_not_a_single_value(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("average tip as a single line")) == [("tip", "avg")]


def test_without_ever_a_superlative_still_ranks_the_average(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("biggest tip")) == [("tip", "avg")]


def test_on_survey_data_ever_looks_past_the_latest_survey(planner: RulePlanner) -> None:
    """Gapminder charts one survey year unless told otherwise; "ever" asks for every year."""
    plan = planner.plan("which country had the highest life expectancy ever")
    assert measures_of(plan) == [("life_exp", "max")]
    assert (plan.dimension, plan.time_range, plan.limit) == ("country", None, 1)
    plan = planner.plan("the 5 countries with the lowest gdp per capita ever")
    assert measures_of(plan) == [("gdp_per_capita", "min")] and plan.time_range is None
    # Without "ever" the ranking is of the latest survey, as before.
    assert planner.plan("the country with the highest life expectancy").time_range is not None
