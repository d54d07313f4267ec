"""A spreadsheet user's words (worker.planner.spreadsheet): pivot tables (parts "rows = X" or fields
placed "X in rows"), filters said "filter to" / "filter the sheet to", "grouped by", "the top N rows",
sorts "Z to A" and a scatter's axes named X and Y."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.spreadsheet import unspreadsheet


def test_spreadsheet_words_spelt_out() -> None:
    assert (
        unspreadsheet("Pivot table: sum of tip, rows = sex, columns = meal")
        == "sum of tip by sex split by meal"
    )
    assert unspreadsheet("Count of rows grouped by day") == "Count of rows by day"
    assert unspreadsheet("tip by day, only the top 2 rows") == "tip by day, top 2"
    assert unspreadsheet("tip by day, sort the average column A to Z") == "tip by day, sorted ascending"


def test_pivot_tables_and_filters(planner: RulePlanner) -> None:
    plan = planner.plan("Pivot table: sum of votes, rows = district, columns = candidate")
    assert (plan.dimension, plan.series) == ("district", "candidate")
    assert measures_of(plan) == [("votes", "sum")]
    plan = planner.plan("Filter to sex = Female, then average of total_bill by day")
    assert filters_of(plan) == [("sex", "eq", "Female")] and plan.dimension == "day"
    plan = planner.plan("Min of tip by day, filtered to Lunch only")
    assert filters_of(plan) == [("meal", "eq", "Lunch")] and measures_of(plan) == [("tip", "min")]
    plan = planner.plan("Average of price by ticker, filter ticker to AAPL, MSFT and GOOG")
    assert filters_of(plan) == [("ticker", "in", ["AAPL", "MSFT", "GOOG"])]
    plan = planner.plan("Average of petal_width by species, filter to sepal_width < 3")
    assert filters_of(plan) == [("sepal_width", "lt", 3)]
    plan = planner.plan("Average of tip by day, filter party size between 3 and 5")
    assert filters_of(plan) == [("party_size", "between", [3, 5])]


def test_rows_and_sorts_of_a_summary(planner: RulePlanner) -> None:
    plan = planner.plan("Sum of pop by country, filter year = 1982, only the top 4 rows")
    assert (plan.limit, plan.sort and plan.sort.direction) == (4, "desc")
    plan = planner.plan("Average of tip by sex, sort the average column Z to A")
    assert plan.sort is not None and plan.sort.direction == "desc"
    plan = planner.plan("Sum of medal_count by medal, filter nation = China")
    assert measures_of(plan) == [("medals", "sum")] and filters_of(plan) == [("nation", "eq", "China")]
    plan = planner.plan("Sum of votes by district where winner = Joly")
    assert filters_of(plan) == [("winner", "eq", "Joly")]


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("sum(total_bill) per day, desc", "desc", None),
        ("votes by district where winner = Joly, desc, only the first 10 rows", "desc", 10),
        ("total medals by nation, asc", "asc", None),
        ("average price by ticker; sorted desc", "desc", None),
    ],
)
def test_a_desc_or_asc_clause_sorts_by_the_measure(
    planner: RulePlanner, question: str, direction: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction
    assert plan.limit == limit


def test_desc_inside_a_word_is_left_alone() -> None:
    assert unspreadsheet("tip by day, description please") == "tip by day, description please"


def test_the_sheet_is_the_data(planner: RulePlanner) -> None:
    plan = planner.plan("Pivot on stocks: rows = ticker, values = max of price, filter year = 2019")
    assert (plan.dataset, plan.dimension, measures_of(plan)) == ("stocks", "ticker", [("price", "max")])
    assert plan.time_range is not None and plan.time_range.start == "2019"
    plan = planner.plan("Pivot the iris sheet - rows = species, values = average of sepal_length")
    assert (plan.dataset, plan.dimension) == ("iris", "species")
    plan = planner.plan("rows = day, values = sum of tip over the whole sheet, nothing else")
    assert (plan.dimension, measures_of(plan), plan.filters) == ("day", [("tip", "sum")], [])


def test_pivot_chart_and_pivot_with_are_summaries(planner: RulePlanner) -> None:
    plan = planner.plan("Pivot with rows = medal and values = sum of medal_count")
    assert (plan.dimension, measures_of(plan)) == ("medal", [("medals", "sum")])
    plan = planner.plan("Pivot chart: rows = year, columns = continent, values = average of lifeExp")
    assert (plan.use_time, plan.series, plan.chart_type) == (True, "continent", "line")


def test_slicers_lists_and_quoted_values(planner: RulePlanner) -> None:
    plan = planner.plan("rows = nation, values = sum of medal_count, slicer on medal = Gold")
    assert filters_of(plan) == [("medal", "eq", "Gold")]
    plan = planner.plan("rows = day, values = sum of tip, filter day in (Sat, Sun)")
    assert filters_of(plan) == [("day", "in", ["Sat", "Sun"])]
    # "No" compared is a value of smoker, not a negation.
    plan = planner.plan("rows = day, columns = meal, values = sum of total_bill, filter smoker = No")
    assert filters_of(plan) == [("smoker", "eq", "No")] and plan.series == "meal"


def test_top_n_filters_keep_the_highest(planner: RulePlanner) -> None:
    plan = planner.plan("rows = candidate, values = sum of votes, top 3 filter")
    assert (plan.limit, plan.sort and plan.sort.direction) == (3, "desc")
    plan = planner.plan("rows = nation, values = sum of medal_count, bottom 4 filter on the values")
    assert (plan.limit, plan.sort and plan.sort.direction) == (4, "asc")
    # The measure a top filter is on is kept.
    assert unspreadsheet("top 3 filter on the sum of tip, rows = day") == "top 3 by sum of tip by day"


def test_xy_scatter_legend_and_insert(planner: RulePlanner) -> None:
    plan = planner.plan("XY scatter: X = petal_length, Y = sepal_length, legend series = species")
    assert plan.chart_type == "scatter" and plan.series == "species"
    assert measures_of(plan) == [("petal_length", "none"), ("sepal_length", "none")]
    plan = planner.plan("Insert a pie chart of medals by nation")
    assert (plan.chart_type, plan.dimension) == ("pie", "nation")


@pytest.mark.parametrize(
    "question", ["insert into tips values (1, 2)", "INSERT INTO tips (tip) VALUES (5)", "Insert rows = day"]
)
def test_insert_that_is_not_a_chart_is_still_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_words_that_are_not_pivot_parts_are_left_alone() -> None:
    assert unspreadsheet("the legend of the tips data") == "the legend of the tips data"
    assert unspreadsheet("nothing else but tip by day") == "nothing else but tip by day"


@pytest.mark.parametrize(
    ("question", "dimension", "series", "measures", "filters"),
    [
        (
            "Pivot table with nation in rows and sum of medal_count in values",
            "nation",
            None,
            [("medals", "sum")],
            [],
        ),
        ("Put meal in rows, sex in columns and max of tip in values", "meal", "sex", [("tip", "max")], []),
        (
            "Pivot: species as rows, average of petal_width in the values area, "
            "filter the table to sepal_length > 5",
            "species",
            None,
            [("petal_width", "avg")],
            [("sepal_length", "gt", 5)],
        ),
        (
            "Pivot with ticker in rows and max of price in values, filter the sheet to price >= 1.5",
            "ticker",
            None,
            [("price", "max")],
            [("price", "gte", 1.5)],
        ),
    ],
)
def test_fields_placed_in_a_pivots_rows_columns_and_values(
    planner: RulePlanner,
    question: str,
    dimension: str,
    series: str | None,
    measures: list[tuple[str, str]],
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, plan.series, plan.chart_type) == (dimension, series, "bar")
    assert measures_of(plan) == measures and filters_of(plan) == filters


def test_a_pivot_on_a_named_sheet_with_placed_fields(planner: RulePlanner) -> None:
    plan = planner.plan("Pivot on the wind sheet with direction in rows and sum of frequency in values")
    assert (plan.dataset, plan.dimension, measures_of(plan)) == ("wind", "direction", [("frequency", "sum")])


def test_a_single_field_in_columns_outside_a_pivot_is_left_alone() -> None:
    assert unspreadsheet("average tip by day in columns") == "average tip by day in columns"
    assert unspreadsheet("show me the data in rows and columns") == "show me the data in rows and columns"


@pytest.mark.parametrize(
    ("question", "measures", "series", "filters"),
    [
        (
            "X-Y chart of sepal_width (y) vs petal_width (x), colour by species",
            [("petal_width", "none"), ("sepal_width", "none")],
            "species",
            [],
        ),
        ("scatter with Y = total_bill, X = tip", [("tip", "none"), ("total_bill", "none")], None, []),
        (
            "Scatter: tip (y-axis) against total_bill (x-axis), filter the data to day = Sat",
            [("total_bill", "none"), ("tip", "none")],
            None,
            [("day", "eq", "Sat")],
        ),
        ("a scatter with tip on y and total bill on x", [("total_bill", "none"), ("tip", "none")], None, []),
        (
            "sepal width on the y-axis, petal width on the x-axis, coloured by species",
            [("petal_width", "none"), ("sepal_width", "none")],
            "species",
            [],
        ),
    ],
)
def test_the_axes_of_a_scatter_named_x_and_y(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    series: str | None,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.series, plan.dimension) == ("scatter", series, None)
    assert measures_of(plan) == measures and filters_of(plan) == filters


def test_axes_marked_alike_are_left_as_written() -> None:
    assert unspreadsheet("scatter of pop (X) against lifeExp (X)") == "scatter of pop (X) against lifeExp (X)"


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        # Values a word alone would not name (a yes / no answer, a compass point) are read when compared.
        ("Sum of frequency by strength, filter the table to direction = NE", [("direction", "eq", "NE")]),
        ("Average of tip by day, filter the data to smoker = No", [("smoker", "eq", "No")]),
        ("Average of tip by sex, filter the whole sheet to Lunch only", [("meal", "eq", "Lunch")]),
        ("Average of tip by day, filter this sheet to total_bill >= 30", [("total_bill", "gte", 30)]),
    ],
)
def test_filtering_the_sheet_table_or_data(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, object]]
) -> None:
    assert filters_of(planner.plan(question)) == filters


@pytest.mark.parametrize(
    "question",
    [
        "Pivot on the wind sheet with month in rows and sum of frequency in values",
        "Pivot with year in rows and running total of pop in values",
        "Put day in rows and STDEV.S of tip in values",
        "Pivot with district in rows, candidate in columns and sum of votes in values, as % of row total",
        "Filter the sheet to tip > 5 and add a formula column =total_bill+tip",
    ],
)
def test_what_a_pivot_cannot_say_is_still_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)
