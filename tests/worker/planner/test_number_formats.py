"""Quantities in many notations (worker.planner.number_formats): exponents, spelt scales, thousands grouped
with spaces, a decimal comma, a glued unit, a share of the bill, a fraction or percentage of a base level
and counting words are read as the plain numbers they are; an approximate amount and a dollar amount on a
measure that is not money are refused with what can be asked; text with none of them is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.number_formats import unnumber
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("Life expectancy by country in 2002 for countries with over 2e8 people", ("pop", "gt", 200000000)),
        ("Countries with fewer than a quarter of a million people in 1997", ("pop", "lt", 250000)),
        ("Countries with more than half a billion people in 2007", ("pop", "gt", 500000000)),
        (
            "Population by country in 2007 for countries of at least 40 000 000 people",
            ("pop", "gte", 40000000),
        ),
        (
            "GDP per capita by continent in 1992, countries with a GDP per capita under 2 500 US$",
            ("gdp_per_capita", "lt", 2500),
        ),
        ("Average sepal length by species for petals longer than 1,5 cm", ("petal_length", "gt", 1.5)),
        ("Sepal width by species for petals shorter than 4.5cm", ("petal_length", "lt", 4.5)),
    ],
)
def test_a_number_in_any_notation_is_its_value(
    planner: RulePlanner, question: str, condition: tuple[str, str, object]
) -> None:
    assert condition in filters_of(planner.plan(question))


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("Average bill by day for tables that tipped more than 0.2 of the bill", ("tip_pct", "gt", 20)),
        ("Average bill by sex, only tables that tipped under 10 per cent", ("tip_pct", "lt", 10)),
        ("Average tip by meal for tables that left at least 18% of their bill", ("tip_pct", "gte", 18)),
    ],
)
def test_a_share_of_the_bill_is_the_tip_percentage(
    planner: RulePlanner, question: str, condition: tuple[str, str, object]
) -> None:
    assert filters_of(planner.plan(question)) == [condition]


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("How many weeks did each company close under half of its January 2018 level?", ("price", "lt", 0.5)),
        (
            "How many weeks did each company close 20 per cent or more below its January 2018 level?",
            ("price", "lte", 0.8),
        ),
        (
            "How many weeks did each company close 50 per cent or more above its January 2018 level?",
            ("price", "gte", 1.5),
        ),
        ("Weeks each company closed at 110% or more of its January 2018 level", ("price", "gte", 1.1)),
    ],
)
def test_a_share_of_the_base_level_is_a_multiple_of_it(
    planner: RulePlanner, question: str, condition: tuple[str, str, object]
) -> None:
    plan = planner.plan(question)
    assert (filters_of(plan), plan.time_range) == ([condition], None)


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("Show a couple of the most populous countries in 2007", 2),
        ("A handful of the countries with the longest life expectancy in 1982", 5),
        ("The top half-dozen nations by total medals", 6),
        ("The dozen richest countries by GDP per capita in 1967", 12),
    ],
)
def test_counting_words_are_their_agreed_numbers(planner: RulePlanner, question: str, limit: int) -> None:
    assert planner.plan(question).limit == limit


def test_counting_only_is_a_condition(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Average life expectancy by continent in 2002, counting only countries above 5k GDP per capita"
    )
    assert (measures_of(plan), filters_of(plan)) == ([("life_exp", "avg")], [("gdp_per_capita", "gt", 5000)])
    plan = planner.plan("Tip by day for parties of half a dozen")
    assert filters_of(plan) == [("party_size", "eq", 6)]


def test_votes_taken_are_votes_got(planner: RulePlanner) -> None:
    plan = planner.plan("Coderre's votes by district, only where he took more than 3k votes")
    assert filters_of(plan) == [("candidate", "eq", "Coderre"), ("votes", "gt", 3000)]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Average total bill by day for tips of 4-ish dollars", "4-ish dollars"),
        ("Countries with approximately 2bn people in 2007", "approximately 2bn"),
        ("Netflix's weekly price in 2018, only weeks above $300", "dollars"),
        ("Wind frequency by direction for winds faster than 2e1 knots", "knots"),
    ],
)
def test_what_cannot_be_filtered_exactly_is_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named.lower() in str(refused.value).lower()


def test_text_with_no_such_quantity_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "Tip by day",
        "Population of China in 2007",
        "Petal length between 4 and 5 cm",
        "Votes by district for Joly, districts she won",
        "Top 5 countries by GDP per capita in 1952",
        "Life expectancy from 1952 to 2007",
    ):
        assert unnumber(text, semantic_model) == text


def test_only_the_rows_above_a_number_is_a_condition_on_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan("Total wind frequency per strength band, counting only rows above 2%")
    assert [(f.column, f.op, f.value) for f in plan.filters] == [("frequency", "gt", 2)]
