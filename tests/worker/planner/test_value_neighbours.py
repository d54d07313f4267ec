"""Values named by where they stand beside other values (worker.planner.value_neighbours): the neighbour in a
dimension's order, the point opposite on a compass, the quarter or month beside another, what is left of a
dimension and "the same districts X won" are charted as the value they name; a neighbour past either end,
or on values with no order, is refused naming the words."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, period_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.value_neighbours import unneighbour
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "column", "op", "value"),
    [
        ("Average tip by sex on the day before Sunday.", "day", "eq", "Sat"),
        ("Average tip by meal for the day following Thursday", "day", "eq", "Fri"),
        ("Tips by day for the meal which comes before dinner", "meal", "eq", "Lunch"),
        ("Average tip by day for the party size after 2", "party_size", "eq", 3),
        ("Medals per nation for the medal after gold.", "medal", "eq", "Silver"),
        ("Wind frequency by strength for the direction opposite east.", "direction", "eq", "W"),
        ("Frequency by strength for the direction opposite to the southwest", "direction", "eq", "NE"),
        ("Medals per nation for neither Gold nor Silver", "medal", "eq", "Bronze"),
        (
            "Mean sepal width of the species that is neither versicolor nor setosa",
            "species",
            "eq",
            "virginica",
        ),
        ("Average tip by sex for the days that are neither Thur nor Fri", "day", "not_in", ["Thur", "Fri"]),
        ("Votes per candidate in the same districts that Joly won.", "winner", "eq", "Joly"),
    ],
)
def test_a_value_named_beside_another_is_charted_as_that_value(
    planner: RulePlanner, question: str, column: str, op: str, value: object
) -> None:
    assert (column, op, value) in filters_of(planner.plan(question))


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("Average price per company in the quarter after Q4 2018", "2019-01-01", "2019-03-31"),
        ("Average stock price by company in the quarter just before 2019 Q1.", "2018-10-01", "2018-12-31"),
        ("Average price per company in the month before March 2019.", "2019-02", "2019-02"),
        ("Average price per company in the month after December 2018", "2019-01", "2019-01"),
    ],
)
def test_a_quarter_or_month_named_by_its_neighbour_is_that_period(
    planner: RulePlanner, question: str, start: str, end: str
) -> None:
    assert period_of(planner.plan(question)) == (start, end)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Average tip by sex on the day after Sunday.", "the day after Sunday"),
        ("Tip percentage by day for the meal that comes after dinner", "the meal that comes after dinner"),
        ("Sepal length by species for the species after setosa", "the species after setosa"),
        ("Wind frequency by direction for the strength opposite 5-6", "the strength opposite 5-6"),
    ],
)
def test_a_neighbour_the_order_cannot_give_is_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip on the days after Thursday",
        "Average tip the day after payday",
        "Wind frequency by direction, north opposite south",
        "Votes by candidate in the same district as last time",
    ],
)
def test_text_with_no_neighbour_it_can_read_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unneighbour(text, semantic_model) == text
