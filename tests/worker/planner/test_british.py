"""A British or European user's dates and words (worker.planner.british): numeric dates read the way the
question's own dates allow, one that reads both ways refused; a weekday before a date, a fortnight from a
day, and a liking said ("my favourite") read as the dates and values they name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        # A month above 12 in one date says the question's dates are month first ("03/15/2019").
        ("Microsoft and Google, one line each, 03/15/2019 to 09/13/2019", "2019-03-15", "2019-09-13"),
        ("Apple's share prices from 01/04/2018 to 30/06/2018", "2018-04-01", "2018-06-30"),
        # Dots are day first.
        ("Average price of each company between 15.03.2019 and 14.06.2019", "2019-03-15", "2019-06-14"),
        (
            "Average share price of each company over the fortnight beginning Monday 4 March 2019",
            "2019-03-04",
            "2019-03-17",
        ),
    ],
)
def test_numeric_dates_read_the_way_the_question_allows(
    planner: RulePlanner, question: str, start: str, end: str
) -> None:
    span = planner.plan(question).time_range
    assert span is not None and (span.start, span.end) == (start, end)


@pytest.mark.parametrize("question", ["Apple's share price on 04/05/2019", "every company on 07/01/2019"])
def test_a_date_that_reads_both_ways_is_refused(planner: RulePlanner, question: str) -> None:
    # It was read day first, silently: a chart of the wrong month looks right.
    with pytest.raises(UnchartableQuestion, match="write the month as a word"):
        planner.plan(question)


def test_a_liking_names_nothing_of_the_data(planner: RulePlanner) -> None:
    plan = planner.plan("A scatter of sepal width against petal width for my favourite species, virginica")
    assert filters_of(plan) == [("species", "eq", "virginica")]


@pytest.mark.parametrize(
    "question", ["The shares of Apple over 2019, week by week", "Apple's shares in 2019"]
)
def test_a_companys_shares_are_its_share_price(planner: RulePlanner, question: str) -> None:
    # "shares" was read as a share of a whole and refused as two levels.
    plan = planner.plan(question)
    assert plan.measures[0].name == "price" and filters_of(plan) == [("ticker", "eq", "AAPL")]
