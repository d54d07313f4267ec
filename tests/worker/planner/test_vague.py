"""Shares of the groups without a number chartq can use are refused by name (worker.planner.vague):
read as numbers they charted something else ("the bottom two-thirds of nations" was a bottom 2)."""

from __future__ import annotations

import pytest

from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Medal totals for the bottom two-thirds of nations", "the bottom two-thirds of nations"),
        ("GDP per capita of the top half of countries in Europe in 2007", "the top half of countries"),
        ("average bill of the top 10% of tables by day", "the top 10% of tables"),
        ("Population of most of the countries in Asia in 2007", "most of the"),
        ("some of the biggest average tips by party size", "some of the"),
    ],
)
def test_a_share_of_the_groups_is_refused_by_name(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match="needs a number of groups") as refused:
        planner.plan(question)
    assert named.lower() in str(refused.value).lower()


def test_counts_and_superlatives_that_say_of_are_not_shares(planner: RulePlanner) -> None:
    assert planner.plan("Tables with a bill over $30: how many of each party size?").dimension == "party_size"
    assert planner.plan("the medal types China won the most of").dataset == "medals"
    assert planner.plan("half a dozen richest countries in 2007").limit == 6
