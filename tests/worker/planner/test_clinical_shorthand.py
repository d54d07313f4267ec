"""A clinician's shorthand (worker.planner.clinical_shorthand): "Pt: X." names the chart's subject (a value
as a filter, the data named as the dataset, a survey year as the period), "the pt's" is X's, a hx is a line
over time, "Rx:"/"Check-up:"/"Triage:" open the request, "stat" says nothing, complaints ("c/o", "s/p",
"Symptoms:") are context; forecasts, causes, vitals with no measure and patients the data lacks stay
refused."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.clinical_shorthand import unclinical
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def _range(question: str, planner: RulePlanner) -> tuple[str | None, str | None] | None:
    plan = planner.plan(question)
    return None if plan.time_range is None else (plan.time_range.start, plan.time_range.end)


@pytest.mark.parametrize(
    ("question", "column", "value", "measure", "start"),
    [
        (
            "Pt: Peru. Plot the pt's hx of GDP per capita since 1977.",
            "country",
            "Peru",
            "gdp_per_capita",
            "1977",
        ),
        ("Pt: Oceania. Hx of life expectancy from 1962, stat.", "continent", "Oceania", "life_exp", "1962"),
        ("Pt: MSFT, s/p a slump in 2018. Rx: the pt's price hx for 2019.", "ticker", "MSFT", "price", "2019"),
    ],
)
def test_a_patients_history_is_its_line_over_time(
    planner: RulePlanner, question: str, column: str, value: str, measure: str, start: str
) -> None:
    plan = planner.plan(question)
    assert (plan.chart_type, plan.use_time) == ("line", True)
    assert filters_of(plan) == [(column, "eq", value)]
    assert measures_of(plan)[0][0] == measure
    assert _range(question, planner) is not None and plan.time_range is not None
    assert plan.time_range.start == start


def test_a_complaint_sets_no_filter_and_the_request_opens_after_check_up(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Pt: the tips table. c/o \u2193 tips on Fridays. Check-up: average total bill by sex."
    )
    assert (plan.dataset, plan.dimension, filters_of(plan)) == ("tips", "sex", [])
    assert measures_of(plan) == [("total_bill", "avg")]


def test_check_up_is_no_bill_and_a_split_is_the_series(planner: RulePlanner) -> None:
    plan = planner.plan("Pt: the tips table. Check-up: tip percentage by day w/ a sex split.")
    assert (plan.dimension, plan.series) == ("day", "sex")
    assert [m for m, _ in measures_of(plan)] == ["tip_pct"]


def test_without_excludes_and_stat_says_nothing(planner: RulePlanner) -> None:
    plan = planner.plan("Pt: the tips table. Rx: average tip by party size w/o non-smokers, stat.")
    assert plan.dimension == "party_size"
    assert filters_of(plan) == [("smoker", "ne", "No")]


def test_a_survey_year_in_the_subject_is_the_period(planner: RulePlanner) -> None:
    question = "Pt: the gapminder data, 1982 survey. Triage: the 3 countries w/ the highest GDP per capita."
    plan = planner.plan(question)
    assert _range(question, planner) == ("1982", "1982")
    assert (plan.dimension, plan.limit) == ("country", 3)


def test_a_continent_subject_filters_a_count(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Pt: Asia. Hx: the number of countries w/ a life expectancy under 50, every survey year."
    )
    assert filters_of(plan) == [("continent", "eq", "Asia"), ("life_exp", "lt", 50)]
    assert plan.use_time is True


def test_several_patients_are_an_in_filter_in_the_order_named(planner: RulePlanner) -> None:
    plan = planner.plan("Pts: Amazon and Apple. Compare the pts' average share price in 2018, one bar each.")
    assert filters_of(plan) == [("ticker", "in", ["AMZN", "AAPL"])]
    assert plan.dimension == "ticker"


def test_every_patient_of_a_group_is_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan("Pts: all the continents. Rx: their average life expectancy in 1992, stat.")
    assert (plan.dimension, filters_of(plan)) == ("continent", [])


def test_a_baseline_named_before_is_the_first_year(planner: RulePlanner) -> None:
    question = "Pt: Asia. Baseline: the 1957 survey. Chart the pt's population hx from baseline to 1977."
    assert _range(question, planner) == ("1957", "1977")
    assert filters_of(planner.plan(question)) == [("continent", "eq", "Asia")]


@pytest.mark.parametrize(
    "question",
    [
        "Pt: Peru. Prognosis: the pt's GDP per capita in 2040?",
        "Pt: the tips table. Dx: why are tips \u2193 at dinner?",
        "Pt: Peru. Vitals, stat.",
        "Pt: Atlantis. Hx of life expectancy since 1952.",
        "Pt: IBM. Hx: weekly share price over 2018.",
        "Pt: the iris table. Hx of sepal length, week by week.",
    ],
)
def test_forecasts_causes_no_measure_and_unknown_patients_stay_refused(
    planner: RulePlanner, question: str
) -> None:
    with pytest.raises(UnchartableQuestion):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day w/ a split by meal.",
        "Show the stat of the day: total bill by day.",
        "Hx of life expectancy since 1952.",
        "Rx: the average tip by day.",
    ],
)
def test_text_without_a_named_patient_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unclinical(text, semantic_model) == text


def test_a_patient_the_data_lacks_is_named_in_the_refusal(planner: RulePlanner) -> None:
    # Read without its patient, the request would chart every company's price instead.
    with pytest.raises(UnchartableQuestion, match="IBM"):
        planner.plan("Pt: IBM. Hx: weekly share price over 2018.")
