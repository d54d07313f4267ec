"""Regional Englishes (worker.planner.regional_english): Indian "country-wise", "kindly revert", "do the
needful", lakhs and crores; Singapore "can show ... or not?", "lah", "got how many"; Nigerian "abeg";
Australian "G'day mate", "reckon you could"; Irish "what's the story with", "would be grand". The request is
charted as its plain English; a grouping that is no grouping, or a word left unread, is refused and named."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.regional_english import unregional
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Kindly show day-wise average tip for dinner only.",
         "Kindly show average tip by day for dinner only."),
        ("Species-wise average sepal length, kindly revert with a bar chart.",
         "average sepal length by species, as a bar chart."),
        ("Population above 50 lakh in 1992", "Population above 5000000 in 1992"),
        ("Countries with more than 1.5 crore people", "Countries with more than 15000000 people"),
        ("Population over 1,00,00,000", "Population over 10000000"),
        ("Can show tip by day or not?", "can you show tip by day?"),
        ("Got how many tables each day ah?", "how many tables each day?"),
        ("Abeg make you show me votes by candidate. Make e quick o.", "please show me votes by candidate."),
        ("G'day mate, reckon you could chuck up a chart of medals by nation? Cheers.",
         "could you show a chart of medals by nation?"),
        ("What's the story with GDP in Chile? A line would be grand.",
         "show GDP in Chile over time. as a line."),
    ],
)  # fmt: skip
def test_the_regional_words_are_spelt_plainly(
    semantic_model: SemanticModel, written: str, meant: str
) -> None:
    assert unregional(written, semantic_model) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "Wind frequency by direction, clockwise",
        "Otherwise, show total bill by sex",
        "Who won in Mile-End? Is that not Joly?",
        "How far did Netflix's price fall in 2018?",
        "Medals for Canada by type",
    ],
)
def test_text_without_regional_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unregional(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "dataset", "measures", "dimension", "filters", "chart_type"),
    [
        ("Kindly show day-wise average tip for dinner only.", "tips", [("tip", "avg")], "day",
         [("meal", "eq", "Dinner")], "bar"),
        ("Total bill smoker-wise for Sunday only, kindly revert with a bar chart.", "tips",
         [("total_bill", "avg")], "smoker", [("day", "eq", "Sun")], "bar"),
        ("Party-size-wise average bill, dinner only.", "tips", [("total_bill", "avg")], "party_size",
         [("meal", "eq", "Dinner")], "bar"),
        ("I want the Saturday tips itself, as a histogram.", "tips", [("tip", "none")], None,
         [("day", "eq", "Sat")], "histogram"),
        ("Can show average tip percentage by party size or not? Thanks lah.", "tips", [("tip_pct", "avg")],
         "party_size", [], "bar"),
        ("Can plot tip against total bill or not?", "tips", [("tip", "none"), ("total_bill", "none")], None,
         [], "scatter"),
        ("Got how many tables each day ah? Lunch only.", "tips", [("tip", "count")], "day",
         [("meal", "eq", "Lunch")], "bar"),
        ("Show country-wise population for the countries having more than 10 crore people in 2007.",
         "gapminder", [("pop", "sum")], "country", [("pop", "gt", 100000000)], "bar"),
        ("How many countries had population more than 1.5 crore in 2007? Continent-wise.", "gapminder",
         [("pop", "count")], "continent", [("pop", "gt", 15000000)], "bar"),
        ("Show me GDP countrywise for Oceania in 2002", "gapminder", [("gdp", "sum")], "country",
         [("continent", "eq", "Oceania")], "bar"),
        ("Kindly share the year-wise life expectancy of India from 1962 to 2002.", "gapminder",
         [("life_exp", "avg")], None, [("country", "eq", "India")], "line"),
        ("What's the story with life expectancy in Ireland since 1957? A line would be grand.", "gapminder",
         [("life_exp", "avg")], None, [("country", "eq", "Ireland")], "line"),
        ("Please revert with a pie chart of medals for Canada medal-wise.", "medals", [("medals", "sum")],
         "medal", [("nation", "eq", "Canada")], "pie"),
        ("Reckon you could whip up a chart of votes by candidate, mate?", "election", [("votes", "sum")],
         "candidate", [], "bar"),
        ("Coderre got how many votes per district ah? Top 5 can already.", "election", [("votes", "sum")],
         "district", [("candidate", "eq", "Coderre")], "bar"),
        ("Abeg, plot petal length against petal width for virginica. Make e quick o.", "iris",
         [("petal_length", "none"), ("petal_width", "none")], None, [("species", "eq", "virginica")],
         "scatter"),
        ("Which way does the wind blow from most often, mate? Just the top 3 directions, no worries.", "wind",
         [("frequency", "sum")], "direction", [], "bar"),
    ],
)  # fmt: skip
def test_the_regional_request_is_charted(
    planner: RulePlanner,
    question: str,
    dataset: str,
    measures: list[tuple[str, str]],
    dimension: str | None,
    filters: list[tuple[str, str, object]],
    chart_type: str,
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.chart_type) == (
        dataset,
        measures,
        dimension,
        chart_type,
    )
    assert filters_of(plan) == filters


def test_one_line_each_after_can_or_not_keeps_a_line_per_company(planner: RulePlanner) -> None:
    plan = planner.plan("Apple and Google share price for 2019 can plot together or not? One line each lah.")
    assert (plan.series, plan.chart_type, filters_of(plan)) == (
        "ticker",
        "line",
        [("ticker", "in", ["AAPL", "GOOG"])],
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Price-wise, which company is highest in 2019?", "Price-wise"),
        ("Kindly show state-wise population of India for 2007.", "state"),
        ("Show the day-wise average bill in rupees only.", "rupees"),
        ("Reckon you could show the wind in the arvo versus the morning, mate?", "arvo"),
        ("Kindly prepone the chart of tips by day.", "prepone"),
        ("Do the needful and send month-wise tips for the restaurant.", "month"),
    ],
)
def test_what_stays_unclear_is_refused_by_name(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named in str(refused.value)


def test_a_second_can_or_not_asks_nothing_more(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan("Got how many medals Singapore win ah? Can show or not?")
