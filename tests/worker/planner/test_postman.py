"""A postman on the round (worker.planner.postman): the parcels, sacks and house numbers counted, a stamp's
price, the round's days and hours, the countries of parcels and stamps, the wind that rattles the letterbox
flaps, postal votes and the year of an old round set nothing; a lead-in and a hand-over are the request's
start; what the request asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.postman import unpost
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Two mailbags and a box of catalogues on the bike today. Life expectancy in Brazil since 1970.",
            "Life expectancy in Brazil since 1970.",
        ),
        (
            "Special delivery for number 40, and the dog barked all the way up the path. Microsoft's monthly"
            " share price in 2017.",
            "Microsoft's monthly share price in 2017.",
        ),
        (
            "The price of a second-class stamp went up again in 2019. The average tip percentage by day.",
            "The average tip percentage by day.",
        ),
        (
            "Postal votes came back in sacks on Thursday. Meanwhile, Bergeron's votes in each district.",
            "Bergeron's votes in each district.",
        ),
        (
            "While I sort the mail, the total votes for each candidate.",
            "The total votes for each candidate.",
        ),
        (
            "Between deliveries: the petal width of each species, as bars.",
            "The petal width of each species, as bars.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unpost(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Thirty parcels on the van and a sack of letters for Saturday. The tip per person by sex at"
            " dinner.",
            "The tip per person by sex at dinner.",
        ),
        (
            "When the wind blows from the west, the letterbox flaps bang all down the lane. For the 0-1"
            " band, the wind frequency of each direction.",
            "For the 0-1 band, the wind frequency of each direction.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A request that names the patter's value again still gets it; a "that year" is the patter's year.
        (
            "A parcel from Japan for the doctor at number 12. Japan's life expectancy since 1962.",
            "Japan's life expectancy since 1962.",
        ),
        (
            "My mother walked this same round in 1977, rain or shine. The life expectancy of each"
            " continent in that year.",
            "The life expectancy of each continent in 1977.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "Recorded delivery for number 9, left with a neighbour. How many parcels did each district get?",
            "parcels",
        ),
        ("Between deliveries: the average tip on Wednesdays.", "Wednesdays"),
        (
            "Stamps from Brazil on every envelope. GDP per capita by continent in 2007, in Brazilian reais.",
            "reais",
        ),
        (
            "Postal votes all counted by noon. A pie of the votes by candidate and, separately, a bar of"
            " the tips by day.",
            "separately",
        ),
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str, reason: str) -> None:
    with pytest.raises(UnchartableQuestion, match=reason):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Post-war population of each continent from 1952 to 1967",
        "The votes in the second round for each candidate",
        "Round the share price to 2 places: Apple in 2019",
        "A box plot of the tips by day, sorting by the median",
        "This e-mail is confidential: medals by nation",
        "Nine letters, ends in E: the species with the longest petals",
    ],
)
def test_text_without_the_postman_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unpost(text, semantic_model) == text
