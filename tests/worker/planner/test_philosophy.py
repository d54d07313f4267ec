"""A philosopher's musing (worker.planner.philosophy): rhetorical questions, quotations, thinkers' names and
"Consider ..." are context, the request is what follows "Let us ...", "Show me" or "Consider X:", a value
the musing names is kept only where the request points back to it, and what the data cannot answer stays
refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.philosophy import unphilosophise
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Consider, if you will, the humble bill. One might wonder whether hunger keeps a calendar. "
            "Let us look, then, at the average total bill on each day.",
            ("total_bill", "avg"),
            "day",
        ),
        (
            "Is it not the case that all flowers are equal? Let us see the average sepal width of each "
            "species, widest first.",
            ("sepal_width", "avg"),
            "species",
        ),
        (
            "Kant held that we never know things in themselves. Still, let us weigh them: the total medals "
            "of each nation, most first.",
            ("medals", "sum"),
            "nation",
        ),
        (
            "What, after all, is a vote? I confess I do not know. Show me the total votes for each "
            "candidate, as a pie.",
            ("votes", "sum"),
            "candidate",
        ),
    ],
)
def test_the_musing_around_the_request_adds_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.filters, plan.limit) == ([measure], dimension, [], None)


def test_a_thinkers_saying_names_no_period(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Socrates said that the unexamined life is not worth living. Let us examine, then, the life "
        "expectancy of each continent in 1982, highest first."
    )
    assert (plan.dimension, period_of(plan)) == ("continent", ("1982", "1982"))
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == ("life_exp", "desc")


def test_a_rhetorical_value_is_a_filter_only_where_the_request_names_it(planner: RulePlanner) -> None:
    plan = planner.plan(
        "One might ask whether the east wind is kinder than the west. Let us look at the frequency of the "
        "east wind in each strength band."
    )
    assert (plan.dimension, filters_of(plan)) == ("strength", [("direction", "eq", "E")])


def test_let_the_companies_be_judged_is_a_ranking(planner: RulePlanner) -> None:
    plan = planner.plan(
        "What is a price but a rumour agreed upon? Let the six companies be ranked by their average price "
        "in 2018, highest first."
    )
    assert (plan.dimension, plan.chart_type, plan.use_time) == ("ticker", "bar", False)
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_a_price_flowing_through_a_year_is_that_year(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Consider Microsoft, that patient giant. Let us watch its weekly share price drift through 2019, "
        "as a line."
    )
    assert (plan.chart_type, plan.use_time, period_of(plan)) == ("line", True, ("2019", "2019"))
    assert filters_of(plan) == [("ticker", "eq", "MSFT")]


def test_a_pronoun_points_back_to_the_musings_value(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Is it not true that Joly was loved somewhere? Show me instead her votes in each district, "
        "most first."
    )
    assert (plan.dimension, filters_of(plan)) == ("district", [("candidate", "eq", "Joly")])


def test_consider_before_a_colon_keeps_its_place_and_year(planner: RulePlanner) -> None:
    plan = planner.plan("Consider the nations of Europe in 1997: the 6 most populous, most populous first.")
    assert (plan.dimension, plan.limit, period_of(plan)) == ("country", 6, ("1997", "1997"))
    assert filters_of(plan) == [("continent", "eq", "Europe")]


def test_a_consider_scene_before_a_question_is_context(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Consider the dinner hour, that long evening of conversation. How many tables were served at "
        "dinner on each day?"
    )
    assert (measures_of(plan), plan.dimension) == ([("tip", "count")], "day")
    assert filters_of(plan) == [("meal", "eq", "Dinner")]


def test_if_you_will_after_a_histogram_adds_nothing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "One might ask whether the setosa knows its own width. A histogram of its petal width, if you will, "
        "for the setosa flowers alone."
    )
    assert (plan.chart_type, measures_of(plan)) == ("histogram", [("petal_width", "none")])
    assert filters_of(plan) == [("species", "eq", "setosa")]


def test_a_rhetorical_question_after_the_request_adds_nothing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Consider Canada's medals, if you will, by type. Are they not all the same metal, merely "
        "differently valued?"
    )
    assert (plan.dimension, filters_of(plan)) == ("medal", [("nation", "eq", "Canada")])


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "What, after all, is a total bill? Spare me the chart, I beg you: tell me its meaning, in words.",
            "meaning|words",
        ),
        ("Is it not the case that justice is blind? Chart for me the fairness of each district.", "fairness"),
        (
            "One might ask what tomorrow holds. Consider Google: show me its weekly price through 2022.",
            "2022",
        ),
        (
            "Consider the waiter, who serves but is not served. One might ask what each waiter earned: the "
            "average tip per waiter.",
            "waiter",
        ),
        (
            "Is it not the case that spring differs from autumn? Show me the wind frequency by direction in "
            "each season.",
            "season",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "Let us see the total medals per nation.",
        "Is it the case that smokers tip more?",
        "What is the average petal length of each species?",
    ],
)
def test_text_without_a_philosophers_markers_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unphilosophise(text, semantic_model) == text


def test_days_in_their_order_point_back_to_no_value_of_the_musing(planner: RulePlanner) -> None:
    plan = planner.plan(
        "One might ask whether Saturday is kinder than Sunday. Let us look at the average tip on each day, "
        "the days in their calendar order."
    )
    assert (measures_of(plan), plan.dimension, plan.filters) == ([("tip", "avg")], "day", [])
