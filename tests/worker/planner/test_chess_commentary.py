"""A chess commentator's calls (worker.planner.chess_commentary): a sentence or clause of the game that asks
nothing comes off, so a move's piece is no value, a rating or move number no limit or year, "a brilliant
move" no ranking; "But first," opens the request; what the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, period_of, request_of
from worker.planner.chess_commentary import unchess
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension", "filters"),
    [
        (
            "Rook takes e5, and the crowd gasps! The average tip for each party size.",
            ("tip", "avg"),
            "party_size",
            [],
        ),
        (
            "Stalemate on move 61! But first, the median total bill by smoker.",
            ("total_bill", "median"),
            "smoker",
            [],
        ),
        (
            "A blunder by Coderre's campaign, the pundits say - show me Coderre's votes in each district.",
            ("votes", "sum"),
            "district",
            [("candidate", "eq", "Coderre")],
        ),
        (
            "The sepal width of each species, please - what a brilliant move!",
            ("sepal_width", "avg"),
            "species",
            [],
        ),
    ],
)
def test_the_calls_of_the_game_set_nothing(
    planner: RulePlanner,
    question: str,
    measure: tuple[str, str],
    dimension: str,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert request_of(plan) == (
        [measure],
        dimension,
        filters,
        None,
    )


def test_a_rating_and_a_move_number_are_no_year(planner: RulePlanner) -> None:
    plan = planner.plan("Rated 1982 and castled kingside on move 12! Life expectancy by continent in 2002.")
    assert period_of(plan) == ("2002", "2002") and plan.dimension == "continent"


def test_a_piece_moved_is_no_value(planner: RulePlanner) -> None:
    plan = planner.plan("The grandmaster plays Knight to c3! The total votes of each candidate, as a pie.")
    assert (plan.chart_type, plan.dimension, filters_of(plan)) == ("pie", "candidate", [])


@pytest.mark.parametrize(
    "question",
    [
        "Checkmate! Chart the ratings of the grandmasters by country.",
        "A bold gambit: Tesla's share price in 2019, week by week.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip by day, but first a word about smokers",
        "Which knight of the round table tipped the most?",
    ],
)
def test_text_without_the_game_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unchess(text, semantic_model) == text
