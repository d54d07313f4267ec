"""A rapper's lines (worker.planner.rapper): the calls ("Yo, check it", "Mic drop", "Word up"), a crew, a
lead-in before the colon, similes and memories set nothing, so no limit, party size, year, ranking or bar
chart is read from them; what the request points back to ("their") is kept; "in the '02" said by the request
is 2002; what the data lacks, two charts and a choice left open stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rapper import unrap
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("Yo, check it: the median tip by meal. Peace out.", ("tip", "median"), "meal"),
        (
            "My crew of 7 rolls deep. The average bill per person by day. Word up.",
            ("bill_per_person", "avg"),
            "day",
        ),
        (
            "Straight outta Quebec, yo. The total votes of each candidate. Mic drop.",
            ("votes", "sum"),
            "candidate",
        ),
        (
            "My crew of 3 reppin' every strength band: the total wind frequency for each direction.",
            ("frequency", "sum"),
            "direction",
        ),
        (
            "Shout-out to the dopest species, all of 'em: the average petal width of each species.",
            ("petal_width", "avg"),
            "species",
        ),
        ("Word up to the podium crew: the total medals of each nation.", ("medals", "sum"), "nation"),
    ],
)
def test_the_rappers_lines_set_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), plan.limit, period_of(plan)) == (
        [measure],
        dimension,
        [],
        None,
        None,
    )


@pytest.mark.parametrize(
    ("question", "chart_type"),
    [
        ("Spittin' bars all day: the population of Brazil since 1980.", "line"),
        ("Drop the beat - the average tip per person at lunch, as a histogram.", "histogram"),
        (
            "Check it, check it: Japan's life expectancy since 1962, climbing like my flow"
            " - one line, every time",
            "line",
        ),
    ],
)
def test_spittin_bars_is_no_bar_chart(planner: RulePlanner, question: str, chart_type: str) -> None:
    assert planner.plan(question).chart_type == chart_type


def test_a_request_pointing_back_keeps_what_the_lead_in_names(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Spittin' rhymes about Apple and Netflix: their weekly share prices in 2019, one line each."
    )
    assert (plan.chart_type, plan.series, filters_of(plan)) == (
        "line",
        "ticker",
        [("ticker", "in", ["AAPL", "NFLX"])],
    )


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("Yo, in the '02, GDP per capita for each continent. Mic drop.", ("2002", "2002")),
        (
            "In the '92 I was broke, now I'm rich: the average life expectancy of each continent in 1977.",
            ("1977", "1977"),
        ),
        ("In the '92 I was broke. The average tip on each day, word up.", None),
    ],
)
def test_the_07_is_a_year_only_where_the_request_says_it(
    planner: RulePlanner, question: str, period: tuple[str, str] | None
) -> None:
    assert period_of(planner.plan(question)) == period


def test_a_value_named_again_by_the_request_is_kept(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Gold chains and gold teeth - but bronze is my thing: the bronze medals of each nation."
    )
    assert (filters_of(plan), plan.limit) == ([("medal", "eq", "Bronze")], None)


@pytest.mark.parametrize(
    "question",
    [
        "Mic drop: the tips each bartender got, by day.",
        "Word up: the average tip by day as bars, and another pie of the total bill by meal.",
        "Yo, check it: the dopest nation - just the top one.",
        "Drop the beat! The median sepal length or the median petal length by species, you pick.",
        "Straight outta Brooklyn: Brooklyn's population since 1987, one line.",
    ],
)
def test_what_must_be_refused_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The medals of each nation as bars",
        "Yo, the average tip by day",
        "Check it against the total bill by day for 2007",
        "Life expectancy like a line since 1952",
    ],
)
def test_text_without_the_rapper_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unrap(text, semantic_model) == text
