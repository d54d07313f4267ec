"""An auctioneer's calls (worker.planner.auction_calls): lot numbers and patter are set aside, a bid call adds
nothing unless it names a chart type, "the highest bidder" is a ranking only where a measure is named, and
what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.auction_calls import unauction
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "dimension", "measure"),
    [
        ("Lot 101: the average tip by day, lunch only. Going, going, gone!", "day", ("tip", "avg")),
        (
            "Lot no. 7: total medals per nation, most first. Sold to the lady in the front row!",
            "nation",
            ("medals", "sum"),
        ),
        (
            "The next lot, a rare specimen: the average petal length per species, longest first. "
            "Sold to the bidder on line 3!",
            "species",
            ("petal_length", "avg"),
        ),
        (
            "Ladies and gentlemen, the bidding opens on the tips: the average tip by smoker. "
            "Going once... gone!",
            "smoker",
            ("tip", "avg"),
        ),
    ],
)
def test_lot_numbers_and_patter_add_no_limit_or_filter(
    planner: RulePlanner, question: str, dimension: str, measure: tuple[str, str]
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, measures_of(plan), plan.limit) == (dimension, [measure], None)
    assert plan.chart_type == "bar"
    assert all(f.column not in {"party_size", "district", "size"} for f in plan.filters)


def test_a_bid_call_adds_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan("Do I hear fifty? The average total bill by party size. Sold!")
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("party_size", None, [])
    plan = planner.plan("Lot 3: total medals per nation, most first. Do I hear 20? Going once, sold!")
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("nation", None, [])


def test_a_number_the_request_repeats_is_the_requests(planner: RulePlanner) -> None:
    plan = planner.plan("Do I hear 5? The 5 most populous countries in Asia in 2007, biggest first. Sold!")
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("country", 5, [("continent", "eq", "Asia")])
    assert period_of(plan) == ("2007", "2007")


def test_a_bid_call_naming_a_value_adds_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan("Lot 5: total medals per nation, most first. Do I hear gold? Sold!")
    assert (plan.dimension, filters_of(plan)) == ("nation", [])


@pytest.mark.parametrize(
    ("question", "chart_type"),
    [
        ("Lot 88: the total bill by day. Do I hear a pie? Pie it is! Going once, going twice, sold!", "pie"),
        ("Up next on the block: Apple's weekly price in 2019. Do I hear a line? A line it is. Sold!", "line"),
        ("Lot 2: the average tip by day. Do I hear a pie? Sold to the bidder on line 2!", "pie"),
        # The request's own chart type wins over the call.
        ("Do I hear a pie? The average tip by day, as bars. Sold!", "bar"),
    ],
)
def test_a_call_naming_a_chart_type_asks_for_it(planner: RulePlanner, question: str, chart_type: str) -> None:
    assert planner.plan(question).chart_type == chart_type


def test_going_going_gone_leaves_a_line_over_time(planner: RulePlanner) -> None:
    plan = planner.plan("Under the hammer: life expectancy in Japan over time. Going, going, gone!")
    assert (plan.chart_type, plan.use_time, filters_of(plan)) == ("line", True, [("country", "eq", "Japan")])


@pytest.mark.parametrize(
    ("question", "dimension", "measure"),
    [
        (
            "Which company was the highest bidder on average share price in 2018? Going once, sold!",
            "ticker",
            "price",
        ),
        ("Which candidate fetched the most votes in total? Lot 4, sold!", "candidate", "votes"),
    ],
)
def test_the_highest_bidder_is_the_top_one_of_the_measure_named(
    planner: RulePlanner, question: str, dimension: str, measure: str
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.limit, plan.sort and (plan.sort.by, plan.sort.direction)) == (
        dimension,
        1,
        (measure, "desc"),
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Going once, going twice: which country was the highest bidder? Sold!", "bidder"),
        ("Lot 9: the hammer price of every lot, by bidder. Sold!", "hammer"),
        ("Do I hear a forecast? Netflix's share price next year. Going once...", "forecast"),
        (
            "Going once, going twice: the average tip by day or the average bill by day - the highest bidder "
            "decides which. Sold!",
            "bidder",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named) as refused:
        planner.plan(question)
    assert "Try" in str(refused.value)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip by day, sold as a pie.",
        "A lot of countries in Asia: life expectancy in 2007.",
        "Which company had the highest share price in 2019?",
    ],
)
def test_text_without_an_auctioneers_calls_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unauction(text, semantic_model) == text
