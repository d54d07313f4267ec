"""A superlative said after its noun (worker.planner.predicative): "whose sepals are widest" ranks by sepal
width as "which has the widest sepals" does; words ending in "est" that rank nothing are left alone."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import measures_of
from worker.planner.predicative import unpredicate
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "measure", "direction", "limit"),
    [
        (
            "Of the three species, whose sepals are widest on average? Only the top species.",
            "sepal_width",
            "desc",
            1,
        ),
        ("Which species' petals are the shortest?", "petal_length", "asc", 1),
        ("Which country's people are the richest in 2007?", "gdp_per_capita", "desc", 1),
        ("which day's bills are the largest on average?", "total_bill", "desc", 1),
    ],
)
def test_a_superlative_after_its_noun_ranks_by_it(
    planner: RulePlanner, question: str, measure: str, direction: str, limit: int
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan)[0][0], plan.sort and (plan.sort.by, plan.sort.direction), plan.limit) == (
        measure,
        (measure, direction),
        limit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "whose winds are west",
        "which tickers are of interest",
        "Which species has the shortest petals?",
        "the average tip by day",
    ],
)
def test_text_without_a_superlative_after_its_noun_is_unchanged(text: str) -> None:
    assert unpredicate(text) == text


def test_which_without_a_possessive_names_the_subject_not_its_owner() -> None:
    text = "Which strength bands are the most frequent for winds from the north?"
    assert unpredicate(text) == text
