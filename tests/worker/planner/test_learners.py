"""A non-native speaker's word order (worker.planner.learners)."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.plan import ChartPlan
from worker.planner.errors import UnchartableQuestion
from worker.planner.learners import unlearn
from worker.planner.rules import RulePlanner


def test_comparatives_with_more_are_rankings() -> None:
    assert (
        unlearn("the 5 countries with more population in Asia") == "the top 5 countries by population in Asia"
    )
    assert unlearn("the 7 countries more poor of the Americas") == "the 7 poorest countries of the Americas"
    assert unlearn("the votes of Joly, the 6 more high") == "the votes of Joly, the 6 highest"
    assert unlearn("price by company, from the more small") == "price by company, from lowest to highest"
    assert unlearn("petal length by species, from the more big") == (
        "petal length by species, from highest to lowest"
    )
    assert unlearn("tables with more than 4 people") == "tables with more than 4 people"


def test_literal_translations() -> None:
    assert unlearn("the districts where won Bergeron") == "the districts where Bergeron won"
    assert unlearn("during the march of 2019") == "during march 2019"
    assert unlearn("the tip of each person") == "the tip per person"
    assert unlearn("the tables of 1 person") == "the tables of 1 people"
    assert unlearn("separated in smokers and not smokers") == "split by smokers and non-smokers"
    assert unlearn("the average of the length of the petal") == "the average of the petal length"
    assert unlearn("the tip in percent of the bill") == "the tip percentage"
    assert unlearn("where the winner had majority") == "won by a majority"
    assert unlearn("how was changing the gdp") == "how did change the gdp"


def test_non_native_questions_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan("the average price of each company except facebook and netflix, from the more small")
    assert plan.sort is not None and plan.sort.direction == "asc"
    assert plan.limit is None
    plan = planner.plan("the votes of Joly in the districts where won Bergeron, the 6 more high")
    assert sorted(filters_of(plan)) == [("candidate", "eq", "Joly"), ("winner", "eq", "Bergeron")]
    assert plan.limit == 6
    assert planner.plan("the price of the share of Google during the march of 2019, week for week").use_time


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("show me the countries of Asia, their life long, year 2002", "life_exp"),
        ("the life long of the countries of Africa in 1977", "life_exp"),
    ],
)
def test_life_long_is_life_expectancy(planner: RulePlanner, question: str, measure: str) -> None:
    assert [m.name for m in planner.plan(question).measures] == [measure]


@pytest.mark.parametrize(
    ("question", "direction", "limit"),
    [
        ("the countries of Europe more rich in 1997, give me only seven", "desc", 7),
        # Five continents: the default ten is every one of them.
        ("the continents more poor in 1982", "asc", None),
        ("the countries of Asia more rich in 2002", "desc", 10),
    ],
)
def test_more_without_than_ranks(
    planner: RulePlanner, question: str, direction: str, limit: int | None
) -> None:
    plan = planner.plan(question)
    assert plan.sort is not None and plan.sort.direction == direction
    assert plan.limit == limit


def test_more_with_than_still_compares(planner: RulePlanner) -> None:
    plan = planner.plan(
        "for every continent, how many countries had the life long more small than 50 in 1987"
    )
    assert filters_of(plan) == [("life_exp", "lt", 50)]
    assert unlearn("tables more big than 40") == "tables more big than 40"


@pytest.mark.parametrize(
    "question",
    [
        "points of the bill and the tip, colour for the time of day",
        "the bill against the tip, in points, colour for the meal",
        "points for the total bill and the tip, color according to the time of day",
    ],
)
def test_points_are_a_scatter_and_colour_for_a_series(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert plan.chart_type == "scatter" and plan.series == "meal"
    assert {m.agg for m in plan.measures} == {"none"}


@pytest.mark.parametrize(
    "question",
    ["the tip for each person, of men and of women, on the dinner", "the tip for every person by day"],
)
def test_for_each_person_is_per_person(planner: RulePlanner, question: str) -> None:
    assert [m.name for m in planner.plan(question).measures] == ["tip_per_person"]


def _seen(plan: ChartPlan) -> tuple[object, ...]:
    """What a user sees on the chart: measures, axis, colours, period, filters, limit and form."""
    period = (plan.time_range.start, plan.time_range.end) if plan.time_range else None
    return (
        measures_of(plan),
        plan.dimension,
        plan.series,
        period,
        filters_of(plan),
        plan.limit,
        plan.chart_type,
    )


@pytest.mark.parametrize(
    ("question", "seen"),
    [
        # "medium" (medio, mittlere) is the average; "each one X" is each X.
        (
            "Please make me a graphic of the medium life expectancy for each one continent in the year 1977.",
            ([("life_exp", "avg")], "continent", None, ("1977", "1977"), [], None, "bar"),
        ),
        ("the medium bill of the smokers by day", ([("total_bill", "avg")], "day", None, None,
         [("smoker", "eq", "Yes")], None, "bar")),
        ("the population of each one continent in 1992", ([("pop", "sum")], "continent", None,
         ("1992", "1992"), [], None, "bar")),
        # "quantity of" is the number of; "more big than" compares.
        ("Quantity of tables on each day, please", ([("tip", "count")], "day", None, None, [], None, "bar")),
        (
            "Quantity of countries with a life expectancy more big than 70 years, in every year, please.",
            ([("life_exp", "count")], None, None, None, [("life_exp", "gt", 70)], None, "line"),
        ),
        # "actual" (actuel, aktuell) is current: the latest year; "a cake" is a pie.
        ("the actual GDP per capita of the countries of Asia", ([("gdp_per_capita", "avg")], "country", None,
         ("2007", "2007"), [("continent", "eq", "Asia")], None, "bar")),
        ("the population of the continents in 1982 as a cake", ([("pop", "sum")], "continent", None,
         ("1982", "1982"), [], None, "pie")),
        ("a cake chart of the medals of each nation", ([("medals", "sum")], "nation", None, None, [], None,
         "pie")),
        ("How many votes had each candidate in total? In form of cake, please.", ([("votes", "sum")],
         "candidate", None, None, [], None, "pie")),
        # "action" (acción, Aktie) is a share; "enterprise" a company; "trimester" a quarter.
        ("the Microsoft action in 2018, week by week", ([("price", "avg")], None, None, ("2018", "2018"),
         [("ticker", "eq", "MSFT")], None, "line")),
        ("the price of the action of Google in 2019", ([("price", "avg")], None, None, ("2019", "2019"),
         [("ticker", "eq", "GOOG")], None, "line")),
        ("the highest price of every enterprise in 2019", ([("price", "max")], "ticker", None,
         ("2019", "2019"), [], None, "bar")),
        ("the average price of Netflix in the first trimester of 2018", ([("price", "avg")], None, None,
         ("2018-01-01", "2018-03-31"), [("ticker", "eq", "NFLX")], None, "line")),
        # The adjective after its noun: "the tip more big of each day" is the biggest tip of each.
        ("the tip more big of each day", ([("tip", "max")], "day", None, None, [], None, "bar")),
        ("The price more high of each company in the last trimester of 2019, please.", ([("price", "max")],
         "ticker", None, ("2019-10-01", "2019-12-31"), [], None, "bar")),
        # "his level of January 2018" is its January 2018 level, not a period.
        ("the weeks where Google had the price more big than his level of January 2018", ([("price", "avg")],
         None, None, None, [("ticker", "eq", "GOOG"), ("price", "gt", 1)], None, "line")),
        ("Count the weeks in what each company had the price more small than his level of January 2018",
         ([("price", "count")], "ticker", None, None, [("price", "lt", 1)], None, "bar")),
        # "along the years" is over time.
        ("the price of Google and Apple along the years, one line for each company", ([("price", "avg")],
         None, "ticker", None, [("ticker", "in", ["GOOG", "AAPL"])], None, "line")),
        # "no smokers" are non-smokers; "with a colour for Z" colours by Z.
        ("the average bill of the no smokers by day", ([("total_bill", "avg")], "day", None, None,
         [("smoker", "eq", "No")], None, "bar")),
        ("the bill and the tip in points with one colour for the day", ([("total_bill", "none"),
         ("tip", "none")], None, "day", None, [], None, "scatter")),
        ("the total bill against the tip in points, with a colour for the smokers and the no smokers",
         ([("total_bill", "none"), ("tip", "none")], None, "smoker", None, [], None, "scatter")),
        # "the long / wide of the sepal" is its length / width.
        ("the medium wide of the sepal for each species", ([("sepal_width", "avg")], "species", None, None,
         [], None, "bar")),
        ("The medium long of the petal for each species of flower", ([("petal_length", "avg")], "species",
         None, None, [], None, "bar")),
    ],
)  # fmt: skip
def test_false_friends_are_read_as_meant(
    planner: RulePlanner, question: str, seen: tuple[object, ...]
) -> None:
    assert _seen(planner.plan(question)) == seen


@pytest.mark.parametrize(
    "question",
    [
        "For each one continent, which is the country more rich in 2007? Only one country for continent.",
        "In each continent, which was the country more poor in 1952?",
    ],
)
def test_which_is_the_one_more_rich_per_group_is_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion, match="leads within each group"):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "the medium-sized tables",
        "the medium term trend",
        "each one of the continents",
        "the action movies",
        "the apple action",
        "enterprise customers by region",
        "the first trimester",
        "the price more high than 2",
        "a separate colour for each continent",
    ],
)
def test_false_friends_stay_where_they_may_be_meant(text: str) -> None:
    assert unlearn(text) == text
