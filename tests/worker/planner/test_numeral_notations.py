"""Numbers and dates in historical notations (worker.planner.numeral_notations): Roman numerals as years,
quarters, limits, sizes and district numbers; ordinal centuries as the one survey year they name; apostrophe
years; vulgar fractions and "one quarter of the bill". What names no single number is refused by name, and
capital words that are no numerals read as before."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.numeral_notations import unnumeral
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("Population of the continents in MMVII, as a pie.", "2007", "2007"),
        ("Life expectancy by continent in MCMLII.", "1952", "1952"),
        ("Amazon's weekly price in Q-I MMXVIII.", "2018-01-01", "2018-03-31"),
        ("Google's weekly price in H-I MMXIX.", "2019-01-01", "2019-06-30"),
        ("The last survey of the twentieth century: average GDP per capita by continent.", "1997", "1997"),
        ("Population by continent in the first survey of the 21st century", "2002", "2002"),
        ("Life expectancy in Brazil from '72 to '92, as a line.", "1972", "1992"),
    ],
)
def test_a_year_or_period_in_an_old_notation_is_that_period(
    planner: RulePlanner, question: str, start: str, end: str
) -> None:
    assert period_of(planner.plan(question)) == (start, end)


def test_apostrophe_years_spanning_the_whole_data_set_no_period(planner: RulePlanner) -> None:
    plan = planner.plan("Amazon's weekly price from '18 to '19")
    assert plan.time_range is None
    assert plan.use_time


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("The top V countries by life expectancy in MCMLXXVII.", 5),
        ("The bottom VII countries by GDP per capita in MMII.", 7),
        ("Coderre's XV best districts by votes.", 15),
        ("The Ⅷ most populous countries of the Americas in MCMXCII.", 8),
        ("The top III directions by total wind frequency in the 4-5 band.", 3),
    ],
)
def test_a_roman_count_of_a_ranking_is_its_limit(planner: RulePlanner, question: str, limit: int) -> None:
    assert planner.plan(question).limit == limit


@pytest.mark.parametrize(
    "question",
    [
        "Silver medals won by each of the III nations, most first.",
        "Average petal length of the II species versicolor and virginica, side by side.",
    ],
)
def test_a_count_restating_the_values_is_no_limit(planner: RulePlanner, question: str) -> None:
    assert planner.plan(question).limit is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Average tip by day for parties of IV or more.", [("party_size", "gte", 4)]),
        ("Average tip by day for parties of III or fewer.", [("party_size", "lte", 3)]),
        (
            "Wind frequency by direction for the bands of strength V and above (5-6 and 6+).",
            [("strength", "in", ["5-6", "6+"])],
        ),
        (
            "Total votes in districts XI, XII and XIII, split by candidate.",
            [("district", "in", ["11-Sault-au-Récollet", "12-Saint-Sulpice", "13-Ahuntsic"])],
        ),
        (
            "Count the tables on each day where the tip was more than one quarter of the bill.",
            [("tip_pct", "gt", 25)],
        ),
        ("Average tip by day where the tip was less than one tenth of the bill", [("tip_pct", "lt", 10)]),
        (
            "Scatter of sepal width against sepal length for petals longer than 2½ cm.",
            [("petal_length", "gt", 2.5)],
        ),
        ("Petal width by species for sepals longer than 5½ cm", [("sepal_length", "gt", 5.5)]),
    ],
)
def test_a_number_in_an_old_notation_is_the_filters_value(
    planner: RulePlanner, question: str, expected: list[tuple[str, str, object]]
) -> None:
    assert filters_of(planner.plan(question)) == expected


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Life expectancy by continent in MMXV.", "2015"),
        ("Europe's population in MDCCCXC.", "1890"),
        ("Population of the top X countries in 2007.", "X"),
        ("Microsoft's weekly price in Q-V MMXIX.", "Q-V"),
        ("Netflix's price in H-III 2018", "H-III"),
        ("Wind frequency by direction for winds of strength III.", "strength III"),
        ("Apple's weekly price in the first year of the twenty-first century", "2000 or 2001"),
        ("Life expectancy by continent in the last survey of the nineteenth century", "nineteenth century"),
        ("Average tip by day in '18.", "2018"),
    ],
)
def test_what_names_no_number_in_the_data_is_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "I want the average tip by day.",
        "Stock price for MSFT and AAPL in 2019",
        "Wind frequency for NE, E and SE by strength",
        "Compare the CD, DC and MIX codes by LC and MD",
        "Population of the top X countries in 2007.",
        "Microsoft's price week by week over the last ½ year of the data",
        "Life expectancy in Japan from 1962 to 2002",
    ],
)
def test_text_with_no_numeral_it_can_read_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unnumeral(text, semantic_model) == text


def test_a_count_is_kept_where_another_dataset_has_that_many(planner: RulePlanner) -> None:
    """The medals data has three nations, but "the 3 countries" of gapminder are a top 3 of 142."""
    plan = planner.plan("the 3 countries w/ the highest GDP per capita in 1982")
    assert (plan.dataset, plan.dimension, plan.limit) == ("gapminder", "country", 3)
