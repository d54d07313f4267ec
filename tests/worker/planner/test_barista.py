"""A barista (worker.planner.barista): the orders called, the customers' names and tables, the machine's
settings, the card's stamps, the opening hours, the rush and the beans' origins set nothing; an order called
inside the request's sentence and a hand-over come off; what the request asks of the counter stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.barista import unbarista
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Double shot cortado for Maria! Right, the median tip for men and for women, split by meal.",
            "The median tip for men and for women, split by meal.",
        ),
        (
            "Small mocha, oat milk, for table 4! How many tables of 2 people were served on each day?",
            "How many tables of 2 people were served on each day?",
        ),
        (
            "The Monday rush is done - three sugars for Leo! The average tip percentage for each party size.",
            "The average tip percentage for each party size.",
        ),
        (
            "Grinder on setting 3, milk steamed to 70 degrees. A histogram of the total bill at dinner.",
            "A histogram of the total bill at dinner.",
        ),
        (
            "A loyalty card with 8 stamps for Priya! How many tables left a tip above $3, by sex?",
            "How many tables left a tip above $3, by sex?",
        ),
        (
            "Three americanos for the German rowing crew! Each nation's gold medals, most first.",
            "Each nation's gold medals, most first.",
        ),
        (
            "Silver spoons for the wedding party, gold-rimmed cups for table 9. The medals of each nation.",
            "The medals of each nation.",
        ),
        (
            "One decaf latte for Jo, and can I get the average sepal length of each species?",
            "The average sepal length of each species?",
        ),
        (
            "The north wind keeps rattling the cafe windows, 5 shots pulled! While the milk steams: the wind"
            " frequency of each direction in the 1-2 band.",
            "The wind frequency of each direction in the 1-2 band.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # The beans' origins are context: only a country the request names again is a filter.
        (
            "Our beans are from Peru and Vietnam. The 3 most populous countries of the Americas in 1997.",
            "The 3 most populous countries of the Americas in 1997.",
        ),
        (
            "The Guatemalan roast sold out by 9, two sugars for Ines! Life expectancy by continent in 1982.",
            "Life expectancy by continent in 1982.",
        ),
        (
            "Espresso for Mr Tanaka! Japan's and Thailand's GDP per capita since 1967, one line each.",
            "Japan's and Thailand's GDP per capita since 1967, one line each.",
        ),
    ],
)
def test_places_count_only_when_named_again(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Two flat whites for table 8! Chart the cappuccinos we served each morning.",
        "Large latte for Omar! Two charts: the total bill by day and, separately, the votes by candidate.",
        "Three sugars for Bea! The average or the median tip by sex, whichever the barista likes best.",
        "The beans are from Kenya today. The average tip on each day before 10 in the morning.",
        "Oat milk for Zoe! Kenya's Olympic medals by type.",
        "A loyalty card with 6 stamps! Which is the cosiest day of the week? Just the top one.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "I've had two cups of coffee already! The average tip by day.",
        "Another round for table 6! The median tip by sex.",
        "Without rushing: a histogram of the tip per person.",
        "We close at 8, so the total bill for tables of 3 or more people.",
        "The former and the latter: average tip by day and by sex.",
        "The coffee machine broke today, but here is what I need: votes by district.",
    ],
)
def test_text_without_the_barista_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unbarista(text, semantic_model) == text
