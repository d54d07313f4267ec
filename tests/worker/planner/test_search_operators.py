"""A search engine's keyword operators (worker.planner.search_operators): a minus sign leaves a value out
(never keeps it), quotes keep a phrase together, "A OR B" between values of one column is those values,
"site:" names the dataset, a "field:value" tag is a condition, "after:2010" a period; an OR across two
columns, a value not in the data, a definition, "near me" and a website stay refused, and text with no
operator is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.search_operators import unsearch
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("search", "plain"),
    [
        ("average tips by day -sunday", "average tips by day excluding sunday"),
        ("tip by day -sunday -saturday", "tip by day excluding sunday and saturday"),
        ('medals by nation -"south korea"', "medals by nation excluding south korea"),
        ('"life expectancy" by continent 2007', "life expectancy by continent 2007"),
        ('medals by nation "gold" OR "silver"', "medals by nation for gold or silver"),
        ("amazon OR google OR facebook peak price", "for amazon or google or facebook peak price"),
        ("site:gapminder population asia 2007", "gapminder population asia 2007"),
        ("count of tables by day smoker:yes", "count of tables by day where smoker = yes"),
        ("average tip by day party_size:2", "average tip by day where size = 2"),
        ('"life expectancy" asia after:2010', "life expectancy asia after 2010"),
    ],
)
def test_operators_are_spelt_as_plain_words(semantic_model: SemanticModel, search: str, plain: str) -> None:
    assert unsearch(search, semantic_model) == plain


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day, post-war years - and more",
        "Life expectancy by continent in 1952 -- sorted",
        'AVERAGEIFS(tip_pct, time, "Dinner") by sex.',
        'SUMIF(day, "Sun", tip) by size.',
        "Tip by day for Saturday or Sunday",
        "Pop quiz: which nation won the most medals?",
    ],
)
def test_text_with_no_operator_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unsearch(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "filters"),
    [
        ("average tips by day -sunday", [("day", "ne", "Sun")]),
        ("average tip by sex -lunch", [("meal", "ne", "Lunch")]),
        ("population by continent 2007 -oceania pie", [("continent", "ne", "Oceania")]),
        ('iris "sepal length" vs "petal length" scatter -setosa', [("species", "ne", "setosa")]),
        ("tip by day -sunday -saturday", [("day", "not_in", ["Sun", "Sat"])]),
    ],
)
def test_a_minus_sign_leaves_the_value_out(
    planner: RulePlanner, question: str, filters: list[tuple[str, str, object]]
) -> None:
    assert filters_of(planner.plan(question)) == filters


def test_or_between_values_of_one_column_is_those_values(planner: RulePlanner) -> None:
    plan = planner.plan('medals by nation "gold" OR "silver"')
    assert (plan.dimension, plan.series) == ("nation", None)
    assert filters_of(plan) == [("medal", "in", ["Gold", "Silver"])]
    plan = planner.plan("apple OR microsoft stock price 2019 weekly")
    assert (plan.series, plan.chart_type, plan.use_time) == ("ticker", "line", True)
    assert filters_of(plan) == [("ticker", "in", ["AAPL", "MSFT"])]


@pytest.mark.parametrize(
    ("question", "dataset", "filters"),
    [
        ("site:gapminder population asia 2007 top 10 countries", "gapminder", [("continent", "eq", "Asia")]),
        ("votes by candidate site:election pie", "election", []),
        ("count of tables by day smoker:yes", "tips", [("smoker", "eq", "Yes")]),
        ("average tip by sex day:sunday", "tips", [("day", "eq", "Sun")]),
        ("wind frequency by direction strength:6+", "wind", [("strength", "eq", "6+")]),
        (
            'number of countries "life expectancy" >75 by continent 2007',
            "gapminder",
            [("life_exp", "gt", 75)],
        ),
    ],
)
def test_site_tags_and_symbols_are_read(
    planner: RulePlanner, question: str, dataset: str, filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, filters_of(plan)) == (dataset, filters)


def test_a_quoted_measure_is_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan('"tip percentage" by party size')
    assert (measures_of(plan), plan.dimension) == ([("tip_pct", "avg")], "party_size")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("average tip by sex saturday OR lunch", "saturday or lunch"),
        ("tesla OR apple stock price 2019", "tesla"),
        ('"life expectancy" asia after:2010', "2010"),
        ("restaurant tips near me", "near"),
        ("define: tip percentage", "define:"),
        ("tip by day site:reddit.com", "site:reddit.com"),
        ("tip by day -cashier", "cashier"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named.lower() in str(refused.value).lower()
