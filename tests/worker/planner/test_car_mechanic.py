"""A car mechanic (worker.planner.car_mechanic): the prices of a job, the tyre pressures, the engine sizes,
the mileage, a bay's number, a car's model year and paint, an owner's home and the way a car faces set
nothing; a lead-in while the car is worked on and a hand-over are the request's start; what the request
asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.car_mechanic import ungarage
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "The clutch cable snapped on a 2.0-litre diesel from 1999. The 5 most populous countries in"
            " 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "Brake pads are 120 dollars a set, tyres 90 each. The lowest share price each company reached in"
            " 2018.",
            "The lowest share price each company reached in 2018.",
        ),
        (
            "The Fiesta is up on the ramp, and the owner's from Villeray. Coderre's votes in each district.",
            "Coderre's votes in each district.",
        ),
        (
            "A hatchback with a silver bumper and a gold trim. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "Front tyres at 30 psi, and the van's nose points west. The wind frequency of each direction in"
            " the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "The Mazda has done 150,000 miles, bought new in Japan. GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "Spark plugs changed, and a bunch of irises on the back seat. The average petal length of each"
            " species.",
            "The average petal length of each species.",
        ),
        (
            "Oil change done by 3 o'clock, 12 cars a week since Tuesday. The average tip for tables of 2 at"
            " lunch.",
            "The average tip for tables of 2 at lunch.",
        ),
        (
            "Check engine light came on last Sunday. The total bill by day, as a pie.",
            "The total bill by day, as a pie.",
        ),
        ("While it's up on the ramp: the average tip by party size.", "The average tip by party size."),
        (
            "Head gasket's gone on the V8 - right then, the median bill on each day.",
            "The median bill on each day.",
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
            "The Mazda has done 150,000 miles, bought new in Japan. Japan's population since 1972, as a"
            " line.",
            "Japan's population since 1972, as a line.",
        ),
        (
            "Timing belt's due on Sunday, booked in for 8 sharp. The average tip on Sundays by party size.",
            "The average tip on Sundays by party size.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Brake pads are 120 dollars a set. Chart the tyres I changed each day this week.",
        "A 2.0-litre diesel in bay 4. The average or the median tip by day - whichever the owner prefers.",
        "Tyres at 30 psi. Which car maker is the most reliable? Just the top one.",
        "Spark plugs changed. Two charts: the votes by candidate, and separately the tip by day.",
        "The Mazda has done 150,000 miles. The population of each continent in 2015.",
        "Oil change done by 3 o'clock. The average tip for tables served between 1 and 3 in the afternoon.",
        "Check engine light on again. The average bill in euros on each day.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip on each day, lunch only",
        "Ford's weekly share price in 2019, as a line",
        "The oil price shock years: world GDP from 1972 to 1982",
        "Which continent is the engine of growth? GDP by continent in 2007",
        "A pipe chart of the tips by day",
        "Cut the votes by district, as bars",
        "Colour the scatter of tip against total bill by sex",
        "Light tips at dinner: the smallest tip on each day",
        "The check on each day, as a pie",
        "How many miles per hour does the wind blow from the north?",
        "The wind never tires: the frequency of each direction",
    ],
)
def test_text_without_the_mechanic_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert ungarage(text, semantic_model) == text
