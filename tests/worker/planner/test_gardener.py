"""A gardener's notes (worker.planner.gardener): counts of bulbs and beds, depths, spacings, growth, the
frost's date, Easter, the flowers and the west wall set nothing; what the request asks of the garden stays
refused; text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.gardener import ungarden
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Planted 25 daffodil bulbs this afternoon. The median tip for each party size.",
            "The median tip for each party size.",
        ),
        (
            "Sow 5 cm deep, 45 cm apart. Meanwhile: how many tables left a tip above $4, by meal?",
            "How many tables left a tip above $4, by meal?",
        ),
        (
            "The roses by the east fence are in bloom. The average bill per person on each day, "
            "split by sex.",
            "The average bill per person on each day, split by sex.",
        ),
        (
            "Weeding the flower beds after lunch. For now, the total tip on Fridays and on Saturdays.",
            "The total tip on Fridays and on Saturdays.",
        ),
        (
            "My runner beans grew 8 cm this week. Show me the 3 most populous countries of Europe in 1997.",
            "Show me the 3 most populous countries of Europe in 1997.",
        ),
        (
            "Seedlings go out after Easter, in 4 beds of 5. Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "Pruned the roses against the west wall. The wind frequency in each strength band for winds "
            "from the south.",
            "The wind frequency in each strength band for winds from the south.",
        ),
        (
            "My irises grew 3 cm in a week! Count the flowers of each species with a sepal width above 3 cm.",
            "Count the flowers of each species with a sepal width above 3 cm.",
        ),
        (
            "Mulched the greenhouse beds this morning. Coderre's votes in each district he won.",
            "Coderre's votes in each district he won.",
        ),
        (
            "Planted 6 rows of marigolds, gold and yellow. Then: the silver medals of each nation.",
            "The silver medals of each nation.",
        ),
    ],
)
def test_the_notes_set_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    assert request_of(planner.plan(question)) == request_of(planner.plan(plain))


def test_a_frost_date_is_no_period(planner: RulePlanner) -> None:
    question = "The last frost is due on the 9th of March. Until then: Apple's weekly share price in Q2 2018."
    plain = "Apple's weekly share price in Q2 2018."
    asked, said = planner.plan(question), planner.plan(plain)
    assert (chart_of(asked), period_of(asked)) == (chart_of(said), period_of(said))


@pytest.mark.parametrize(
    "question",
    [
        "The tomatoes are in bloom. Before I stake them: a histogram of the total bill at lunch.",
        "Watered the seedlings. While I wait for rain, a histogram of the total bill at lunch.",
        "The dahlias are flowering. Before I head out: a histogram of the total bill at lunch.",
    ],
)
def test_a_chart_asked_after_the_lead_in_is_kept(planner: RulePlanner, question: str) -> None:
    plain = "A histogram of the total bill at lunch."
    assert chart_of(planner.plan(question)) == chart_of(planner.plan(plain))


@pytest.mark.parametrize(
    "question",
    [
        "Planted 30 tulip bulbs today. How many bulbs did each neighbour on the allotment plant?",
        "The dahlias are in bloom. Chart the hours of sunshine for each wind direction.",
        "Sow 1 cm deep. The average life expectancy of each continent in 2015.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Wind frequency for winds from the west, by strength",
        "How many irises of each species have a petal length above 5?",
        "Which countries grew the most in population between 1952 and 2007?",
        "Amazon's share price this week",
        "The nation in 3rd place by total medals",
        "Average tip by party size: beds of 6 people don't exist, tables do",
        "Show me the total bill by day. Then: by meal.",
    ],
)
def test_text_without_the_voice_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert ungarden(text, semantic_model) == text
