"""Things named relative to other named things (worker.planner.relative_names): a neighbour in the data's
order, the one value between two, the other of two values and a survey year by its neighbour are charted as
the value they name; a relation the model cannot resolve is refused naming its words."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.relative_names import unrelate
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "column", "op", "value"),
    [
        ("Frequency by direction in the strength band just above 5-6.", "strength", "eq", "6+"),
        ("Wind frequency by direction for the band just below 2-3", "strength", "eq", "1-2"),
        ("Medals per nation for the medal colour between gold and bronze.", "medal", "eq", "Silver"),
        ("Medals per nation for the colour ranked just above bronze", "medal", "eq", "Silver"),
        ("Medals per nation, not counting the colour ranked just below silver.", "medal", "ne", "Bronze"),
        ("Frequency by strength for the direction halfway between north and east.", "direction", "eq", "NE"),
        ("Average total bill by day for the sex other than female.", "sex", "eq", "Male"),
        ("Average tip by day for the gender other than male", "sex", "eq", "Female"),
        ("Count the tables on each day for parties one person bigger than a couple.", "party_size", "eq", 3),
    ],
)
def test_a_value_named_by_its_neighbours_is_charted_as_that_value(
    planner: RulePlanner, question: str, column: str, op: str, value: object
) -> None:
    assert (column, op, value) in filters_of(planner.plan(question))


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("Life expectancy by continent in the survey year just before 2007.", "2002"),
        ("Population by continent in the survey right after 1952", "1957"),
        ("The early-2000s survey: GDP per capita by continent.", "2002"),
        ("Life expectancy by continent in the late-1990s survey", "1997"),
    ],
)
def test_a_survey_named_by_its_neighbour_or_its_part_of_a_decade_is_that_survey(
    planner: RulePlanner, question: str, year: str
) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == (year, year)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Frequency by strength for the directions it blows from more often than from the north.", "north"),
        ("Frequency by direction in the band just below 0-1", "0-1"),
        ("Life expectancy by continent in the mid-2000s survey", "mid-2000s survey"),
        ("Life expectancy by continent in the survey just before 1952", "1952"),
    ],
)
def test_a_relation_the_model_cannot_resolve_is_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average sepal length for each species other than virginica.",
        "The difference between gold and bronze per nation",
        "Population between 1952 and 2007",
        "Average tip by day",
    ],
)
def test_text_with_no_relation_it_can_read_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unrelate(text, semantic_model) == text
