"""A taxi driver (worker.planner.taxi_ride): "Where to, mate?", the fare, the meter, the cab's number, the
years at the wheel, the passengers, the stops and the traffic set nothing; a lead-in while the car waits is
the request's start; what the request asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.taxi_ride import untaxi
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Where to, love? The meter's ticking at 9 dollars 20. While we're stuck here: the median tip for"
            " each party size.",
            "The median tip for each party size.",
        ),
        (
            "Hop in, buckle up, mate. The total bill by day, as a pie.",
            "The total bill by day, as a pie.",
        ),
        (
            "Rush hour on the bridge again - 35 minutes for 4 kilometres. A histogram of the total bill at"
            " dinner.",
            "A histogram of the total bill at dinner.",
        ),
        (
            "I had two lads from Manchester in the back on Thursday night. The average tip of smokers, split"
            " by sex.",
            "The average tip of smokers, split by sex.",
        ),
        (
            "The fare's 14 dollars, mate, and the tip's up to you. A scatter of petal width against sepal"
            " width, coloured by species.",
            "A scatter of petal width against sepal width, coloured by species.",
        ),
        (
            "Traffic's backed up on Queen Street for 3 blocks. The wind frequency for each direction in the"
            " 0-1 band.",
            "The wind frequency for each direction in the 0-1 band.",
        ),
        (
            "My cab number is 5108 and I'm on till 3 before my shift ends. The total votes of each candidate,"
            " most first.",
            "The total votes of each candidate, most first.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # The years at the wheel are no period; the survey year asked for is.
        (
            "I've been driving this cab since 1997. The average GDP per capita of each continent in 1982.",
            "The average GDP per capita of each continent in 1982.",
        ),
        # The passenger's country and destination set nothing; the request names its own.
        (
            "The dispatcher sent me to the Japanese embassy at 9 with a fare from Kenya. Japan's life"
            " expectancy since 1962, as a line.",
            "Japan's life expectancy since 1962, as a line.",
        ),
        (
            "I once drove a Chinese swimmer with three golds to the airport. China's medals by type.",
            "China's medals by type.",
        ),
        (
            "A fare from the Amazon offices tipped me 5 bucks on Monday. Apple's weekly share price in 2018.",
            "Apple's weekly share price in 2018.",
        ),
    ],
)
def test_only_the_request_names_values_and_periods(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Meter's ticking, mate. The petrol I burned on each shift, please.",
        "The meter's at 18 dollars, mate. The tips between 6 and 8 in the evening.",
        "Where to, pal? Two charts: the total bill by day, and separately a pie of the votes by candidate.",
        "Traffic on the bridge is murder. The average or the median tip by sex - whichever the dispatcher"
        " picks.",
        "I've been driving this cab 22 years. The population of each continent in 2015.",
        "Hop in, mate. Which is the best city to drive a cab in? Just the one.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "The average tip on each day",
        "Sold to the gentleman in the back! The tips by day.",
        "Coming up next: traffic and weather. The wind frequency by direction.",
        "The airfare of each country in 2007",
        "The wind frequency for each direction, where the wind shifts to the west",
        "Turn the chart into a pie of the votes by candidate",
        "Which continent drove life expectancy up most since 1952?",
    ],
)
def test_text_without_the_driver_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert untaxi(text, semantic_model) == text
