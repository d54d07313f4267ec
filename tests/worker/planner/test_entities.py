"""Values a question names beyond their own names (worker.planner.entities): the districts a candidate won,
said with a pronoun."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.rules import RulePlanner


@pytest.mark.parametrize(
    "question",
    [
        "votes of Coderre in the districts where he win with majority, the 5 more big",
        "votes of Coderre in the districts where he win with a majority",
        "Joly's votes in the districts that she win",
    ],
)
def test_the_districts_he_wins_are_those_he_won(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    winners = [f for f in filters_of(plan) if f[0] == "winner"]
    candidates = [f for f in filters_of(plan) if f[0] == "candidate"]
    assert len(winners) == 1 and winners[0][2] == candidates[0][2]


@pytest.mark.parametrize(
    "question",
    [
        "In every district that Bergeron carried, his own votes, most first",
        "For each district won by Joly, her votes",
    ],
)
def test_the_winners_own_votes_are_hers_alone(planner: RulePlanner, question: str) -> None:
    """ "her votes" after the districts she won is her count only, not every candidate's there."""
    plan = planner.plan(question)
    winner = next(f[2] for f in filters_of(plan) if f[0] == "winner")
    assert ("candidate", "eq", winner) in filters_of(plan) and plan.dimension == "district"


def test_every_candidates_votes_where_one_won_stay_everyones(planner: RulePlanner) -> None:
    plan = planner.plan("In the districts Coderre won, the votes of each candidate")
    assert filters_of(plan) == [("winner", "eq", "Coderre")] and plan.dimension == "candidate"


@pytest.mark.parametrize(
    ("question", "dimension"),
    [
        ("Bergeron's votes in the districts Coderre took, biggest first", "district"),
        ("votes for Joly where Bergeron won, lowest to highest", "district"),
        # Several values named are several bars already: they stay on x.
        ("votes for Joly and Bergeron in the districts Coderre won, biggest first", "candidate"),
        # One other candidate named, with or without an order: one bar would hide the districts asked for.
        ("Joly's votes in the districts Bergeron won", "district"),
    ],
)
def test_an_order_over_one_named_value_puts_the_rows_it_keeps_on_x(
    planner: RulePlanner, question: str, dimension: str
) -> None:
    """An order asks for several bars; one candidate named is one bar, so the districts go on x."""
    plan = planner.plan(question)
    assert plan.dimension == dimension
    assert plan.sort is not None
