"""An archaeologist at the dig (worker.planner.archaeology): trench, layer and bag numbers, depths, dates BC
and AD, finds and the site's news set nothing; a lead-in hands over to the request; "that year" is the
patter's year; what the request asks of the dig stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.archaeology import undig
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Day 12 of the dig: the trowel hit a mosaic. The median tip per day.",
            "The median tip per day.",
        ),
        (
            "The spoil heap is 3 metres high. While we sieve the soil, the average tip by sex.",
            "The average tip by sex.",
        ),
        (
            "Trench 5: a skeleton facing west, buried with 4 pots. The wind frequency of each direction"
            " in the 6+ band.",
            "The wind frequency of each direction in the 6+ band.",
        ),
        (
            "Finds tray 8 holds 2 bronze coins from 300 AD. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "Trench 4 is finished: show the average tip for each party size.",
            "Show the average tip for each party size.",
        ),
        (
            "Trench 7 is closed for the day. Back in the lab, the total votes per candidate.",
            "The total votes per candidate.",
        ),
        (
            "Soil samples from layer 3 show iris pollen from 800 BC. The average petal width of each"
            " species.",
            "The average petal width of each species.",
        ),
    ],
)
def test_the_dig_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # Years, depths and counts of the dig are no period or limit; the request's own are kept.
        (
            "We found 14 amphorae in Trench 2, layer 4, dug in 1962! The average life expectancy per"
            " continent in 1997.",
            "The average life expectancy per continent in 1997.",
        ),
        (
            "Layer 9 is Bronze Age, about 2000 BC, and 7 metres deep. The 5 most populous countries in"
            " Asia in 2007.",
            "The 5 most populous countries in Asia in 2007.",
        ),
        # "That year" asks for the year the patter named.
        (
            "The hearth in Trench 9 was carbon-dated to 1977. Life expectancy in Europe in that year.",
            "Life expectancy in Europe in 1977.",
        ),
    ],
)
def test_a_request_keeps_its_own_values(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Trench 6, layer 2! The number of bones found in each layer.",
        "Finds bag 17! A pie of the tips by day and, apart, a line of Apple's price.",
        "Carbon-dated to 900 BC! The population of Greece in that year.",
        "The site in Peru: the average tip or the median tip per day, whichever the dig director prefers.",
        "We've dug 3 metres down. Which continent had the best ancient ruins?",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Dig into the tips: the average by day",
        "The top layer of the chart should be the 2007 survey",
        "Life expectancy in the 20th century by continent",
        "How many visitors did the site get in 2007?",
        "The trenchant critics' favourite: median tip by day",
        "The gold medals of each nation, most first",
    ],
)
def test_text_without_the_archaeologist_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert undig(text, semantic_model) == text
