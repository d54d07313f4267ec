"""A cat at the keyboard (worker.planner.cat_keyboard): stage directions, with or without their asterisks,
keyboard mashes and the cat's own sentences set nothing; what the request asks of cats stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import request_of
from worker.planner.cat_keyboard import uncat
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("Meow. *kneads the blanket* The median tip on each day. Purrr.", ("tip", "median"), "day"),
        ("Hiss. *yawns widely* The total votes of each candidate.", ("votes", "sum"), "candidate"),
        ("Hairball. qwertyuiop. The average sepal width of each species.", ("sepal_width", "avg"), "species"),
        ("The humans feed me at 6. The total medals of each nation. Meow.", ("medals", "sum"), "nation"),
    ],
)
def test_the_cat_sets_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert request_of(plan) == (
        [measure],
        dimension,
        [],
        None,
    )


@pytest.mark.parametrize(
    "question",
    [
        "I require tuna. Show me how much tuna is eaten in each continent.",
        "Meow. The colour of the iris petals.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The median tip by day, sits well with me",
        "Which day had the most tips?",
        # Asterisks alone are no cat: SQL's count(*) and a footnote pair up as a stage direction.
        "select ticker, count(*) from stocks group by ticker order by count(*) desc",
        "Bill per person by day (weekend only*)   * i.e. Sat & Sun",
    ],
)
def test_text_without_the_cat_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncat(text, semantic_model) == text
