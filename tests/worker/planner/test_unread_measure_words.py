"""A question naming no measure of any dataset is refused naming the words chartq could not read, with the
measures it can chart; the generic sentence is kept only when every content word was read."""

from __future__ import annotations

import pytest

from worker.planner.rules import RulePlanner, UnchartableQuestion


def _refusal(planner: RulePlanner, question: str) -> str:
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan(question)
    return str(refusal.value)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("what was the jobless rate in Germany", "\u201cjobless rate\u201d"),
        ("share of vegetarians", "\u201cvegetarians\u201d"),
        ("display the crime figures for Brazil", "\u201ccrime\u201d"),
        ("median snowfall per continent", "\u201csnowfall\u201d"),
        ("humidity in Lisbon", "\u201chumidity\u201d and \u201cLisbon\u201d"),
        # a dataset's own name chose it ("restaurant" is the tips data), and nothing else was read
        ("restaurant hygiene grades", "\u201chygiene grades\u201d"),
    ],
)
def test_the_words_it_could_not_read_are_named_with_the_measures_it_has(
    planner: RulePlanner, question: str, named: str
) -> None:
    message = _refusal(planner, question)
    assert message.startswith(f"chartq does not know what {named} mean")
    assert "Try measures such as" in message and "stock price (stocks)" in message


def test_a_named_value_is_still_said_to_be_compared(planner: RulePlanner) -> None:
    message = _refusal(planner, "the literacy rate of Kenya")
    assert (
        "\u201cliteracy rate\u201d" in message and "says what to compare but not what to measure" in message
    )


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("per continent", "That question doesn't name anything chartq can measure."),
        ("Chile versus Peru", "That question says what to compare but not what to measure."),
        ("include Japan", "That question says what to compare but not what to measure."),
    ],
)
def test_the_generic_sentence_only_when_every_word_was_read(
    planner: RulePlanner, question: str, reason: str
) -> None:
    message = _refusal(planner, question)
    assert message.startswith(reason) and "\u201c" not in message.split("Try")[0]
