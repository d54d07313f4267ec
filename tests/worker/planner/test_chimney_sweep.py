"""A chimney sweep on the roofs (worker.planner.chimney_sweep): soot, flues, rods, stacks and a roof's feet
counted, a smoke test, gold cowls, the round's days and the years swept set nothing; a customer wanting the
flue swept asks nothing; a lead-in and a hand-over are the request's start; what the request asks that the
data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.chimney_sweep import unsweep
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Eleven rods up before the brush came out. Joly's votes in each district.",
            "Joly's votes in each district.",
        ),
        (
            "The chimney on the bakery is 40 feet tall, swept it in 2011. GDP per capita by continent"
            " in 2002.",
            "GDP per capita by continent in 2002.",
        ),
        (
            "The landlord who smokes wants his flue swept on Thursday. The 5 most populous countries"
            " in 2007.",
            "The 5 most populous countries in 2007.",
        ),
        (
            "A pigeon's nest in the pot on the west gable, 2 buckets of twigs. Meanwhile, Amazon's weekly"
            " share price in 2019.",
            "Amazon's weekly share price in 2019.",
        ),
        (
            "While I'm up the chimney, the median tip for each party size.",
            "The median tip for each party size.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unsweep(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Three stacks swept on Saturday, gold cowls on all of them. How many silver medals did each"
            " nation win?",
            "How many silver medals did each nation win?",
        ),
        (
            "Forty feet up on the roof, facing north. For winds from the east, the frequency in each"
            " strength band.",
            "For winds from the east, the frequency in each strength band.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A request that names the patter's day again still gets it; a "that year" is the patter's year.
        (
            "Swept two flues on Friday. The average bill of the Friday tables at lunch, by sex.",
            "The average bill of the Friday tables at lunch, by sex.",
        ),
        (
            "My first chimney was in 1972, a terrace in Leeds. The population of each continent in"
            " that year.",
            "The population of each continent in 1972.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Soot everywhere today. How many fireplaces did each continent have in 2007?",
        "Ten rods up the flue. The tip by day or the bill by day, whichever my apprentice fancies.",
        "Chimney pots cost 30 dollars now. The average bill on each day, in euros.",
        # The pronoun points back to the patter: the question is left whole.
        "I swept Joly's chimney once. Her votes in each district.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Did Coderre make a clean sweep of the districts?",
        "Coderre swept the eastern districts: votes by district",
        "Two stacks of bars: medals by nation and type",
        "Smoke or no smoke: the tip percentage by smoker",
        "The roof of the chart: population by continent",
        "A nest of categories, buckets of 5 dollars: tips by day",
    ],
)
def test_text_without_the_sweep_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unsweep(text, semantic_model) == text
