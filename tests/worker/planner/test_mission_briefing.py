"""A secret agent's briefing (worker.planner.mission_briefing): greetings, agent numbers, code names,
operations, rendezvous times and sign-offs add nothing, "your mission ... is to" and "Headquarters needs"
introduce the request, a value named only in a label filters nothing, and what the data cannot answer stays
refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.mission_briefing import unbrief
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_greeting_mission_and_self_destruct_add_nothing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Good afternoon, Agent 23. Your mission, should you choose to accept it, is to show the median "
        "total bill for each sex. This tape will self-destruct in thirty seconds."
    )
    assert (measures_of(plan), plan.dimension, plan.limit, filters_of(plan)) == (
        [("total_bill", "median")],
        "sex",
        None,
        [],
    )


def test_an_agent_number_is_no_year_and_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Agent 1997. Your mission is to show the population of each continent in 2007, as a pie."
    )
    assert (plan.dimension, plan.chart_type, period_of(plan), plan.limit) == (
        "continent",
        "pie",
        ("2007", "2007"),
        None,
    )


def test_headquarters_needs_is_the_request_and_rendezvous_is_no_period(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Rendezvous at 1800 hours by the bridge. Headquarters needs the total votes per candidate. Eyes only."
    )
    assert (measures_of(plan), plan.dimension, period_of(plan)) == ([("votes", "sum")], "candidate", None)


def test_an_operation_lead_labels_the_request_after_it(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Operation Saturday, Agent 2: the average tip on Fridays by sex, as bars. "
        "Burn this message after reading."
    )
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("tip", "avg")],
        "sex",
        [("day", "eq", "Fri")],
    )


@pytest.mark.parametrize(
    ("question", "measure", "dimension", "filters"),
    [
        (
            "Code name: Setosa. Your mission is to chart the average sepal length of each species, "
            "longest first.",
            "sepal_length",
            "species",
            [],
        ),
        (
            "Agent Mexico - just a code name, nothing more. Your mission: the life expectancy of every "
            "continent in 1992.",
            "life_exp",
            "continent",
            [],
        ),
        (
            "Operation Lunch is only a cover. The total tips at dinner by day.",
            "tip",
            "day",
            [("meal", "eq", "Dinner")],
        ),
    ],
)
def test_a_value_named_only_in_a_label_filters_nothing(
    planner: RulePlanner, question: str, measure: str, dimension: str, filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert (plan.measures[0].name, plan.dimension, filters_of(plan)) == (measure, dimension, filters)


def test_a_label_named_again_by_the_mission_is_the_missions(planner: RulePlanner) -> None:
    plan = planner.plan("Agent Canada. Your mission is to chart Canada's medals by type, as a pie.")
    assert (plan.dimension, filters_of(plan), plan.chart_type) == (
        "medal",
        [("nation", "eq", "Canada")],
        "pie",
    )


def test_the_chart_type_the_mission_calls_for_is_kept_and_the_cover_is_no_context(
    planner: RulePlanner,
) -> None:
    answer = planner.answer(
        "Your cover is a pie shop, Agent 5, but the mission calls for a line. Apple's price in 2019."
    )
    assert (filters_of(answer.plan), answer.plan.chart_type, answer.left_out) == (
        [("ticker", "eq", "AAPL")],
        "line",
        (),
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "Your mission, should you choose to accept it: the number of enemy agents in each continent "
            "in 2007.",
            "enemy agents",
        ),
        (
            "Eyes only, Agent 30: Tesla's weekly share price in 2019. This message will self-destruct.",
            "Tesla",
        ),
        ("Rendezvous at 0600 hours: the tips at exactly 0600 hours on the day of the drop.", "0600"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "My estate agent wants the average tip by day.",
        "The operation of the restaurant: tips by day.",
        "the mission statement of each district",
    ],
)
def test_text_with_no_briefing_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unbrief(text, semantic_model) == text


def test_a_briefing_with_nothing_but_patter_is_left_as_said(semantic_model: SemanticModel) -> None:
    text = "Good morning, Agent 47. This message will self-destruct in five seconds."
    assert unbrief(text, semantic_model) == text
