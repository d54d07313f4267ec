"""What the voice readers share (worker.planner.voice_asides): a voice's asides come off and the request
stays; the hand-over words open the request; the request is returned with a capital and held to one chart,
or the text unchanged when nothing was set aside; told sentences go but the last; "that year" gets the
patter's year."""

from __future__ import annotations

import re

import pytest

from worker.planner.errors import UnchartableQuestion
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import (
    ASKS,
    HANDOVER,
    YEAR,
    request_read,
    request_read_in_year,
    set_aside,
    told_by,
    untold,
    without_asides,
    year_pointed_back,
)
from worker.semantic import SemanticModel

_GARDEN = re.compile(r"\b(?:roses|tomatoes|shed|compost)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1\d{3}|20\d{2})\b")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The roses are out. The average tip by day.", "The average tip by day."),
        ("My tomatoes in 1992 did well - the average tip by day", "The average tip by day"),
        ("I painted the shed green: the median tip by sex", "The median tip by sex"),
        ("The compost is warm, but the average tip by day, please", "The average tip by day, please"),
    ],
)
def test_asides_in_the_voice_come_off(semantic_model: SemanticModel, text: str, kept: str) -> None:
    assert without_asides(text, _GARDEN, names_of(semantic_model)) == kept


@pytest.mark.parametrize(
    "text",
    [
        # Each sentence asks (a question, a measure of the data): nothing is an aside.
        "Which roses won? The average tip by day.",
        "The roses by tip size.",
        # Nothing in the voice.
        "It rained all week. The average tip by day.",
    ],
)
def test_what_asks_or_is_not_the_voice_stays(semantic_model: SemanticModel, text: str) -> None:
    assert without_asides(text, _GARDEN, names_of(semantic_model)) == text


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Now then: the average tip by day", "the average tip by day"),
        ("Right then, the average tip by day", "the average tip by day"),
        ("Anyway - the median tip", "the median tip"),
        ("And now, the votes by candidate", "the votes by candidate"),
    ],
)
def test_the_hand_over_opens_the_request(text: str, rest: str) -> None:
    assert HANDOVER.sub("", text) == rest


@pytest.mark.parametrize("text", ["Rightly so, the average tip", "Nowhere: the tips", "Right tips by day"])
def test_words_that_only_begin_like_a_hand_over_stay(text: str) -> None:
    assert HANDOVER.sub("", text) == text


def test_the_request_read_is_returned_with_a_capital(semantic_model: SemanticModel) -> None:
    text = "The roses are out. the average tip by day."
    assert request_read(text, "the average tip by day.", semantic_model) == "The average tip by day."


@pytest.mark.parametrize("read", ["The roses are out. the average tip by day.", " . ", ""])
def test_nothing_set_aside_or_nothing_left_gives_the_text_back(
    semantic_model: SemanticModel, read: str
) -> None:
    text = "The roses are out. the average tip by day."
    assert request_read(text, read, semantic_model) == text


def test_a_request_for_two_charts_is_refused(semantic_model: SemanticModel) -> None:
    with pytest.raises(UnchartableQuestion):
        request_read(
            "The roses are out. The average tip by day, and a separate pie of the votes by candidate.",
            "The average tip by day, and a separate pie of the votes by candidate.",
            semantic_model,
        )


def test_told_sentences_go_but_the_last() -> None:
    def told(sentence: str) -> bool:
        return bool(_GARDEN.search(sentence))

    assert untold("The roses are out. The shed is red. The average tip.", told) == "The average tip."
    # The last sentence is the clauses' to read, even when it tells.
    assert (
        untold("The roses are out. The compost and the average tip.", told)
        == "The compost and the average tip."
    )


