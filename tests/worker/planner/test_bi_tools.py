"""Requests written as Tableau or Power BI steps (worker.planner.bi_tools): shelves and wells, filters,
slicers, Top N and sorts become the plan; a visual chartq cannot draw, and a shelf or well that asks for
several charts, are refused naming them."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.bi_tools import unbi
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_tableau_shelves_filters_and_a_sort(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Tableau: drag continent to Columns and AVG(lifeExp) to Rows, put year = 1982 on the Filters shelf, "
        "sort descending."
    )
    assert (measures_of(plan), plan.dimension) == ([("life_exp", "avg")], "continent")
    assert plan.time_range is not None and plan.time_range.start == "1982"
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_tableau_colour_shelf_is_the_series(planner: RulePlanner) -> None:
    plan = planner.plan(
        "In Tableau, with the tips data: day on Columns, SUM(total_bill) on Rows, and smoker on the Color "
        "shelf."
    )
    assert (measures_of(plan), plan.dimension, plan.series) == ([("total_bill", "sum")], "day", "smoker")


def test_tableau_horizontal_bars_with_a_top_n_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Tableau, gapminder: country on Rows, SUM(pop) on Columns, continent = Africa and year = 2002 on the "
        "Filters shelf, plus a Top N filter on country: top 5 by SUM(pop)."
    )
    assert (plan.dimension, plan.limit, plan.chart_type) == ("country", 5, "bar")
    assert filters_of(plan) == [("continent", "eq", "Africa")]


@pytest.mark.parametrize(
    ("steps", "measures", "chart", "time"),
    [
        (
            "Tableau: YEAR(date) on Columns, AVG(price) on Rows, ticker on Color",
            [("price", "avg")],
            "line",
            True,
        ),
        (
            "Tableau: drag sepal_length to Columns and petal_length to Rows, species on Color, Marks: Circle",
            [("sepal_length", "none"), ("petal_length", "none")],
            "scatter",
            False,
        ),
        (
            "Power BI line chart on gapminder: Axis = year, Values = Average of lifeExp, a slicer on "
            "country = India and a year slicer from 1962 to 2002.",
            [("life_exp", "avg")],
            "line",
            True,
        ),
    ],
)
def test_a_time_axis_and_two_measures(
    planner: RulePlanner, steps: str, measures: list[tuple[str, str]], chart: str, time: bool
) -> None:
    plan = planner.plan(steps)
    assert (measures_of(plan), plan.chart_type, plan.use_time) == (measures, chart, time)


def test_power_bi_wells_and_the_legend_as_series(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Power BI: clustered column chart, Axis = nation, Values = Sum of medal_count, Legend = medal."
    )
    assert (measures_of(plan), plan.dimension, plan.series) == ([("medals", "sum")], "nation", "medal")


@pytest.mark.parametrize(
    ("steps", "dimension"),
    [
        ("Power BI pie chart from the tips table: Legend = time, Values = Sum of tip.", "meal"),
        (
            "Power BI: donut chart, Legend = continent, Values = Sum of pop, a year slicer set to 2007",
            "continent",
        ),
    ],
)
def test_a_pies_legend_names_its_slices(planner: RulePlanner, steps: str, dimension: str) -> None:
    plan = planner.plan(steps)
    assert (plan.dimension, plan.series, plan.chart_type) == (dimension, None, "pie")


def test_power_bi_page_filter_and_top_n_visual_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Power BI bar chart on the election table: Axis = district, Values = Sum of votes, a page filter "
        "candidate = Bergeron, and a Top N visual filter keeping the top 8 districts by Sum of votes."
    )
    assert filters_of(plan) == [("candidate", "eq", "Bergeron")]
    assert (plan.dimension, plan.limit) == ("district", 8)


def test_a_slicer_on_several_values_keeps_them_all(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Power BI stacked column chart: Axis = direction, Values = Sum of frequency, Legend = strength, "
        "a visual filter on direction = N and E"
    )
    assert filters_of(plan) == [("direction", "in", ["N", "E"])]
    assert plan.series == "strength"


@pytest.mark.parametrize(
    ("steps", "named"),
    [
        ("Power BI: a card visual showing Sum of votes for the whole election.", "card visual"),
        (
            "Tableau: a filled map with nation on Detail and SUM(medal_count) on the Color shelf.",
            "filled map",
        ),
        ("Power BI gauge showing Average of tip", "gauge"),
        ("Tableau: day on Columns, SUM(tip) on Rows, day on Pages", "Pages"),
        (
            "Power BI: clustered column chart, Axis = nation, Values = Sum of medal_count, Small multiples = "
            "medal",
            "Small multiples",
        ),
        (
            "Power BI: clustered column chart, Axis = nation, Values = Sum of medal_count, a slicer on "
            "nation = Atlantis",
            "Atlantis",
        ),
    ],
)
def test_what_a_plan_cannot_hold_is_refused_by_name(planner: RulePlanner, steps: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=r"Try e\.g\.") as refused:
        planner.plan(steps)
    assert named in str(refused.value)


def test_a_pivot_tables_rows_are_left_to_the_spreadsheet_reader(semantic_model: SemanticModel) -> None:
    question = "pivot table with day on rows and sum of tip in values"
    assert unbi(question, semantic_model) == question
