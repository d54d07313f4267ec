"""A first-person owner of the data (worker.planner.owners): "my portfolio", "my holdings", "our
candidate", "us (Bergeron)", "my iris collection" and "my virginica plants" read as the data and the
values they name; "which of my waiters" and "when will my shares ..." are refused, and text without an
owner's words is unchanged."""

from __future__ import annotations

import pytest

from worker.planner.errors import UnchartableQuestion
from worker.planner.owners import unown
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def _filters(model: SemanticModel, question: str) -> list[tuple[str, str, object]]:
    return sorted(((f.column, f.op, f.value) for f in RulePlanner(model).plan(question).filters), key=str)


def test_holdings_are_the_stocks(semantic_model: SemanticModel) -> None:
    planner = RulePlanner(semantic_model)
    plan = planner.plan(
        "My portfolio is the six tech stocks: the average price of each in the second half of 2018, "
        "best first"
    )
    assert (plan.dataset, plan.dimension, plan.sort.direction if plan.sort else None) == (
        "stocks",
        "ticker",
        "desc",
    )
    plan = planner.plan("How many weeks in 2019 was each of my holdings below its January 2018 level?")
    assert (plan.dimension, [(m.name, m.agg) for m in plan.measures]) == ("ticker", [("price", "count")])
    plan = planner.plan("Which of my holdings had the highest average price in 2019?")
    assert (plan.dataset, plan.dimension) == ("stocks", "ticker")


def test_a_campaigns_side_is_its_candidate(semantic_model: SemanticModel) -> None:
    assert _filters(
        semantic_model,
        "I worked on Joly's campaign: our candidate's votes in the districts we won, most votes first",
    ) == [("candidate", "eq", "Joly"), ("winner", "eq", "Joly")]
    plan = RulePlanner(semantic_model).plan(
        "As Coderre's campaign manager, I want our top 5 districts by votes"
    )
    assert ([(f.column, f.value) for f in plan.filters], plan.limit) == ([("candidate", "Coderre")], 5)
    assert unown(
        "Total votes for us (Bergeron) and for our two rivals, Coderre and Joly", semantic_model
    ) == ("Total votes for Bergeron and for Coderre and Joly")


def test_a_collection_is_the_data_and_its_values_stay_filters(semantic_model: SemanticModel) -> None:
    plan = RulePlanner(semantic_model).plan("In my iris collection, the average sepal width per species")
    assert (plan.dataset, plan.dimension) == ("iris", "species")
    assert _filters(
        semantic_model, "My virginica plants: petal length against sepal length as a scatter"
    ) == [("species", "eq", "virginica")]
    assert _filters(
        semantic_model,
        "Our foundation funds programmes in Asia: the five most populous countries there in 2007",
    ) == [("continent", "eq", "Asia")]
    assert _filters(semantic_model, "We operate in Europe: the 3 richest countries there in 2007") == [
        ("continent", "eq", "Europe")
    ]


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Which of my waiters collected the most tips at my restaurant?", "waiter"),
        ("When will my Netflix shares get back above 1.5 times their January 2018 level?", "forecast"),
        ("When will Microsoft's share price reach 2.5 times its January 2018 level?", "forecast"),
        ("Which of our Canadian athletes won the most medals?", "athletes"),
        ("Average petal length of my irises by the month they bloomed", "month"),
    ],
)
def test_what_the_data_lacks_is_refused(semantic_model: SemanticModel, question: str, says: str) -> None:
    with pytest.raises(UnchartableQuestion, match=says):
        RulePlanner(semantic_model).plan(question)


def test_text_without_an_owner_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in ("tip  by day", "Our charity works in Africa: life expectancy in Kenya", "votes by district"):
        assert unown(text, semantic_model) == text
