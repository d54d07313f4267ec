"""A bartender's patter (worker.planner.bartender): rounds for numbered tables, happy hours, last orders,
doubles, tabs and the bartender's own tip jar set nothing; "While I pour:" hands over the request; what the
data lacks stays refused; text without the voice is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of
from worker.planner.bartender import unbartender
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("patter", "asked"),
    [
        ("Another round for table 5!", "How many tables of each party size came for lunch?"),
        ("Another round for table 2! While I pour:", "the median tip for each sex."),
        ("Happy hour runs 4 to 6. Meanwhile,", "a histogram of the tip for tables of 3 to 5 people."),
        ("Last orders at 10!", "The 5 richest countries of Asia in 1992."),
        ("Last call! Before I ring the bell:", "the total votes of each candidate."),
        ("What'll it be? Make it a double, on the rocks.", "The total medals of each nation."),
        ("Put it on my tab, I'll settle up on Sunday.", "The average price of each company in 2018."),
        ("My tip jar was empty on Thursday, sadly.", "The average tip on each day, dinner only."),
        ("What'll it be?", "The average petal width of each species, as a pie."),
    ],
)
def test_the_patter_sets_nothing(planner: RulePlanner, patter: str, asked: str) -> None:
    assert chart_of(planner.plan(f"{patter} {asked}")) == chart_of(planner.plan(asked))


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("What'll it be? Another round for table 4! The median tip by day.", "The median tip by day."),
        ("Happy hour is 6 to 8. While I pour: the tip by sex.", "The tip by sex."),
        ("My tip jar was full on Monday. Meanwhile, the wind by direction.", "The wind by direction."),
    ],
)
def test_only_the_request_is_left(semantic_model: SemanticModel, text: str, asked: str) -> None:
    assert unbartender(text, semantic_model) == asked


@pytest.mark.parametrize(
    "question",
    [
        "What'll it be? The beer sold at each table on Saturday night.",
        "On the rocks. Plot my tips from behind the bar for each shift this month.",
        "Happy hour is 4 to 6. The median tip between 4 and 6 pm, by sex.",
        "Last orders! The median or the average tip by sex - whichever pours quicker.",
        "Make it a double: the votes by candidate as a pie, and a second chart of the wind by direction.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Round the average tip to two decimals, by day.",
        "How many tables of 6 were served at dinner?",
        "Which day were the happy tippers most generous?",
        "The tip per hour of the week is not in the data, so the tip by day.",
        "Double the bars: the tip by day and by sex.",
        "Meanwhile, the total bill by smoker.",
        "Open the tab for gapminder: life expectancy by continent.",
        "What is the average tip on each day?",
    ],
)
def test_text_without_the_bartender_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unbartender(text, semantic_model) == text
