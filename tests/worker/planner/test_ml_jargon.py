"""A machine-learning practitioner's words (worker.planner.ml_jargon): the class is the dimension named (or
the data's only category), class balance a count per class, samples the rows, features and targets the
measures; modelling, and a class that cannot be placed, are refused naming the words."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.ml_jargon import unml
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dataset", "measures", "dimension", "chart_type"),
    [
        (
            "Show me the class balance of the iris data: sample count per class.",
            "iris",
            [("sepal_length", "count")],
            "species",
            "bar",
        ),
        (
            "Label counts for the tips dataset, with smoker as the label.",
            "tips",
            [("tip", "count")],
            "smoker",
            "bar",
        ),
        (
            "Treating sex as the class label, plot the class balance of the tips samples as a pie.",
            "tips",
            [("tip", "count")],
            "sex",
            "pie",
        ),
        ("Class balance of the tips data with day as the class.", "tips", [("tip", "count")], "day", "bar"),
        ("Per-class average tip with sex as the label.", "tips", [("tip", "avg")], "sex", "bar"),
        (
            "Using continent as the class label, mean life_exp per class in 2002.",
            "gapminder",
            [("life_exp", "avg")],
            "continent",
            "bar",
        ),
        (
            "Election data: treat candidate as the class label and sum the votes feature per class.",
            "election",
            [("votes", "sum")],
            "candidate",
            "bar",
        ),
        (
            "Target = tip, grouped by the party size feature: mean target per size.",
            "tips",
            [("tip", "avg")],
            "party_size",
            "bar",
        ),
        (
            "Mean gdp_per_capita per continent class for the 1997 samples, sorted descending.",
            "gapminder",
            [("gdp_per_capita", "avg")],
            "continent",
            "bar",
        ),
        (
            "Per-class mean price with ticker as the class, 2018 samples only.",
            "stocks",
            [("price", "avg")],
            "ticker",
            "bar",
        ),
        ("For each class in iris, the mean sepal_width.", "iris", [("sepal_width", "avg")], "species", "bar"),
    ],
)
def test_the_class_is_the_dimension_named(
    planner: RulePlanner,
    question: str,
    dataset: str,
    measures: list[tuple[str, str]],
    dimension: str,
    chart_type: str,
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.chart_type) == (
        dataset,
        measures,
        dimension,
        chart_type,
    )


@pytest.mark.parametrize(
    ("question", "measures", "series"),
    [
        (
            "Feature vs target scatter for iris: petal_width (feature) against petal_length (target), "
            "coloured by class label.",
            [("petal_width", "none"), ("petal_length", "none")],
            "species",
        ),
        (
            "Scatter of the total_bill feature against the tip target in tips, one colour per day.",
            [("total_bill", "none"), ("tip", "none")],
            "day",
        ),
        (
            "Feature-feature scatter of the sepal_width feature vs the petal_length target per class "
            "in iris.",
            [("sepal_width", "none"), ("petal_length", "none")],
            "species",
        ),
    ],
)
def test_features_and_targets_are_the_measures_of_a_scatter(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], series: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.series, plan.chart_type) == (measures, series, "scatter")


@pytest.mark.parametrize(
    ("question", "measure", "filters", "year"),
    [
        (
            "EDA on iris: feature distribution of sepal_length across all samples, as a histogram.",
            "sepal_length",
            [],
            None,
        ),
        (
            "Feature distribution of tip_pct for the positive class (smoker = Yes), as a histogram.",
            "tip_pct",
            [("smoker", "eq", "Yes")],
            None,
        ),
        ("Histogram of the life_exp target for the 1952 samples in gapminder.", "life_exp", [], "1952"),
        ("Histogram of the tip target for the Dinner samples.", "tip", [("meal", "eq", "Dinner")], None),
        (
            "Target distribution of price for the NFLX samples, histogram.",
            "price",
            [("ticker", "eq", "NFLX")],
            None,
        ),
    ],
)
def test_a_feature_distribution_is_a_histogram_of_the_samples_named(
    planner: RulePlanner,
    question: str,
    measure: str,
    filters: list[tuple[str, str, object]],
    year: str | None,
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), filters_of(plan), plan.chart_type) == (
        [(measure, "none")],
        filters,
        "histogram",
    )
    assert (plan.time_range.start if plan.time_range else None) == year


def test_samples_are_rows_and_the_positive_class_a_filter(planner: RulePlanner) -> None:
    counted = planner.plan("Samples where total_bill > 30 in tips: count them per day.")
    assert (measures_of(counted), filters_of(counted)) == (
        [("total_bill", "count")],
        [("total_bill", "gt", 30)],
    )
    top = planner.plan(
        "Election samples for the positive class Joly only: votes per district, top 10 samples."
    )
    assert (top.dimension, filters_of(top), top.limit) == ("district", [("candidate", "eq", "Joly")], 10)
    only = planner.plan("Feature-feature scatter of sepal_length vs sepal_width, virginica class only.")
    assert filters_of(only) == [("species", "eq", "virginica")]


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Rank the four iris features by feature importance for predicting species.", "feature importance"),
        (
            "Do an 80/20 train/test split of the tips samples and plot the test-set tip distribution.",
            "train/test",
        ),
        (
            "Fit a linear regression of tip on total_bill and overlay the fitted line on the scatter.",
            "regression",
        ),
        # A heatmap is refused by name in any wording (worker.planner.ops_jargon), before the matrix is read.
        ("Correlation matrix heatmap of the four iris features.", "heatmap"),
        ("Train a classifier to predict each district's winner from the votes.", "classifier"),
        ("Z-score the gdp_per_capita feature and plot it for 2007 as a histogram.", "Z-score"),
        ("Run k-means with k=3 on the wind samples and plot total frequency per cluster.", "k-means"),
        ("Plot the first principal component of the six tickers' prices over time.", "principal component"),
        ("For each class in tips, mean tip.", "class"),
        ("Label counts for the gapminder data.", "Label"),
        ("Number of samples per class in the wind data.", "class"),
    ],
)
def test_modelling_and_an_unplaced_class_are_refused_naming_the_words(
    planner: RulePlanner, question: str, words: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=words):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "For my Year 9 class: mean tip per day.",
        "For a feature on tipping culture: the average tip percentage by day.",
        "Variance to target: average tip per day against our $3.50 target",
        "Median GDP per capita grouped by continent, 2007 observations only.",
    ],
)
def test_other_voices_words_are_left_alone(semantic_model: SemanticModel, question: str) -> None:
    assert unml(question, semantic_model) == question
