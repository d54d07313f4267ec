"""A cook's recipe (worker.planner.recipes): the ingredients name the data, the Method's cooking verbs are
the plan's words, and the serving size, prep time, garnish and "until golden" set nothing; a cooking word
no rule reads, and a recipe of two datasets, stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.recipes import unrecipe
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_serves_n_is_no_party_size_and_a_pinch_of_a_value_is_what_the_method_does_with_it(
    planner: RulePlanner,
) -> None:
    plan = planner.plan(
        "Ingredients: the tips data, a cup of lunch. Method: 1. Keep only lunch. "
        "2. Average the total bill by sex. 3. Plate it as a pie. Serves 6."
    )
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("tips", "sex", "pie")
    assert measures_of(plan) == [("total_bill", "avg")]
    assert filters_of(plan) == [("meal", "eq", "Lunch")]
    assert plan.limit is None


def test_a_survey_year_among_the_ingredients_is_the_period_and_the_cooking_time_is_none(
    planner: RulePlanner,
) -> None:
    plan = planner.plan(
        "Recipe for a continental bar chart. Ingredients: the gapminder data, the 1977 survey, GDP per "
        "capita. Method: 1. Average GDP per capita for each continent. 2. Serve as bars, highest first. "
        "Cooking time: 10 minutes."
    )
    assert (plan.dimension, plan.chart_type, plan.limit) == ("continent", "bar", None)
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("1977", "1977")
    assert plan.sort is not None and plan.sort.by == "gdp_per_capita"


@pytest.mark.parametrize(
    ("question", "column", "value"),
    [
        (
            "Ingredients: the tips data, a pinch of Saturday. Method: 1. Strain out Saturday. "
            "2. Bake a histogram of the tip until golden. 3. Garnish with a title.",
            "day",
            "Sat",
        ),
        (
            "Ingredients: the iris data, versicolor. Method: 1. Sift out the versicolor flowers. "
            "2. Bake a histogram of petal width. 3. Serve.",
            "species",
            "versicolor",
        ),
    ],
)
def test_sift_or_strain_out_is_an_exclusion_and_bake_a_histogram_is_the_chart(
    planner: RulePlanner, question: str, column: str, value: str
) -> None:
    plan = planner.plan(question)
    assert plan.chart_type == "histogram"
    assert filters_of(plan) == [(column, "ne", value)]


def test_season_with_one_colour_per_species_is_the_series_and_on_x_puts_that_measure_first(
    planner: RulePlanner,
) -> None:
    plan = planner.plan(
        "Ingredients: the iris data, sepal length, sepal width. Method: 1. Scatter sepal length against "
        "sepal width, sepal width on x. 2. Season with one colour per species."
    )
    assert (plan.chart_type, plan.series) == ("scatter", "species")
    assert [m for m, _ in measures_of(plan)] == ["sepal_width", "sepal_length"]


def test_whisked_values_are_combined_in_one_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Ingredients: the medals data, silver and gold. Method: 1. Whisk the silver and the gold medals "
        "together. 2. One bar per nation, most first."
    )
    assert (plan.dimension, plan.series) == ("nation", None)
    assert filters_of(plan) == [("medal", "in", ["Silver", "Gold"])]


def test_simmered_week_by_week_through_a_year_is_that_years_line(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Ingredients: the stocks data, Netflix. Method: 1. Simmer Netflix's share price week by week "
        "through 2018. 2. Serve as a line. Serves 5."
    )
    assert (plan.chart_type, plan.use_time) == ("line", True)
    assert filters_of(plan) == [("ticker", "eq", "NFLX")]
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("2018", "2018")


def test_spread_over_the_districts_and_reduce_to_her_top_n(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Ingredients: the election data, Joly. Method: 1. Take Joly's votes. 2. Spread them over the "
        "districts. 3. Reduce to her top 3 districts. 4. Serve as bars."
    )
    assert (plan.dimension, plan.limit, plan.chart_type) == ("district", 3, "bar")
    assert filters_of(plan) == [("candidate", "eq", "Joly")]


def test_folding_in_named_directions_one_colour_each_splits_by_them(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Ingredients: the wind data. Method: 1. Add up the wind frequency for each strength band. "
        "2. Fold in the directions E and W, one colour each. 3. Serve as bars."
    )
    assert (plan.dimension, plan.series) == ("strength", "direction")
    assert filters_of(plan) == [("direction", "in", ["E", "W"])]


def test_every_value_listed_in_that_order_is_only_an_order(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Ingredients: the medals data, South Korea. Method: 1. Take South Korea's medals. 2. Break them "
        "down by type, bronze, silver and gold in that order. 3. Serve as bars."
    )
    assert plan.dimension == "medal"
    assert filters_of(plan) == [("nation", "eq", "South Korea")]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "Ingredients: the tips data, the total bill. Method: 1. Take the total bill by day. "
            "2. Reduce until thick. 3. Serve as bars.",
            "thick",
        ),
        (
            "Ingredients: the tips data, the tip. Method: 1. Average the tip by day. "
            "2. Season with Friday, to taste.",
            "Season",
        ),
    ],
)
def test_a_cooking_word_no_rule_reads_is_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


def test_a_recipe_of_two_datasets_is_left_as_written(semantic_model: SemanticModel) -> None:
    question = (
        "Ingredients: the tips data, the medals data. Method: 1. Serve the tips by day as bars. "
        "2. Plate the medals by nation as a pie."
    )
    assert unrecipe(question, semantic_model) == question


@pytest.mark.parametrize(
    "question",
    [
        "Average tip by day for dinner, as bars",
        "Step 1: take the tips data. Step 2: keep only lunch. Step 3: average the tip by day.",
        "Method: 1. the tips data 2. average tip by day",
        "Serves 4: the average tip by party size",
    ],
)
def test_text_without_a_recipe_reads_exactly_as_before(semantic_model: SemanticModel, question: str) -> None:
    assert unrecipe(question, semantic_model) == question
