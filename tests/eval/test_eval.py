"""The evaluation sets as tests: accuracy, refusals, silent errors held to their floors, and every plan
run for real into a valid figure."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.eval.scoring import (
    EXACT_TARGET,
    SETS,
    EvalSet,
    Outcome,
    Question,
    evaluate,
    expected_fields,
    helpful,
    load_floors,
    load_questions,
    plan_fields,
    report,
    score,
)
from worker.extraction import compile_query, run_query
from worker.figure import build_figure, interpretation
from worker.plan import ChartPlan, Filter
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel, load_semantic_model

QUESTIONS = load_questions()
CHARTABLE = [q.text for q in QUESTIONS if q.expect is not None]
REFUSED = [q.text for q in QUESTIONS if q.expect is None]
CANARY = "Canada'; DROP TABLE gapminder;--"


def test_the_set_is_large_and_varied() -> None:
    assert len(QUESTIONS) >= 170 and len(REFUSED) >= 20
    datasets = {q.expect["dataset"] for q in QUESTIONS if q.expect is not None}
    assert datasets >= {"gapminder", "stocks", "tips", "medals", "wind", "iris", "election"}
    charts = {q.expect["chart_type"] for q in QUESTIONS if q.expect is not None}
    assert charts == {"line", "bar", "scatter", "pie", "area", "histogram"}
    assert len({q.text.lower() for q in QUESTIONS}) == len(QUESTIONS), "a question is listed twice"


def test_exact_plan_accuracy_reaches_the_target(planner: RulePlanner) -> None:
    outcomes = evaluate(planner, QUESTIONS)
    text, passed = report(outcomes)
    exact = sum(o.exact for o in outcomes) / len(outcomes)
    assert exact >= EXACT_TARGET, text
    assert passed, text


@pytest.mark.parametrize("each", SETS, ids=[s.key for s in SETS])
def test_every_set_holds_its_floor(planner: RulePlanner, each: EvalSet) -> None:
    outcomes = evaluate(planner, load_questions(each.path))
    failures = score(outcomes).floor_failures(load_floors()[each.key])
    assert not failures, report(outcomes, target=False)[0]


def test_silent_errors_are_answers_that_differ_not_refusals(planner: RulePlanner) -> None:
    expect = {"dataset": "tips", "measures": ["tip avg"], "dimension": "day", "chart_type": "bar"}
    right, wrong = Question("average tip by day", expect), Question("average tip by sex", expect)
    refused, answered = Question("weather in Paris", None), Question("average tip by day", None)
    outcomes = evaluate(planner, [right, wrong, refused, answered])
    assert [(o.exact, o.silent) for o in outcomes] == [
        (True, False),
        (False, True),
        (True, False),
        (False, True),
    ]
    assert score(outcomes).silent == 2
    unanswered = Outcome(Question("x", expect), refusal="no", wrong={"dataset": ("tips", "(refused)")})
    assert not unanswered.silent and not unanswered.exact


def test_plans_are_compared_as_the_charts_they_draw(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    plan = planner.plan("google stock price since October 2018")
    expect = {"dataset": "stocks", "measures": ["price avg"], "use_time": True, "chart_type": "line",
              "filters": [["ticker", "eq", "GOOG"]], "time_range": ["2018-10-01", None]}  # fmt: skip
    assert plan_fields(plan, semantic_model) == expected_fields(expect, semantic_model)
    assert plan_fields(plan)["time_range"] != expected_fields(expect)["time_range"]  # as written, they differ
    both = planner.plan("average tip for smokers vs non-smokers")
    expect = {"dataset": "tips", "measures": ["tip avg"], "dimension": "smoker", "sort": "tip desc",
              "chart_type": "bar"}  # fmt: skip
    assert plan_fields(both, semantic_model) == expected_fields(expect, semantic_model)


@pytest.mark.parametrize("question", REFUSED)
def test_must_refuse_questions_are_refused_helpfully(
    planner: RulePlanner, semantic_model: SemanticModel, question: str
) -> None:
    with pytest.raises(UnchartableQuestion) as caught:
        planner.plan(question)
    message = str(caught.value)
    assert helpful(message, semantic_model), message
    assert "Try" in message


@pytest.mark.parametrize("question", CHARTABLE)
async def test_every_plan_runs_and_draws_a_valid_figure(
    warehouse: AsyncEngine, planner: RulePlanner, semantic_model: SemanticModel, question: str
) -> None:
    plan = planner.plan(question)
    result = await run_query(warehouse, plan, semantic_model)
    figure = build_figure(plan, result, semantic_model)
    go.Figure(figure)  # plotly's own validators raise on any invalid property
    sizes = [len(t.get("x") or t.get("values") or t.get("y") or []) for t in figure["data"]]
    assert sizes and max(sizes) > 0, f"{question!r} drew no data"
    assert plan.title.strip() and interpretation(plan, semantic_model).endswith(".")


def _compiled_sql(plan: ChartPlan, model: SemanticModel) -> list[str]:
    stmt = compile_query(plan, model, row_limit=10_000)
    return [str(stmt.compile(dialect=d)) for d in (sqlite.dialect(), postgresql.dialect())]


@pytest.mark.parametrize("question", CHARTABLE)
def test_filter_values_reach_sql_only_as_bound_parameters(
    planner: RulePlanner, semantic_model: SemanticModel, question: str
) -> None:
    plan = planner.plan(question)
    values = [v for f in plan.filters for v in (f.value if isinstance(f.value, list) else [f.value])]
    bounds = [b for b in (plan.time_range.start, plan.time_range.end) if b] if plan.time_range else []
    for sql in _compiled_sql(plan, semantic_model):
        # No string literal at all; and no value long enough not to be part of a keyword ("W", "N").
        assert "'" not in sql, sql
        for value in [*values, *bounds]:
            if isinstance(value, str) and len(value) > 2:
                assert value not in sql, (question, value, sql)


def test_an_injection_canary_never_reaches_sql_text(planner: RulePlanner) -> None:
    # The planner refuses the message whole (worker.planner.system_instructions)...
    with pytest.raises(UnchartableQuestion, match="DROP TABLE"):
        planner.plan(f"life expectancy in {CANARY}")
    plan = planner.plan("life expectancy in Canada")
    # ...and even a plan that carried the whole text (no warehouse facts to reject it) only binds it.
    unchecked = load_semantic_model()
    raw = plan.model_copy(update={"filters": [Filter(column="country", op="eq", value=CANARY)]})
    for sql in _compiled_sql(raw, unchecked):
        assert "DROP" not in sql and "Canada" not in sql and "'" not in sql
