"""A crane operator in the cab (worker.planner.crane_operator): the tonnes on the hook, the metres and the
radius, the lifts and floors counted, the shift's hours and overtime, the site's north side and the wind at
the top, the steel's country, a painted jib and a hard hat's stripe set nothing; the office wanting a number
asks nothing; a lead-in and a hand-over are the request's start; what the request asks that the data lacks
stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.crane_operator import uncrane
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Banksman, 6 tonnes on the hook, slewing right. The median tip on each day.",
            "The median tip on each day.",
        ),
        (
            "Crane 3 is parked on the south side of the site tonight. The 5 most populous countries in 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "The rebar for this job came from Korea, 200 tonnes of it. GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "While I slew the load round, the bill per person for each party size at lunch.",
            "The bill per person for each party size at lunch.",
        ),
        (
            "My hard hat has a gold stripe for 30 years on the cranes. Now, Amazon's weekly share price in"
            " 2019.",
            "Amazon's weekly share price in 2019.",
        ),
        (
            "The site office wants the steel beams up by 4. Life expectancy in Kenya since 1980.",
            "Life expectancy in Kenya since 1980.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert uncrane(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Three lifts left before the 2 o'clock delivery. How many tables of 3 or more people ate at lunch"
            " on each day?",
            "How many tables of 3 or more people ate at lunch on each day?",
        ),
        (
            "Sunday overtime again, double time after 6. The silver medals of each nation.",
            "The silver medals of each nation.",
        ),
        (
            "It is gusting from the east at the top, 40 and rising. For winds from the west, the frequency in"
            " each strength band.",
            "For winds from the west, the frequency in each strength band.",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


def test_that_year_is_the_cranes_year(planner: RulePlanner) -> None:
    plan = planner.plan(
        "This crane was built in 1977 and still lifts like new. The population of each continent in that"
        " year."
    )
    asked = planner.plan("The population of each continent in 1977.")
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Banksman, take the load up. Chart the lifts each tower crane made in every district.",
        "Slewing left, 45 degrees. Two charts: the votes by candidate, and separately the tip by day.",
        "The site office wants a figure by 4. The average or the median tip by day - whichever the foreman"
        " likes.",
        "A slinger from Spain joined the crew on Friday. Spain's medals by type.",
        "Floor 3 of 10 got poured today. The average bill for tables served between 9 and 11 in the morning.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "A slew of countries: population by continent in 2007",
        "Lift the limit and load the chart: the top 5 countries by population",
        "We're in overtime: the tip by day over time",
        "The cranes at the zoo hatched in 1998: life expectancy in Kenya",
        "Climbed the ladder: the key countries by GDP per capita, on a clean scale",
    ],
)
def test_text_without_the_crane_operator_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert uncrane(text, semantic_model) == text
