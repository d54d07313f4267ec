"""A statistician's vocabulary (worker.planner.stats_vocabulary): subsets and conditions written as
"X = V", observations of a year, frequencies of observations, univariate and bivariate charts,
stratification, "expressed as" and the full sample period, in phrasings that voice types; and text
that only looks like it, left as it is."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.plan import ChartPlan
from worker.planner.rules import RulePlanner
from worker.planner.stats_vocabulary import unstatistic
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "spelt"),
    [
        ("Median tip per sex, subset where day = Sun.", "Median tip per sex, where day = 'Sun'."),
        (
            "Mean votes by district, conditional on candidate = Joly",
            "Mean votes by district, where candidate = 'Joly'",
        ),
        (
            "Max pop per country for the subset continent = Asia",
            "Max pop per country where continent = 'Asia'",
        ),
        (
            "Mean petal width by species, subset where sepal length >= 6",
            "Mean petal width by species, where sepal length >= 6",
        ),
        (
            "Sum of GDP per continent, conditional on year = 1997",
            "Sum of GDP per continent, where year = 1997",
        ),
        (
            "Mean tip by day, conditional on the party being large",
            "Mean tip by day, for the party being large",
        ),
    ],
)
def test_conditions_are_spelt_as_sql(semantic_model: SemanticModel, question: str, spelt: str) -> None:
    assert unstatistic(question, semantic_model) == spelt


@pytest.mark.parametrize(
    ("question", "spelt"),
    [
        ("Max population per continent for the 1992 observations", "Max population per continent in 1992"),
        ("Mean GDP by continent, 1977 observations only", "Mean GDP by continent, in 1977"),
        ("Mean price by company, observations restricted to year 2019", "Mean price by company, in 2019"),
        ("Frequency of daily observations by day", "count of rows by day"),
        ("Univariate distribution of sepal width", "histogram of sepal width"),
        ("Bivariate scatter of pop against GDP", "scatter of pop against GDP"),
        ("Mean bill grouped by meal, stratified by smoker", "Mean bill grouped by meal, split by smoker"),
        ("Votes per candidate expressed as a pie", "Votes per candidate as a pie"),
        (
            "Count of weeks with price under 0.9 (relative to the January 2018 base)",
            "Count of weeks with price under 0.9",
        ),
        ("Median weekly price per company across the entire sample", "Median price per company"),
    ],
)
def test_statistical_words_are_spelt_out(semantic_model: SemanticModel, question: str, spelt: str) -> None:
    assert unstatistic(question, semantic_model) == spelt


@pytest.mark.parametrize(
    "question",
    [
        "SELECT day, AVG(tip) FROM tips WHERE smoker = 'No' GROUP BY day",
        "tip by day where sex = 'Female'",
        "a subset of the countries",  # no condition after "subset"
        "subset where the tip was generous",  # no field and operator
        "average weekly price per company over the two years",  # not the full sample: left to the readers
        "distribution of life expectancy",
        "frequency by direction",
        "observations of tips by day",
        "conditional probability of a smoker",  # no "on"
    ],
)
def test_text_without_the_vocabulary_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert unstatistic(question, semantic_model) == question


def test_a_multi_word_value_is_quoted_whole_and_stops_before_lower_case(
    semantic_model: SemanticModel,
) -> None:
    spelt = unstatistic(
        "Mean life expectancy over time, subset where country = New Zealand since 1990", semantic_model
    )
    assert spelt == "Mean life expectancy over time, where country = 'New Zealand' since 1990"


def _plan(planner: RulePlanner, model: SemanticModel, question: str) -> ChartPlan:
    return planner.plan(unstatistic(question, model))


def test_a_conditioned_bar_is_filtered(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    plan = _plan(planner, semantic_model, "Median tip per sex, conditional on day = Sun.")
    assert measures_of(plan) == [("tip", "median")]
    assert plan.dimension == "sex"
    assert filters_of(plan) == [("day", "eq", "Sun")]


def test_a_condition_on_the_year_is_the_period(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    plan = _plan(planner, semantic_model, "Maximum GDP per capita by continent, subset where year = 1987.")
    assert plan.dimension == "continent"
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("1987", "1987")
    assert filters_of(plan) == []


def test_a_frequency_of_observations_is_a_count(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    plan = _plan(planner, semantic_model, "Frequency of observations by day, subset where smoker = No.")
    assert measures_of(plan) == [("tip", "count")]
    assert plan.dimension == "day"
    assert filters_of(plan) == [("smoker", "eq", "No")]


def test_a_stratified_scatter_is_coloured(planner: RulePlanner, semantic_model: SemanticModel) -> None:
    plan = _plan(
        planner,
        semantic_model,
        "Bivariate scatter of sepal width against petal width, stratified by species.",
    )
    assert plan.chart_type == "scatter"
    assert [m for m, _ in measures_of(plan)] == ["sepal_width", "petal_width"]
    assert plan.series == "species"


def test_a_univariate_distribution_is_a_histogram(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    plan = _plan(
        planner, semantic_model, "Univariate distribution of total bill, conditional on meal = Lunch."
    )
    assert plan.chart_type == "histogram"
    assert measures_of(plan) == [("total_bill", "none")]
    assert filters_of(plan) == [("meal", "eq", "Lunch")]


def test_a_statistic_over_the_full_sample_is_one_bar_per_group(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    plan = _plan(planner, semantic_model, "Maximum weekly price per company over the entire sample period.")
    assert plan.chart_type == "bar"
    assert plan.dimension == "ticker"
    assert not plan.use_time
    assert plan.time_range is None
