"""A request relayed for someone else (worker.planner.relayed_requests): the wrapper saying who asked and how
comes off, the asker's later corrections are applied, and a request the relayer leaves undecided is refused
by the words that leave it so; text relaying nothing is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.relayed_requests import unrelay
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("relayed", "relays"),
    [
        (
            'Customer #4411 asks: "What is the average tip for each party size?"',
            "What is the average tip for each party size?",
        ),
        (
            "My manager would like the 10 most populous countries in 2007.",
            "the 10 most populous countries in 2007.",
        ),
        ("Forwarding from Dana:\n> total tips by day, as a pie\nThanks!", "total tips by day, as a pie"),
        ("FYI the client wants the total medals per nation.", "the total medals per nation."),
        ("On behalf of the board: votes by candidate.", "votes by candidate."),
        ("A student wrote to me asking for petal width by species.", "petal width by species."),
        ("Ticket #88, from a customer: 'median sepal length by species'", "median sepal length by species"),
        ("Our CFO would like Apple's price in 2018.", "Apple's price in 2018."),
        # A group asks as one.
        ("The chess club asks for the medals of each nation.", "the medals of each nation."),
        ("The committee wants votes by candidate.", "votes by candidate."),
        ("A guest at table 4 asks for the median tip by day.", "the median tip by day."),
        # Opened by a pronoun: whoever it named was set aside before (a voice's scene).
        ("She asks for the median tip by day.", "the median tip by day."),
        ("They would like: total votes by candidate", "total votes by candidate"),
    ],
)
def test_the_wrapper_comes_off(semantic_model: SemanticModel, relayed: str, relays: str) -> None:
    assert unrelay(relayed, semantic_model) == relays


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "Tip by day from the tips data: only Sunday",
        "winds from the north: frequency per strength band",
        "Tip by day. It needs to be a pie.",
        "Apple's price in 2019: weekly, as a line",
        "Which continent had the highest life expectancy in 1997?",
    ],
)
def test_text_relaying_nothing_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unrelay(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "dataset", "measures", "dimension", "filters", "chart_type"),
    [
        (
            'Customer #4411 asks: "What is the average tip percentage for each party size?"',
            "tips",
            [("tip_pct", "avg")],
            "party_size",
            [],
            "bar",
        ),
        (
            "A reader emailed the newsroom asking for India's and China's population since 1962, "
            "one line each.",
            "gapminder",
            [("pop", "sum")],
            None,
            [("country", "in", ["India", "China"])],
            "line",
        ),
        (
            "A student wrote to me asking for petal width by species.",
            "iris",
            [("petal_width", "avg")],
            "species",
            [],
            "bar",
        ),
        (
            "Forwarding from Dana:\n> total tips by day, as a pie\nThanks!",
            "tips",
            [("tip", "sum")],
            "day",
            [],
            "pie",
        ),
        (
            "My manager asked for Coderre's five best districts by votes as a pie; in a second email he "
            "said to forget the pie and use bars.",
            "election",
            [("votes", "sum")],
            "district",
            [("candidate", "eq", "Coderre")],
            "bar",
        ),
        (
            "Priya wants the average tip by day. Then she said to drop the average and use the median.",
            "tips",
            [("tip", "median")],
            "day",
            [],
            "bar",
        ),
    ],
)
def test_the_relayed_request_is_charted(
    planner: RulePlanner,
    question: str,
    dataset: str,
    measures: list[tuple[str, str]],
    dimension: str | None,
    filters: list[tuple[str, str, object]],
    chart_type: str,
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, measures_of(plan), plan.dimension, filters_of(plan), plan.chart_type) == (
        dataset,
        measures,
        dimension,
        filters,
        chart_type,
    )


@pytest.mark.parametrize(
    ("question", "year"),
    [
        (
            "Priya asked for GDP per capita by continent for 2002. She has since emailed a correction: "
            "make it 1992, not 2002.",
            "1992",
        ),
        (
            "My editor asked for life expectancy by continent in 2007. In a second email she said to "
            "forget 2007 and use 1997.",
            "1997",
        ),
    ],
)
def test_the_askers_correction_is_applied(planner: RulePlanner, question: str, year: str) -> None:
    plan = planner.plan(question)
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == (year, year)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "The client wants the average bill by sex. I told her we could also split it by smoker, but she "
            "hasn't said yes or no yet.",
            "split it by smoker, but she hasn't said yes or no yet",
        ),
        (
            "FYI the client wants life expectancy by continent for 2007, though I think she may have "
            "meant 2002.",
            "she may have meant 2002",
        ),
        (
            "My boss wants life expectancy by continent in 2002 - not sure if he meant the median.",
            "not sure if he meant the median",
        ),
        ("Sam wants the average tip by day but Ana wants it by sex.", "Ana wants it by sex"),
        (
            "The client asked for total medals by nation; I offered a pie, and she hasn't replied yet.",
            "she hasn't replied yet",
        ),
    ],
)
def test_an_undecided_request_is_refused_by_its_words(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named in str(refused.value)
