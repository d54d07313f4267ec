"""A baker (worker.planner.baker): the loaves, the dozens, the oven's degrees, the proofing's minutes, the
rolls' price, the starter's age, the show's year and medal, a recipe's country and a baker's percentage set
nothing; a lead-in while the bread bakes and a hand-over are the request's start; what the request asks that
the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.baker import unbake
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The first batch of baguettes came out at 5, 48 of them. The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "Half a dozen rolls went to the school for 3 dollars. The 5 most populous countries in 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "The sourdough starter is 12 years old, older than the shop. The lowest share price each company"
            " reached in 2018.",
            "The lowest share price each company reached in 2018.",
        ),
        (
            "A bronze at the village show in 1999 for my brioche. Coderre's votes in each district.",
            "Coderre's votes in each district.",
        ),
        (
            "The focaccia is an Italian recipe, 75 per cent water to the flour. GDP per capita by continent"
            " in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "Ovens are at 250 degrees and the door faces west. The wind frequency of each direction in the"
            " 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "The cost of flour is up 15 per cent since 2020. Right then, the average petal length of each"
            " species.",
            "The average petal length of each species.",
        ),
        (
            "Gold-brown crust on the cobs - that's how you tell. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "While the dough proves for 40 minutes, the bill per person for each party size at lunch.",
            "The bill per person for each party size at lunch.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A request that names the patter's value again still gets it.
        (
            "The rye bread is a recipe from Germany. Germany's life expectancy from 1957 to 2002, as a line.",
            "Germany's life expectancy from 1957 to 2002, as a line.",
        ),
        (
            "Croissants, 2 dozen, ready by 6 on Sunday. Count the tables of 3 people at dinner on Sunday.",
            "Count the tables of 3 people at dinner on Sunday.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "The bagels went in at 6. Chart the loaves of each kind I baked this month.",
        "Kneading since 4 a.m. The average or the median tip by day - whichever my apprentice prefers.",
        "The oven is 40 years old. Which continent bakes the best bread? Just the top one.",
        "Scones, 4 trays. Two charts: the votes by candidate, and separately the tip by day.",
        "A loaf of rye from Norway. Norway's medals by type.",
        "Proofing for an hour. The average tip for tables served between 6 and 8 in the morning.",
        "The sourdough went in at 3. The oven temperature in degrees for each direction of the wind.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The tips from a pipe-delimited file, by day",
        "Cut the population of each continent in 1952 by half",
        "The colour of each species, petal length against sepal width",
        "The oil price against the engine of growth: GDP per continent",
        "Light at dinner: the average tip of each party size",
        "Ford's share price against Apple's in 2019",
        "The lunch tips on each day, as a pie",
        "A roll of the dice: the medals of each nation",
        "The bread-and-butter measures of the tips data, by day",
        "A dozen countries with the highest GDP in 2007",
        "The starter's votes: Coderre in each district",
        "Show the crust of the wind frequency by direction",
    ],
)
def test_text_without_the_baker_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unbake(text, semantic_model) == text


def test_a_clause_that_opens_with_a_request_verb_is_the_requests(planner: RulePlanner) -> None:
    """The readers share one list of a request's verbs (voice_asides.REQUEST_VERBS): "plot" now stops the
    baker setting the clause aside, so what it asks of the data is refused, not dropped."""
    with pytest.raises(UnchartableQuestion, match="loaves"):
        planner.plan("Oven is at 220 - plot the loaves I sold each day, by meal.")
