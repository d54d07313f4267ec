"""Statistics no plan computes (worker.planner.changes): values over a moving window are refused, naming
the words, rather than charted as the plain values ("moving" is otherwise a filler verb)."""

from __future__ import annotations

import pytest

from worker.planner.rules import RulePlanner, UnchartableQuestion


@pytest.mark.parametrize(
    "question",
    [
        "okay so the moving average of googles price in twenty nineteen",
        "4-week rolling mean of netflix's price in 2018",
        "running total of tips by day",
        "cumulative sum of asia's population over time",
        "the moving avg of life expectancy in china",
    ],
)
def test_a_moving_window_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="moving window"):
        planner.plan(question)


def test_a_price_that_moved_is_still_charted(planner: RulePlanner) -> None:
    plan = planner.plan("how did the price of netflix move in 2019")
    assert plan.use_time and [m.name for m in plan.measures] == ["price"]


@pytest.mark.parametrize(
    "question",
    [
        "Which tickers went up most in 2019?",
        "which company's share price went down the most in 2018",
        "which countries' population has gone up the most since 1952",
    ],
)
def test_what_went_up_the_most_is_a_ranked_change(planner: RulePlanner, question: str) -> None:
    """ "went up most" was read as nothing: a line of every ticker came back, the ranking dropped."""
    with pytest.raises(UnchartableQuestion, match="rank by a change between periods"):
        planner.plan(question)
