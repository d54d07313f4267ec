"""A percentage of what a measure's unit names is that measure (worker.planner.units.share_measures)."""

from __future__ import annotations

import pytest

from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_a_percentage_of_the_unit_is_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan("The percentage of observations for each wind direction as a pie")
    assert (plan.measures[0].name, plan.dimension, plan.chart_type) == ("frequency", "direction", "pie")
    plan = planner.plan("What share of the bill did diners leave as a tip on each day?")
    assert (plan.measures[0].name, plan.dimension) == ("tip_pct", "day")
    plan = planner.plan("Average tip as a proportion of the bill by sex")
    assert [m.name for m in plan.measures] == ["tip_pct"]


def test_the_measure_named_again_after_its_share_is_not_a_second_measure(planner: RulePlanner) -> None:
    plan = planner.plan("what percentage of the bill was the tip, by day")
    assert ([m.name for m in plan.measures], plan.dimension) == (["tip_pct"], "day")


def test_either_refusal_suggests_a_question(planner: RulePlanner) -> None:
    try:
        planner.plan("Average tip by day for tips over 5 dollars or bills over 30 dollars")
    except UnchartableQuestion as exc:
        assert "Try e.g." in str(exc)
    else:
        raise AssertionError("an “or” across two conditions is refused")


@pytest.mark.parametrize(
    "question",
    [
        "Joly's vote share in each district.",
        "joly's share of the vote in each district",
        "the share of the vote won by coderre in every district",
        "bergeron's percentage of the vote per district",
        "the vote share of joly in each district as a bar chart",
        "asia's share of the world population over time",
    ],
)
def test_one_values_share_within_each_group_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="share within each"):
        planner.plan(question)


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("Vote share by candidate, as a pie", "candidate"),
        ("share of the vote for each candidate in plurality districts", "candidate"),
        ("each district's share of joly's votes", "district"),
        ("share of gold medals by nation", "nation"),
        ("population share by continent in 2007 as a pie", "continent"),
    ],
)
def test_a_share_of_a_total_across_groups_is_a_pie(
    planner: RulePlanner, question: str, dimension: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.chart_type, plan.measures[0].agg) == (dimension, "pie", "sum")


def test_a_share_word_in_a_measure_is_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan("sunday's tip percentage by sex")
    assert ([m.name for m in plan.measures], plan.dimension) == (["tip_pct"], "sex")


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("Asia's share of population in 2007", "continent"),
        ("what share of the medals did Canada win", "nation"),
        ("Joly's share of the vote", "candidate"),
    ],
)
def test_one_values_share_of_the_whole_is_the_pie_of_every_value(
    planner: RulePlanner, question: str, dimension: str
) -> None:
    # Kept to that value, the pie was one slice: 100%, whatever its share.
    plan = planner.plan(question)
    assert (plan.chart_type, plan.dimension) == ("pie", dimension)
    assert [f for f in plan.filters if f.column == dimension] == []


@pytest.mark.parametrize(
    "question",
    [
        "what share of every district's votes went to Joly?",
        "What share of the vote in each district went to Bergeron?",
    ],
)
def test_a_share_said_as_where_the_whole_went_is_still_within_each_group(
    planner: RulePlanner, question: str
) -> None:
    with pytest.raises(UnchartableQuestion, match="share within each district"):
        planner.plan(question)


@pytest.mark.parametrize(
    ("question", "form"),
    [
        ("Share of the total bill by meal, as bars.", "bars"),
        ("the proportion of medals by nation as a line", "a line"),
    ],
)
def test_a_share_asked_for_in_another_form_is_refused(planner: RulePlanner, question: str, form: str) -> None:
    """A share is a pie; a pie would ignore "as bars", and bars of totals would ignore "share"."""
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert f"asks for {form} too" in str(refused.value)


def test_a_share_named_as_a_pie_or_a_share_price_keeps_its_form(planner: RulePlanner) -> None:
    assert planner.plan("share of population by continent in 2007 as a donut").chart_type == "pie"
    assert planner.plan("Apple's share price over time as a line").chart_type == "line"
