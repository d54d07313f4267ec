"""A ghost haunting an old house (worker.planner.haunting): the moans and the ghost's story set nothing, a
year the request points back to is kept, and what the request asks that the data lacks stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import chart_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.haunting import unhaunt
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Wooooo... I have haunted this inn since 1870, and its cash box with it. "
            "The total bill on each day.",
            "The total bill on each day.",
        ),
        (
            "Booo! I lost my head at a table of 4 people. The median tip for each sex.",
            "The median tip for each sex.",
        ),
        (
            "Rattling my chains in the attic... The 3 Asian countries with the largest population in 1987.",
            "The 3 Asian countries with the largest population in 1987.",
        ),
        (
            "Beyond the grave I still keep two silver spoons: Canada's medals by type.",
            "Canada's medals by type.",
        ),
        (
            "The living forget me, and I have haunted this cottage for two centuries. "
            "The votes of each candidate.",
            "The votes of each candidate.",
        ),
        # "where I died" opens a relative clause: the sentence asks nothing, and 1890 is no period.
        (
            "I have haunted the inn where I died in 1890. The average tip of smokers and non-smokers.",
            "The average tip of smokers and non-smokers.",
        ),
        (
            "I have haunted Apple's old garage since 1999. Show me Microsoft's weekly share price as a line.",
            "Show me Microsoft's weekly share price as a line.",
        ),
    ],
)
def test_the_ghost_sets_nothing(planner: RulePlanner, question: str, plain: str) -> None:
    haunted, asked = planner.plan(question), planner.plan(plain)
    assert (chart_of(haunted), period_of(haunted)) == (chart_of(asked), period_of(asked))


@pytest.mark.parametrize(
    ("question", "period"),
    [
        (
            "In 1972 my head rolled down the stairs, as I lost my head. "
            "Japan's life expectancy from that year to 2007, as a line.",
            ("1972", "2007"),
        ),
        ("I have haunted this manor since 1982. Each continent's population back then.", ("1982", "1982")),
        ("I have haunted this manor since 1960. Europe's GDP per capita, 1977 to 1992.", ("1977", "1992")),
    ],
)
def test_a_year_pointed_back_to_is_kept(planner: RulePlanner, question: str, period: tuple[str, str]) -> None:
    start, end = period_of(planner.plan(question)) or (None, None)
    assert (str(start)[:4], str(end)[:4]) == period


@pytest.mark.parametrize(
    "question",
    [
        "Boooo... How many phantoms walk each continent?",
        "I have haunted this manor since 1850. The population of each continent in that year.",
        "Rattling my chains... Which nation is the most haunted? Just the top one.",
        "Beyond the grave: the average tip by day, and a separate pie of the medals.",
        "Boooo. The humidity of the wind from each direction.",
    ],
)
def test_what_the_data_lacks_stays_refused(planner: RulePlanner, question: str) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Apple's weekly share price since 1990.",
        "How many of the living are in each continent?",
        "The life expectancy of the living standards in Asia by country.",
        "Which candidate lost in each district?",
        "Show me the average tip for each day, I'll book a table.",
        "The average tip of each table, boosted by smokers.",
    ],
)
def test_text_without_the_ghost_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unhaunt(text, semantic_model) == text
