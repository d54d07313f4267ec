"""A request in a formal, bureaucratic or legal register (worker.planner.formal_register): its framing
("pursuant to ...", "notwithstanding ...", "for inclusion in ...") adds nothing, its requests ("the
undersigned requests", "kindly furnish", "is hereby requested") are plain requests, its subject ("with
regard to X") is read as "for X", its periods ("commencing A and ending B"), exclusions ("X being
excluded") and limits ("limited to the five districts where he received the most") are charted, what
the data lacks stays refused, and text with none of the register's words is unchanged."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.formal_register import unformal
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("formal", "plain"),
    [
        ("Kindly furnish the median tip by meal.", "show me the median tip by meal."),
        ("Pursuant to clause 7, subsection 2, kindly furnish tip by day.", "show me tip by day."),
        (
            "Notwithstanding the foregoing, the undersigned requests votes by district.",
            "show me votes by district.",
        ),
        ("With regard to Asia, kindly furnish the population.", "show me, for Asia, the population."),
        ("The undersigned requests, inter alia, tip by day.", "show me tip by day."),
        (
            "Tip by day (hereinafter 'the Chart') is requested, largest first.",
            "show me Tip by day, largest first.",
        ),
        (
            "Kindly furnish the population for the period commencing 1972 and ending 1982.",
            "show me the population from 1972 to 1982.",
        ),
        (
            "Kindly furnish the population for the period commencing 1972.",
            "show me the population since 1972.",
        ),
        ("Tip by day, smoking tables being excluded.", "Tip by day, excluding smoking tables."),
        ("Tip by day for female diners.", "Tip by day for female."),
    ],
)
def test_the_register_is_spelt_as_a_plain_request(
    semantic_model: SemanticModel, formal: str, plain: str
) -> None:
    assert unformal(formal, semantic_model) == plain


def test_text_with_none_of_the_register_is_unchanged(semantic_model: SemanticModel) -> None:
    for text in (
        "Tip by day",
        "Examination of tip by day is requested.",  # the report voice's, read by report_voice
        "  Votes  by candidate ",
        "votes by district, limited to the five districts",  # which five is not said
        "tip per diner by day",
    ):
        assert unformal(text, semantic_model) == text


@pytest.mark.parametrize(
    ("question", "measures", "dimension", "filters"),
    [
        (
            "Pursuant to clause 7, subsection 2, kindly furnish the median tip by meal.",
            [("tip", "median")],
            "meal",
            [],
        ),
        (
            "Notwithstanding the sex of the diners, kindly furnish the average tip by day.",
            [("tip", "avg")],
            "day",
            [],
        ),
        (
            "In respect of male diners only, the undersigned requests the average total bill for each day.",
            [("total_bill", "avg")],
            "day",
            [("sex", "eq", "Male")],
        ),
        (
            "The undersigned requests that petal length be presented for each species, the setosa species "
            "being excluded.",
            [("petal_length", "avg")],
            "species",
            [("species", "ne", "setosa")],
        ),
        (
            "The data record, inter alia, the day of each table; kindly furnish the total bill per day.",
            [("total_bill", "avg")],
            "day",
            [],
        ),
        (
            "Kindly furnish the lowest price attained by each company in 2019, for inclusion in the filing.",
            [("price", "min")],
            "ticker",
            [],
        ),
    ],
)
def test_the_request_is_charted(
    planner: RulePlanner,
    question: str,
    measures: list[tuple[str, str]],
    dimension: str,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (measures, dimension, filters)


def test_periods_and_limits_are_charted(planner: RulePlanner) -> None:
    plan = planner.plan(
        "With regard to Asia, kindly furnish the average life expectancy for the period commencing 1982 "
        "and ending 2002."
    )
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1982", "2002")
    assert filters_of(plan) == [("continent", "eq", "Asia")]
    plan = planner.plan(
        "Kindly furnish the weekly price of Netflix for the period commencing 1 March 2019 and ending "
        "31 May 2019."
    )
    assert plan.time_range is not None
    assert (plan.time_range.start, plan.time_range.end) == ("2019-03-01", "2019-05-31")
    plan = planner.plan(
        "Kindly furnish the votes of Joly by district, limited to the three districts where she received "
        "the fewest."
    )
    assert (plan.dimension, plan.limit, plan.sort is not None and plan.sort.direction) == (
        "district",
        3,
        "asc",
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("With regard to Narnia, kindly furnish its life expectancy.", "Narnia"),
        ("In respect of Japan, the undersigned requests its medals by medal type.", "Japan"),
        ("Pursuant to the payroll audit, kindly furnish the tips received by each cashier.", "cashier"),
        # A period of days reaching past the data's edge would be charted only in part.
        (
            "For the period commencing 1 June 2019 and ending 31 March 2020, kindly furnish Netflix's price.",
            "2020",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named.lower() in str(refused.value).lower()
