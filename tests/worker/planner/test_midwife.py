"""A midwife on the ward (worker.planner.midwife): the minutes between contractions, the centimetres, kilos
and weeks, a baby's hour and day, the family's countries and work, the babies counted and a gold chain set
nothing; a lead-in and a hand-over are the request's start; what the request asks that the data lacks stays
refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.midwife import unmidwife
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Contractions are 3 minutes apart and getting stronger. The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "A baby boy at 05:40, 3.9 kilos, Apgar 8. The 5 most populous countries in 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "The baby's grandad, who drove vans at Netflix, is outside. Amazon's weekly share price in 2019.",
            "Amazon's weekly share price in 2019.",
        ),
        (
            "Between contractions, the total tip by sex on Saturdays.",
            "The total tip by sex on Saturdays.",
        ),
        (
            "She is 9 centimetres and the twins are on their way. Now, GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unmidwife(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Her second baby came on a Friday, 40 weeks on the dot. How many tables of 3 or more people ate"
            " at lunch on each day?",
            "How many tables of 3 or more people ate at lunch on each day?",
        ),
        (
            "Mum flew in from Canada and the baby has her chin. Which 4 continents had the highest life"
            " expectancy in 2007?",
            "Which 4 continents had the highest life expectancy in 2007?",
        ),
        (
            "A girl born at 2 a.m., so they named her after the winner. Votes for each candidate as a pie.",
            "Votes for each candidate as a pie.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "question",
    [
        "Another baby on the ward tonight. Infant deaths per 1000 births in each country in 2007.",
        "Waters broke at midnight. Population or GDP by continent in 1992, pick whichever you like.",
        "Epidural in, she is resting. The average tip for tables seated between 2 and 5 in the morning.",
        "My 300th delivery this spring. Life expectancy in Asia over the years, and separately a bar chart"
        " of tips by day.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "A baby boom in Asia: population by country in 1962",
        "Push the bars apart: medals by nation",
        "The delivery of the votes by district",
        "Life expectancy in 2 weeks of data: GDP by continent",
        "The labour force of Kenya and its life expectancy since 1980",
        "A petal 5 centimetres long: petal length by species",
        "The night shift at the diner: tips by day",
    ],
)
def test_text_without_the_midwife_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unmidwife(text, semantic_model) == text
