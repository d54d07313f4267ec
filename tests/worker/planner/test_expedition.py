"""A mountaineer on an expedition (worker.planner.expedition): altitudes, camps, days on the mountain, rope
teams, the Sherpas' wind and the gear's gold and silver set nothing; the radio hand-over gives the request;
what the request asks that the data lacks stays refused; text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.expedition import unexpedition
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Camp 1 at 5,900 m, the Sherpas brewing tea. Radio base for the median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "Summit push at 3 a.m., four of us roped up. Radio the analyst for the 6 most populous countries"
            " of Europe in 2002.",
            "The 6 most populous countries of Europe in 2002.",
        ),
        (
            "Day 12 on the mountain, oxygen at 7,200 m. Ask the analyst: how many tables of each party size"
            " were served on Sundays?",
            "How many tables of each party size were served on Sundays?",
        ),
        (
            "Crampons on, a silver ice axe in hand and a gold flag in the pack. Radioed down: the bronze"
            " medals of each nation.",
            "The bronze medals of each nation.",
        ),
        (
            "The Sherpas say the wind is from the east. Radio up the frequency of winds from the west, by"
            " strength band.",
            "The frequency of winds from the west, by strength band.",
        ),
        (
            "Back at base camp after the storm. The analyst at base can send the average sepal width of each"
            " species, as bars.",
            "The average sepal width of each species, as bars.",
        ),
        (
            "Camp 2, 6,300 m. Before we climb on, base wants the median total bill for each day, lunch only.",
            "The median total bill for each day, lunch only.",
        ),
    ],
)
def test_the_expedition_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "read"),
    [
        (
            "Roped up on the glacier. Radio base for Canada's gold medals, as a pie.",
            "Show Canada's gold medals, as a pie.",
        ),
        (
            "Oxygen is thin up here. Ask the analyst which continent had the highest GDP per capita in 1987.",
            "Which continent had the highest GDP per capita in 1987.",
        ),
        ("Base camp, 5,200 m. Base, send the total tip by sex.", "Show the total tip by sex."),
        (
            "Camp 3, the radio crackling - radioed to the team's analyst: Bergeron's votes in each district.",
            "Show Bergeron's votes in each district.",
        ),
    ],
)
def test_the_radio_hand_over_gives_the_request(
    semantic_model: SemanticModel, question: str, read: str
) -> None:
    assert unexpedition(question, semantic_model) == read


@pytest.mark.parametrize(
    "question",
    [
        "Camp 4 tonight. Radio base for the altitude of each country in 2007.",
        "Crampons on! Ask the analyst for the oxygen each climber used on each day.",
        "Day 9 on the mountain. Radioed to base, two charts please: the total tip by day and, as a separate"
        " chart, the votes of each candidate.",
        "Summit push at 4 a.m. Radio the analyst for Nepal's life expectancy in 2015.",
        "Roped up, two of us. Base, send the median or the average tip by day - whichever the doctor picks.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Which base year should I use for the GDP of each continent?",
        "Show the summit of Apple's share price in 2019.",
        "The average tip of the smokers' camp by day",
        "Radio stations aside, show the total votes of each candidate.",
        "The gold medals of each nation, as a pie",
        "The oxygen levels of each country in 2007",
        "Ask the data team for the average tip by day.",
        "Day 3 of the survey: life expectancy in Asia since 1990.",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unexpedition(text, semantic_model) == text
