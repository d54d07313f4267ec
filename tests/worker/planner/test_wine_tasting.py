"""A sommelier's tasting notes (worker.planner.wine_tasting): leads and closings that taste add nothing, a
flight's count is no limit, a vintage's year is a period only where the request points back to it, "M1
pairs with M2" is a scatter of the two, tonight's serving is the chart, and what the data cannot answer
stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.wine_tasting import unwine
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "A velvety vintage, medium-bodied with notes of plum and tobacco: the median total bill for "
            "each meal. A short, silky finish.",
            ("total_bill", "median"),
            "meal",
        ),
        (
            "Let it breathe a moment: the average petal length for each species. "
            "Crisp and bright on the palate.",
            ("petal_length", "avg"),
            "species",
        ),
        (
            "Full-bodied and tannic: pour me the total GDP of each continent in "
            "1982. Smooth, with a whiff of smoke.",
            ("gdp", "sum"),
            "continent",
        ),
    ],
)
def test_tasting_leads_and_closings_add_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([measure], dimension, "bar")
    assert filters_of(plan) == []


def test_tasting_words_set_no_filter_beside_one_the_request_names(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Decanted an hour ago: a histogram of the total bill at lunch. Dry and light, a hint of lime."
    )
    assert (plan.chart_type, filters_of(plan)) == ("histogram", [("meal", "eq", "Lunch")])


def test_a_flight_of_glasses_is_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "A flight of four glasses for the patio: the total tip by sex at lunch, bold and dry."
    )
    assert (plan.limit, plan.dimension, filters_of(plan)) == (None, "sex", [("meal", "eq", "Lunch")])


def test_a_flight_of_named_values_pointed_back_to_is_kept(planner: RulePlanner) -> None:
    plan = planner.plan(
        "A flight of Microsoft and Apple, swirled in the glass: their weekly "
        "share price across 2019, one line each."
    )
    got = [
        (c, op, sorted(v) if isinstance(v, (list, tuple, set, frozenset)) else v)
        for c, op, v in filters_of(plan)
    ]
    assert (got, plan.chart_type) == ([("ticker", "in", ["AAPL", "MSFT"])], "line")


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("The 1977, a superb year: the population of each continent that year, most populous first.", "1977"),
        (
            "The 1977, a superb year: the population of each continent in 1982, "
            "most populous first. A lingering finish.",
            "1982",
        ),
        (
            "I cellar a 1957 vintage, but tonight we open the 1997: "
            "the GDP of each continent in 1997, full-bodied.",
            "1997",
        ),
    ],
)
def test_a_vintage_is_a_year_only_where_the_request_points_back(
    planner: RulePlanner, question: str, period: str
) -> None:
    assert period_of(planner.plan(question)) == (period, period)


def test_two_measures_that_pair_are_one_against_the_other(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Population pairs nicely with life expectancy: one against the other "
        "for every country in 1997, as a scatter."
    )
    assert ([m for m, _ in measures_of(plan)], plan.chart_type) == (["pop", "life_exp"], "scatter")


def test_a_pairing_with_a_dish_is_context(planner: RulePlanner) -> None:
    plan = planner.plan(
        "This pairs well with a Friday lunch: the average sepal width of each species. Crisp and cold."
    )
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == ([("sepal_width", "avg")], "species", [])


@pytest.mark.parametrize(
    ("question", "chart"),
    [
        (
            "Normally served as a line, tonight we pour it as a pie: the total votes for each candidate.",
            "pie",
        ),
        (
            "Usually served as a pie, but this evening it is served as a "
            "histogram: the tip percentage at dinner.",
            "histogram",
        ),
        # "it comes as" is no TV shopping host's product: the serving is read here.
        ("Usually served as a pie, tonight it comes as a histogram: the total bill at lunch.", "histogram"),
    ],
)
def test_tonights_serving_is_the_chart(planner: RulePlanner, question: str, chart: str) -> None:
    assert planner.plan(question).chart_type == chart


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("The 1992 or the 1997 vintage: GDP per capita by continent that year.", "vintage"),
        ("A cellar of memories, full-bodied: the average wine rating by continent in 2007.", "wine"),
        ("Notes of rose and honey: the aroma of each iris species, strongest first.", "aroma"),
        ("The 2020 vintage, still young: Netflix's weekly share price across 2020.", "2020"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "Where did Canada finish in the medal table?",
        "Something dry or something sweet: the median or the average bill by day.",
        "The 2007 population of each continent, as a pie.",
    ],
)
def test_text_with_no_tasting_words_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unwine(text, semantic_model) == text
