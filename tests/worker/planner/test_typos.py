"""Typo tolerance: unknown words one or two edits from a known word, and only those, are corrected."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.typos import Speller, distance

KNOWN = [
    "life expectancy",
    "canada",
    "mexico",
    "japan",
    "male",
    "sepal width",
    "population",
    "chile",
    "winds",
]


def anything(text: str, span: tuple[int, int]) -> bool:
    return True


@pytest.mark.parametrize(
    ("a", "b", "edits"),
    [("canda", "canada", 1), ("mexcio", "mexico", 1), ("expectancey", "expectancy", 1), ("japn", "japan", 1)],
)
def test_distance_counts_inserts_deletes_replacements_and_swaps(a: str, b: str, edits: int) -> None:
    assert distance(a, b, 2) == edits


def test_distance_stops_past_its_limit() -> None:
    assert distance("population", "pop", 2) == 3


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("life expectancey in canda", "life expectancy in canada"),
        ("Life Expectency in MEXCIO", "Life expectancy in mexico"),
        ("populaton of japn", "population of japan"),
    ],
)
def test_near_misses_of_known_words_are_corrected(written: str, read: str) -> None:
    assert Speller(KNOWN).correct(written, anything).lower() == read.lower()


@pytest.mark.parametrize(
    "text",
    [
        "make it a bar chart",  # "make" is one letter from "male"
        "population with children",  # "with" -> "width", "child" -> "chile"
        "mali and chad",  # four letters are only ever completed, never changed
        "districts she wins",  # "wins" is one letter from the wind data's "winds"
        "canadaa",  # one edit from "canada": corrected only where the caller recognises the result
    ],
)
def test_everyday_words_and_unrecognised_corrections_stay_as_written(text: str) -> None:
    speller = Speller(KNOWN)
    recognised_nothing = speller.correct(text, lambda _text, _span: False)
    assert recognised_nothing == text
    if text != "canadaa":
        assert speller.correct(text, anything) == text


def test_a_tie_between_two_known_words_is_not_guessed() -> None:
    assert Speller(["greece", "grace"]).closest("grece") is None
    assert Speller(["canada", "panama"]).closest("canda") == "canada"


def test_a_tie_between_two_names_of_one_thing_is_no_tie() -> None:
    same = {"amzn": {"ticker AMZN"}, "amazon": {"ticker AMZN"}}
    assert Speller(["amzn", "amazon"], meanings=same).closest("amazn") in ("amzn", "amazon")
    assert Speller(["amzn", "amazon"]).closest("amazn") is None
    different = {"amzn": {"ticker AMZN"}, "amazon": {"the river"}}
    assert Speller(["amzn", "amazon"], meanings=different).closest("amazn") is None


@pytest.mark.parametrize(
    "question",
    [
        "setal length by species",  # sepal or petal: one slip of the first letter either way
        "population of nigr since 1972",  # niger, or short for nigeria
    ],
)
def test_a_word_two_known_words_are_as_near_to_is_not_guessed(planner: RulePlanner, question: str) -> None:
    """Read as one of them, the chart would be of the wrong flower part or country, with no word said."""
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)
    assert filters_of(planner.plan("life expectancy in japn since 1980")) == [("country", "eq", "Japan")]
