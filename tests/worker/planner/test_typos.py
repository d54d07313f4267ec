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
    "hungary",
    "spain",
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
        # English words one edit from a country: "sooo hungry" charted Hungary beside India.
        "so hungry, a spin, some chili",
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


SHORT_KNOWN = [
    "day",
    "pie chart",
    "gdp per capita",
    "life expectancy",
    "asia",
    "party size",
    "medal type",
    "tip",
]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # Two neighbouring letters after the first swapped, in a word of three or four letters.
        ("dya", "day"),
        ("pei", "pie"),
        ("gpd", "gdp"),
        ("lief", "life"),
        ("Asai", "asia"),
        ("szie", "size"),
        ("tyep", "type"),
        # A doubled last letter.
        ("tipp", "tip"),
        ("sizee", "size"),
    ],
)
def test_short_words_with_two_letters_swapped_or_the_last_doubled_are_corrected(
    written: str, read: str
) -> None:
    assert Speller(SHORT_KNOWN).closest(written) == read


def test_two_slips_in_one_phrase_are_read_together() -> None:
    """Neither "sepal lenght" nor "sepel length" is a phrase: the two corrections are kept together."""
    phrases = ("sepal length", "life expectancy", "gdp per capita", "countries")

    def recognised(text: str, span: tuple[int, int]) -> bool:
        return any(
            (at := text.lower().find(p)) >= 0 and at <= span[0] and span[1] <= at + len(p) for p in phrases
        )

    speller = Speller([*phrases, "sepal width", "petal length"])
    assert speller.correct("sepel lenght by species", recognised) == "sepal length by species"
    assert speller.correct("lief expectency in 2007", recognised) == "life expectancy in 2007"
    assert speller.correct("gpd per captia top 10 contries", recognised) == "gdp per capita top 10 countries"
    # Corrections that complete no phrase even together are still left as written.
    assert speller.correct("sepel lenghts", lambda _text, _span: False) == "sepel lenghts"


ORDINARY = ["the", "how", "per", "pie", "top", "day", "vote", "dog", "now", "was", "saw", "form"]


def _slipped(word: str) -> list[str]:
    """Every word one swap of neighbouring letters (not the first) or one dropped last letter from `word`."""
    swaps = [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)]
    return [*swaps, word[:-1]]


@pytest.mark.parametrize("word", ORDINARY)
def test_ordinary_short_words_stay_as_written(word: str) -> None:
    """Even where the speller knows the word each would be after a slip ("form" swapped is "from")."""
    speller = Speller(["from", *(w for o in ORDINARY for w in _slipped(o) if w != o)])
    assert speller.closest(word) is None
    assert speller.correct(f"the {word} chart", anything) == f"the {word} chart"


@pytest.mark.parametrize(
    ("question", "dataset", "dimension", "chart_type"),
    [
        ("averge tipp by dya", "tips", "day", "bar"),
        ("votes per canidate as a pei chart", "election", "candidate", "pie"),
        ("how many tabels by party szie", "tips", "party_size", "bar"),
        ("lief expectency by contient in 2007", "gapminder", "continent", "bar"),
        ("gpd per captia top 10 contries in 1997", "gapminder", "country", "bar"),
    ],
)
def test_a_fast_typists_short_slips_are_read(
    planner: RulePlanner, question: str, dataset: str, dimension: str, chart_type: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, plan.dimension, plan.chart_type) == (dataset, dimension, chart_type)


def test_a_doubled_letter_english_words_end_with_is_no_slip() -> None:
    """ "boss", "buzz", "hill", "cuff": English words end in a doubled s, z, l or f."""
    speller = Speller(["bos", "buz", "hil", "cuf"])
    assert [speller.closest(w) for w in ("boss", "buzz", "hill", "cuff")] == [None] * 4


def test_a_tie_is_settled_by_the_one_word_that_completes_a_phrase() -> None:
    speller = Speller(["petal width", "peter"])

    def petal_width(text: str, span: tuple[int, int]) -> bool:
        return "petal width" in text

    # "petel" is one edit from "petal" and from "peter": only "petal" makes a phrase here.
    assert speller.correct("average petel width", petal_width) == "average petal width"
    assert speller.correct("average petel width", anything) == "average petel width"


@pytest.mark.parametrize(
    ("question", "direction"),
    [("the five most populus countries in 2007", "desc"), ("the least populus continents in 1952", "asc")],
)
def test_a_misspelt_rank_word_of_a_measure_is_read_as_it(
    planner: RulePlanner, question: str, direction: str
) -> None:
    """ "most populous" is the population measure's own rank word: a slip in it is read, not refused."""
    plan = planner.plan(question)
    assert plan.sort is not None and plan.measures[0].name == "pop"
    assert (plan.sort.by, plan.sort.direction) == ("pop", direction)


def test_a_verb_of_living_is_no_slip_for_a_chart_word(planner: RulePlanner) -> None:
    """ "lives" is one letter from "lines": read as a line chart it would clash with the share's pie."""
    plan = planner.plan("What share of the population lives in each continent in 2007?")
    assert (plan.chart_type, plan.dimension) == ("pie", "continent")


def test_court_is_a_word_not_a_slip_for_count() -> None:
    """Read as "count", "the court" turned an average into an average of counts."""
    assert Speller(["count", "counts"]).closest("court") is None
