"""A vampire (worker.planner.vampire): the centuries lived, the brides, coffins and bats, the sun's hour and
the castle's gold set nothing; what the vampire tells of itself comes off though it names a measure; a
request pointing back to the patter's year asks that year; what the request asks of the night stays
refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.vampire import unvampire
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "For 600 years I have hunted beneath the blood moon. Show the median tip for each party size.",
            "Show the median tip for each party size.",
        ),
        (
            "Through four centuries... and nine wars... I have kept my fangs. The median total bill for each"
            " party size, lunch only.",
            "The median total bill for each party size, lunch only.",
        ),
        (
            "Since 1703 I have hunted only after dark: the total bill on each day, as a pie.",
            "The total bill on each day, as a pie.",
        ),
        (
            "Fangs sharpened, cape pressed! The 3 companies with the highest average price in 2018.",
            "The 3 companies with the highest average price in 2018.",
        ),
        (
            "My castle's crypt holds 40 coffins. The 5 most populous countries of Africa in 1982.",
            "The 5 most populous countries of Africa in 1982.",
        ),
        (
            "Holy water and wooden stakes - the horror! Sepal width against sepal length, as a scatter.",
            "Sepal width against sepal length, as a scatter.",
        ),
        (
            "The bats circle the east tower every night. The wind frequency for each direction in the 2-3"
            " band.",
            "The wind frequency for each direction in the 2-3 band.",
        ),
        (
            "I sleep through the day in my crypt, so show me Joly's votes in each district.",
            "Show me Joly's votes in each district.",
        ),
    ],
)
def test_the_patter_sets_nothing(
    planner: RulePlanner, semantic_model: SemanticModel, question: str, plain: str
) -> None:
    assert unvampire(question, semantic_model) == plain
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # The vampire's own ballots and votes are no measure asked for.
        (
            "I tally the ballots by candlelight. The total votes per candidate.",
            "The total votes per candidate.",
        ),
        (
            "The vote was held by day, so I never voted. Coderre's 3 best districts by votes.",
            "Coderre's 3 best districts by votes.",
        ),
        # A year lived is no period; one the request names again is.
        (
            "I have outlived 12 kings since 1701. Germany's life expectancy since 1977, as a line.",
            "Germany's life expectancy since 1977, as a line.",
        ),
    ],
)
def test_what_the_vampire_tells_of_itself_sets_nothing(
    planner: RulePlanner, semantic_model: SemanticModel, question: str, plain: str
) -> None:
    assert unvampire(question, semantic_model) == plain
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


def test_a_request_pointing_back_asks_the_patters_year(semantic_model: SemanticModel) -> None:
    question = "Bitten in 1897, I rose from my coffin. Germany's life expectancy in that year."
    assert unvampire(question, semantic_model) == "Germany's life expectancy in 1897."


@pytest.mark.parametrize(
    "question",
    [
        "Bitten in 1897, I rose from my coffin. Germany's life expectancy in that year.",
        "Garlic everywhere! Plot the garlic cloves on each table by day.",
        "Before sunrise I need two charts: the tip by day and, apart, the votes by candidate.",
        "My brides ask: which blood type tastes sweetest? Just the top one.",
        "Mortals! Chart the number of necks I bit each century.",
        "The blood moon rises over my castle. The wind frequency by direction under the blood moon.",
        "I left Transylvania in 1652. The population of Transylvania since 1952.",
        "Count Dracula dines after dark. The average tip after midnight, please.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip at night by day",
        "Which nation won the most gold medals?",
        "White castles kingside; the median tip by day",
        "The median or the average tip by day - whichever the night prefers",
        "How many countries had a life expectancy above 70 in that year, 1997?",
        "Stock prices over the centuries, as a line",
        "The living room tips by day, at dawn",
    ],
)
def test_text_without_the_vampire_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unvampire(text, semantic_model) == text
