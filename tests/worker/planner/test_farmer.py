"""A farmer (worker.planner.farmer): the milking hour, the stock sold and its price, the acres, the
tractor's year, the fair's rosettes, the buyers' homes and the fields set nothing; a sentence opening with
a request's verb is the request; what the request asks of the farm stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.farmer import unfarm
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The goats were milked at 6 and we sold 8 piglets on Friday. The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "Daisy gave 25 litres, the best cow in the county. The 5 most populous countries in 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "We sold 20 ewes at market for 90 euros each. The lowest share price each company reached in"
            " 2018.",
            "The lowest share price each company reached in 2018.",
        ),
        (
            "My tractor is a 1965 Massey, older than Bergeron's old van. Coderre's votes in each district.",
            "Coderre's votes in each district.",
        ),
        (
            "A blue rosette at the county fair, and a gold cup for the sheep. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "The hay was baled on Sunday and the weathervane points west. The wind frequency of each"
            " direction in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "60 acres of barley, and a buyer from Japan took 30 tonnes. GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "The south paddock flooded in 1962, and a ditch of irises by the lane. The average petal length"
            " of each species.",
            "The average petal length of each species.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The harvest came in late this year. Germany's life expectancy from 1957 to 2002, as a line.",
            "Germany's life expectancy from 1957 to 2002, as a line.",
        ),
        (
            "The rooster crows at 4 from the east barn. Count the tables of 3 people at dinner on each day.",
            "Count the tables of 3 people at dinner on each day.",
        ),
        # A request that names the patter's value again still gets it.
        (
            "We sold 12 lambs to a buyer from Japan. Japan's population since 1972, as a line.",
            "Japan's population since 1972, as a line.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "The goats were milked at 6. Chart the eggs each hen laid this month.",
        "Daisy gave 25 litres. The average or the median tip by day - whichever the farmhands prefer.",
        "My tractor is a 1965 Massey. Which continent grows the most wheat? Just the top one.",
        "The hay was baled on Sunday. Two charts: the votes by candidate, and separately the tip by day.",
        "The north field flooded again. The rainfall in each continent in 2007.",
        "60 acres of barley. The average tip for tables served between 7 and 9 in the morning.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip on each day, lunch only",
        "Which company sold the most shares at market in 2019?",
        "The wind frequency from the north field of directions",
        "The harvest of votes for each candidate",
        "Gold medals by nation, as a pie",
        "Round up the herd: the tables of each party size",
        "Count the flowers of each species",
    ],
)
def test_text_without_the_farmer_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unfarm(text, semantic_model) == text
