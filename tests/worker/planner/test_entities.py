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


@pytest.mark.parametrize(
    "question",
    [
        "Life expectancy in Norway and Iceland across all the survey years, one line for each.",
        "Life expectancy in Norway and Iceland across all the years",
    ],
)
def test_across_all_the_years_keeps_a_line_for_each_value(planner: RulePlanner, question: str) -> None:
    # "across all" added the two countries up into one line: a chart of neither.
    plan = planner.plan(question)
    assert (plan.use_time, plan.series) == (True, "country")


def test_across_all_the_values_still_adds_them_up(planner: RulePlanner) -> None:
    plan = planner.plan("total population across all European countries by year")
    assert plan.series is None


def test_what_colours_the_chart_is_not_on_x(planner: RulePlanner) -> None:
    # The nations went on x, coloured by medal, though "coloured by nation" was asked.
    plan = planner.plan("Canada and China medals for gold, silver and bronze, coloured by nation.")
    assert (plan.dimension, plan.series) == ("medal", "nation")


def test_values_only_one_dataset_has_choose_it(planner: RulePlanner) -> None:
    # Canada and China are gapminder countries too: the question was refused as naming nothing to measure.
    plan = planner.plan(
        "Put Canada and China side by side for gold, silver and bronze, each nation its own colour."
    )
    assert (plan.dataset, plan.dimension, plan.series) == ("medals", "medal", "nation")
    assert ("nation", "in", ["Canada", "China"]) in filters_of(plan)


def test_a_value_inside_a_longer_one_decides_nothing(planner: RulePlanner) -> None:
    # "south" (a wind direction) inside "South Korea" kept the medals from being chosen: refused.
    plan = planner.plan("A pie of South Korea's gold, silver and bronze.")
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("medals", "medal", "pie")
