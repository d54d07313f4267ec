"""A request written as matplotlib, seaborn or Plotly Express calls (worker.planner.plot_calls) is charted
as the call draws it, names assigned before the call standing for what they were assigned; what a plan
cannot draw is refused with a question that works, and text with no plotting call is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.plot_calls import unplot_calls
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("code", "dataset", "measures", "dimension", "series", "filters", "chart_type"),
    [
        ('sns.barplot(data=tips, x="sex", y="total_bill", estimator="median", errorbar=None)',
         "tips", [("total_bill", "median")], "sex", None, [], "bar"),
        ('sns.barplot(x="day", y="tip", data=tips, hue="sex")',
         "tips", [("tip", "avg")], "day", "sex", [], "bar"),
        ('sns.barplot(data=tips, x="day", y="tip", estimator=sum)',
         "tips", [("tip", "sum")], "day", None, [], "bar"),
        ('sns.countplot(data=tips, x="size") - how many tables of each size.',
         "tips", [("tip", "count")], "party_size", None, [], "bar"),
        ('import seaborn as sns\nsns.countplot(data=tips, x="day", hue="smoker")\nplt.title("Tables")',
         "tips", [("tip", "count")], "day", "smoker", [], "bar"),
        ('sns.scatterplot(data=iris, x="petal_length", y="petal_width", hue="species")',
         "iris", [("petal_length", "none"), ("petal_width", "none")], None, "species", [], "scatter"),
        ('plt.scatter(tips["total_bill"], tips["tip"], c=tips["day"])',
         "tips", [("total_bill", "none"), ("tip", "none")], None, "day", [], "scatter"),
        ('plt.hist(tips[tips["time"] == "Dinner"]["total_bill"]); plt.show()',
         "tips", [("total_bill", "none")], None, None, [("meal", "eq", "Dinner")], "histogram"),
        ('sns.histplot(data=iris, x="sepal_length", bins=20)',
         "iris", [("sepal_length", "none")], None, None, [], "histogram"),
        ('px.histogram(tips, x="total_bill")', "tips", [("total_bill", "none")], None, None, [], "histogram"),
        ('aapl = stocks[stocks.ticker == "AAPL"]\nfig, ax = plt.subplots()\nax.plot(aapl.date, aapl.price)',
         "stocks", [("price", "avg")], None, None, [("ticker", "eq", "AAPL")], "line"),
        ('sns.lineplot(data=stocks, x="date", y="price", hue="ticker")',
         "stocks", [("price", "avg")], None, "ticker", [], "line"),
        ('m = medals[medals.nation == "China"].groupby("medal").medal_count.sum()\n'
         'plt.pie(m, labels=m.index)',
         "medals", [("medals", "sum")], "medal", None, [("nation", "eq", "China")], "pie"),
        ('px.pie(tips, names="day", values="tip")', "tips", [("tip", "sum")], "day", None, [], "pie"),
        ('n = tips[tips["size"] >= 4].groupby("day").size()\nplt.bar(n.index, n.values)',
         "tips", [("tip", "count")], "day", None, [("party_size", "gte", 4)], "bar"),
        ('px.pie(tips, names="day")', "tips", [("tip", "count")], "day", None, [], "pie"),
        ('sns.lineplot(data=tips, x="day", y="tip")', "tips", [("tip", "avg")], "day", None, [], "line"),
        ('px.line(gapminder[gapminder.country == "Japan"], x="year", y="lifeExp")',
         "gapminder", [("life_exp", "avg")], None, None, [("country", "eq", "Japan")], "line"),
        # px.bar stacks the rows of each bar: their sum.
        ('px.bar(medals, x="nation", y="medal_count", color="medal")',
         "medals", [("medals", "sum")], "nation", "medal", [], "bar"),
    ],
)  # fmt: skip
def test_plotting_calls_are_charted_as_they_draw(
    planner: RulePlanner,
    code: str,
    dataset: str,
    measures: list[tuple[str, str]],
    dimension: str | None,
    series: str | None,
    filters: list[tuple[str, str, object]],
    chart_type: str,
) -> None:
    plan = planner.plan(code)
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.series) == (
        dataset,
        measures,
        dimension,
        series,
    )
    assert (filters_of(plan), plan.chart_type) == (filters, chart_type)


def test_a_sorted_summary_keeps_its_ascending_order(planner: RulePlanner) -> None:
    plan = planner.plan(
        's = iris.groupby("species").sepal_width.mean().sort_values()\nplt.barh(s.index, s.values)'
    )
    assert plan.sort is not None
    assert (measures_of(plan), plan.dimension, plan.sort.by, plan.sort.direction) == (
        [("sepal_width", "avg")],
        "species",
        "sepal_width",
        "asc",
    )


def test_a_wide_stocks_column_is_that_company_over_time(planner: RulePlanner) -> None:
    plan = planner.plan('px.line(stocks[stocks.date >= "2019-07-01"], x="date", y="GOOG")')
    assert plan.time_range is not None
    assert (filters_of(plan), plan.use_time, plan.time_range.start) == (
        [("ticker", "eq", "GOOG")],
        True,
        "2019-07-01",
    )


@pytest.mark.parametrize(
    ("code", "named"),
    [
        ('top = gapminder[gapminder.year == 2007].nlargest(10, "pop")\nplt.bar(top.country, top["pop"])\n'
         'plt.yscale("log")', "log scale"),
        ("fig, ax = plt.subplots(); ax.bar(days, mean_tip); ax2 = ax.twinx(); ax2.plot(days, mean_total_bill)"
         " - tips by day, the tip on the left axis and the total bill on the right.", "second y axis"),
        ('sns.barplot(data=iris, x="species", y="petal_length", errorbar="sd") - keep the ±1 SD error bars.',
         "error bars"),
        ('sns.regplot(data=tips, x="total_bill", y="tip") with the fitted regression line and its band.',
         "regression line"),
        ('stocks.groupby("ticker").price.rolling(4).mean().unstack(0).plot() - the 4-week rolling mean.',
         "rolling window"),
        ('sns.boxplot(data=tips, x="day", y="tip")', "box"),
        ('px.scatter(tips, x="total_bill", y="tip", trendline="ols")', "regression line"),
        ('sns.barplot(data=tips, x="day", y="tip", estimator="std")', "std"),
    ],
)  # fmt: skip
def test_what_a_plan_cannot_draw_is_refused_with_a_question_that_works(
    planner: RulePlanner, code: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named) as refusal:
        planner.plan(code)
    assert "Try e.g." in str(refusal.value)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "tips.groupby('day').tip.mean()",
        "Plot the tips by day, e.g. as bars",
        "df.plot(x='date', y='price')",
    ],
)
def test_text_with_no_plotting_call_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unplot_calls(text, semantic_model) == text
