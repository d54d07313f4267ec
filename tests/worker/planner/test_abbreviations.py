"""Abbreviations and shorthand (worker.planner.abbreviations): a word cut short with a full stop is the one
model word it begins ("Afr.", "cont.", "sep. len."), vowel-less shorthand ("ctries"), a small table ("no.
of", "qty of", "ea.", "yr", "wkly", "px", "LE", "GDPpc"), "M vs F"; an abbreviation of two different
things ("Aus.") is refused, and everyday words ending a sentence are left alone."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.abbreviations import unabbreviate
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("text", "spelt"),
    [
        ("pop. of Afr. countries", "pop. of Africa countries"),
        ("GDPpc top 10 ctries in Eur., 1997", "GDP per capita top 10 countries in Europe, 1997"),
        ("GDP (tot.) by cont., 2002, pie", "GDP (total) by continent, 2002, pie"),
        (
            "sep. len. vs. pet. wid. scatter, colour = species",
            "sepal length vs. petal width scatter, colour = species",
        ),
        ("hist. of sep. wid., setosa only", "histogram of sepal width, setosa only"),
        ("tot. votes per cand., pie", "total votes per candidate, pie"),
        ("votes by dist., maj. districts only", "votes by district, majority districts only"),
        ("MSFT px wkly, 2018", "MSFT price weekly, 2018"),
        ("LE: US vs UK, one line ea.", "life expectancy: US vs UK, one line each"),
        ("no. of tables by party size", "number of tables by party size"),
        ("qty of medals by nation", "number of medals by nation"),
        (
            "no. of ctries w/ LE < 50 per yr, Afr.",
            "number of countries w/ life expectancy < 50 per year, Africa",
        ),
        ("avg tip M vs F, dinner only", "avg tip Male vs Female, dinner only"),
    ],
)
def test_shorthand_is_written_out(semantic_model: SemanticModel, text: str, spelt: str) -> None:
    assert unabbreviate(text, semantic_model) == spelt


@pytest.mark.parametrize(
    "text",
    [
        "tip by day. Show it as a pie.",  # everyday and known words ending a sentence
        "Average tip by day, as soon as you can.",  # "can." is no Canada
        "AAPL price in Sep. 2018",  # a month beside a number
        "avg tip on Mon.",  # on the tips data, no Mongolia or Montreal
        "avg. tip on Wed.",  # the tips data has no Wednesday: left for the day reader to refuse
        "wind temp. by dir.",  # "temp." shortens nothing the data has ("dir." is the direction)
        "frequency N vs S",  # wind directions as the data writes them
        "Life expectancy in the U.S. vs. Canada",
    ],
)
def test_look_alikes_are_left_alone(semantic_model: SemanticModel, text: str) -> None:
    spelt = unabbreviate(text, semantic_model)
    assert spelt == text.replace("dir.", "direction")


def test_ambiguous_abbreviation_is_refused_naming_both(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="Australia or Austria"):
        planner.plan("Aus. pop. since '82")


@pytest.mark.parametrize(
    "question", ["avg. tip on Wed.", "TSLA px wkly, 2019", "wind temp. by dir.", "avg. stem len. by sp."]
)
def test_abbreviations_of_what_the_data_lacks_stay_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


def test_number_of_tables_is_a_count(planner: RulePlanner) -> None:
    plan = planner.plan("no. of tables by party size, Thurs. lunch")
    assert measures_of(plan) == [("tip", "count")] and plan.dimension == "party_size"
    assert filters_of(plan) == [("day", "eq", "Thur"), ("meal", "eq", "Lunch")]


def test_quantity_of_medals_is_the_medals_summed(planner: RulePlanner) -> None:
    plan = planner.plan("qty of medals by nation, gold only")
    assert measures_of(plan) == [("medals", "sum")] and plan.dimension == "nation"
    assert filters_of(plan) == [("medal", "eq", "Gold")]


def test_cut_words_name_measures_and_values(planner: RulePlanner) -> None:
    plan = planner.plan("GDPpc top 10 ctries in Eur., 1997")
    assert measures_of(plan) == [("gdp_per_capita", "avg")] and plan.dimension == "country"
    assert filters_of(plan) == [("continent", "eq", "Europe")] and plan.limit == 10
    plan = planner.plan("avg. pet. len. by species")
    assert measures_of(plan) == [("petal_length", "avg")] and plan.dimension == "species"


def test_stock_price_shorthand(planner: RulePlanner) -> None:
    plan = planner.plan("MSFT px wkly, 2018")
    assert measures_of(plan) == [("price", "avg")] and plan.use_time and plan.chart_type == "line"
