"""pandas method chains (worker.planner.pandas_syntax and worker.planner.pandas_chain) read as the
SQL-flavoured words the planner knows, and what they ask that a plan cannot draw refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.pandas_syntax import unpandas
from worker.planner.rules import RulePlanner


def test_a_masked_grouping_is_a_filtered_bar_chart(planner: RulePlanner) -> None:
    plan = planner.plan("tips[tips.time == 'Dinner'].groupby('day').total_bill.sum().plot.pie()")
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("tips", "day", "pie")
    assert measures_of(plan) == [("total_bill", "sum")]
    assert filters_of(plan) == [("meal", "eq", "Dinner")]


def test_two_masks_joined_by_and_both_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "gapminder[(gapminder.continent == 'Europe') & (gapminder.year == 2007)]"
        ".groupby('country').lifeExp.mean().nsmallest(5)"
    )
    assert plan.dimension == "country"
    assert filters_of(plan) == [("continent", "eq", "Europe")]
    assert plan.time_range is not None and plan.time_range.start == "2007"
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == ("life_exp", "asc")
    assert plan.limit == 5


@pytest.mark.parametrize(
    ("question", "direction"),
    [
        # sort_values() is ascending: its tail is the top.
        ("stocks.groupby('ticker').price.min().sort_values().tail(2)", "desc"),
        ("stocks.groupby('ticker').price.min().sort_values(ascending=False).head(2)", "desc"),
        ("stocks.groupby('ticker').price.min().sort_values().head(2)", "asc"),
        ("stocks.groupby('ticker').price.min().nsmallest(2)", "asc"),
    ],
)
def test_sorting_follows_pandas_defaults(planner: RulePlanner, question: str, direction: str) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction
    assert plan.limit == 2


def test_unstack_of_the_first_level_makes_it_the_series(planner: RulePlanner) -> None:
    plan = planner.plan("df.groupby(['smoker', 'day']).total_bill.median().unstack(0).plot(kind='bar')")
    assert (plan.dimension, plan.series, plan.chart_type) == ("day", "smoker", "bar")
    assert measures_of(plan) == [("total_bill", "median")]


def test_value_counts_counts_rows_largest_first(planner: RulePlanner) -> None:
    plan = planner.plan("iris[iris.sepal_length > 6].species.value_counts().plot.bar()")
    assert plan.dimension == "species"
    assert [agg for _, agg in measures_of(plan)] == ["count"]
    assert plan.sort is not None and plan.sort.direction == "desc"


def test_isin_filter_on_a_time_plot_is_one_line(planner: RulePlanner) -> None:
    plan = planner.plan("df[df.ticker.isin(['GOOG', 'FB'])].plot(x='date', y='price')")
    assert plan.use_time and plan.series is None
    assert filters_of(plan) == [("ticker", "in", ["GOOG", "FB"])]


def test_pivot_columns_and_loc_dates(planner: RulePlanner) -> None:
    plan = planner.plan(
        "stocks.pivot(index='date', columns='ticker', values='price')[['NFLX', 'AMZN']]"
        ".loc['2019-01':'2019-06'].plot()"
    )
    assert plan.use_time and plan.series == "ticker"
    assert filters_of(plan) == [("ticker", "in", ["NFLX", "AMZN"])]
    assert plan.time_range is not None and str(plan.time_range.start).startswith("2019-01")


def test_scatter_and_histogram_of_raw_values(planner: RulePlanner) -> None:
    plan = planner.plan("tips[tips.smoker == 'Yes'].plot.scatter(x='total_bill', y='tip', c='sex')")
    assert (plan.chart_type, plan.series) == ("scatter", "sex")
    assert measures_of(plan) == [("total_bill", "none"), ("tip", "none")]
    plan = planner.plan("iris[iris.species == 'virginica']['petal_width'].plot.hist()")
    assert plan.chart_type == "histogram"
    assert filters_of(plan) == [("species", "eq", "virginica")]


def test_a_query_string_is_a_filter(planner: RulePlanner) -> None:
    plan = planner.plan("wind.query(\"strength == '6+'\").groupby('direction').frequency.sum().plot.bar()")
    assert (plan.dataset, plan.dimension) == ("wind", "direction")
    assert filters_of(plan) == [("strength", "eq", "6+")]


def test_hue_is_the_colour_grouping(planner: RulePlanner) -> None:
    plan = planner.plan("scatter: SELECT sepal_length, sepal_width FROM iris, hue = species")
    assert (plan.chart_type, plan.series) == ("scatter", "species")


@pytest.mark.parametrize(
    "question",
    [
        "tips.groupby('day').tip.apply(lambda s: s.max() - s.min())",
        "stocks.groupby('ticker').price.pct_change().plot()",
        "df.price.rolling(4).mean().plot()",
        "tips.groupby('day').total_bill.cumsum().plot()",
        "tips.groupby('day').tip.mean().head(3)",  # the first three days by name, not a ranking
        "tips.groupby('day').tip.mean()[tips.groupby('day').tip.mean() > 3]",
        "(tips.tip / tips.total_bill).groupby(tips.day).mean()",
        "tips.query('tip > 3 or size > 4').groupby('day').tip.count()",
        "tips[(tips.tip > 3) | (tips.size > 4)].groupby('day').tip.count()",
        "wind.groupby(['direction', 'strength']).frequency.sum().unstack().plot.bar(stacked=True)",
        "medals.merge(gapminder, left_on='nation', right_on='country').plot()",
        "iris.groupby('species').sepal_length.std().plot.bar()",
    ],
)
def test_what_a_plan_cannot_draw_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day, e.g. for Sat and Sun",
        "avg(tip) group by day where smoker = 'Yes'",
        "select m.nation, sum(m.medal_count) from medals m",
        "tip vs. total bill, i.e. a scatter",
        "gdp/cap by continent",
    ],
)
def test_text_that_is_not_a_chain_is_left_alone(text: str) -> None:
    assert unpandas(text) == text


@pytest.mark.parametrize(
    "question",
    [
        "tips.sort_values('tip').head(5.5)",
        "tips.groupby('day').tip.mean().sort_values().head(1e3)",
        "tips.groupby('day').tip.mean().sort_values().tail(5+1)",
        "tips.query('')",
    ],
)
def test_arguments_pandas_would_reject_are_refused_not_crashed_on(
    planner: RulePlanner, question: str
) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_an_unquoted_plot_kind_is_read_as_written(planner: RulePlanner) -> None:
    assert planner.plan("tips.groupby('day').tip.mean().plot(kind=bar)").chart_type == "bar"
