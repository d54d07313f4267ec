"""Dictated questions (worker.planner.spoken), as the thirteenth blind holdout's executive said them:
years and bands said aloud ("twenty oh seven", "nineteen seventy two", "six plus"), hesitations ("um",
"so basically"), "right now", and the homophones a voice-to-text engine picks ("metals", "pedal", "day of
the weak"). Words that only look like numbers stay words."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.planner.spoken import NUMBER_WORDS, undictate


@pytest.mark.parametrize(
    ("said", "typed"),
    [
        ("in twenty oh seven", "in 2007"),
        ("since nineteen seventy two", "since 1972"),
        ("in twenty eighteen", "in 2018"),
        ("from nineteen sixty two to two thousand two", "from 1962 to 2002"),
        ("two thousand and seven", "2007"),
        ("nineteen ninety-seven", "1997"),
        ("in the nineteen nineties", "in the 1990s"),
        ("the six plus winds", "the 6+ winds"),
        ("parties of 6 plus", "parties of 6+"),
    ],
)
def test_years_and_bands_said_aloud_are_written_as_numbers(said: str, typed: str) -> None:
    assert undictate(said, ()) == typed


@pytest.mark.parametrize(
    "said",
    [
        "the top twenty five countries",  # a count, not 2005
        "two measures by species",
        "bills over two thousand dollars",  # an amount, read by the conditions
        "over two thousand five hundred",
        "weak winds by direction",  # the adjective stays
        "six plus two",
    ],
)
def test_words_that_are_not_years_or_bands_stay_words(said: str) -> None:
    assert undictate(said, ()) == said


def test_hesitations_and_asides_are_dropped() -> None:
    assert undictate("um, so basically uh the votes", ()) == "so the votes"
    assert undictate("i mean the population by continent", ()) == "the population by continent"
    assert undictate("the ten richest countries right now", ()) == "the ten richest countries now"


def test_a_homophone_is_read_as_the_word_the_model_knows() -> None:
    assert undictate("how many metals", {"medals"}) == "how many medals"
    assert undictate("average pedal length", {"petal"}) == "average petal length"
    assert undictate("how many metals", {"metals", "medals"}) == "how many metals"  # a word of the model
    assert undictate("day of the weak", ()) == "day of the week"
    assert undictate("price week by weak", ()) == "price week by week"


def test_number_words_run_to_ninety_nine() -> None:
    assert NUMBER_WORDS["sixty five"] == NUMBER_WORDS["sixty-five"] == 65
    assert NUMBER_WORDS["nineteen"] == 19 and NUMBER_WORDS["a hundred"] == 100


@pytest.mark.parametrize(
    ("question", "time_range", "limit"),
    [
        (
            "um can you show me like the top five countries by population in twenty oh seven",
            ("2007", "2007"),
            5,
        ),
        (
            "so basically how has life expectancy in japan changed since nineteen seventy two",
            ("1972", None),
            None,
        ),
        ("so basically average stock price for each company in twenty eighteen", ("2018", "2018"), None),
    ],
)
def test_dictated_questions_are_charted(
    planner: RulePlanner, question: str, time_range: tuple[str, str | None], limit: int | None
) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == time_range
    assert plan.limit == limit


def test_spoken_numbers_in_conditions_and_bands(planner: RulePlanner) -> None:
    plan = planner.plan("how many countries in each continent had a life expectancy under sixty five in 1977")
    assert filters_of(plan) == [("life_exp", "lt", 65)]
    plan = planner.plan("um the top three wind directions for the six plus winds")
    assert filters_of(plan) == [("strength", "eq", "6+")] and plan.limit == 3


def test_homophones_and_filler_in_a_question(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("um how many metals did each country win at the olympics")) == [
        ("medals", "sum")
    ]
    assert planner.plan("um average tip by day of the weak").dimension == "day"
    plan = planner.plan("so the ten richest countries in europe right now")
    assert plan.time_range is not None and plan.time_range.start == "2007"


def test_a_year_said_aloud_outside_the_data_is_still_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="2020"):
        planner.plan("um show me apple stock in twenty twenty")
