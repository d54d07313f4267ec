"""A robot's status lines (worker.planner.robot_talk): beeps, unit, directive and request numbers, power,
battery and sensor counts, "HUMAN" as an address, "AFFIRMATIVE" and "END OF LINE" set nothing; a sentence
of the machine about itself that asks nothing sets nothing; "UNIT 9 REQUESTS" and "I require" hand over the
request; two numbered directives are two charts, refused; and what the data cannot answer stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.robot_talk import unrobot
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    "question",
    [
        "BLEEP BLOOP. UNIT 88 ONLINE. QUERY RECEIVED: THE MEDIAN TOTAL BILL ON EACH DAY. END OF LINE.",
        "DIRECTIVE 12: MEDIAN TOTAL BILL FOR EVERY DAY. 5 OF MY 9 SENSORS OPERATIONAL. AFFIRMATIVE.",
        "Beep. Unit 40 here, battery at 7%. Human, I require the median total bill on each day.",
        "PROCESSING... EXECUTING REQUEST 3: SHOW THE MEDIAN TOTAL BILL BY DAY, HUMAN. POWER AT 61 PERCENT.",
        "Bzzt. My charge is at 2 percent, so hurry: the median total bill for each day. End of line.",
    ],
)
def test_status_lines_set_nothing(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert chart_of(plan) == (
        [("total_bill", "median")],
        "day",
        "bar",
        [],
        None,
    )


@pytest.mark.parametrize(
    "question",
    [
        "UNIT 1962 REPORTING. DISPLAY THE AVERAGE LIFE EXPECTANCY OF EACH CONTINENT IN 1987. BEEP BOOP.",
        "EXECUTING REQUEST 2002: AVERAGE LIFE EXPECTANCY BY CONTINENT IN 1987. BATTERY AT 30 PERCENT.",
        "BEEP. MY SENSORS DETECT A PIE AND 4 NATIONS IN ASIA. DISPLAY THE AVERAGE LIFE EXPECTANCY OF EACH "
        "CONTINENT IN 1987.",
        "Unit 2007 is programmed for Europe. Human, show the average life expectancy by continent in 1987.",
    ],
)
def test_a_value_number_or_chart_named_only_in_the_patter_sets_nothing(
    planner: RulePlanner, question: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), period_of(plan), plan.chart_type) == (
        [("life_exp", "avg")],
        "continent",
        [],
        ("1987", "1987"),
        "bar",
    )


def test_a_value_named_again_in_the_request_is_the_requests(planner: RulePlanner) -> None:
    plan = planner.plan(
        "UNIT 6 IS PROGRAMMED FOR SILVER. DISPLAY THE SILVER MEDALS OF EACH NATION. END OF LINE."
    )
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("medals", "sum")],
        "nation",
        [("medal", "eq", "Silver")],
    )


@pytest.mark.parametrize(
    "question",
    [
        "HUMAN, UNIT 31 REQUESTS THE 3 AFRICAN COUNTRIES WITH THE MOST PEOPLE IN 1982. AFFIRMATIVE.",
        "Beep boop. This unit requires the 3 African countries with the most people in 1982, human.",
        "QUERY RECEIVED. I require the 3 African countries with the most people in 1982. Unit 4 out.",
    ],
)
def test_a_unit_that_requests_hands_over_the_request(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), period_of(plan), plan.limit) == (
        [("pop", "sum")],
        "country",
        [("continent", "eq", "Africa")],
        ("1982", "1982"),
        3,
    )


def test_two_directives_are_two_charts_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="one chart per question") as refused:
        planner.plan(
            "DIRECTIVE 7: THE AVERAGE TIP BY SEX. DIRECTIVE 8: A PIE OF THE TOTAL BILL BY DAY. BEEP."
        )
    assert "e.g. \u201cthe average tip by sex\u201d" in str(refused.value)  # the first chart, to ask first


@pytest.mark.parametrize(
    "question",
    [
        "BEEP BOOP. DISPLAY THE OIL PRESSURE OF EACH ROBOT BY MEAL. END OF LINE.",
        "QUERY RECEIVED: TESLA'S SHARE PRICE ACROSS 2018. UNIT 3 REPORTING.",
        "POWER AT 44 PERCENT. DISPLAY THE AVERAGE GDP PER CAPITA OF EACH CONTINENT IN 2031. AFFIRMATIVE.",
        "AFFIRMATIVE. SHOW THE MEAN OR THE MEDIAN TIP BY DAY - YOUR PROCESSOR MAY DECIDE, HUMAN.",
        "Beep. Show me the medals of Germany by type, human. Battery at 9 percent.",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "The median total bill by day.",
        "Show the unit price of Apple's shares in 2019.",
        "Human development: life expectancy by continent in 2007.",
        "Count the tables at lunch, 5 percent of them or more.",
        "What is the directive for the average tip by day?",
    ],
)
def test_a_question_without_the_voice_is_unchanged(semantic_model: SemanticModel, question: str) -> None:
    assert unrobot(question, semantic_model) == question


def test_the_request_is_what_is_left(semantic_model: SemanticModel) -> None:
    assert (
        unrobot("BEEP BOOP. UNIT 5 ONLINE. QUERY RECEIVED: MEDIAN TIP BY DAY. END OF LINE.", semantic_model)
        == "MEDIAN TIP BY DAY."
    )
