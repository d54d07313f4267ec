"""A user unsure of what the data's names are (worker.planner.unsure_names): the hedges come off the names
they hedge, alternatives keep the one the data has, and a hedged name the data lacks, or has more than once,
is refused by name; text with no hedge is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.unsure_names import unsure
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("hedged", "meant"),
    [
        (
            "The GDP per head column, gdpPercap I think it's spelt: the top 10 countries in 1997.",
            "The GDP per head column, gdpPercap: the top 10 countries in 1997.",
        ),
        (
            "The tech stock data (stocks, I think?): Apple's price",
            "The tech stock data (stocks): Apple's price",
        ),
        ("Coderre (I think that's how it's spelt): his votes by district", "Coderre: his votes by district"),
        ("Population (is the column pop?) of India", "Population of India"),
        ("Average tip by day, whatever the tip column is called.", "Average tip by day."),
        ("size or table_size or something: tables per size", "party size: tables per size"),
        ("The company I mean is Netflix, NFLX I think: its price", "Netflix: its price"),
        ("Wind, I think one of them is '6+'? Frequency for that band only", "Wind. Frequency for 6+ only"),
    ],
)
def test_the_hedges_come_off_the_names(semantic_model: SemanticModel, hedged: str, meant: str) -> None:
    assert unsure(hedged, semantic_model) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "Tip by day, maybe by sex",
        "Life expectancy in Chile or Peru",
        "sepal length by species",
    ],
)
def test_text_without_a_hedged_name_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unsure(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "dataset", "measures", "dimension", "filters"),
    [
        (
            "The restaurant dataset, I think it's called tips? The average of "
            "whatever the tip column is, by day.",
            "tips",
            [("tip", "avg")],
            "day",
            [],
        ),
        (
            "The tech stock data (stocks, I think?): Apple's price week by week. "
            "The ticker's AAPL if I remember "
            "right.",
            "stocks",
            [("price", "avg")],
            None,
            [("ticker", "eq", "AAPL")],
        ),
        (
            "That percentage tip thing, tip_pct or tip rate or whatever it's called, by party size.",
            "tips",
            [("tip_pct", "avg")],
            "party_size",
            [],
        ),
        (
            "Petal length by species, the columns are petal_len or petal_length or whatever it's called",
            "iris",
            [("petal_length", "avg")],
            "species",
            [],
        ),
        (
            "The Asia continent, or 'Asian', whatever it's called in there: the 5 "
            "most populous countries in 2007.",
            "gapminder",
            [("pop", "sum")],
            "country",
            [("continent", "eq", "Asia")],
        ),
        (
            "Europe, or European or whatever it's called: life expectancy by country in 2002",
            "gapminder",
            [("life_exp", "avg")],
            "country",
            [("continent", "eq", "Europe")],
        ),
        (
            "Life expectancy in Canada (it's just spelt Canada in there, right?) since 1962, as a line.",
            "gapminder",
            [("life_exp", "avg")],
            None,
            [("country", "eq", "Canada")],
        ),
        (
            "The company I mean is Netflix, NFLX I think: its price in the second half of 2018, as a line.",
            "stocks",
            [("price", "avg")],
            None,
            [("ticker", "eq", "NFLX")],
        ),
        (
            "The Olympics data with the three countries, I think Korea is one of "
            "them: Korea's medals by type.",
            "medals",
            [("medals", "sum")],
            "medal",
            [("nation", "eq", "South Korea")],
        ),
        (
            "In the election data there's something like a 'result' column with "
            "majority and plurality, I think: "
            "votes per candidate, split by that.",
            "election",
            [("votes", "sum")],
            "candidate",
            [],
        ),
        (
            "Gold medals by nation (the nation column, I believe).",
            "medals",
            [("medals", "sum")],
            "nation",
            [("medal", "eq", "Gold")],
        ),
        (
            "The share prices of all the companies, whichever six they are, "
            "averaged over 2019, one bar each.",
            "stocks",
            [("price", "avg")],
            "ticker",
            [],
        ),
    ],
)
def test_the_hedged_question_is_charted(
    planner: RulePlanner,
    question: str,
    dataset: str,
    measures: list[tuple[str, str]],
    dimension: str | None,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension) == (dataset, measures, dimension)
    assert filters_of(plan) == filters


def test_split_by_that_names_the_column_claimed(planner: RulePlanner) -> None:
    plan = planner.plan(
        "In the election data there's something like a 'result' column, I "
        "think: votes per candidate, split by that."
    )
    assert plan.series == "result"


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "The flower one: the length column, I forget whether it's the sepal or "
            "the petal one, average by species.",
            "sepal",
        ),
        ("The money column in the tips data, I can't remember if it's the tip or the bill, by day.", "bill"),
        (
            "The Congo, I'm not sure which of the two Congos it is in there: life expectancy over time.",
            "Congo",
        ),
        (
            "One of the candidates, Bergeron or Coderre, I can't remember which "
            "one I mean: his votes by district.",
            "which",
        ),
        (
            "The stocks data has a volume column, I'm pretty sure it's called "
            "volume: Apple's volume in 2019.",
            "volume",
        ),
        ("The wind data should have a temperature column, temp or something: the average per direction.", ""),
        (
            "I'm sure the tips data has a waiter or server column, server_name "
            "maybe: the average tip per waiter.",
            "waiter",
        ),
        ("sepal length or petal length or something, by species", "petal length"),
        ("Average tip by day, tipz or tipp or whatever", "tipz"),
        ("The share prices of all the companies, whichever five they are, in 2019", "6"),
        # A second guess offered: neither can be charted as the one meant (not 1997-2002 as a span).
        ("Life expectancy in 2002, or maybe 1997?", "2002, or maybe 1997"),
        ("Average tip by day, or perhaps by sex?", "day, or perhaps by sex"),
    ],
)
def test_a_name_the_data_lacks_or_has_twice_is_refused(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named in str(refused.value)


def test_a_leading_clause_naming_a_value_is_never_set_aside(planner: RulePlanner) -> None:
    """The Congo said before the request is a value of two countries: the request without it would chart
    every country's average."""
    with pytest.raises(UnchartableQuestion):
        planner.plan("The Congo, not that I know which: life expectancy over time.")
