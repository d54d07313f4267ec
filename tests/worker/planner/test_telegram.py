"""A telegram's wire style (worker.planner.telegram): STOP is a full stop between clauses of one request, and
the wire's patter (a sign-off, "URGENT", a dateline, travel news, the words paid for and the cost) sets no
filter, limit, period or chart; counts that restate the values named set no limit; and what the data cannot
answer (a company or year it lacks, two charts, a choice left open) stays refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of, request_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.planner.telegram import untelegram
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension", "filters"),
    [
        ("URGENT STOP MEDIAN TIP EACH MEAL STOP RGDS DORA", ("tip", "median"), "meal", []),
        (
            "MEDIAN TIP EACH MEAL STOP FEMALES ONLY STOP LOVE BERTIE",
            ("tip", "median"),
            "meal",
            [("sex", "eq", "Female")],
        ),
        (
            "urgent stop average sepal length each species stop rgds nell",
            ("sepal_length", "avg"),
            "species",
            [],
        ),
        (
            "LEAVING FOR LISBON TUESDAY STOP SUM OF TOTAL BILL EACH DAY STOP REGARDS DORA",
            ("total_bill", "sum"),
            "day",
            [],
        ),
        (
            "DOCKING SUNDAY STOP AVERAGE TIP EACH SEX DINNERS ONLY STOP RGDS FRED",
            ("tip", "avg"),
            "sex",
            [("meal", "eq", "Dinner")],
        ),
        ("TOTAL VOTES EACH CANDIDATE STOP COST SIX PENCE STOP RGDS NELL", ("votes", "sum"), "candidate", []),
        ("RETURNING MONDAY STOP MEDIAN TIP EACH SEX STOP RGDS NELL", ("tip", "median"), "sex", []),
        (
            "AVERAGE PETAL WIDTH EACH SPECIES STOP TEN PENCE PER WORD SO BRIEF STOP MESSAGE ENDS",
            ("petal_width", "avg"),
            "species",
            [],
        ),
    ],
)
def test_the_wires_patter_sets_nothing(
    planner: RulePlanner,
    question: str,
    measure: tuple[str, str],
    dimension: str,
    filters: list[tuple[str, str, object]],
) -> None:
    answer = planner.answer(question)
    plan = answer.plan
    assert answer.left_out == ()  # read whole, not by setting the patter aside as context
    assert request_of(plan) == (
        [measure],
        dimension,
        filters,
        None,
    )


def test_leaving_out_is_an_exclusion_not_travel_news(planner: RulePlanner) -> None:
    plan = planner.plan("LEAVING OUT SMOKERS STOP AVERAGE TIP EACH DAY STOP RGDS NELL")
    assert (measures_of(plan), plan.dimension, filters_of(plan)) == (
        [("tip", "avg")],
        "day",
        [("smoker", "ne", "Yes")],
    )


@pytest.mark.parametrize(
    "question",
    [
        "CAIRO 3 JUNE 1962 STOP POPULATION EACH CONTINENT NINETEEN FIFTY TWO STOP LOVE BERTIE",
        "LIMA 21 OCTOBER 1977 STOP TOTAL POPULATION EACH CONTINENT NINETEEN FIFTY TWO STOP RGDS FRED",
    ],
)
def test_a_dateline_is_no_period_and_no_place(planner: RulePlanner, question: str) -> None:
    answer = planner.answer(question)
    plan = answer.plan
    assert answer.left_out == ()
    assert (measures_of(plan), plan.dimension, filters_of(plan), period_of(plan)) == (
        [("pop", "sum")],
        "continent",
        [],
        ("1952", "1952"),
    )


def test_the_words_paid_for_are_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "TOTAL VOTES EACH DISTRICT CODERRE ONLY STOP THIRTY WORDS PAID STOP TOP FOUR STOP RGDS FRED"
    )
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("district", 4, [("candidate", "eq", "Coderre")])


def test_reply_paid_with_its_words_is_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan("AVERAGE TIP EACH DAY STOP REPLY PAID FIFTEEN WORDS STOP RGDS NELL")
    assert (measures_of(plan), plan.dimension, plan.limit, filters_of(plan)) == (
        [("tip", "avg")],
        "day",
        None,
        [],
    )


@pytest.mark.parametrize(
    ("question", "series", "filters"),
    [
        ("AVERAGE TIP BY MEAL SPLIT BY SEX STOP TWO COLOURS STOP RGDS NELL", "sex", []),
        (
            "PETAL LENGTH HISTOGRAM STOP SETOSA AND VIRGINICA ONLY STOP TWO SPECIES STOP RGDS NELL",
            None,
            [("species", "in", ["setosa", "virginica"])],
        ),
        (
            "PETAL LENGTH HISTOGRAM STOP SETOSA AND VIRGINICA ONLY STOP TWO SPECIES NOT THREE STOP RGDS NELL",
            None,
            [("species", "in", ["setosa", "virginica"])],
        ),
    ],
)
def test_a_count_that_restates_the_values_is_no_limit(
    planner: RulePlanner, question: str, series: str | None, filters: list[tuple[str, str, object]]
) -> None:
    plan = planner.plan(question)
    assert (plan.series, plan.limit, filters_of(plan)) == (series, None, filters)


def test_clauses_either_side_of_stop_are_one_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "GDP PER CAPITA EACH COUNTRY EUROPE STOP NINETEEN NINETY TWO STOP SIX RICHEST STOP RGDS NELL"
    )
    assert (measures_of(plan)[0][0], plan.dimension, plan.limit, filters_of(plan), period_of(plan)) == (
        "gdp_per_capita",
        "country",
        6,
        [("continent", "eq", "Europe")],
        ("1992", "1992"),
    )


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("URGENT STOP NETFLIX AND NVIDIA WEEKLY PRICE TWENTY NINETEEN STOP RGDS NELL", "NVIDIA"),
        ("LISBON 9 MARCH 1961 STOP POPULATION EACH CONTINENT TWENTY TWENTY STOP RGDS NELL", "2020"),
        ("MEDIAN TIP EACH BARTENDER STOP RGDS NELL", "BARTENDER"),
        ("AVERAGE TIP EACH DAY IN EUROS STOP RGDS NELL", "EUROS"),
        (
            "TOTAL BILL EACH DAY STOP THIRTY WORDS PAID STOP PIE OR BARS WHICHEVER STOP RGDS NELL",
            "which you mean",
        ),
        ("MEDIAN TIP EACH SEX STOP ALSO SEPARATE PIE OF VOTES EACH CANDIDATE STOP RGDS NELL", "VOTES"),
        (
            "AVERAGE TIP BY DAY STOP ALSO SEPARATE PIE OF MEDALS BY NATION STOP RGDS NELL",
            "one chart per message",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "average tip by day",
        "SHOW ME THE AVERAGE TIP BY DAY, STOP WASTING TIME",
        "Average tip by day. Stop at Sunday. Regards, Nell",
        "Average tip by day, stop at Sunday. Regards Nell",
        "AVERAGE TIP BY DAY",
    ],
)
def test_text_with_no_telegram_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert untelegram(text, semantic_model) == text
