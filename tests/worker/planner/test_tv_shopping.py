"""A TV shopping host's pitch (worker.planner.tv_shopping): catchphrases, prices, payment plans, phone
numbers, deadlines, stock left and per-household limits add nothing, a product that is a chart asks for it,
a value of the pitch is planned only where the request names it again, and what the data cannot answer
stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.tv_shopping import unshop
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "But wait, there's more! For only two easy payments of $39.95 you'll get the median tip by sex. "
            "Operators are standing by!",
            ("tip", "median"),
            "sex",
        ),
        (
            "Call 1-800-555-0142 now! The average tip percentage for each party size. Not sold in stores!",
            ("tip_pct", "avg"),
            "party_size",
        ),
        (
            "Act now and chart the average sepal width of each species! Satisfaction guaranteed.",
            ("sepal_width", "avg"),
            "species",
        ),
        (
            "It slices, it dices, it shows you the total votes of each candidate! As seen on TV.",
            ("votes", "sum"),
            "candidate",
        ),
    ],
)
def test_catchphrases_and_payments_add_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([measure], dimension, "bar")
    assert (filters_of(plan), plan.limit) == ([], None)


def test_a_price_asked_is_no_threshold(planner: RulePlanner) -> None:
    plan = planner.plan("Satisfaction guaranteed: the average tip by day for just $5.")
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("tip", "avg")], "day", [])


def test_stock_left_is_no_limit_but_the_request_limit_is(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Act fast - only 2 left in stock! The 3 least populous European countries in 1997, smallest first."
    )
    assert (plan.limit, filters_of(plan), period_of(plan)) == (
        3,
        [("continent", "eq", "Europe")],
        ("1997", "1997"),
    )


def test_a_household_limit_sets_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan("Limit two per customer! The silver medals won by each nation. Call today!")
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("nation", None, [("medal", "eq", "Silver")])


def test_a_deadline_is_no_date(planner: RulePlanner) -> None:
    plan = planner.plan(
        "As seen on TV: Netflix's weekly share price in 2018 - order by midnight on 1 January!"
    )
    assert (filters_of(plan), plan.chart_type, period_of(plan)) == (
        [("ticker", "eq", "NFLX")],
        "line",
        ("2018", "2018"),
    )


@pytest.mark.parametrize(
    ("question", "chart"),
    [
        (
            "Order within the next fifteen minutes and this stunning histogram is yours: "
            "the tip per person at dinner.",
            "histogram",
        ),
        (
            "You've seen the bars in our brochure - tonight it ships as a pie! "
            "The total votes for each candidate.",
            "pie",
        ),
        ("Call now and you'll get this lovely bar chart: the total votes for each candidate!", "bar"),
    ],
)
def test_a_product_that_is_a_chart_asks_for_it(planner: RulePlanner, question: str, chart: str) -> None:
    assert planner.plan(question).chart_type == chart


def test_two_lines_for_one_is_a_line_each(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Not one line but two, folks: GDP per capita of Brazil and Chile since 1980. Call now!"
    )
    assert (plan.series, plan.chart_type, period_of(plan)) == ("country", "line", ("1980", None))


def test_a_value_of_the_pitch_counts_only_when_the_request_names_it(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Our Friday-night deal, but tonight's special is Thursday's: the average total bill on Thursdays "
        "at lunch. Call now!"
    )
    assert filters_of(plan) == [("day", "eq", "Thur"), ("meal", "eq", "Lunch")]


def test_we_will_double_it_is_a_promise(planner: RulePlanner) -> None:
    plan = planner.plan("Call now! The tip per person by day, and we'll double it if you're not satisfied.")
    assert (measures_of(plan), plan.dimension) == ([("tip_per_person", "avg")], "day")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Call now! Chart how many Blend-O-Matics we sold each week.", "Blend-O-Matics"),
        (
            "Act now and we'll double it - triple every bill, then show the average total bill by day!",
            "triple",
        ),
        ("Operators are standing by! The average tip by day in pounds.", "pounds"),
        ("Not sold in stores: tips by waiter, for three easy payments of $19.95!", "waiter"),
        ("Order now: Apple's weekly share price in 2022, for one low monthly payment!", "2022"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "the tables where the tip was only $1, by day",
        "Wait, there's more to it: the tips by sex.",
        "This pie chart: the total votes for each candidate.",
    ],
)
def test_text_with_no_pitch_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unshop(text, semantic_model) == text
