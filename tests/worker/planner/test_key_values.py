"""A request written as a JSON object or key=value pairs (worker.planner.key_values): each key is spelt as
the English the readers know, column names are read against the model, anything it cannot spell (a
statistic, bins, a transform, an OR of conditions, a value or a period the data lacks) is refused naming
the key, and text that is no such request is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.key_values import unkey_values
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("request_text", "sentence"),
    [
        (
            '{"data": "tips", "metric": "total_bill", "agg": "max", "group_by": "sex", "chart": "bar"}',
            "maximum total bill by sex as a bar chart from the tips data",
        ),
        ("metric=tip; agg=sum; by=size", "total tip by party size"),
        ("measure: votes | group_by: district | sort: asc | limit: 3", "votes by district bottom 3"),
        ("metric: tip agg: mean by: day", "average tip by day"),  # lines folded into spaces
        ('json {"metric": "tip", "by": "sex"}', "tip by sex"),  # a fenced block's tag, its fence off
        (
            'Please chart {"metric": "price", "x": "date", "filter": {"ticker": ["AAPL", "MSFT"]}} thanks',
            "Please chart stock price over time where company is in AAPL and MSFT thanks",
        ),
    ],
)
def test_the_request_is_spelt_as_a_sentence(
    semantic_model: SemanticModel, request_text: str, sentence: str
) -> None:
    assert unkey_values(request_text, semantic_model) == sentence


def test_text_that_is_no_such_request_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "average tip by day",
        "x = petal length, y = petal width, colour = species",  # no key naming data, metric or chart
        "rows = day, values = sum of tip",  # a spreadsheet pivot, read elsewhere
        "Note: tip by day",
        "tips by day {as a bar}",
    ):
        assert unkey_values(text, semantic_model) == text


def test_a_json_request_is_charted(planner: RulePlanner) -> None:
    plan = planner.plan(
        '{"dataset": "gapminder", "measure": "life_exp", "agg": "avg", "by": "continent", "year": 1992, '
        '"sort": "asc", "chart": "bar"}'
    )
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.chart_type) == (
        "gapminder",
        [("life_exp", "avg")],
        "continent",
        "bar",
    )
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1992", "1992")
    assert plan.sort is not None and plan.sort.direction == "asc"


@pytest.mark.parametrize(
    ("request_text", "measures", "chart_type", "filters"),
    [
        (  # "time" in the tips data is the meal; a histogram charts each table's value
            '{"data": "tips", "type": "histogram", "field": "total_bill", "where": {"time": "Lunch"}}',
            [("total_bill", "none")],
            "histogram",
            [("meal", "eq", "Lunch")],
        ),
        (
            '{"data": "iris", "x": "petal_length", "y": "petal_width", "color": "species", '
            '"type": "scatter", "filter": {"sepal_width": {">=": 3}}}',
            [("petal_length", "none"), ("petal_width", "none")],
            "scatter",
            [("sepal_width", "gte", 3)],
        ),
        (
            "metric: medal_count | agg: sum | group_by: medal | filter: nation != China | chart: pie",
            [("medals", "sum")],
            "pie",
            [("nation", "ne", "China")],
        ),
    ],
)
def test_columns_and_conditions_are_read_against_the_model(
    planner: RulePlanner,
    request_text: str,
    measures: list[tuple[str, str]],
    chart_type: str,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(request_text)
    assert (measures_of(plan), plan.chart_type, filters_of(plan)) == (measures, chart_type, filters)


def test_key_value_pairs_with_a_list_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("dataset=stocks; measure=price; tickers=[AMZN, NFLX]; period=2019; x=date")
    assert (plan.dataset, plan.use_time, plan.chart_type) == ("stocks", True, "line")
    assert filters_of(plan) == [("ticker", "in", ["AMZN", "NFLX"])]


@pytest.mark.parametrize(
    ("request_text", "named"),
    [
        ('{"data": "tips", "metric": "tip", "agg": "var", "group_by": "sex"}', "var"),
        ('{"data": "iris", "type": "histogram", "field": "petal_length", "bins": 20}', "bins"),
        ('{"data": "stocks", "metric": "price", "transform": "cumsum", "x": "date"}', "transform"),
        ('{"data": "wind", "metric": "frequency", "group_by": "direction", "scale": "log"}', "scale"),
        ('{"data": "tips", "metric": "tip", "filter": {"$or": [{"day": "Sun"}, {"sex": "Male"}]}}', "$or"),
        ('{"data": "stocks", "metric": "price", "x": "date", "filter": {"ticker": "IBM"}}', "IBM"),
        ('{"data": "gapminder", "metric": "pop", "group_by": "continent", "year": 2015}', "2015"),
        ('{"data": "cars", "metric": "mpg", "group_by": "cylinders"}', "cars"),
        ('{"data": "tips", "metric": "waiter_rating", "group_by": "day"}', "waiter_rating"),
        ("metric: tip | agg: mean | group_by: day | chart: radar", "radar"),
    ],
)
def test_what_cannot_be_spelt_is_refused_naming_it(
    planner: RulePlanner, request_text: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(request_text)
    assert named.lower() in str(refused.value).lower()
