"""A software tester's bug report (worker.planner.bug_reports): the expected result is the chart, the actual
result, severity, repro rate and environment are context, the steps count only where the expected result
points back to them, and what the data cannot answer stays refused by name."""

from __future__ import annotations

import pytest

from tests.worker.planner.plan_fields import filters_of, measures_of, period_of
from worker.planner.bug_reports import unbug_report
from worker.planner.errors import UnchartableQuestion
from worker.planner.rules import RulePlanner
from worker.semantic import SemanticModel


def test_the_expected_result_is_the_chart_and_the_actual_one_is_not(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Bug #512: wrong chart type. Expected behaviour: the total tip per meal as a pie. "
        "Actual behaviour: bars. Priority: P3."
    )
    assert (plan.dataset, measures_of(plan), plan.dimension, plan.chart_type) == (
        "tips",
        [("tip", "sum")],
        "meal",
        "pie",
    )


@pytest.mark.parametrize(
    "question",
    [
        "Expected result: total votes per district for Joly, most first. Actual result: the chart shows "
        "Coderre. Repro rate 5/5. Environment: prod.",
        "Severity: major. Expected: total votes per district for Joly, most first. Actual: Coderre's "
        "districts. Reproducibility: always. Browser: Edge 119.",
    ],
)
def test_the_actual_result_and_environment_name_no_filter(planner: RulePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan)) == ("district", [("candidate", "eq", "Joly")])
    assert (plan.limit, plan.sort and plan.sort.direction) == (None, "desc")


def test_a_bold_heading_and_the_numbers_of_the_context_add_no_limit(planner: RulePlanner) -> None:
    plan = planner.plan(
        "**Expected result:** the 3 directions with the lowest wind frequency in the 0-1 band, lowest first. "
        "**Actual result:** all 16 directions. Environment: Safari 17 on macOS, build 2210."
    )
    assert (plan.dimension, plan.limit, filters_of(plan)) == ("direction", 3, [("strength", "eq", "0-1")])
    assert plan.sort is not None and plan.sort.direction == "asc"


def test_i_should_see_comes_off_the_expected_result(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Expected outcome: I should see a line of Google's share price over 2018. Observed: the chart is "
        "empty. Reproducibility: always."
    )
    assert (plan.chart_type, plan.use_time, filters_of(plan)) == ("line", True, [("ticker", "eq", "GOOG")])
    assert period_of(plan) == ("2018", "2018")


@pytest.mark.parametrize(
    ("question", "dimension", "kept"),
    [
        (
            "Steps to reproduce: 1. Open the gapminder data. 2. Pick Europe. Expected: the average GDP per "
            "capita of each country on that continent in 2002, richest first. Actual: only 5 countries.",
            "country",
            ("continent", "eq", "Europe"),
        ),
        (
            "Steps to reproduce: open the tips data, choose Saturday. Expected result: the average tip per "
            "party size on that day. Actual result: every day is shown.",
            "party_size",
            ("day", "eq", "Sat"),
        ),
    ],
)
def test_a_step_is_kept_where_the_expected_result_points_back_to_it(
    planner: RulePlanner, question: str, dimension: str, kept: tuple[str, str, str]
) -> None:
    plan = planner.plan(question)
    assert (plan.dimension, filters_of(plan)) == (dimension, [kept])


@pytest.mark.parametrize(
    ("question", "dataset", "kept"),
    [
        (
            "STR: open iris, pick virginica. Expected result: a histogram of its petal length. "
            "Actual result: all three species.",
            "iris",
            ("species", "eq", "virginica"),
        ),
        (
            "Steps to reproduce: 1. Load stocks. 2. Select Amazon. Expected result: its daily share price in "
            "2019 as a line. Actual result: the line is flat.",
            "stocks",
            ("ticker", "eq", "AMZN"),
        ),
    ],
)
def test_its_points_back_to_the_value_the_steps_picked(
    planner: RulePlanner, question: str, dataset: str, kept: tuple[str, str, str]
) -> None:
    plan = planner.plan(question)
    assert (plan.dataset, filters_of(plan)) == (dataset, [kept])


def test_a_step_the_expected_result_does_not_point_to_is_no_filter(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Steps to reproduce: open the medals data and pick Canada. Expected result: medals per nation, "
        "split by medal, most first. Actual result: a pie."
    )
    assert (plan.dimension, plan.series, filters_of(plan)) == ("nation", "medal", [])


def test_an_expected_chart_type_alone_draws_the_steps_request(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Steps to reproduce: ask for the average tip by day. Expected result: a bar chart. "
        "Actual result: a pie chart. Severity: low."
    )
    assert (measures_of(plan), plan.dimension, plan.chart_type) == ([("tip", "avg")], "day", "bar")


def test_a_request_before_the_actual_result_is_the_chart(planner: RulePlanner) -> None:
    plan = planner.plan(
        "Total medals by nation as a pie please. Actual result: a bar chart. Severity: minor."
    )
    assert (plan.dataset, plan.dimension, plan.chart_type) == ("medals", "nation", "pie")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (
            "Expected result: a chart of the tips each waiter got. Actual result: crash. Severity: critical.",
            "waiter",
        ),
        ("Expected result: life expectancy by country in 2015. Actual result: 2007 is shown.", "2015"),
        (
            "Steps to reproduce: open the wind data. Expected result: the wind speed in mph per direction. "
            "Actual result: percentages.",
            "mph",
        ),
    ],
)
def test_what_the_data_cannot_answer_stays_refused_by_name(
    planner: RulePlanner, question: str, named: str
) -> None:
    with pytest.raises(UnchartableQuestion) as refused:
        planner.plan(question)
    assert named in str(refused.value)
    assert "Try" in str(refused.value)


def test_an_earlier_report_is_refused_with_what_can_be_asked(planner: RulePlanner) -> None:
    with pytest.raises(UnchartableQuestion, match="Try measures"):
        planner.plan("Expected result: the chart from ticket 88, but correct. Actual result: still wrong.")


@pytest.mark.parametrize(
    "question",
    [
        "Note: only 2007. Show population by continent.",
        "Steps: 1. open the tips data 2. chart the average tip by day.",
        "Average tip by day, as bars.",
    ],
)
def test_text_without_a_bug_reports_headings_is_unchanged(
    semantic_model: SemanticModel, question: str
) -> None:
    assert unbug_report(question, semantic_model) == question
