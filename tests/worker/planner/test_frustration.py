"""An impatient user (worker.planner.frustration): complaints that ask nothing of the data come off, shouting
is read as plain words, and complaints that name what to chart ("Enough with the pie charts", "The last chart
split them by colour. DON'T.") are read as what they name; what stays unclear is refused, naming its words."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.frustration import unfrustrate
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("shouted", "meant"),
    [
        ("why is this so hard. median tip by meal. MEDIAN, not the average!!",
         "median tip by meal. median, not the average!"),
        ("ARGH. Tip by day. ugh.", "Tip by day."),
        ("For the THIRD time: average total bill by party size. BARS.",
         "average total bill by party size. bars."),
        ("I said Asia, ONLY Asia!!! Life expectancy in 2007.", "Asia only! Life expectancy in 2007."),
        ("Enough with the pie charts!!! Tip by day.", "Not a pie. Tip by day."),
        ("Stop giving me averages!!! Total tip by day.", "Not the average. Total tip by day."),
        ("The last chart split them by colour. DON'T. Medals per nation.",
         "Don't split them by colour. Medals per nation."),
        ("Count them, don't average anything.", "Count them, don't average."),
        ("A HISTOGRAM of petal length. Not bars by species.",
         "A histogram of petal length. Not bars, not split by species."),
        ("Seriously?! I asked for SILVER. Medals per nation.", "Silver. Medals per nation."),
        ("JUST the WNW wind!!! Frequency by strength.", "just the WNW wind! Frequency by strength."),
        ("Price of AAPL by week, I've told you this three times!!", "Price of AAPL by week"),
    ],
)  # fmt: skip
def test_the_complaint_comes_off_the_request(semantic_model: SemanticModel, shouted: str, meant: str) -> None:
    assert unfrustrate(shouted, semantic_model) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Tip by day",
        'medals by nation "gold" OR "silver"',
        "The top 5 countries by GDP per capita in 2007, no more than five bars.",
        "Tip and total bill on the same chart, by day",
        "SELECT AVG(tip) FROM tips GROUP BY day",
        "Population of the US and the UK",
    ],
)
def test_text_without_a_complaint_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unfrustrate(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "series", "filters", "chart_type"),
    [
        ("why is this so hard. median tip by meal. MEDIAN, not the average!!", [("tip", "median")], "meal",
         None, [], "bar"),
        ("ARGH. The number of tables per day, split by smoker. COUNT them, don't average anything.",
         [("tip", "count")], "day", "smoker", [], "bar"),
        ("Enough with the pie charts!!! Tip percentage by day, as BARS.", [("tip_pct", "avg")], "day", None,
         [], "bar"),
        ("No more donuts!! Total tips by meal.", [("tip", "sum")], "meal", None, [], "bar"),
        ("I said Asia, ONLY Asia!!! Life expectancy of the Asian countries in 2007, top 10.",
         [("life_exp", "avg")], "country", None, [("continent", "eq", "Asia")], "bar"),
        ("I said EUROPE, only Europe. Population by country in 2007.", [("pop", "sum")], "country", None,
         [("continent", "eq", "Europe")], "bar"),
        ("Why does it keep showing 2007?! I want 1977. GDP per capita by continent in 1977!!",
         [("gdp_per_capita", "avg")], "continent", None, [], "bar"),
        ("Not the weekly closes, the HIGHEST price!!! Peak price per company in 2019.", [("price", "max")],
         "ticker", None, [], "bar"),
        ("The last chart split them by colour. DON'T. "
         "Medals per nation, gold and bronze COMBINED, one bar each!!", [("medals", "sum")], "nation", None,
         [("medal", "in", ["Gold", "Bronze"])], "bar"),
        ("Wind frequency by direction. IN COMPASS ORDER. Not sorted by size, I've said this twice!!",
         [("frequency", "sum")], "direction", None, [], "bar"),
        ("A HISTOGRAM of petal length. Not bars by species. A histogram!!!", [("petal_length", "none")], None,
         None, [], "histogram"),
        ("A histogram of sepal width!! NOT bars per species!!", [("sepal_width", "none")], None, None, [],
         "histogram"),
        ("I said SUM, not average. Total votes per candidate in the majority districts. ugh.",
         [("votes", "sum")], "candidate", None, [("result", "eq", "majority")], "bar"),
        ("How many times do I have to ask?? Scatter of sepal width vs sepal length, coloured by species.",
         [("sepal_width", "none"), ("sepal_length", "none")], None, "species", [], "scatter"),
        ("Come on!!! Average tip by SEX. Second try.", [("tip", "avg")], "sex", None, [], "bar"),
    ],
)  # fmt: skip
def test_the_frustrated_request_is_charted(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str | None,
    series: str | None,
    filters: list[tuple[str, str, object]],
    chart_type: str,
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.series, plan.chart_type) == (
        measures,
        dimension,
        series,
        chart_type,
    )
    assert filters_of(plan) == filters


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("NO. Not that one. The OTHER one. Tips by day, but the way I wanted it!!!", "the way I wanted it"),
        ("The iris chart was WRONG. Fix it!!! Same thing, but right this time.", "Fix it"),
        ("Why does it keep showing Asia?! Life expectancy by country in 2007.", "showing Asia"),
        ("Why does it keep showing 2007?! GDP per capita by continent in 2007.", "showing 2007"),
        ("The last chart showed Asia. DON'T. Life expectancy by country.", "showed Asia"),
        (
            "NOT the average, NOT the total, NOT the median!!! Life expectancy by continent in 2007.",
            "average",
        ),
    ],
)
def test_a_complaint_that_leaves_unclear_what_is_wanted_is_refused(
    planner: RulePlanner, question: str, words: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert words.lower() in str(refused.value).lower()
