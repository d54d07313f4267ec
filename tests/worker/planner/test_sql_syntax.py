"""SQL- and spreadsheet-flavoured requests (worker.planner.sql_syntax): operators read as written, column
names as the CSVs spell them, groupings, orders and limits; SQL the planner cannot do refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.rules import RulePlanner, UnchartableQuestion


def test_not_equal_leaves_the_value_out(planner: RulePlanner) -> None:
    for question in (
        "total gdp by year where continent != 'Africa'",
        "total gdp by year where continent <> 'Africa'",
    ):
        assert filters_of(planner.plan(question)) == [("continent", "ne", "Africa")]


def test_equal_keeps_a_value_the_planner_does_not_read_bare(planner: RulePlanner) -> None:
    plan = planner.plan("histogram of tip where smoker = 'No'")
    assert filters_of(plan) == [("smoker", "eq", "No")] and plan.series is None


def test_in_restricts_without_a_series(planner: RulePlanner) -> None:
    plan = planner.plan("avg(tip) by sex where day IN ('Sat', 'Sun') and time = 'Dinner'")
    assert plan.dimension == "sex" and plan.series is None
    assert filters_of(plan) == [("day", "in", ["Sat", "Sun"]), ("meal", "eq", "Dinner")]


def test_not_in_excludes_values(planner: RulePlanner) -> None:
    plan = planner.plan("sum(pop) by continent where continent NOT IN ('Asia', 'Africa')")
    assert filters_of(plan) == [("continent", "not_in", ["Asia", "Africa"])]


def test_between_and_comparisons_on_measures_and_years(planner: RulePlanner) -> None:
    plan = planner.plan("count(*) from tips where total_bill BETWEEN 10 AND 20 group by day")
    assert measures_of(plan) == [("total_bill", "count")] and plan.dimension == "day"
    plan = planner.plan("pop by year per country where continent = 'Oceania' and year >= 1977")
    assert plan.use_time and plan.series == "country" and plan.time_range is not None
    assert plan.time_range.start == "1977"


def test_group_by_two_columns_is_a_dimension_and_a_series(planner: RulePlanner) -> None:
    plan = planner.plan("sum(total_bill) group by day, time")
    assert (plan.dimension, plan.series) == ("day", "meal")
    assert measures_of(plan) == [("total_bill", "sum")]


def test_aggregate_functions_and_a_ratio_of_columns(planner: RulePlanner) -> None:
    assert measures_of(planner.plan("avg(tip / total_bill) by size")) == [("tip_pct", "avg")]
    assert measures_of(planner.plan("median(gdpPercap) group by continent where year = 1967")) == [
        ("gdp_per_capita", "median")
    ]


def test_order_by_and_limit(planner: RulePlanner) -> None:
    plan = planner.plan("votes by district where candidate = 'Joly' order by votes asc limit 5")
    assert plan.limit == 5 and plan.sort is not None and plan.sort.direction == "asc"
    plan = planner.plan("sum(pop) by continent order by desc limit 3")
    assert plan.limit == 3 and plan.sort is not None and plan.sort.direction == "desc"


def test_a_read_only_select_is_charted(planner: RulePlanner) -> None:
    plan = planner.plan(
        "select date, GOOG, AAPL from stocks where date between '2018-03-01' and '2018-05-31'"
    )
    assert plan.use_time and filters_of(plan) == [("ticker", "in", ["GOOG", "AAPL"])]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "avg(lifeExp), avg(price) by year from gapminder join stocks on gapminder.year = stocks.year",
            "join",
        ),
        ("avg(best) by continent from (select country, max(lifeExp) as best group by country)", "subquery"),
        (
            "price / lag(price) over (partition by ticker order by date) as r, avg by ticker",
            "window function",
        ),
        ("corr(sepal_length, petal_length) group by species", "corr()"),
        ("stddev(lifeExp) group by continent", "stddev()"),
        ("percentile_cont(0.9) within group (order by total_bill) group by day", "percentile"),
        ("sum(pop) group by continent having sum(pop) > 100", "HAVING"),
        ("avg(tip) by day where sex = 'Male' or smoker = 'Yes'", "OR"),
        ("avg(petal_length / sepal_length) by species", "divided by"),
    ],
)
def test_sql_it_cannot_do_is_refused_by_name(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named.replace("(", r"\(").replace(")", r"\)")):
        planner.plan(question)


def test_plain_questions_are_left_alone(planner: RulePlanner) -> None:
    plan = planner.plan("avg bill: lunch vs dinner (thu/fri only)")
    assert plan.dimension == "meal"


@pytest.mark.parametrize(
    "question",
    [
        "sum(tip) / sum(total_bill) per day",
        "sum(votes) / count(*) by district",
        "avg(price) * max(price) by ticker",
    ],
)
def test_arithmetic_between_aggregates_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="arithmetic between aggregates"):
        planner.plan(question)


@pytest.mark.parametrize(
    ("question", "bounds"),
    [
        ("avg tip_pct by size where size between 2 and 5", [2, 5]),
        ("count(*) by day where size between 3 and 4", [3, 4]),
    ],
)
def test_between_on_a_number_dimension_is_a_range(
    planner: RulePlanner, question: str, bounds: list[int]
) -> None:
    assert filters_of(planner.plan(question)) == [("party_size", "between", bounds)]
