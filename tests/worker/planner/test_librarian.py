"""A librarian's asides (worker.planner.librarian): "Shhh!", an overdue book, a library card's expiry, a
return date, the closing hour, Dewey numbers, shelves and patrons counted set nothing, so no period, day,
limit, threshold or group is read from them; the request's own values are kept, and what the data lacks,
two charts and a request that points back to the patter stay refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.librarian import unlibrarian
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension", "filters"),
    [
        ("Shhh, the reading room is full. The average tip by meal, please.", ("tip", "avg"), "meal", []),
        (
            "Please return it by Saturday. Meanwhile, the average tip per party size at dinner.",
            ("tip", "avg"),
            "party_size",
            [("meal", "eq", "Dinner")],
        ),
        (
            "Dewey decimal 796 - sports, second shelf from the top. The silver medals won by each nation.",
            ("medals", "sum"),
            "nation",
            [("medal", "eq", "Silver")],
        ),
        (
            "We close at 6 tonight. Until then: the total votes for Joly in each district.",
            ("votes", "sum"),
            "district",
            [("candidate", "eq", "Joly")],
        ),
        (
            "45 patrons came in this morning, but that's just for the record. The average petal width of "
            "each species.",
            ("petal_width", "avg"),
            "species",
            [],
        ),
        (
            "The gardening shelf has 3 books, one per species, all checked out. The average sepal width of "
            "each species.",
            ("sepal_width", "avg"),
            "species",
            [],
        ),
        (
            "Keep your voice down. The almanac was checked out in 1990, so could I see China's medals by "
            "type, as a pie?",
            ("medals", "sum"),
            "medal",
            [("nation", "eq", "China")],
        ),
    ],
)
def test_the_librarys_patter_sets_nothing(
    planner: RulePlanner,
    question: str,
    measure: tuple[str, str],
    dimension: str,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan), plan.limit, period_of(plan)) == (
        [measure],
        dimension,
        filters,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("question", "measure", "period"),
    [
        (
            "This atlas is overdue by 2 weeks, but never mind that. The average life expectancy of each "
            "continent in 1982.",
            ("life_exp", "avg"),
            ("1982", "1982"),
        ),
        (
            "Your library card expires in 2030, dear, but all I need today is the total population of each "
            "continent in 1967.",
            ("pop", "sum"),
            ("1967", "1967"),
        ),
        (
            "This book is overdue by 5 days! While you're at it, Microsoft's share price across 2018.",
            ("price", "avg"),
            ("2018", "2018"),
        ),
    ],
)
def test_the_period_is_the_requests_own(
    planner: RulePlanner, question: str, measure: tuple[str, str], period: tuple[str, str]
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), period_of(plan), plan.limit) == ([measure], period, None)


def test_a_value_named_again_by_the_request_is_kept(planner: RulePlanner) -> None:
    plan = planner.plan("Please return it by Sunday. The average tip by party size on Sundays.")
    assert (plan.dimension, filters_of(plan)) == ("party_size", [("day", "eq", "Sun")])


@pytest.mark.parametrize(
    "question",
    [
        "Shhh! How many overdue fines did each patron pay, by day?",
        "The reference desk wants two charts: the average tip by day and the medals by nation.",
        "Your library card expires in 2021 - so show me Canada's life expectancy in that year.",
        "Shhh... the catalogue says either the sum or the average of the votes by candidate - you pick.",
        "We close at 9 - what is the wind frequency by strength at 9 pm?",
    ],
)
def test_what_cannot_be_charted_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip by day, as quietly as you can",
        "Lot 8: the reserve price of every lot in the catalogue, as bars.",
        "A bar chart in a plotting-library style: the total votes by candidate",
    ],
)
def test_text_without_the_librarian_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unlibrarian(text, semantic_model) == text
