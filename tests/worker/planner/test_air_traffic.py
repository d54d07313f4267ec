"""An air traffic controller's calls (worker.planner.air_traffic): call signs, runways, flight levels,
squawk codes, the radio's wind and expected delays set nothing; "Request" and "Then:" hand over; what the
airfield asks of the data stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import request_of
from worker.planner.air_traffic import unradio_tower
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension"),
    [
        (
            "Tower to Chart 12: cleared for takeoff, runway 09. Request the median tip on each day.",
            ("tip", "median"),
            "day",
        ),
        ("Chart 12, squawk 1200. Then: the total votes of each candidate.", ("votes", "sum"), "candidate"),
        (
            "Tower to Chart 12, wind 180 at 9 knots. The average sepal width of each species.",
            ("sepal_width", "avg"),
            "species",
        ),
        (
            "Expect delays of 45 minutes, Chart 12. The total medals of each nation.",
            ("medals", "sum"),
            "nation",
        ),
    ],
)
def test_the_calls_set_nothing(
    planner: RulePlanner, question: str, measure: tuple[str, str], dimension: str
) -> None:
    plan = planner.plan(question)
    assert request_of(plan) == (
        [measure],
        dimension,
        [],
        None,
    )


@pytest.mark.parametrize(
    "question",
    [
        "Expect delays of 20 minutes. Chart the average departure delay for each runway.",
        "Hold short. The median or the average tip by day - whichever clears first.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize("text", ["The median tip by day, roger that", "Chart 5 countries by population"])
def test_text_without_the_radio_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unradio_tower(text, semantic_model) == text
