"""A business review's dashboard words (worker.planner.dashboard_words): KPI and headline labels, top
performers and laggards, KPI trends, read as the charts they ask for."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.dashboard_words import undashboard
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    "question",
    [
        "KPIs: average bill per day",
        "Key metrics: average total bill by day",
        "KPI for the board deck: average bill by day",
    ],
)
def test_a_kpi_label_asks_for_nothing_and_is_not_reported(planner: RulePlanner, question: str) -> None:
    answer = planner.answer(question)
    assert (measures_of(answer.plan), answer.plan.dimension) == ([("total_bill", "avg")], "day")
    assert not any("KPI" in note or "metrics" in note for note in answer.left_out)


def test_a_headline_label_moves_its_grouping_after_the_request(planner: RulePlanner) -> None:
    plan = planner.plan("Headline figures per region: total population in 1987")
    assert (measures_of(plan), plan.dimension) == ([("pop", "sum")], "continent")
    assert (plan.time_range and plan.time_range.start) == "1987"
    plan = planner.plan("Headline number by species for the board deck: average sepal width")
    assert (measures_of(plan), plan.dimension) == ([("sepal_width", "avg")], "species")


def test_top_performers_and_laggards_rank_every_value(planner: RulePlanner) -> None:
    plan = planner.plan("Top performers in H1 2018: average stock price by company")
    assert plan.dimension == "ticker" and plan.limit is None
    assert plan.sort is not None and plan.sort.direction == "desc"
    plan = planner.plan("Laggards among the continents: average GDP per capita in 1967")
    assert plan.dimension == "continent" and plan.limit is None
    assert plan.sort is not None and plan.sort.direction == "asc"
    plan = planner.plan("Who are the laggards on petal width? Average petal width per species")
    assert plan.sort is not None and plan.sort.direction == "asc"


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("Top 3 performers on life expectancy in Asia, 1992", "desc", 3),
        ("The 6 worst performers on GDP per capita in the Americas in 1982", "asc", 6),
        ("Bottom 4 performers by votes for Joly", "asc", 4),
    ],
)
def test_counted_performers_are_a_ranking(
    planner: RulePlanner, question: str, direction: str, limit: int
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and (plan.sort.direction, plan.limit) == (direction, limit)


def test_performers_ranked_by_a_measure_are_not_grouped_by_it(planner: RulePlanner) -> None:
    # "by medals" after the performers says what ranks them: the nations, not the medal types.
    plan = planner.plan("Top 3 performers by medals")
    assert (plan.dimension, plan.limit, measures_of(plan)) == ("nation", 3, [("medals", "sum")])


def test_a_kpi_trend_is_a_line_over_time(planner: RulePlanner) -> None:
    plan = planner.plan("KPI trend: Netflix's share price in H2 2018")
    assert plan.use_time and plan.chart_type == "line"
    assert filters_of(plan) == [("ticker", "eq", "NFLX")]
    with pytest.raises(UnchartableQuestion):
        planner.plan("KPI trend: average tip percentage by day")  # the tips data has no dates


def test_a_label_the_request_contradicts_is_refused(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="highest first"):
        planner.plan("Top performers: the 2 companies with the lowest average price in 2019")


def test_a_ranking_label_the_request_does_not_repeat_is_refused(planner: RulePlanner) -> None:
    # the measure ranked on is not said again: read as written, the label and its direction would be lost
    with pytest.raises(UnchartableQuestion, match="could not tell how"):
        planner.plan("Top performers on GDP per capita: Europe in 2002")


def test_laggards_among_a_grouping_the_request_names(planner: RulePlanner) -> None:
    plan = planner.plan("Laggards among the companies: average price by company in H2 2019")
    assert plan.dimension == "ticker" and plan.sort is not None and plan.sort.direction == "asc"


@pytest.mark.parametrize(
    "question",
    [
        "Top ten countries by life expectancy in 2007",  # no dashboard word
        "Trend of total GDP for Asia since 1982",
        "KPI",  # a label with no request after it
        "KPI among the continents: average life expectancy in 2007",  # "among" only scopes a ranking
    ],
)
def test_near_misses_are_left_as_written(question: str) -> None:
    assert undashboard(question) == question


@pytest.mark.parametrize(
    "question",
    [
        "KPI: YoY change in average life expectancy by continent",
        "Headline number for the board deck: run-rate of total bills this quarter",
        "Top performers: MoM change in share price per company in 2019",
    ],
)
def test_changes_behind_a_label_stay_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)
