"""A crossword clue (worker.planner.crossword): the clue's number, its letter counts, its word-length phrases
and an answer offered set nothing; what the clue asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of
from worker.planner.crossword import uncrossword
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("clue", "plain"),
    [
        ("2 across: the median tip at lunch on each day (6,3).", "The median tip at lunch on each day."),
        (
            "I'm stuck on 17 down: how many tables of each party size ate on Sunday? (4-6)",
            "How many tables of each party size ate on Sunday?",
        ),
        (
            "6 across, five letters, ends in Z: the 5 most populous countries in Asia in 2002.",
            "The 5 most populous countries in Asia in 2002.",
        ),
        (
            "Anagram of DROPLETS: the average petal length of each species, as a pie.",
            "The average petal length of each species, as a pie.",
        ),
        ("13 down (3,4): Microsoft's weekly share price in 2018.", "Microsoft's weekly share price in 2018."),
        (
            "Four letters, starts with S: the total votes of each candidate in the districts won by a "
            "plurality.",
            "The total votes of each candidate in the districts won by a plurality.",
        ),
        ("I'm stuck on 9 across. The wind frequency by direction (5).", "The wind frequency by direction."),
    ],
)
def test_the_clue_sets_nothing(planner: RulePlanner, clue: str, plain: str) -> None:
    assert chart_of(planner.plan(clue)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("clue", "plain"),
    [
        (
            "4 down: the continent with the highest average life expectancy in 2002 (7). Answer: Oceania. "
            "Just the top one.",
            "The continent with the highest average life expectancy in 2002. Just the top one.",
        ),
        (
            "8 across, six letters: the candidate with the most votes overall. The answer is Coderre? "
            "Chart it - just the top one.",
            "The candidate with the most votes overall. Just the top one.",
        ),
        (
            "I'm stuck on 3 down: the nation with the most silver medals (5). Answer: Canada.",
            "The nation with the most silver medals.",
        ),
    ],
)
def test_an_offered_answer_is_no_filter(planner: RulePlanner, clue: str, plain: str) -> None:
    plan = planner.plan(clue)
    assert plan.filters == planner.plan(plain).filters
    assert chart_of(plan) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "clue",
    [
        "3 across (5): the crosswords each solver finished this month.",
        "I'm stuck on 9 down: Tesla's weekly share price in 2019 (5).",
        "2 down, five letters: the scent of each iris species.",
        "14 across (4 or 5): the median or the mean tip by day, whichever fits.",
        "20 down: the smartest continent in 1977 (6). Answer: Europe. Just the top one.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, clue: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(clue)


@pytest.mark.parametrize(
    "text",
    [
        "Average life expectancy across all continents (2018)",
        "Total bill (in $) by day, broken down by meal",
        "Life expectancy from 2007 down to 1952 (5 countries)",
        "Which answer is right: the tip by day or by meal?",
        "Answer: the median tip by day.",
        "10 across all continents, the population in 2007 (2,3)",
        "The tip of each party size (1-6), smokers only.",
        "Prices went 5 down, 3 up: chart Apple's weekly share price.",
    ],
)
def test_text_without_the_clue_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncrossword(text, semantic_model) == text
