"""Self-corrections in a voice transcript (worker.planner.corrections): the words after "no sorry", "no
wait", "i mean", "sorry" or "actually" replace the phrase they correct; one that cannot be placed is
refused rather than read together with the words it takes back."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.rules import RulePlanner, UnchartableQuestion


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("population by continent in nineteen seventy two no sorry nineteen seventy seven as a pie", "1977"),
        ("life expectancy by continent in 1962 no wait 1967", "1967"),
        ("gdp by continent in twenty oh two sorry nineteen ninety seven", "1997"),
    ],
)
def test_a_corrected_year_is_the_one_charted(planner: RulePlanner, question: str, start: str) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == (start, start)


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("um show me the average tip by day no sorry by time of day", "meal"),
        ("average tip by day, actually by sex", "sex"),
        ("medals by nation i mean by medal type", "medal"),
    ],
)
def test_a_corrected_grouping_replaces_the_first(planner: RulePlanner, question: str, dimension: str) -> None:
    assert planner.plan(question).dimension == dimension


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        (
            "wind frequency by strength for north winds uh i mean south winds as a pie",
            ("direction", "eq", "S"),
        ),
        ("average tip by sex for lunch tables no wait dinner tables", ("meal", "eq", "Dinner")),
    ],
)
def test_a_corrected_value_is_the_only_filter(
    planner: RulePlanner, question: str, kept: tuple[str, str, str]
) -> None:
    assert filters_of(planner.plan(question)) == [kept]


def test_the_phrase_after_a_corrected_one_stays(planner: RulePlanner) -> None:
    plan = planner.plan("top five countries by population in 2002 sorry top three")
    assert (plan.limit, plan.dimension, [m.name for m in plan.measures]) == (3, "country", ["pop"])


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("average tip on saturday sorry sunday", ("day", "eq", "Sun")),
        ("wind frequency for north no wait south", ("direction", "eq", "S")),
    ],
)
def test_a_lowercase_value_corrects_the_value_of_its_dimension(
    planner: RulePlanner, question: str, kept: tuple[str, str, str]
) -> None:
    # A transcript has no capitals: the model says which earlier value the correction takes back
    # (worker.planner.corrections_values).
    assert filters_of(planner.plan(question)) == [kept]


@pytest.mark.parametrize(
    "question",
    ["average tip on saturday sorry brunch", "wind frequency for north no wait upwind"],
)
def test_a_correction_that_cannot_be_placed_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="correct"):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "how many votes did each candidate actually get, as a pie",
        "which candidate actually got the most votes overall, as a pie",
    ],
)
def test_actually_as_emphasis_is_no_correction(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.chart_type) == ("candidate", "pie")


def test_a_correction_set_off_by_commas_still_replaces(planner: RulePlanner) -> None:
    plan = planner.plan("wind frequency by strength for north winds, i mean, south winds")
    assert filters_of(plan) == [("direction", "eq", "S")]


@pytest.mark.parametrize(
    ("question", "column", "value"),
    [
        ("life expectancy in France actually Germany since 1990", "country", "Germany"),
        ("average tip on Sunday actually Saturday", "day", "Sat"),
        ("show me Apple actually Microsoft in 2019", "ticker", "MSFT"),
    ],
)
def test_a_name_right_after_actually_replaces_the_name_before_it(
    planner: RulePlanner, question: str, column: str, value: str
) -> None:
    # Both were charted: France and Germany, a series of the value taken back.
    assert filters_of(planner.plan(question)) == [(column, "eq", value)]
