"""Two charts asked for in one question (worker.planner.chart_count): refused with the first chart as the
question to ask first; a separate line for each value, or another pie said of the one chart, is one chart."""

from __future__ import annotations

import pytest

from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("The average tip by day and a separate pie of the medals.", "The average tip by day"),
        ("Two charts: the median tip by day, and the total medals by nation.", "the median tip by day"),
        ("The median tip by day, as a second chart the medals by nation", "The median tip by day"),
        # Each request drawn as a chart of its own: a pie of the tips by day was drawn, the bill dropped.
        (
            "The tip by day as a bar chart and the bill by sex as a pie chart.",
            "The tip by day as a bar chart",
        ),
        ("Average tip by day as bars, and total bill by sex as bars", "Average tip by day as bars"),
        ("Tip by day as bars and as a pie.", "Tip by day as bars"),
        # "on a second chart" was refused on "second"; "and, separately," left "and" in the first chart.
        (
            "The median tip by day as bars and, on a second chart, the medals by nation",
            "The median tip by day as bars",
        ),
        (
            "A bar of each nation's medals and, separately, a pie of the medal types",
            "A bar of each nation's medals",
        ),
    ],
)
def test_a_second_chart_is_refused_naming_the_first(planner: RulePlanner, question: str, first: str) -> None:
    """ "... and a separate pie of the medals" was refused for the medals' dates, hiding the cause."""
    with pytest.raises(UnchartableQuestion, match="one chart per question") as refusal:
        planner.plan(question)
    assert f"e.g. \u201c{first}\u201d" in str(refusal.value)


@pytest.mark.parametrize(
    "question",
    [
        "Apple and Amazon weekly price in 2019, a separate line for each company",
        "I baked a pie this morning, and now I'd like another pie: the silver medals of each nation.",
        "Tip by day as bars, and then split it by sex as bars",
    ],
)
def test_one_chart_said_with_chart_words_is_charted(planner: RulePlanner, question: str) -> None:
    assert planner.plan(question) is not None


def test_the_first_chart_quoted_says_what_its_words_are_read_as(planner: RulePlanner) -> None:
    """The quoted first chart named its measure only as "bill": the refusal now says it is the total bill."""
    with pytest.raises(UnchartableQuestion, match="one chart per question") as refusal:
        planner.plan("The average bill by day as bars, and a separate pie of the medals by nation")
    assert "\u201cbill\u201d read as total bill" in str(refusal.value)
    with pytest.raises(UnchartableQuestion) as plain:
        planner.plan("The average tip by day as bars, and a separate pie of the medals by nation")
    assert "read as" not in str(plain.value)


@pytest.mark.parametrize(
    "question",
    [
        "a pie of the medals by nation, and a separate line of Apple's price",
        "the average tip by day as bars, and separately a pie of the medals by nation",
    ],
)
def test_a_separate_line_of_something_is_a_second_chart(planner: RulePlanner, question: str) -> None:
    """ "and a separate line of Apple's price" was read into the first chart: refused for AAPL among the
    medals, not for the second chart."""
    with pytest.raises(UnchartableQuestion, match="one chart per question"):
        planner.plan(question)
    assert planner.plan("Apple and Google price in 2019, a separate line for each company").series == "ticker"


def test_the_first_chart_quoted_without_a_lead_in(planner: RulePlanner) -> None:
    """The suggestion quoted "two, the greedy thing: a pie of the medals by nation"."""
    with pytest.raises(UnchartableQuestion) as refusal:
        planner.plan("Two, the greedy thing: a pie of the medals by nation, and a separate line of tips.")
    assert "e.g. \u201ca pie of the medals by nation\u201d" in str(refusal.value)
