"""A dentist's chair-side talk (worker.planner.dentist): cavities, flossing counts, the next cleaning and
the molars set nothing; "Before you go:" hands over the request; what the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import period_of, request_of
from worker.planner.dentist import undentist
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        ("You have 4 cavities, sorry. The median tip on each day.", ("tip", "median"), "day"),
        (
            "Floss three times a day - 3 times, no fewer. The total votes of each candidate.",
            ("votes", "sum"),
            "candidate",
        ),
        (
            "Open wide! Before you go: the average sepal width of each species.",
            ("sepal_width", "avg"),
            "species",
        ),
        (
            "Your lower right molar is fine. The total wind frequency for each direction.",
            ("frequency", "sum"),
            "direction",
        ),
    ],
)
def test_the_chair_sets_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert request_of(plan) == (
        [measure],
        dimension,
        [],
        None,
    )


def test_the_next_cleaning_is_no_period(planner: RulePlanner) -> None:
    plan = planner.plan("Your next cleaning is in 6 months. Life expectancy by continent in 1987.")
    assert period_of(plan) == ("1987", "1987")


@pytest.mark.parametrize(
    "question",
    [
        "Open wide! How many cavities did each patient have, by day?",
        "Bite down. Great Britain's medals by type.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text", ["The median tip by day, open to ideas", "Spit out the total votes by candidate"]
)
def test_text_without_the_chair_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert undentist(text, semantic_model) == text
