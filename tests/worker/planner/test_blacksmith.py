"""A blacksmith at the forge (worker.planner.blacksmith): the forge's degrees, the hammer's and anvil's
pounds, the horses, shoes and nails counted, the ore's country, the gold leaf and bronze of the work and an
order for the forge set nothing; a plain question and ordinary words are unchanged; what the request asks
that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of
from worker.planner.blacksmith import unsmith
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Eight nails a shoe and I did 40 before noon. The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "The anvil weighs 200 pounds and came from Birmingham in 1901. GDP per capita by continent in"
            " 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "Twelve horses on my books this week, mostly cobs. The 5 most populous countries in 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "The bellows face east and the smoke goes south. The wind frequency of each direction in the 0-1"
            " band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "Mr Brody wants 4 iron gates by Friday. Canada's medals by type.",
            "Canada's medals by type.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unsmith(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Gold leaf on the scrolls and silver solder on the hinges. How many medals did each nation win?",
            "How many medals did each nation win?",
        ),
        (
            "My apprentice swings a 6 pound hammer at 17. The largest bill on each day.",
            "The largest bill on each day.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "question",
    [
        "Shod three hunters this morning. How many horses were shod in each district?",
        "Pump the bellows, lad. The tip by day as bars and, as a second chart, the votes by candidate.",
        "The forge is lit at 6. The average tip for tables seated between 6 and 8 in the morning.",
        "The anvil came from Germany. Germany's medals by type.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The median tip on each day.",
        "A key to the chart, then the iron ore exports of Sweden in 2007",
        "Nail down the top 5 countries by population in 2007",
        "Forge ahead: the tip by day, with a clean scale",
        "A rolling window of Apple's share price in 2019",
        "Lock the scale and note the votes in each district",
        "The steel price in C: tips by sex",
        "Horse power aside, the wind frequency by direction",
    ],
)
def test_text_without_the_smith_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unsmith(text, semantic_model) == text
