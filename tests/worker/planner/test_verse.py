"""Verse and inverted word order (worker.planner.verse): a request whose verb comes after its object ("the
average tip show me you must"), whose rhyme adds fillers ("as the years go by") or verse words ("the people
count") is charted as its plain words would be; "the best ones" with no measure is refused naming the
words; a question in plain word order is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.verse import unverse
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("By day, the average tip show me you must.", ("tip", "avg"), "day"),
        ("The total bill for each sex, chart it for me you will.", ("total_bill", "avg"), "sex"),
        ("Per continent, mean GDP per capita in 2007, highest first, see I wish.", ("gdp_per_capita", "avg"),
         "continent"),
        ("For each nation, the medals won, the biggest haul first is the chart I seek.", ("medals", "sum"),
         "nation"),
    ],
)  # fmt: skip
def test_a_verb_after_its_object_asks_for_nothing_more(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([measure], dimension, "bar")


def test_rhyme_fillers_over_the_years_are_a_line_over_time(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Of Canada and Mexico, the people count,\nsince 1972, show how they mount:\n"
        "one line for each as the years go by,\nthe population climbing high."
    )
    assert (measures_of(plan), plan.series, plan.use_time, plan.chart_type) == (
        [("pop", "sum")],
        "country",
        True,
        "line",
    )
    assert ("country", "in", ["Canada", "Mexico"]) in filters_of(plan)
    plan = planner.plan("Population in Brazil,\ncensus by census,\nsince 1980")
    assert (plan.use_time, plan.chart_type) == (True, "line")


def test_a_histogram_drawn_shows_the_spread(planner: RulePlanner) -> None:
    plan = planner.plan("The tips at lunch alone,\nas a histogram shown, let their spread be known.")
    assert (measures_of(plan), plan.chart_type) == ([("tip", "none")], "histogram")
    assert ("meal", "eq", "Lunch") in filters_of(plan)


def test_one_dot_for_every_flower_is_a_scatter_of_both_measures(planner: RulePlanner) -> None:
    plan = planner.plan("Sepal length, then width:\none point for each flower,\ncoloured by species")
    assert (measures_of(plan), plan.series, plan.chart_type) == (
        [("sepal_length", "none"), ("sepal_width", "none")],
        "species",
        "scatter",
    )


def test_a_fronted_comparison_is_a_count_with_its_condition(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Wider than 3 cm, the sepals of how many irises were? Per species, count them you shall."
    )
    assert (measures_of(plan), plan.dimension) == ([("sepal_width", "count")], "species")
    assert ("sepal_width", "gt", 3) in filters_of(plan)


def test_a_poem_s_opening_and_groups_side_by_side(planner: RulePlanner) -> None:
    plan = planner.plan(
        "There once were three nations of ice,\nwhose Olympic medals I'm eager to know:\n"
        "per nation a bar, split by type, as they are."
    )
    assert (measures_of(plan), plan.dimension, plan.series, filters_of(plan)) == (
        [("medals", "sum")],
        "nation",
        "medal",
        [],
    )
    plan = planner.plan(
        "In Saint-Michel and Jeanne-Mance, each candidate's votes, the two districts side by side."
    )
    assert (plan.dimension, plan.series) == ("candidate", "district")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Of gapminder's countries, the worst ones show me you must.", "the worst ones"),
        ("Of the tips data's days, the best ones show me you will.", "the best ones"),
        ("Of the nations, the top ones chart for me you shall.", "the top ones"),
    ],
)
def test_the_best_with_no_measure_is_refused_by_name(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


def test_the_best_by_a_measure_named_is_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Of gapminder's countries, the best ones by population show me you must.")
    assert (measures_of(plan), plan.dimension) == ([("pop", "sum")], "country")


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "Show me the top 10 countries by population in 2007.",
        "Stock price of each company, week by week, in 2019",
        "I wish to see the average tip by day",
        "Sepal length by species, then by petal length",
        "Show me how many weeks each company closed below its January 2018 level in 2019",
    ],
)
def test_a_plain_question_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unverse(text, semantic_model) == text