@pytest.mark.parametrize(
    ("request_", "told", "pointed"),
    [
        (
            "Spain's life expectancy in that year",
            "The abbey was built in 1124 and rebuilt in 1952. Spain's life expectancy in that year",
            "Spain's life expectancy in 1952",
        ),
        (
            "Spain's GDP for the same year",
            "In 1977 we sang. Spain's GDP for the same year",
            "Spain's GDP in 1977",
        ),
        # No year told, or no "that year" asked: the request as it is.
        ("Spain's GDP in that year", "We sang. Spain's GDP in that year", "Spain's GDP in that year"),
        ("Spain's GDP in 2007", "In 1977 we sang. Spain's GDP in 2007", "Spain's GDP in 2007"),
    ],
)
def test_that_year_is_the_year_the_patter_told(request_: str, told: str, pointed: str) -> None:
    assert year_pointed_back(request_, told, _YEAR) == pointed


def test_a_that_year_the_patter_never_names_leaves_the_question_whole(semantic_model: SemanticModel) -> None:
    text = "The roses came out. Spain's GDP in that year."
    assert request_read_in_year(text, "Spain's GDP in that year.", text, semantic_model) == text
    told = "The roses came out in 1977. Spain's GDP in that year."
    assert (
        request_read_in_year(told, "Spain's GDP in that year.", told, semantic_model)
        == "Spain's GDP in 1977."
    )


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("the gentleman who smokes his pipe on the step", False),
        ("Reporting live from Montreal, where the polls closed at 8", False),
        ("the year when the park opened", False),
        ("Which day has the most", True),
        ("show me who tips more", True),
        ("and which one came first", True),
        ("I wonder where the wind blows from", True),
    ],
)
def test_a_relative_who_or_where_asks_nothing(text: str, asks: bool) -> None:
    """ "the gentleman who smokes his pipe" was read as a question, so the sentence was never set aside."""
    assert bool(ASKS.search(text)) is asks


@pytest.mark.parametrize(
    ("asked", "read"),
    [
        ("life expectancy from that year to 2007", "life expectancy from 1957 to 2007"),
        ("population since that year", "population since 1957"),
        ("the votes in that very year", "the votes in 1957"),
    ],
)
def test_that_year_after_its_own_preposition(asked: str, read: str) -> None:
    """ "from that year" read as "from in 1957"."""
    assert year_pointed_back(asked, "The park opened in 1957.", YEAR) == read


def test_a_told_sentence_is_the_voices_and_asks_nothing_once_told(semantic_model: SemanticModel) -> None:
    voice, butter = re.compile(r"\bbaker\b", re.I), re.compile(r"\bthe\s+price\s+of\s+butter\b", re.I)
    told = told_by(butter, voice, names_of(semantic_model))
    assert told("The baker says the price of butter went up.")
    assert not told("The baker says the price of butter went up; show me tips by day.")
    assert not told("The price of butter went up.")  # not the voice's
    assert not told("The baker went home.")  # nothing told


_TRADE = re.compile(r"\b(?:squeegee|ladders?)\b", re.IGNORECASE)
_TOLD = re.compile(r"\bcosts?\s+\d+\s+dollars\b", re.IGNORECASE)
_LEAD_IN = re.compile(r"^while\s+I\s+climb\s+the\s+ladder,\s*", re.IGNORECASE)
_BACK = re.compile(r"^(?:her|his)\b", re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("A new squeegee costs 12 dollars. The average tip by day.", "The average tip by day."),
        ("While I climb the ladder, the median bill by sex.", "The median bill by sex."),
        (
            "Three ladders on the van, all 6 metres. The 5 most populous countries in 2007.",
            "The 5 most populous countries in 2007.",
        ),
        # No voice, or a request left that points back into the patter: the question as it was.
        ("The average tip by day.", None),
        ("Joly lent me a ladder once. Her votes in each district.", None),
    ],
)
def test_a_trades_patter_is_set_aside(semantic_model: SemanticModel, text: str, read: str | None) -> None:
    got = set_aside(text, semantic_model, _TRADE, _TOLD, _LEAD_IN, _TRADE, _BACK)
    assert got == (read or text)
