"""A business report's KPI shorthand (worker.planner.report_shorthand): "tot.", "pct", "bps", "Jan-18",
"FY2019 (calendar year)", "ex-Europe", "incl. only", "w/ a smoker split", "top line", "medal mix", "YTD"
and a quarter with no year, read as the plain words they stand for, and the look-alikes left alone."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.report_shorthand import unreport
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel


def _years(planner: RulePlanner, question: str) -> tuple[str, str]:
    plan = planner.plan(question)
    assert plan.time_range is not None, question
    return str(plan.time_range.start)[:4], str(plan.time_range.end)[:4]


def test_ex_a_value_excludes_it(planner: RulePlanner) -> None:
    plan = planner.plan("Mean GDP per capita by continent, ex-Europe, 1982")
    assert plan.dimension == "continent"
    assert filters_of(plan) == [("continent", "ne", "Europe")]


def test_tot_is_total(planner: RulePlanner) -> None:
    plan = planner.plan("Tot. population by continent in 1962")
    assert measures_of(plan) == [("pop", "sum")] and plan.dimension == "continent"


def test_ytd_without_a_year_is_the_data_s_last_year(planner: RulePlanner) -> None:
    plan = planner.plan("YTD max price per company")
    assert measures_of(plan) == [("price", "max")] and plan.dimension == "ticker"
    assert _years(planner, "YTD max price per company") == ("2019", "2019")


def test_basis_points_above_a_month_base(planner: RulePlanner) -> None:
    plan = planner.plan("count of weeks with price over 500 bps above the Jan-18 base per company in 2018")
    assert measures_of(plan) == [("price", "count")] and plan.dimension == "ticker"
    assert filters_of(plan) == [("price", "gt", 1.05)]


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("Lowest price by company, FY2019 (calendar year)", "2019"),
        ("Highest price by company, CY2018", "2018"),
    ],
)
def test_a_financial_year_defined_as_the_calendar_year(
    planner: RulePlanner, question: str, year: str
) -> None:
    assert _years(planner, question) == (year, year)


def test_a_bare_financial_year_is_not_guessed(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Lowest price by company, FY2019")


def test_top_line_is_the_revenue(planner: RulePlanner) -> None:
    plan = planner.plan("Top line (tot. bill) by sex, lunch only")
    assert measures_of(plan) == [("total_bill", "sum")] and plan.dimension == "sex"
    assert filters_of(plan) == [("meal", "eq", "Lunch")]


def test_pct_is_the_percentage_measure(planner: RulePlanner) -> None:
    plan = planner.plan("Median tip pct by day")
    assert measures_of(plan) == [("tip_pct", "median")] and plan.dimension == "day"


@pytest.mark.parametrize(
    ("question", "series"),
    [
        ("Tot. tips by day w/ a smoker split", "smoker"),
        ("Votes by candidate with a split by district winner", "winner"),
    ],
)
def test_a_split_is_the_series(planner: RulePlanner, question: str, series: str) -> None:
    assert planner.plan(question).series == series


def test_a_mix_on_a_pie_is_the_breakdown_by_it(planner: RulePlanner) -> None:
    plan = planner.plan("pie chart of the medal mix for Canada")
    assert plan.chart_type == "pie" and plan.dimension == "medal"
    assert filters_of(plan) == [("nation", "eq", "Canada")]


def test_incl_only_keeps_what_follows(planner: RulePlanner) -> None:
    plan = planner.plan("votes by district for Bergeron, incl. only districts Bergeron won")
    assert sorted(filters_of(plan)) == [("candidate", "eq", "Bergeron"), ("winner", "eq", "Bergeron")]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Q2 median price per company", "stock price in Q2 2019"),
        ("max price per company, Q4", "Q4 2019"),
        ("average tip by day in Q1", "no dates"),
    ],
)
def test_a_quarter_without_a_year_is_refused(planner: RulePlanner, question: str, said: str) -> None:
    with pytest.raises(UnchartableQuestion, match=said):
        planner.plan(question)


@pytest.mark.parametrize(
    "question",
    ["Hello! Ahead of our Q1 board meeting: total medals by nation", "Q2) Show the average tip by day"],
)
def test_a_quarter_naming_an_occasion_or_a_label_is_not_a_period(planner: RulePlanner, question: str) -> None:
    assert planner.plan(question).time_range is None


def test_a_quarter_with_its_year_is_read(planner: RulePlanner) -> None:
    plan = planner.plan("median price per company in Q2 2019")
    assert plan.time_range is not None and str(plan.time_range.start) == "2019-04-01"


@pytest.mark.parametrize(
    "text",
    [
        "tips of ex-smokers by day",  # former smokers, not "excluding smokers"
        "top line chart of GDP by year",  # a chart's line, not the revenue
        "life expectancy of Peru, FY2007",  # a financial year it does not define
        "Apple price since Jan-2019",  # a four-digit year is read as it is
        "total tips and totals by day",
        "average tip pct of total by day",  # no pie: a percentage of a total, refused later
        "QoQ change of Apple's price",
        "Q3 2018 average price",
        "2019 Q1 average price",
        "average price in Q4 '18",
        "life expectancy YTD by continent",  # yearly data: left for the planner
    ],
)
def test_look_alikes_are_left_alone(semantic_model: SemanticModel, text: str) -> None:
    spelt = unreport(text, semantic_model)
    assert spelt.replace("pct", "percentage") == text.replace("pct", "percentage")


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("Amazon from Q1 through Q2 2019", ("2019-01-01", "2019-06-30")),
        ("Amazon in Q3-Q4 2018", ("2018-07-01", "2018-12-31")),
        ("Amazon between Q2 and Q4 2018", ("2018-04-01", "2018-12-31")),
        ("Amazon from H1 to H2 2019", ("2019-01-01", "2019-12-31")),
    ],
)
def test_a_span_of_quarters_said_with_one_year(
    planner: RulePlanner, question: str, span: tuple[str, str]
) -> None:
    # Read without the first quarter's year, "Q3-Q4 2018" would chart only Q4.
    plan = planner.plan(question)
    assert plan.time_range is not None
    assert (str(plan.time_range.start), str(plan.time_range.end)) == span


def test_two_quarters_joined_by_and_are_not_a_span(semantic_model: SemanticModel) -> None:
    assert unreport("Amazon in Q1 and Q3 2019", semantic_model) == "Amazon in Q1 and Q3 2019"
