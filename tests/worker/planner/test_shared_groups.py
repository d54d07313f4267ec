"""A value named by the group it shares with another value (worker.planner.shared_groups): "the same
continent as Egypt" is charted as Africa, read from the groups the data gives each country; a model that
does not know the groups refuses it naming the words."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.shared_groups import unshare_group
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "column", "value"),
    [
        (
            "Life expectancy by country in 2007 for the countries on the same continent as France.",
            "continent",
            "Europe",
        ),
        ("GDP per capita by country in the same region as Brazil in 2007", "continent", "Americas"),
        ("Population of countries sharing a continent with Japan in 2007", "continent", "Asia"),
        (
            "Life expectancy of the countries which are on the same continent as Kenya in 2007",
            "continent",
            "Africa",
        ),
        (
            "Life expectancy of the countries with the same continent as Germany in 2007",
            "continent",
            "Europe",
        ),
        ("Life expectancy of countries in Egypt's continent in 2007", "continent", "Africa"),
        ("Life expectancy of countries in New Zealand\u2019s continent in 2007", "continent", "Oceania"),
    ],
)
def test_a_value_named_by_a_group_it_shares_is_that_group(
    planner: RulePlanner, question: str, column: str, value: str
) -> None:
    assert filters_of(planner.plan(question)) == [(column, "eq", value)]


def test_the_same_continent_as_egypt_is_africa(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Population of the countries on the same continent as Egypt in 2007 - the 5 most populous."
    )
    assert (plan.dataset, measures_of(plan), plan.dimension) == ("gapminder", [("pop", "sum")], "country")
    assert filters_of(plan) == [("continent", "eq", "Africa")]
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("2007", "2007")
    assert (plan.sort and plan.sort.by, plan.sort and plan.sort.direction, plan.limit) == ("pop", "desc", 5)
    assert plan.chart_type == "bar"


def test_sharing_a_continent_with_australia_is_oceania(planner: RulePlanner) -> None:
    plan = planner.plan("GDP per capita in 2007 for the countries that share a continent with Australia.")
    assert (measures_of(plan), plan.dimension) == ([("gdp_per_capita", "avg")], "country")
    assert filters_of(plan) == [("continent", "eq", "Oceania")]
    assert plan.sort is not None and (plan.sort.by, plan.sort.direction) == ("gdp_per_capita", "desc")


@pytest.mark.parametrize(
    "question",
    [
        "Votes by candidate in the districts with the same winner as Ahuntsic",
        "Votes by candidate in the districts that share a winner with Ahuntsic",
    ],
)
def test_districts_with_the_same_winner_are_that_winners(
    semantic_model: SemanticModel, planner: RulePlanner, question: str
) -> None:
    winner = semantic_model.dataset("election").dimension("district").groups["winner"]["13-Ahuntsic"]
    assert filters_of(planner.plan(question)) == [("winner", "eq", winner)]


def test_without_the_groups_the_relation_is_refused_by_name(semantic_model: SemanticModel) -> None:
    bare = semantic_model.model_copy(
        update={
            "datasets": [
                ds.model_copy(
                    update={"dimensions": [d.model_copy(update={"groups": {}}) for d in ds.dimensions]}
                )
                for ds in semantic_model.datasets
            ]
        }
    )
    with pytest.raises(UnchartableQuestion, match="Egypt"):
        RulePlanner(bare).plan("Population of the countries on the same continent as Egypt in 2007.")


@pytest.mark.parametrize(
    "text",
    [
        "Egypt's population since 1990",
        "Population of Egypt and its neighbours",
        "Medals by nation on the same continent",
        "Life expectancy in the same year as the Olympics",
    ],
)
def test_text_naming_no_shared_group_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unshare_group(text, semantic_model) == text
