"""A pop-music chart fan's words (worker.planner.music_charts): "the X charts" as a ranking named by its
label, "number one first" as an order, "the chart-topper" as the single top value of a named measure, a
climb or a non-mover as a claim whose "its" names the line, a countdown from the lowest as an ascending
order; weeks at number one, forecasts and countdowns from a set place stay refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.music_charts import unmusic_chart
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def _sort(question: str, planner: RulePlanner) -> tuple[str, str] | None:
    plan = planner.plan(question)
    return None if plan.sort is None else (plan.sort.by, plan.sort.direction)


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Who topped the 1997 GDP per capita charts? Just the chart-topper country.",
            ("gdp_per_capita", "avg"),
            "country",
        ),
        ("Which company tops the 2018 share-price charts? Just number one.", ("price", "avg"), "ticker"),
        (
            "Which nation is number one in the gold charts? Gold medals per nation, only the chart-topper.",
            ("medals", "sum"),
            "nation",
        ),
        (
            "Which species is number one for average petal length? Just number one.",
            ("petal_length", "avg"),
            "species",
        ),
    ],
)
def test_the_chart_topper_of_a_named_measure_is_the_single_top_value(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.limit) == ([measure], dimension, 1)
    assert _sort(question, planner) == (measure[0], "desc")


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("The tip charts: average tip for each day, number one at the top.", ("tip", "avg")),
        ("The population charts for 2002: total population per continent, number one first.", ("pop", "sum")),
        # The label's "GDP" is only a name: the request's GDP per capita is the one measure.
        (
            "The GDP charts for 2002: average GDP per capita per continent, number one first.",
            ("gdp_per_capita", "avg"),
        ),
    ],
)
def test_number_one_first_is_an_order_and_the_label_adds_no_measure(
    planner: RulePlanner, question: str, measure: tuple[str, str]
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.limit) == ([measure], None)
    assert _sort(question, planner) == (measure[0], "desc")


def test_a_stated_top_n_of_the_charts_keeps_its_count(planner: RulePlanner) -> None:
    question = "Top 5 of the 2007 GDP per capita charts for Africa, number one first."
    plan = planner.plan(question)
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("country", 5, [("continent", "eq", "Africa")])
    assert _sort(question, planner) == ("gdp_per_capita", "desc")


@pytest.mark.parametrize(
    ("question", "ticker", "period"),
    [
        (
            "Was Apple climbing the charts in 2019? Show its weekly share price for 2019.",
            "AAPL",
            ("2019", "2019"),
        ),
        ("Was Google a non-mover in 2018? Plot its weekly share price, the whole run.", "GOOG", None),
    ],
)
def test_a_climb_or_a_non_mover_is_a_claim_and_its_line_is_the_value_named(
    planner: RulePlanner, question: str, ticker: str, period: tuple[str, str] | None
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.use_time, plan.series) == ("line", True, None)
    assert filters_of(plan) == [("ticker", "eq", ticker)]
    got = None if plan.time_range is None else (plan.time_range.start, plan.time_range.end)
    assert got == period


def test_the_bottom_of_the_charts_and_a_countdown_from_the_lowest_are_ascending(planner: RulePlanner) -> None:
    bottom = (
        "Who's at the bottom of the charts? "
        "The 3 countries with the lowest life expectancy in Africa in 2007, lowest first."
    )
    assert (_sort(bottom, planner), planner.plan(bottom).limit) == (("life_exp", "asc"), 3)
    countdown = "Count down the days from the lowest average tip up to number one."
    plan = planner.plan(countdown)
    assert (plan.dimension, plan.limit, _sort(countdown, planner)) == ("day", None, ("tip", "asc"))


def test_made_the_charts_adds_nothing_beyond_the_condition(planner: RulePlanner) -> None:
    plan = planner.plan(
        "How many big tippers made the charts at each meal? Count the tables with a tip over $5."
    )
    assert (measures_of(plan), plan.dimension) == ([("tip", "count")], "meal")
    assert filters_of(plan) == [("tip", "gt", 5)]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "How many months was Apple number one among the six companies?",
            "How many months was Apple number one",
        ),
        ("Who'll be number one in 2020? The company with the highest share price.", "Who'll be"),
        ("Count down to number one: the 10 richest countries in 2007.", "Count down"),
        (
            "Count down the top 5 countries by population in 2007 from number five to number one.",
            "Count down",
        ),
    ],
)
def test_weeks_at_number_one_forecasts_and_set_countdowns_are_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    [
        "Enough with the pie charts! Tip percentage by day, as bars.",
        "Average tip by day, highest first.",
        "Show the top 5 countries by population in 2007.",
    ],
)
def test_a_question_without_chart_words_reads_as_before(semantic_model: SemanticModel, question: str) -> None:
    assert unmusic_chart(question, semantic_model) == question
