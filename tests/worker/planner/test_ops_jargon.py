"""An operations / SRE engineer's monitoring-dashboard words (worker.planner.ops_jargon): panels are chart
types, "p50" the median, "rollup" the aggregation, "top-k (k=N)" a top N, "bucket by" and "series by" the
grouping, a "snapshot" a year, and to-date periods count back from the end of the data, not from today;
heatmaps, gauges, alerts, other percentiles, anomaly detection and SLOs are refused naming their words."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.ops_jargon import unops
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "chart_type", "measure"),
    [
        ("histogram panel: iris sepal_width, filter species=setosa", "histogram", ("sepal_width", "none")),
        ("pie panel: election votes by candidate, filter winner=Bergeron", "pie", ("votes", "sum")),
        ("p50 total_bill by day, bar panel, days in their usual order", "bar", ("total_bill", "median")),
        ("graph panel: GOOG price in 2019", "line", ("price", "avg")),
        ("AAPL weekly datapoints in 2019, sparkline", "line", ("price", "avg")),
        ("a stat panel is overkill, just a bar chart: gold medal_count per nation", "bar", ("medals", "sum")),
        ("median tip by day, no need for a gauge, bar panel", "bar", ("tip", "median")),
    ],
)
def test_a_panel_is_the_chart_type_it_names(
    planner: RulePlanner, question: str, chart_type: str, measure: tuple[str, str]
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, measures_of(plan)) == (chart_type, [measure])


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("p50 tip_pct by sex, time=Lunch only", ("tip_pct", "median")),
        ("p0 tip by day", ("tip", "min")),
        ("p100 total_bill per party size, bar panel", ("total_bill", "max")),
        ("max rollup of tip by day, sat/sun only - I'll eyeball the spikes myself", ("tip", "max")),
        ("avg rollup of life_exp per continent for the 1957 snapshot, desc", ("life_exp", "avg")),
        ("sparkline: world population (sum rollup across countries) since 1977", ("pop", "sum")),
    ],
)
def test_percentiles_and_rollups_name_the_aggregation(
    planner: RulePlanner, question: str, measure: tuple[str, str]
) -> None:
    assert measures_of(planner.plan(question)) == [measure]


@pytest.mark.parametrize(
    ("question", "dimension", "limit", "direction"),
    [
        ("top-k (k=8) countries by gdp_per_capita, Europe only, 1992 snapshot", "country", 8, "desc"),
        ("top-k, k=3: districts by Coderre's votes where result=plurality", "district", 3, "desc"),
        ("top-k k=4 wind directions by frequency, filter strength=4-5", "direction", 4, "desc"),
        ("bottom-k, k=3 countries by life_exp in Africa, 2007 snapshot", "country", 3, "asc"),
        ("sum rollup of votes by district, top-k k=5", "district", 5, "desc"),
    ],
)
def test_top_k_is_a_ranking_with_that_limit(
    planner: RulePlanner, question: str, dimension: str, limit: int, direction: str
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None
    assert (plan.dimension, plan.limit, plan.sort.direction) == (dimension, limit, direction)


@pytest.mark.parametrize(
    ("question", "dimension", "series"),
    [
        ("election: bucket by result, sum(votes), series by candidate", "result", "candidate"),
        ("bucket the tips data by party size, count of tables, filter time=Dinner", "party_size", None),
        ("avg tip by day, series by sex", "day", "sex"),
        ("scatter panel: iris sepal_length (x) vs sepal_width (y), series = species", None, "species"),
    ],
)
def test_buckets_and_series_are_the_grouping(
    planner: RulePlanner, question: str, dimension: str | None, series: str | None
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series) == (dimension, series)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        (
            "time series panel: AMZN price, QTD (anchored to the dataset's last datapoint, not now())",
            "2019-10-01",
            "2019-12-31",
        ),
        (
            "MTD avg price per ticker, relative to the last datapoint in the stocks data, sorted desc",
            "2019-12-01",
            "2019-12-31",
        ),
        ("QTD avg price per ticker", "2019-10-01", "2019-12-31"),
        ("avg price per ticker, MTD as of the latest datapoint", "2019-12-01", "2019-12-31"),
        (
            "last 4w of the dataset: price for all six tickers, one series per ticker",
            "2019-12-09",
            "2019-12-31",
        ),
        ("last 8w of the dataset: GOOG price", "2019-11-11", "2019-12-31"),
        ("YTD avg price per ticker, anchored to the end of the data", "2019", "2019"),
    ],
)
def test_to_date_periods_count_back_from_the_end_of_the_data(
    planner: RulePlanner, question: str, start: str, end: str
) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == (start, end)


def test_datapoints_below_a_stated_baseline_are_counted_over_the_whole_data(planner: RulePlanner) -> None:
    plan = planner.plan(
        "count of weekly datapoints below baseline (price < 1.0, i.e. under the Jan 2018 level) per ticker, "
        "whole retention window"
    )
    assert (measures_of(plan), plan.dimension, plan.time_range) == ([("price", "count")], "ticker", None)
    assert filters_of(plan) == [("price", "lt", 1)]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("heatmap: wind, group by direction and strength, sum(frequency)", "heatmap"),
        ("a heatmap of wind frequency by direction and strength", "heatmap"),
        ("tip by day as a heatmap", "heatmap"),
        ("p95 and p99 total_bill by day, bar panel", "p95"),
        ("alert when the avg tip per day drops below $2.50", "alert when"),
        ("alert me if the AAPL price drops below 1", "alert me if"),
        ("a gauge (or a single stat panel) of the total votes across all districts", "gauge"),
        ("single stat: total votes", "single stat"),
        ("MSFT price over the last 7d", "last 7 days"),
        ("GOOG price over the past 30d", "last 30 days"),
        ("anomaly detection on the NFLX weekly price - flag the anomalous weeks", "anomaly detection"),
        ("SLO panel: % of weeks GOOG stayed above 1.1, against a 95% target", "SLO"),
        ("QTD life_exp by continent", "QTD"),
    ],
)
def test_what_a_dashboard_shows_but_chartq_cannot_is_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


def test_a_heatmap_declined_is_no_refusal(planner: RulePlanner) -> None:
    plan = planner.plan("not a heatmap, just bars of wind frequency by direction, series by strength")
    assert (plan.chart_type, plan.dimension, plan.series) == ("bar", "direction", "strength")


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "Closing price of GOOG and AMZN through 2018, one series per ticker",
        "dataset=stocks; measure=price; tickers=[GOOG, FB]; period=2018; x=date; series=ticker; chart=line",
        "Small multiples, one panel per continent: x = year, y = life expectancy.",
        "Bucket the bills into $10 ranges and count the tables in each bucket",
    ],
)
def test_text_without_dashboard_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unops(text, semantic_model) == text
