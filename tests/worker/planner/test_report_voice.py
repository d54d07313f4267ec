"""A request in a formal report's passive voice and nominalisations (worker.planner.report_voice): "is
required", "is to be shown", "it is requested that X be plotted", "Examination of ..." and "the division of
X among Ys" are spelt as plain requests, every word naming data is kept, what the data lacks stays refused,
and text with none of the voice's words is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.report_voice import unreport
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("report", "plain"),
    [
        ("Average sepal width by species is required.", "show me Average sepal width by species."),
        (
            "A chart of votes by district, largest first, is needed.",
            "show me a chart of votes by district, largest first.",
        ),
        ("The median tip is to be displayed by meal.", "show me the median tip by meal."),
        ("Stock prices of Netflix in 2019 are to be plotted.", "plot Stock prices of Netflix in 2019."),
        ("Gold medals should be broken down by nation.", "break down Gold medals by nation."),
        (
            "It is requested that life expectancy in Asia be charted over time.",
            "chart life expectancy in Asia over time.",
        ),
        (
            "It would be appreciated if the total bill could be shown by day.",
            "show me the total bill by day.",
        ),
        ("Examination of petal length by species.", "show me petal length by species."),
        (
            "A comparison of GDP between continents in 1997 is requested.",
            "compare GDP between continents in 1997.",
        ),
        (
            "The division of medals among the nations is to be shown as a pie.",
            "show me medals among the nations as a pie.",
        ),
    ],
)
def test_the_voice_is_spelt_as_a_plain_request(
    semantic_model: SemanticModel, report: str, plain: str
) -> None:
    assert unreport(report, semantic_model) == plain


def test_text_with_none_of_the_voice_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "Tip by day",
        "show me the average tip by day, largest first",
        "Which nation should be shown first?",  # a question, with no chart named before the verb
        "Tip by day. Sorting is not required.",  # "not" is left for the negation readers
        "The distribution of total bill",
        "  Votes  by candidate ",
    ):
        assert unreport(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "chart_type"),
    [
        ("Average sepal width by species is required.", [("sepal_width", "avg")], "species", "bar"),
        ("The median tip is to be displayed by meal.", [("tip", "median")], "meal", "bar"),
        ("Examination of the average total bill by sex is requested.", [("total_bill", "avg")], "sex", "bar"),
        (
            "A comparison of GDP per capita between continents in 1997.",
            [("gdp_per_capita", "avg")],
            "continent",
            "bar",
        ),
        (
            "The division of the votes among the candidates is to be presented as a pie.",
            [("votes", "sum")],
            "candidate",
            "pie",
        ),
    ],
)
def test_the_request_is_charted(
    planner: RulePlanner, question: str, measures: list[tuple[str, str]], dimension: str, chart_type: str
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, plan.chart_type) == (measures, dimension, chart_type)


def test_words_naming_data_are_kept(planner: RulePlanner) -> None:
    plan = planner.plan("It is requested that the price of Netflix be plotted over time in 2018.")
    assert (plan.dataset, plan.use_time, plan.chart_type) == ("stocks", True, "line")
    assert filters_of(plan) == [("ticker", "eq", "NFLX")]
    assert plan.time_range is not None and (plan.time_range.start or "").startswith("2018")
    plan = planner.plan("The total bill for dinners on Saturday is to be shown by party size.")
    assert plan.dimension == "party_size"
    assert sorted(filters_of(plan)) == [("day", "eq", "Sat"), ("meal", "eq", "Dinner")]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("The average bill handled by each cashier is to be shown.", "cashier"),
        ("It is requested that the life expectancy of Narnia be plotted over time.", "Narnia"),
        ("A comparison of Uber's share price with Netflix's is required.", "Uber"),
        ("Sepal colour by species is to be presented.", "sepal"),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named.lower() in str(refused.value).lower()
