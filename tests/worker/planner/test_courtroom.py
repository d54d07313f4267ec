"""A courtroom lawyer's address (worker.planner.courtroom): forms of address, exhibit labels, rulings and
closings add nothing, "objection to the pie" is a prohibition, "the court" is never a count, "let the record
show" before a request is only a claim, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.courtroom import uncourtroom
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Your Honor, I refer the court to Exhibit 3: the average total bill per day, as bars.",
            "total_bill",
            "day",
        ),
        ("Sustained. Exhibit 2 - the median tip on each day of the week.", "tip", "day"),
        (
            "Objection! Your Honor, the sepal width of each species, widest first. Your witness.",
            "sepal_width",
            "species",
        ),
        (
            "May it please the court: the votes each candidate got, most first. Nothing further, Your Honor.",
            "votes",
            "candidate",
        ),
    ],
)
def test_exhibit_labels_address_and_closings_add_nothing(
    planner: RulePlanner, question: str, measure: str, dimension: str
) -> None:
    plan = planner.plan(question)
    assert (plan.measures[0].name, plan.dimension, plan.chart_type) == (measure, dimension, "bar")
    assert filters_of(plan) == []


def test_the_court_asked_to_see_an_average_is_no_count(planner: RulePlanner) -> None:
    plan = planner.plan("I ask the court to consider the average tip by sex.")
    assert (measures_of(plan), plan.dimension) == ([("tip", "avg")], "sex")


def test_a_motion_to_admit_a_histogram_is_the_histogram(planner: RulePlanner) -> None:
    plan = planner.plan(
        "We move to enter into evidence a histogram of the total bill at Sunday lunches, Your Honour."
    )
    assert plan.chart_type == "histogram"
    assert sorted(filters_of(plan)) == [("day", "eq", "Sun"), ("meal", "eq", "Lunch")]


def test_an_objection_to_a_chart_type_is_a_prohibition(planner: RulePlanner) -> None:
    plan = planner.plan("I object to pies, Your Honour. The total GDP by continent in 2007, as a bar chart.")
    assert (plan.dimension, plan.chart_type, period_of(plan)) == ("continent", "bar", ("2007", "2007"))


def test_testimony_beside_the_request_is_context(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Ladies and gentlemen of the jury, the defendant claims he was at dinner. "
        "People's Exhibit 4: the median tip at lunch by day."
    )
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("tip", "median")],
        "day",
        [("meal", "eq", "Lunch")],
    )


def test_a_claim_on_the_record_adds_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Let the record reflect that the witness dined on a Friday. "
        "I direct the court to the average tip by sex."
    )
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("tip", "avg")], "sex", [])


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        (
            "Let the record show Brazil and Chile were in the dock: their life expectancy over time.",
            [("country", "in", ["Brazil", "Chile"])],
        ),
        (
            "Let the record show that Asia was the most populous: its population over time, as a line.",
            [("continent", "eq", "Asia")],
        ),
    ],
)
def test_a_value_on_the_record_is_kept_where_the_request_points_back(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    got = [
        (c, op, sorted(v) if isinstance(v, (list, tuple, set, frozenset)) else v)
        for c, op, v in filters_of(plan)
    ]
    assert (got, plan.chart_type) == (filters, "line")


def test_the_record_with_no_claim_is_the_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Let the record show Netflix's monthly closing price in 2019, as a line. The defence rests."
    )
    assert (filters_of(plan), plan.chart_type) == ([("ticker", "eq", "NFLX")], "line")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Your Honour, I direct the court's attention to the motive of each waiter.", "waiter"),
        ("Exhibit Q: the verdict in each district.", "verdict"),
        ("Members of the jury, the defendant is guilty.", "guilty"),
        ("Let the record show the witness lied about the tips.", "lied"),
        ("Objection! Exhibit Z: the wind on the night of the robbery, 4 May 2018, by direction.", "dates"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "the sustained rise in life expectancy in Asia",
        "This next exhibit dates from 1952: life expectancy by continent.",
    ],
)
def test_text_with_no_courtroom_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncourtroom(text, semantic_model) == text
