"""A pharmacist at the counter (worker.planner.pharmacist): the doses, hours and meals, a prescription's day
and hour, a repeat's days, the storage degrees, this month's jabs, a month's rise in charges and the
customers named set nothing; a lead-in and a hand-over are the request's start; a "that year" is the
patter's; what the request asks that the data lacks stays refused; near-miss words leave text unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.pharmacist import unpharmacy
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "One capsule twice a day with meals, and no more than 4 in a day. Now, the median tip on each"
            " day.",
            "The median tip on each day.",
        ),
        (
            "Keep out of the reach of children and store below 30 degrees. The 5 most populous countries in"
            " 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "Mr Dube's repeat is for 56 days, 112 tablets in all. The average tip on each day.",
            "The average tip on each day.",
        ),
        (
            "While I count out your tablets, the bill per person on each day.",
            "The bill per person on each day.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unpharmacy(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Three tablets every 6 hours, and no more than 12 a day. The average tip by sex.",
            "The average tip by sex.",
        ),
        (
            "Your repeat prescription is ready after 5 o'clock on Friday, Mrs Okafor. The total bill of each"
            " party size at lunch.",
            "The total bill of each party size at lunch.",
        ),
        (
            "Flu jabs are by appointment only this month, sorry. GDP per capita of each continent in 1977.",
            "GDP per capita of each continent in 1977.",
        ),
        (
            "Mrs Roy picks up her blood pressure tablets every week. Coderre's votes in each district.",
            "Coderre's votes in each district.",
        ),
        (
            "Prescription charges rose by 10 pence last April. Apple against Amazon, the weekly share price,"
            " a line for each.",
            "Apple against Amazon, the weekly share price, a line for each.",
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
            "My pharmacy first opened in 1962. The population of each continent in that year.",
            "The population of each continent in 1962.",
        ),
        (
            "Prescription charges went up by 15 cents in 2019. Amazon's weekly share price in 2019.",
            "Amazon's weekly share price in 2019.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "The flu jabs came in this morning. Chart the prescriptions each pharmacist filled this month.",
        "Shake the bottle well. The mean or median tip by sex, whichever my assistant prefers.",
        "Two puffs, twice a day. Two charts: the tip by day, and separately the bill by sex.",
        "The new vaccine came out in 2015. Life expectancy in Kenya in 2015.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The key countries by population in 2007",
        "A dose of realism: the label of each bar, medals by nation",
        "Every 4 hours: wind frequency by direction",
        "Dispense with the legend: the counter of rows by day",
        "Keep the top 6 countries by population in 2007",
    ],
)
def test_text_without_the_pharmacist_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unpharmacy(text, semantic_model) == text
