"""Values a question leaves out (worker.planner.exclusions), also after "all <noun> but"."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner


def test_all_but_excludes(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip by day, all the days but Sunday")
    assert filters_of(plan) == [("day", "ne", "Sun")]
    plan = planner.plan("Medals by nation, every nation but China")
    assert filters_of(plan) == [("nation", "ne", "China")]


def test_every_value_joined_by_and_is_excluded(planner: RulePlanner) -> None:
    plan = planner.plan("Average tip by meal, excluding the Saturday and the Sunday")
    assert filters_of(plan) == [("day", "not_in", ["Sat", "Sun"])]


def test_districts_a_candidate_won_are_left_out(planner: RulePlanner) -> None:
    plan = planner.plan("Votes by candidate, excluding districts won by Joly")
    assert filters_of(plan) == [("winner", "ne", "Joly")]
    plan = planner.plan("Votes per candidate without the districts that Bergeron won")
    assert filters_of(plan) == [("winner", "ne", "Bergeron")]


def test_values_excluded_after_a_clause(planner: RulePlanner) -> None:
    plan = planner.plan("Total tips by sex for bills not above $20, lunch excluded.")
    assert filters_of(plan) == [("total_bill", "lte", 20), ("meal", "ne", "Lunch")]
    plan = planner.plan(
        "Histogram of sepal length for flowers whose sepal width is never below 3 cm, virginica excluded."
    )
    assert filters_of(plan) == [("sepal_width", "gte", 3), ("species", "ne", "virginica")]
    plan = planner.plan("Petal width by species, setosa and versicolor left out.")
    assert filters_of(plan) == [("species", "not_in", ["setosa", "versicolor"])]
    plan = planner.plan("Average tip by day, Sunday and Saturday excluded")
    assert filters_of(plan) == [("day", "not_in", ["Sun", "Sat"])]


def test_values_of_two_columns_excluded_together_are_not_half_read(planner: RulePlanner) -> None:
    # "smokers and dinner excluded": never smokers kept and dinner left out.
    for question in (
        "Average tip by day; smokers and dinner excluded.",
        "Average tip by day, with smokers and dinner excluded.",
        # Said first, it kept dinner and left out smokers: half read, and the half kept turned around.
        "Average tip by day, excluding smokers and dinner.",
    ):
        with pytest.raises(UnchartableQuestion):
            planner.plan(question)


def test_both_before_excluded_values(planner: RulePlanner) -> None:
    plan = planner.plan("Wind frequency by direction, leaving out both the calm 0-1 band and the 6+ band.")
    assert filters_of(plan) == [("strength", "not_in", ["0-1", "6+"])]
    plan = planner.plan("Frequency by strength band, leaving out both north and south")
    assert filters_of(plan) == [("direction", "not_in", ["N", "S"])]
    plan = planner.plan("Population by continent, excluding both Asia and Africa")
    assert filters_of(plan) == [("continent", "not_in", ["Asia", "Africa"])]


def test_sizes_excluded_one_by_one(planner: RulePlanner) -> None:
    plan = planner.plan("Average bill by party size, except tables of 1 or 2 people.")
    assert filters_of(plan) == [("party_size", "not_in", [1, 2])]
    plan = planner.plan("Mean tip by day, other than parties of 5 or 6 people")
    assert filters_of(plan) == [("party_size", "not_in", [5, 6])]


def test_the_winners_own_wins_excluded(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Joly's votes per district, only in the districts Coderre won, and excluding his majority wins."
    )
    assert filters_of(plan) == [
        ("winner", "eq", "Coderre"),
        ("candidate", "eq", "Joly"),
        ("result", "ne", "majority"),
    ]
    plan = planner.plan(
        "Votes for Bergeron by district, only the districts Bergeron won, but not counting his plurality wins"
    )
    assert ("result", "ne", "plurality") in filters_of(plan)
    assert ("winner", "eq", "Bergeron") in filters_of(plan)


def test_his_wins_without_a_winner_kept_stay_refused(planner: RulePlanner) -> None:
    # Whose wins "his" means is not said (or the winner's districts are left out): refused, never guessed.
    for question in (
        "Joly's votes per district, excluding his majority wins.",
        "Votes per candidate, leaving out the districts Joly won, and excluding his majority wins",
        "Votes for Bergeron by district, not counting his plurality wins",
    ):
        with pytest.raises(UnchartableQuestion):
            planner.plan(question)
