"""The words a planner recognises in a question: whole-word phrases, a dataset's vocabulary, the scan."""

from __future__ import annotations

import pytest

from worker.planner.rules import RulePlanner
from worker.planner.vocabulary import Scan, Vocabulary, normalize, phrases, words
from worker.semantic import load_semantic_model


def test_words_match_whole_words_in_any_case() -> None:
    pattern = words(r"pie|share")
    assert [m[0] for m in pattern.finditer("Share of a PIE, not a shareholder's pies")] == ["Share", "PIE"]


def test_normalize_lowers_and_tidies_whitespace() -> None:
    assert normalize("  Life\tExpectancy\n in  Mexico ") == "life expectancy in mexico"


def test_phrases_prefer_the_longest_and_allow_any_spacing() -> None:
    pattern, keys = phrases(["Guinea", "Guinea-Bissau", "life expectancy", " "])
    assert pattern is not None and set(keys) == {"guinea", "guinea-bissau", "life expectancy"}
    assert [m[0] for m in pattern.finditer("life   expectancy in guinea-bissau and guinea")] == [
        "life   expectancy",
        "guinea-bissau",
        "guinea",
    ]
    assert phrases([]) == (None, {})


def test_a_vocabulary_maps_phrases_to_model_names() -> None:
    vocab = Vocabulary.build(load_semantic_model().dataset("tips"))
    text = "average tip for smokers by day and sex on sundays"
    assert vocab.measures[0] is not None and vocab.measures[1]["gratuity"] == "tip"
    assert [vocab.measures[1][normalize(m[0])] for m in vocab.measures[0].finditer(text)] == ["tip"]
    assert vocab.values[0] is not None
    assert [vocab.values[1][normalize(m[0])] for m in vocab.values[0].finditer(text)] == [
        ("smoker", "Yes"),
        ("day", "Sun"),
    ]
    assert vocab.group is not None
    grouped = vocab.group.search(text)
    assert grouped is not None and (grouped["d1"], grouped["d2"]) == ("day", "sex")
    assert vocab.datasets[0] is not None and vocab.datasets[0].search("restaurant bills")


def test_a_scan_reads_each_stretch_once() -> None:
    scan = Scan("total bill by day, total tips")
    assert [m[0] for m in scan.take(words("total bill"))] == ["total bill"]
    assert [m[0] for m in scan.take(words("total|bill"))] == ["total"]
    assert scan.count(words("total")) == 2  # counting ignores what was taken
    scan.claim((11, 17))
    assert list(scan.take(words("day"))) == []


def test_a_scan_can_quote_the_question_as_written() -> None:
    scan = Scan.of("  Life expectancy in   Mexico in 2030")
    assert scan.text == "life expectancy in mexico in 2030"
    assert scan.excerpt((25, 33)) == "in 2030"
    assert scan.without([(25, 33)]) == "Life expectancy in Mexico"
    assert Scan.of("x" * 2000).text == "x" * 1000
    # Lower-casing that changes the length ("İ" becomes two characters) falls back to the normalised text.
    odd = Scan.of("İstanbul population")
    assert odd.shown == odd.text and odd.without([(0, 9)]) == "population"


def test_a_dimension_is_grouped_by_its_csv_column_name() -> None:
    tips = next(ds for ds in load_semantic_model().datasets if ds.name == "tips")
    names = Vocabulary.build(tips).group_names
    assert names["time"] == "meal" and names["size"] == "party_size"


def test_data_with_dates_keeps_time_for_its_axis() -> None:
    for ds in load_semantic_model().datasets:
        if ds.time is not None:
            assert "time" not in Vocabulary.build(ds).group_names


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("median total_bill by time", "meal"),
        ("average tip per time", "meal"),
        ("count of rows by size", "party_size"),
    ],
)
def test_a_csv_column_name_groups_by_its_dimension(
    planner: RulePlanner, question: str, dimension: str
) -> None:
    assert planner.plan(question).dimension == dimension
