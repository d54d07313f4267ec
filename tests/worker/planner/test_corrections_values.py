"""Self-corrections placed by what they name in the model (worker.planner.corrections_values), as a
lowercase transcript says them: a value, a measure, an aggregation word or a year replaces the nearest
earlier one of its kind, and the words around stay; "make that" is a marker too. Spoken decimals ("two
point five") and possessives typed without their apostrophe ("joly's votes minus ..." as "jolys votes")
are read from the same transcripts."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.corrections_values import uncorrect_values
from worker.planner.errors import UnchartableQuestion
from worker.planner.number_words import unword_numbers
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # a value of the same dimension, the words after the correction staying
        (
            "life expectancy of the top three countries in africa no wait oceania in 2002",
            ("continent", "eq", "Oceania"),
        ),
        ("plot apple sorry google over time for twenty nineteen", ("ticker", "eq", "GOOG")),
        ("average bill per person for women no wait for men by meal", ("sex", "eq", "Male")),
        ("how many bronze medals per nation sorry i mean gold", ("medal", "eq", "Gold")),
        ("wind frequency by strength from the east no wait the west", ("direction", "eq", "W")),
    ],
)
def test_a_corrected_value_replaces_the_one_of_its_dimension(
    planner: RulePlanner, question: str, kept: tuple[str, str, str]
) -> None:
    assert filters_of(planner.plan(question)) == [kept]


def test_the_phrases_around_a_corrected_value_stay(planner: RulePlanner) -> None:
    plan = planner.plan("life expectancy of the top three countries in africa no wait oceania in 2002")
    assert (plan.dimension, plan.limit, plan.time_range is not None and plan.time_range.start) == (
        "country",
        3,
        "2002",
    )
    plan = planner.plan("how many bronze medals per nation sorry i mean gold")
    assert (plan.dimension, measures_of(plan)) == ("nation", [("medals", "sum")])


@pytest.mark.parametrize(
    ("question", "measures", "dimension"),
    [
        ("the maximum sorry the median total bill for each meal", [("total_bill", "median")], "meal"),
        ("sepal width by species no wait petal width", [("petal_width", "avg")], "species"),
    ],
)
def test_a_corrected_aggregation_or_measure(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension) == (measures, dimension)


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("gdp by continent as a pie for twenty nineteen actually make that nineteen seventy seven", "1977"),
        ("life expectancy by continent in nineteen fifty two no make that nineteen ninety two", "1992"),
    ],
)
def test_make_that_corrects_a_year(planner: RulePlanner, question: str, year: str) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (year, year)


@pytest.mark.parametrize(
    "question",
    [
        # a correction that names what the data does not have is refused, not read as the value taken back
        "medals for south korea sorry i mean france",
        "life expectancy of chile in nineteen sixty seven no wait twenty twenty",
    ],
)
def test_a_correction_the_data_lacks_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        # "actually" as an emphasis, "make that" as a request, "sorry" as courtesy: nothing is corrected
        "which continent actually had the lowest gdp per capita in 1997",
        "average total bill by meal make that a pie chart",
        "tip by day for smokers actually for men",
    ],
)
def test_markers_that_correct_nothing_are_left(semantic_model: SemanticModel, question: str) -> None:
    assert uncorrect_values(question, semantic_model) == question


def test_actually_corrects_only_the_item_just_before_it(semantic_model: SemanticModel) -> None:
    assert uncorrect_values("stock price of netflix actually meta", semantic_model) == "stock price of meta"
    said = "stock price of netflix was actually above meta"
    assert uncorrect_values(said, semantic_model) == said


def test_words_said_again_are_not_doubled(semantic_model: SemanticModel) -> None:
    said = uncorrect_values("silver medals per nation no wait bronze medals", semantic_model)
    assert said == "bronze medals per nation"
    said = uncorrect_values("the mean tip sorry the maximum tip per party size", semantic_model)
    assert said == "the maximum tip per party size"


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("stocks above two point two five times", "stocks above 2.25 times"),
        ("sepals longer than zero point five cm", "sepals longer than 0.5 cm"),
        # a point of the compass, or a point with no digit after it, is no decimal
        ("wind frequency by point of the compass", "wind frequency by point of the compass"),
        ("one point of view", "one point of view"),
    ],
)
def test_decimals_said_aloud(said: str, written: str) -> None:
    assert unword_numbers(said) == written


def test_a_spoken_decimal_is_a_threshold(planner: RulePlanner) -> None:
    plan = planner.plan("countries with life expectancy above sixty two point five in nineteen eighty two")
    assert filters_of(plan) == [("life_exp", "gt", 62.5)]


@pytest.mark.parametrize(
    "question",
    [
        "jolys votes minus coderres votes by district",
        "bergerons votes minus jolys votes for each district",
    ],
)
def test_a_difference_between_possessives_typed_without_apostrophes_is_refused(
    planner: RulePlanner, question: str
) -> None:
    with pytest.raises(UnchartableQuestion, match="difference"):
        planner.plan(question)


def test_minus_a_plural_value_alone_still_leaves_it_out(planner: RulePlanner) -> None:
    plan = planner.plan("votes by district minus jolys")
    assert ("candidate", "ne", "Joly") in filters_of(plan)


def test_a_corrected_grouping_is_left_to_its_words(semantic_model: SemanticModel) -> None:
    # "by medal type" groups; its first word is no correction of the measure "medals"
    said = "gold medals by nation no sorry by medal type"
    assert uncorrect_values(said, semantic_model) == said
