"""A fisherman's tales (worker.planner.fishing_trip): a fish's weight in pounds, the one that got away, the
tide's hour, bites counted in an hour, the bait, the bank, the pier at sunset, a fish's colours, the angler's
wind and the river fished set nothing; what the request asks of the trip stays refused; text without the
voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.fishing_trip import unfishing
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Caught a 9-pound carp before breakfast! The median tip for each party size.",
            "The median tip for each party size.",
        ),
        (
            "The one that got away was heavier - 15 pounds, easily. How many tables left a tip above $5, "
            "by day?",
            "How many tables left a tip above $5, by day?",
        ),
        (
            "Low tide at 4:30, so the boat stays in. The average bill per person at lunch, split by sex.",
            "The average bill per person at lunch, split by sex.",
        ),
        (
            "Five bites in an hour off the rocks. Quick one: the total votes of each candidate.",
            "The total votes of each candidate.",
        ),
        (
            "Back at the pier by sunset with an empty bucket. The average tip on each day, smokers only.",
            "The average tip on each day, smokers only.",
        ),
        (
            "Cast off from the south bank. Show me the 5 most populous countries of Asia in 1987.",
            "Show me the 5 most populous countries of Asia in 1987.",
        ),
        (
            "Caught two trout today - one gold, one bronze along the belly, I reckon. "
            "China's medals by type.",
            "China's medals by type.",
        ),
        (
            "High tide at 8:40, wind picking up. The wind frequency of each strength band for winds from "
            "the west.",
            "The wind frequency of each strength band for winds from the west.",
        ),
        (
            "Using maggots as bait, down by the iris beds. The average petal length of each species.",
            "The average petal length of each species.",
        ),
        (
            "Four bites in an hour on the Riviere des Prairies. Coderre's votes in each district he won.",
            "Coderre's votes in each district he won.",
        ),
    ],
)
def test_the_tales_set_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert request_of(planner.plan(question)) == request_of(planner.plan(plain))


def test_a_chart_asked_after_the_tale_is_kept(planner: RulePlanner) -> None:
    question = "Caught an 11-pound pike at dawn! Now then: a histogram of the tip at dinner."
    plain = "A histogram of the tip at dinner."
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "question",
    [
        "Caught a 7-pound bass today! How many fish did each angler on the lake catch this year?",
        "High tide at 5:10. Chart the water temperature for each continent.",
        "Using worms as bait. How often did the wind blow from the north during high tide yesterday?",
        "Cast off from the east bank. Sweden's life expectancy in 2015.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "How many tables had a total bill of more than 30 pounds?",
        "The average tip at dinner, after sunset",
        "Apple's share price, an hour by hour view",
        "Wind frequency for winds from the north, by strength",
        "The gold medals of each nation",
        "Is there a bank among the companies? Their weekly prices in 2019",
        "How many irises of each species have a sepal width above 3?",
        "Put the tips into buckets of $1, as a histogram",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unfishing(text, semantic_model) == text
