"""A scientist's lab notebook (worker.planner.lab_notebook): hypotheses and observations are context, the
request after "Plot the evidence:" or "Method:" is charted, the design lines name the measure, the
grouping, the sample and the two groups the request leaves out, sample sizes and entry numbers add
nothing, and tests, intervals and treatments that change the data stay refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of
from worker.planner.errors import UnchartableQuestion
from worker.planner.lab_notebook import unnotebook
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


@pytest.mark.parametrize(
    ("question", "measure", "dimension", "filters"),
    [
        (
            "Hypothesis: Sunday diners are the most generous. "
            "Plot the evidence: mean tip percentage per day.",
            ("tip_pct", "avg"),
            "day",
            [],
        ),
        (
            "H0: the sexes tip alike. H1: they do not. Method: median tip by sex for dinner only.",
            ("tip", "median"),
            "sex",
            [("meal", "eq", "Dinner")],
        ),
        (
            "Observation: setosa looks small. Plot the evidence: average petal width for each species.",
            ("petal_width", "avg"),
            "species",
            [],
        ),
        (
            "Lab notebook, entry 7. Experiment 2. n = 150 flowers. Method: mean sepal length per species.",
            ("sepal_length", "avg"),
            "species",
            [],
        ),
        ("Hypothesis: women tip more. (n = 244) plot tip by sex.", ("tip", "avg"), "sex", []),
    ],
)
def test_the_claim_is_context_and_the_request_is_charted(
    planner: RulePlanner,
    question: str,
    measure: tuple[str, str],
    dimension: str,
    filters: list[tuple[str, str, object]],
) -> None:
    plan = planner.plan(question)
    assert measures_of(plan) == [measure]
    assert plan.dimension == dimension
    assert filters_of(plan) == filters
    assert plan.limit is None


def test_a_claims_never_and_every_do_not_reach_the_readers(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Falsify this: Microsoft never dropped below its January 2018 level in 2019. "
        "Plot Microsoft's weekly share price in 2019."
    )
    assert (plan.chart_type, plan.use_time) == ("line", True)
    assert filters_of(plan) == [("ticker", "eq", "MSFT")]


def test_both_points_back_to_the_two_values_the_claim_names(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Falsify this: Amazon outpaced Netflix in every week of 2018. "
        "Plot both weekly share prices in 2018, one line each."
    )
    assert plan.series == "ticker"
    assert filters_of(plan) == [("ticker", "in", ["AMZN", "NFLX"])]


def test_that_year_points_back_to_the_claims_year(planner: RulePlanner) -> None:
    plan = planner.plan("Observation: 1987 was a good year for Europe. Plot GDP by country in that year.")
    assert plan.time_range is not None and (plan.time_range.start, plan.time_range.end) == ("1987", "1987")
    assert filters_of(plan) == [("continent", "eq", "Europe")]


def test_the_sample_and_the_dependent_variable_fill_what_the_request_leaves_out(
    planner: RulePlanner,
) -> None:
    plan = planner.plan(
        "Experiment 5. Sample: the 1997 survey, African countries only. "
        "Dependent variable: life expectancy. Plot the 5 highest, largest first."
    )
    assert measures_of(plan)[0][0] == "life_exp"
    assert (plan.dimension, plan.limit) == ("country", 5)
    assert filters_of(plan) == [("continent", "eq", "Africa")]
    assert plan.time_range is not None and plan.time_range.start == "1997"


def test_the_variables_name_the_grouping_and_the_measure(planner: RulePlanner) -> None:
    plan = planner.plan("Variables: independent = meal, dependent = total bill. Plot the mean.")
    assert (measures_of(plan), plan.dimension) == ([("total_bill", "avg")], "meal")
    scatter = planner.plan(
        "Variables: independent = petal length, dependent = sepal length. Plot the raw observations."
    )
    assert scatter.chart_type == "scatter"
    assert [m.name for m in scatter.measures] == ["petal_length", "sepal_length"]


def test_both_groups_are_the_control_and_the_treatment(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Control group: non-smokers. Treatment group: smokers. n = 244. "
        "Dependent variable: tip. Plot the mean for both groups by day."
    )
    assert measures_of(plan) == [("tip", "avg")]
    assert {plan.dimension, plan.series} == {"day", "smoker"}
    two_days = planner.plan("Control: Thursday. Treatment: Saturday. Plot the average bill for both groups.")
    assert filters_of(two_days) == [("day", "in", ["Thur", "Sat"])]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("H0: lunch and dinner tip alike. Run a t-test and give me the p-value.", "p-value"),
        ("Method: plot the mean petal length per species with 95% confidence intervals.", "confidence"),
        ("Treatment: halve every table's bill, then plot the average bill by day.", "halve|table"),
        ("Variables: independent = rainfall, dependent = tip. Plot tip against rainfall.", "rainfall"),
        (
            "Hypothesis: wealth drives health. Plot the evidence that GDP causes long lives.",
            "evidence|causes",
        ),
    ],
)
def test_what_a_chart_cannot_show_stays_refused(planner: RulePlanner, question: str, named: str) -> None:
    with pytest.raises(UnchartableQuestion, match=named):
        planner.plan(question)


@pytest.mark.parametrize(
    "text",
    [
        "Average tip by day",
        "Control, this is Bravo Two. Request tip by day. Over.",
        "Show me the evidence of growth in Asia's population.",
        "Top 5 countries by population in 2007",
    ],
)
def test_text_with_no_notebook_label_is_unchanged(semantic_model: SemanticModel, text: str) -> None:
    assert unnotebook(text, semantic_model) == text
