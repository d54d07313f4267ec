"""A museum guard on the floor (worker.planner.museum_guard): the galleries', rooms' and cases' numbers,
the opening hours, a canvas's age and a vase's year, a school group's size, the paintings' painters and
the pieces' countries, the coins and medals in a case and the east doors set nothing; a lead-in while the
rounds go on and a hand-over are the request's start; what the request asks that the data lacks stays
refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.museum_guard import unguard
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Gallery 9, no flash photography, sir. The average tip on each day.",
            "The average tip on each day.",
        ),
        (
            "Please keep moving, madam, the Rembrandts hang in room 3. The 5 most populous countries in"
            " 2002.",
            "The 5 most populous countries in 2002.",
        ),
        (
            "That painting is 300 years old, madam, so please step back from it. Coderre's votes in each"
            " district.",
            "Coderre's votes in each district.",
        ),
        (
            "This marble statue came over from Italy in 1911. GDP per capita by continent in 1992.",
            "GDP per capita by continent in 1992.",
        ),
        (
            "While I do my rounds of the galleries, the total tip by sex on Saturdays.",
            "The total tip by sex on Saturdays.",
        ),
        (
            "Anyway, the exhibitions change every spring at the museum. Now, Amazon's weekly share price in"
            " 2019.",
            "Amazon's weekly share price in 2019.",
        ),
    ],
)
def test_the_patter_comes_off(semantic_model: SemanticModel, question: str, plain: str) -> None:
    assert unguard(question, semantic_model) == plain


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Room 6 closes for cleaning at 4 this afternoon. The lowest share price each company reached in"
            " 2018.",
            "The lowest share price each company reached in 2018.",
        ),
        (
            "The display case by the east doors holds 12 gold coins. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "Thirty school kids are due at 10 and they touch the glass. The wind frequency of each direction"
            " in the 0-1 band.",
            "The wind frequency of each direction in the 0-1 band.",
        ),
        (
            "The tapestry room opens on Fridays at 9, admission is 12 dollars. How many tables on Sunday had"
            " smokers at them?",
            "How many tables on Sunday had smokers at them?",
        ),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        # A "that year" is the year the patter told.
        (
            "My first night on guard at the museum was back in 1967. The population of each continent in"
            " that year.",
            "The population of each continent in 1967.",
        ),
    ],
)
def test_the_request_keeps_what_it_names(planner: RulePlanner, question: str, plain: str) -> None:
    plan, asked = planner.plan(question), planner.plan(plain)
    assert (request_of(plan), period_of(plan)) == (request_of(asked), period_of(asked))


@pytest.mark.parametrize(
    "question",
    [
        "Gallery 3, keep moving please. How many visitors did each room of the museum get on Sundays?",
        "No flash photography, sir. The average bill by day, and on a second chart the tips by sex.",
        "Case 5 holds a bronze medal from 1936. Japan's gold medals.",
        "The museum reopened in 2021 after the works. Apple's share price in that year.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Lock in the top 5 countries by population in 2007, on a log scale, with a note on the key",
        "Which countries exhibit the highest life expectancy in 2007? Clean the data first",
        "Monet's garden is in bloom: petal length by species, in a uniform colour",
        "Keep moving averages of Apple's share price in 2019, with room for 2 more lines",
        "Don't touch the axis. In case 3 bars tie, votes by candidate in the left wing districts",
    ],
)
def test_text_without_the_guard_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unguard(text, semantic_model) == text
