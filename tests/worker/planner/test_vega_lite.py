"""Requests written as Vega-Lite specs (worker.planner.vega_lite): the data, mark, encoding and filter
transforms become the plan; a facet, a layer, an unknown mark or aggregate and a value the data lacks are
refused naming them."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.vega_lite import unvega
from worker.semantic import SemanticModel


def test_a_bar_spec_with_a_year_filter_is_that_years_bars(planner: RulePlanner) -> None:
    plan = planner.plan(
        'Render this Vega-Lite spec: {"data": {"name": "gapminder"}, "transform": [{"filter": '
        '"datum.year == 2007"}], "mark": "bar", "encoding": {"x": {"field": "continent", "type": "nominal"}, '
        '"y": {"aggregate": "sum", "field": "pop", "type": "quantitative"}}}'
    )
    assert measures_of(plan) == [("pop", "sum")]
    assert (plan.dimension, plan.chart_type) == ("continent", "bar")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("2007", "2007")


def test_an_arcs_colour_names_its_slices(planner: RulePlanner) -> None:
    plan = planner.plan(
        '{"data": {"name": "election"}, "mark": "arc", "encoding": {"theta": {"aggregate": "sum", '
        '"field": "votes"}, "color": {"field": "candidate"}}}'
    )
    assert (plan.dimension, plan.series, plan.chart_type) == ("candidate", None, "pie")


def test_points_of_two_raw_columns_are_a_scatter_coloured_by_a_series(planner: RulePlanner) -> None:
    plan = planner.plan(
        '{"data": {"name": "tips"}, "mark": "point", "encoding": {"x": {"field": "total_bill"}, '
        '"y": {"field": "tip"}, "color": {"field": "smoker"}}}'
    )
    assert measures_of(plan) == [("total_bill", "none"), ("tip", "none")]
    assert (plan.series, plan.chart_type) == ("smoker", "scatter")


def test_predicates_filter_and_a_date_range_is_the_period(planner: RulePlanner) -> None:
    plan = planner.plan(
        '{"data": {"name": "stocks"}, "transform": [{"filter": {"field": "ticker", "oneOf": ["MSFT", '
        '"NFLX"]}}, {"filter": {"field": "date", "range": ["2019-01-01", "2019-06-30"]}}], "mark": "line", '
        '"encoding": {"x": {"field": "date", "type": "temporal"}, "y": {"field": "price"}, '
        '"color": {"field": "ticker"}}}'
    )
    assert filters_of(plan) == [("ticker", "in", ["MSFT", "NFLX"])]
    assert plan.use_time and plan.series == "ticker" and plan.chart_type == "line"
    assert plan.time_range is not None and plan.time_range.end == "2019-06-30"


def test_a_binned_x_counted_is_a_histogram(planner: RulePlanner) -> None:
    plan = planner.plan(
        '{"data": {"name": "iris"}, "mark": "bar", "encoding": {"x": {"bin": true, "field": "sepal_length"},'
        ' "y": {"aggregate": "count"}}}'
    )
    assert (measures_of(plan), plan.chart_type) == ([("sepal_length", "none")], "histogram")


@pytest.mark.parametrize(
    ("spec", "filters", "direction"),
    [
        (
            '{"data": {"name": "wind"}, "transform": [{"filter": "datum.strength == \'6+\'"}], '
            '"mark": "bar", "encoding": {"x": {"field": "direction", "sort": "-y"}, '
            '"y": {"aggregate": "sum", "field": "frequency"}}}',
            [("strength", "eq", "6+")],
            "desc",
        ),
        (
            '{"data": {"url": "data/tips.csv"}, "transform": [{"filter": {"not": {"field": "day", "oneOf": '
            '["Sat", "Sun"]}}}], "mark": "bar", "encoding": {"y": {"field": "time", "sort": "x"}, '
            '"x": {"aggregate": "median", "field": "total_bill"}}}',
            [("day", "not_in", ["Sat", "Sun"])],
            "asc",
        ),
    ],
)
def test_sorts_and_filters_of_a_spec(
    planner: RulePlanner, spec: str, filters: list[tuple[str, str, object]], direction: str
) -> None:
    plan = planner.plan(spec)
    assert filters_of(plan) == filters
    assert plan.sort is not None and plan.sort.direction == direction


def test_a_window_rank_kept_under_n_is_the_top_n(planner: RulePlanner) -> None:
    plan = planner.plan(
        '{"data": {"name": "gapminder"}, "transform": [{"filter": "datum.year == 2007"}, {"window": '
        '[{"op": "rank", "as": "r"}], "sort": [{"field": "pop", "order": "descending"}]}, '
        '{"filter": "datum.r <= 10"}], "mark": "bar", "encoding": {"x": {"field": "country"}, '
        '"y": {"field": "pop", "aggregate": "sum"}}}'
    )
    assert (plan.dimension, plan.limit) == ("country", 10)
    assert plan.sort is not None and plan.sort.direction == "desc"


@pytest.mark.parametrize(
    ("spec", "named"),
    [
        (
            '{"data": {"name": "wind"}, "mark": "bar", "encoding": {"row": {"field": "strength"}, "x": '
            '{"field": "direction"}, "y": {"aggregate": "sum", "field": "frequency"}}} - one row of panels '
            "per strength band.",
            "“row”",
        ),
        ('{"data": {"name": "tips"}, "mark": "tick", "encoding": {"x": {"field": "tip"}}}', '"tick"'),
        (
            '{"data": {"name": "tips"}, "mark": "bar", "encoding": {"x": {"field": "day"}, "y": '
            '{"aggregate": "stdev", "field": "tip"}}}',
            "“stdev”",
        ),
        (
            '{"data": {"name": "stocks"}, "transform": [{"filter": "datum.ticker == \'TSLA\'"}], "mark": '
            '"line", "encoding": {"x": {"field": "date"}, "y": {"field": "price"}}}',
            "TSLA",
        ),
        ('{"data": {"name": "tips"}, "layer": [], "mark": "bar", "encoding": {}}', "“layer”"),
        (
            '{"data": {"name": "tips"}, "transform": [{"filter": "datum.day == \'Sat\' || datum.tip > 5"}], '
            '"mark": "bar", "encoding": {"x": {"field": "day"}, "y": {"field": "tip"}}}',
            "||",
        ),
    ],
)
def test_what_a_plan_cannot_hold_is_refused_by_name(planner: RulePlanner, spec: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=r"Try e\.g\.") as refused:
        planner.plan(spec)
    assert named in str(refused.value)


def test_json_that_is_no_spec_is_left_to_the_other_readers(semantic_model: SemanticModel) -> None:
    request = '{"data": "tips", "metric": "tip", "group_by": "day", "mark": "bar"}'
    assert unvega(request, semantic_model) == request
