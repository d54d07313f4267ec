"""A karaoke host (worker.planner.karaoke_host): the singer's introduction, table and song numbers, the
night's events and the lead-ins set nothing; "She asks for X" after the introduction is X; guests' homes
count only where the request points back to them; what the request asks of the night stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.karaoke_host import unkaraoke
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Next up on the mic: table 3! While they cue up the track, the median tip for each party size.",
            "The median tip for each party size.",
        ),
        (
            "Give it up for Marco from table 9! He asks for the total votes of each candidate.",
            "The total votes of each candidate.",
        ),
        (
            "Give it up for Sophie! She wants the lowest price each company reached.",
            "The lowest price each company reached.",
        ),
        (
            "Ladies' night, duets only after 11! A guest asks for the average total bill by sex, lunch only.",
            "The average total bill by sex, lunch only.",
        ),
        (
            "Song number 27 in the book. Table 5 wants the 4 most populous countries of Africa in 1992.",
            "The 4 most populous countries of Africa in 1992.",
        ),
        (
            "Three more singers before the break, and the fans blow a north wind. The wind frequency of each"
            " direction in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "That was Bohemian Rhapsody - what a voice! Meanwhile a guest asks for Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "It's Sunday karaoke, everybody sing along! A guest asks for the average tip on each day.",
            "The average tip on each day.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Karaoke night! Two guests, one from Canada and one from Mexico, ask for the life expectancy of"
            " their countries since 1972, one line each.",
            "The life expectancy of Canada and Mexico since 1972, one line each.",
        ),
        (
            "Two more singers! A guest from Brazil asks for their country's population since 1962, one line.",
            "Brazil's population since 1962, one line.",
        ),
        # A home the request does not point back to is no filter.
        (
            "Next up on the mic: table 4. A guest from Norway asks for the average GDP per capita of each"
            " continent in 2002.",
            "The average GDP per capita of each continent in 2002.",
        ),
    ],
)
def test_homes_count_only_when_pointed_back_to(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Next up on the mic: table 2! Chart the applause each singer got.",
        "Give it up for Lena! She wants the tip table 6 left tonight.",
        "Song number 8 in the book. A guest asks for the average or the median tip by day - whichever the"
        " crowd sings loudest.",
        "Everybody sing along! The average tip after 10 pm, please.",
        "Give it up for Tom! He wants two charts: the total bill by day and, apart, the votes by candidate.",
        "Two more singers before the break. Which nation sings karaoke best? Just the top one.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip of the ladies on each day",
        "Tip by party size for table 7 and up",
        "Which company is next up after Apple by average price?",
        "The 42 most populous countries in 2007, number 42 last",
        "Give me the votes by district",
        "That was fast - show the median tip by day",
        "How many countries in Europe had a song contest entry?",
    ],
)
def test_text_without_the_host_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unkaraoke(text, semantic_model) == text
