"""Numbers spelt out or written loosely (worker.planner.number_words): values with a unit, fractions,
bands, quarters and days said aloud, a share of the January 2018 price, a share of the bill as a tip, a
count of things ranked, and places named by their number; counts and ordinals that are ordinary words
are left alone."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.number_words import unword_numbers
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("Microsoft's price in Q-three 2018", "2018-07-01", "2018-09-30"),
        (
            "Google from the fifth of February to the twentieth of April, twenty-eighteen",
            "2018-02-05",
            "2018-04-20",
        ),
    ],
)
def test_quarters_and_days_said_aloud(planner: RulePlanner, question: str, start: str, end: str) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == (start, end)


def test_a_percentage_of_the_base_price_is_a_ratio_not_a_period(planner: RulePlanner) -> None:
    plan = planner.plan(
        "How many weeks did each company close above eighty percent of their January 2018 level?"
    )
    assert plan.time_range is None
    assert filters_of(plan) == [("price", "gt", 0.8)]
    assert measures_of(plan) == [("price", "count")]


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        ("How many tables paid more than thirty bucks, by day", [("total_bill", "gt", 30)]),
        ("How many tables left over a fifth of the check as a gratuity, by smoker", [("tip_pct", "gt", 20)]),
        ("Frequency by direction for winds of five and above", [("strength", "in", ["5-6", "6+"])]),
        ("Total frequency per direction for winds of strength two to three", [("strength", "eq", "2-3")]),
        ("Petal width by species for flowers with sepals under six cm", [("sepal_length", "lt", 6)]),
        (
            "How many flowers have sepals wider than two and a half centimetres, per species",
            [("sepal_width", "gt", 2.5)],
        ),
        (
            "Average petal width by species for petals of four to five cm",
            [("petal_length", "between", [4, 5])],
        ),
    ],
)
def test_values_in_words_are_conditions(planner: RulePlanner, question: str, filters: list[object]) -> None:
    assert filters_of(planner.plan(question)) == filters


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("The two directions with the fewest 6+ winds", "asc", 2),
        ("The four nations with the most gold medals", "desc", 4),
    ],
)
def test_a_count_of_things_ranked(planner: RulePlanner, question: str, direction: str, limit: int) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction
    assert plan.limit == limit


@pytest.mark.parametrize(
    "question",
    [
        "Average price per company in the sixth quarter of 2018",
        "Average bill by day for parties who tipped about four dollars",
        "Tables that left more than three euros, by day",
        "Wind frequency by direction for winds of force nine or more",
        "Apple in Q-two twenty-twenty",
    ],
)
def test_what_the_numbers_cannot_say_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "Stock price over the first half of 2019, one line per company",
        "The top five countries by population in 2007",
        "votes by district, one line each",
        "the one nation with the most medals",
        "Prices above 90 percent of their 2019 peak",
        "Flowers with petals less than 1.5 cm wide",
        "petal lengths over 5 cm",
    ],
)
def test_ordinary_words_and_other_bases_are_left_alone(question: str) -> None:
    assert unword_numbers(question) == question


def test_a_width_said_after_the_unit_keeps_its_measure(planner: RulePlanner) -> None:
    plan = planner.plan("Flowers with petals less than 1.5 cm wide, average sepal length per species")
    assert filters_of(plan) == [("petal_width", "lt", 1.5)]


def test_places_named_by_their_number() -> None:
    assert unword_numbers("Coderre in wards seven, eight or nine") == "Coderre in wards 7, 8 or 9"


def test_numbered_places_are_the_model_values(planner: RulePlanner) -> None:
    said = unword_numbers("Bergeron in ridings twelve and thirteen, and nothing else", planner.model)
    assert said == "Bergeron in ridings 12-Saint-Sulpice and 13-Ahuntsic, and nothing else"
    # a number no value begins with stays a number, for the reader to refuse
    assert unword_numbers("Joly in district forty", planner.model) == "Joly in district 40"


@pytest.mark.parametrize(
    ("odd", "plain"),
    [
        ("tips over \u017fix dollars by day", "tips over six dollars by day"),
        (
            "tips under \u017feventy percent of the bill as a tip",
            "tips under seventy percent of the bill as a tip",
        ),
        (
            "Apple from the \u017fixteenth of March 2019 to 30 June 2019",
            "Apple from the sixteenth of March 2019 to 30 June 2019",
        ),
    ],
)
def test_letters_that_match_only_under_case_folding_read_as_their_plain_form(
    planner: RulePlanner, odd: str, plain: str
) -> None:
    # The long s (U+017F) matches "s" case-insensitively; it crashed the number tables keyed by "six".
    assert planner.plan(odd) == planner.plan(plain)
