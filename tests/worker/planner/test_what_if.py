"""A what-if user's hypothetical framing (worker.planner.what_if): a restriction put as a hypothetical is
the filter it names, a persona keeps what its activity names and is otherwise set aside, and a
counterfactual about the data is refused saying chartq charts the data as recorded."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.what_if import unwhat_if
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        (
            "What if we only looked at Asia? Show the 3 richest countries there in 1997.",
            [("continent", "eq", "Asia")],
        ),
        ("Suppose I only followed Amazon: how did its price move in 2019?", [("ticker", "eq", "AMZN")]),
        (
            "In a world where only silver counted, how many medals did each nation win?",
            [("medal", "eq", "Silver")],
        ),
        (
            "Say I'm a gardener who only grows setosa: how is its sepal width distributed?",
            [("species", "eq", "setosa")],
        ),
        (
            "Suppose I'm choosing between Netflix and Microsoft: compare their average price in 2018.",
            [("ticker", "in", ["NFLX", "MSFT"])],
        ),
    ],
)
def test_a_hypothetical_restriction_is_the_filter_it_names(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, object]]
) -> None:
    assert filters_of(planner.plan(question)) == filters


def test_the_count_of_the_values_pointed_back_at_adds_nothing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Hypothetically, if I only went out on Thursdays and Fridays, what would the average tip be on each "
        "of those two days?"
    )
    assert (measures_of(plan), plan.dimension) == ([("tip", "avg")], "day")
    assert filters_of(plan) == [("day", "in", ["Thur", "Fri"])]


def test_a_persona_placed_in_a_year_keeps_the_year(planner: RulePlanner) -> None:
    plan = planner.plan("Imagine you're a historian in 1977: show me the life expectancy of each continent.")
    assert plan.dimension == "continent"
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1977", "1977")


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "If I were opening a restaurant, I'd want the average total bill by day.",
            ("total_bill", "avg"),
            "day",
        ),
        (
            "If you had to pick one, which species has the longest petals on average?",
            ("petal_length", "avg"),
            "species",
        ),
    ],
)
def test_framing_that_names_nothing_comes_off(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([measure], dimension, [])


def test_a_persona_the_context_reader_sets_aside_is_named(planner: RulePlanner) -> None:
    answer = planner.answer("Suppose I'm a bartender planning my week: what's the average tip on each day?")
    assert answer.plan.dimension == "day"
    assert any("bartender" in note for note in answer.left_out)


def test_a_purchase_in_the_first_year_is_the_prices_as_recorded(planner: RulePlanner) -> None:
    plan = planner.plan(
        "If I had bought Amazon and Netflix in the first week of 2018, how would their prices have moved "
        "week by week since? One line each."
    )
    assert (plan.series, plan.use_time, plan.time_range) == ("ticker", True, None)
    assert filters_of(plan) == [("ticker", "in", ["AMZN", "NFLX"])]


@pytest.mark.parametrize(
    "question",
    [
        "If Joly had won every district, how many votes would she have had?",
        "What if every nation had won twice as many golds? Show medals by nation.",
        "Suppose Europe's life expectancy had stayed at its 1952 level: chart it.",
        "Had the tables been bigger, what would the average bill be by day?",
        "If Coderre had also received all of Bergeron's votes, how many would he have had in each district?",
    ],
)
def test_a_counterfactual_about_the_data_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert "charts the data as recorded" in str(refused.value)
    assert "Try e.g." in str(refused.value)


def test_text_with_no_hypothetical_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "Tip by day",
        "If I were only interested in smokers, how would the average tip compare between lunch and dinner?",
        "Which nation had the most golds?",
        "Show the countries that had a life expectancy above 70 in 2007",
    ):
        assert unwhat_if(text, semantic_model) == text


def test_a_later_purchase_is_charted_since_it_was_made(planner: RulePlanner) -> None:
    plan = planner.plan("If I had bought Apple in June 2018, how would its price have moved since?")
    assert plan.time_range is not None and (plan.time_range.start or "").startswith("2018-06")
    assert filters_of(plan) == [("ticker", "eq", "AAPL")]
