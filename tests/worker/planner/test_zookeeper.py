"""A zookeeper on the rounds (worker.planner.zookeeper): the animals counted, fed and weighed, the hours of a
feed, the degrees of a pool, the country and year an animal came from, a gorilla's name, the smokers' corner
of the grounds and a wind the kangaroos sulk in set nothing; a lead-in while the rounds go on is the
request's start; a "that year" points back to the patter's year; what the request asks that the data lacks
stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.zookeeper import unzoo
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Feeding time for the otters at 3, all 11 of them. The total bill by sex on Sundays.",
            "The total bill by sex on Sundays.",
        ),
        (
            "The cheetahs came over from Namibia in 2015. The average tip per person on each day.",
            "The average tip per person on each day.",
        ),
        (
            "Our oldest gorilla is called Tesla. The median share price of each company in 2019.",
            "The median share price of each company in 2019.",
        ),
        (
            "The smoking shelter is behind the lemur enclosure, which the visitors hate. The largest bill on"
            " each day.",
            "The largest bill on each day.",
        ),
        (
            "While I hose down the rhino house, the votes for each candidate.",
            "The votes for each candidate.",
        ),
        ("Between feeds: Canada's medals by type.", "Canada's medals by type."),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unzoo(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The zebras get 9 kilos of hay each. How many tables of 4 came in on each day?",
            "How many tables of 4 came in on each day?",
        ),
        (
            "The kangaroos sulk when the wind blows from the east. Wind frequency in each strength band, as"
            " a pie.",
            "Wind frequency in each strength band, as a pie.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A request that names the patter's country again still gets it; a "that year" is the patter's year.
        (
            "Our tigers came from India in 1998. India's population from 1952 to 2007.",
            "India's population from 1952 to 2007.",
        ),
        (
            "Nandi the elephant was born in 1977. The GDP of each continent in that year.",
            "The GDP of each continent in 1977.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Feeding the sea lions at 4. How many animals does each zoo keep?",
        "The meerkats love the crowds. Two charts: the tips by day and the votes by candidate.",
        "Lunch for the penguins is at 2. The average tip between 1 and 3 in the afternoon.",
        "The zebras need feeding soon. The average or the median bill by sex, you choose which.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Convert it to a pandas dataframe: tips by day",
        "The Celtic tiger: Ireland's GDP per capita since 1972",
        "A bear market: Amazon's share price in 2018",
        "The elephant in the room: Joly's votes by district",
        "The lion's share of the medals by nation",
        "I reckon setosa's the runt of the herd: petal width by species",
    ],
)
def test_text_without_the_zookeeper_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unzoo(text, semantic_model) == text
