"""A question about what the data holds (worker.planner.data_questions): alone it is refused saying what the
data has; before a request, the request alone is charted, and refused when the data does not reach the span
the question asks about; a question about the figures is left to the other readers."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.data_questions import undata_question
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("What columns does the tips data have?", "total bill"),
        ("How many flowers are in the iris data?", "sepal length"),
        ("Which years does the gapminder data cover?", "1952"),
        ("What's in the wind data?", "wind strength"),
        ("What columns does the stock data have?", "2018-01-01"),
    ],
)
def test_a_question_alone_is_refused_with_what_the_data_has(
    planner: RulePlanner, question: str, names: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=names):
        planner.plan(question)


@pytest.mark.parametrize(
    ("question", "year"),
    [
        (
            "Does the stock data go back to 2017? If it does, plot Apple's weekly price from January 2017.",
            "2017",
        ),
        ("Does the stock data cover 2020? If so, Netflix's price in 2020.", "2020"),
        ("Does the gapminder data include 1940? Then life expectancy in Japan from 1940.", "1940"),
    ],
)
def test_a_span_the_data_does_not_reach_is_refused(planner: RulePlanner, question: str, year: str) -> None:
    with pytest.raises(UnchartableQuestion, match=f"does not reach {year}"):
        planner.plan(question)


def test_the_request_alone_is_charted(planner: RulePlanner) -> None:
    plan = planner.plan("Does the tips data have a lunch/dinner column? If so, average bill per meal.")
    assert (measures_of(plan), plan.dimension, plan.series) == ([("total_bill", "avg")], "meal", None)
    plan = planner.plan(
        "Is there a result column in the election data, majority or plurality? "
        "Total votes per candidate in the majority districts, please."
    )
    assert (plan.dimension, plan.series) == ("candidate", None)
    assert filters_of(plan) == [("result", "eq", "majority")]
    plan = planner.plan("Does the tips data have a day column? If it does, total tips per day.")
    assert (measures_of(plan), plan.dimension) == ([("tip", "sum")], "day")


def test_a_span_the_data_reaches_is_the_requests(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Do the stock dates go back to the start of 2018? If so, show Amazon's weekly price for the first "
        "quarter of 2018."
    )
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("2018-01-01", "2018-03-31")
    assert filters_of(plan) == [("ticker", "eq", "AMZN")]


@pytest.mark.parametrize(
    ("question", "dimension", "series"),
    [
        ("Which nations are in the medals data? Break each one's medals down by type.", "nation", "medal"),
        ("Which days of the week does the tips data cover? Count the tables on each of them.", "day", None),
    ],
)
def test_each_one_is_what_the_question_listed(
    planner: RulePlanner, question: str, dimension: str, series: str | None
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series) == (dimension, series)


def test_across_the_years_listed_is_over_time(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Which years does the gapminder data cover? Plot life expectancy for Asia across them."
    )
    assert plan.use_time and filters_of(plan) == [("continent", "eq", "Asia")]


@pytest.mark.parametrize(
    "text",
    [
        "how many countries are there in each continent in the data? just curious",
        "Is there a link between how rich a country is and how long people live? A scatter for 2007.",
        "Which continent has the highest life expectancy? Show it for 2007.",
        "Average tip by day.",
    ],
)
def test_a_question_about_the_figures_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert undata_question(text, semantic_model) == text
