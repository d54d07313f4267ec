"""A teacher's framing (worker.planner.classroom): the class, year group, subject, lesson, worksheet label,
what the students do with the chart and "simple" come off, the data request is left whole, and a framing
that asks for data or names a value of it, or text that only looks like framing, is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.classroom import unclassroom
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_leading_framing_comes_off(semantic_model: SemanticModel) -> None:
    assert unclassroom("For my Grade 8 biology class: petal width by species", semantic_model) == (
        "petal width by species"
    )
    assert unclassroom("For a seminar on inequality I need GDP by continent", semantic_model) == (
        "GDP by continent"
    )
    assert unclassroom("KS4 economics - price by company", semantic_model) == "price by company"
    assert unclassroom("Homework task 3b: tip by day", semantic_model) == "tip by day"
    assert unclassroom("Class test, Q2: medals by nation", semantic_model) == "medals by nation"
    assert unclassroom("Plenary for Year 10: votes by candidate", semantic_model) == "votes by candidate"
    assert unclassroom("Right, class, let's look at tip by sex", semantic_model) == "let's look at tip by sex"


def test_tails_and_simple_come_off(semantic_model: SemanticModel) -> None:
    assert (
        unclassroom("a simple pie of medals by type for my pupils, so they can discuss it.", semantic_model)
        == "a pie of medals by type."
    )
    assert unclassroom("tip by day for tonight's homework, nice and simple", semantic_model) == "tip by day"
    assert unclassroom("A chart to talk about in class: tip by sex", semantic_model) == "A chart: tip by sex"
    assert unclassroom("Show the kids how tips vary by day", semantic_model) == "Show how tips vary by day"
    assert unclassroom("pop by continent for my sixth form tutorial", semantic_model) == "pop by continent"


def test_near_misses_are_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "For my lesson on the top 5 economies: GDP by country in 2007",
        "So the students can see why tips are bigger at dinner, chart the reasons",
        "a bar chart of each of my students' grades",
        "Which class of iris has the widest petals: a bar chart",
        "the number of flowers in each class",
        "show the class of iris with the longest petals",
        "GDP by continent so the students can compare the richest",
        "a simple moving average of Apple's price",
        "life expectancy by continent in year 2007",
    ):
        assert unclassroom(text, semantic_model) == text


def test_a_year_group_or_question_number_is_no_limit_filter_or_year(planner: RulePlanner) -> None:
    plan = planner.plan("For my Year 8s, a nice and simple bar chart of the average tip by party size.")
    assert (plan.dimension, filters_of(plan), plan.limit, plan.time_range, plan.chart_type) == (
        "party_size",
        [],
        None,
        None,
        "bar",
    )
    plan = planner.plan("Revision sheet question 7: median total bill by day, so pupils can describe it.")
    assert (plan.dimension, plan.limit, measures_of(plan)) == ("day", None, [("total_bill", "median")])
    plan = planner.plan("Grade 9 statistics: a pie of the total votes per candidate in Villeray")
    assert (plan.dimension, filters_of(plan), plan.limit, plan.chart_type) == (
        "candidate",
        [("district", "eq", "193-Villeray")],
        None,
        "pie",
    )


def test_the_request_keeps_its_own_data_words(planner: RulePlanner) -> None:
    plan = planner.plan(
        "For my Year 11 geography class, the 3 most populous countries in 1982, as a simple chart."
    )
    assert (plan.dimension, plan.limit, measures_of(plan)) == ("country", 3, [("pop", "sum")])
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1982", "1982")
    plan = planner.plan("A line of Microsoft's price during 2019 to discuss with the class.")
    assert (filters_of(plan), plan.chart_type) == ([("ticker", "eq", "MSFT")], "line")
    plan = planner.plan("Let's look at frequency by strength for southerly winds, for the kids to compare.")
    assert (plan.dimension, filters_of(plan)) == ("strength", [("direction", "eq", "S")])


def test_a_framing_that_names_a_value_is_noted_not_dropped(planner: RulePlanner) -> None:
    # "Europe" may have been meant as a filter: the chart says it was read as context.
    answer = planner.answer("For a Year 9 lesson on Europe: life expectancy by country in 1967")
    assert (answer.plan.dimension, filters_of(answer.plan)) == ("country", [])
    assert any("lesson on Europe" in note and "context" in note for note in answer.left_out)


@pytest.mark.parametrize(
    "question",
    [
        "For my Year 8 class: which nation do the pupils think is the best at sport? Chart their views.",
        "So the pupils can see why the wind comes from the west, chart the causes.",
        "Homework question 2: a bar chart of my pupils' test scores by class.",
        "For my Year 10 geography class, the unemployment rate by continent in 2007.",
        "A simple chart for my seminar: Apple's share price in 2023, so they can see the forecast.",
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)
