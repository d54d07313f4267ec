"""Which planner answers a message (worker.planner.choose): a follow-up changes the session's earlier
chart, a question that stands alone starts over, and a message that is neither gets the refusal that
names what cannot be charted, never a chart of the words that could be read."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest

from worker.plan import ChartPlan
from worker.planner.adjust.apply import adjust
from worker.planner.choose import PlanRequest, adjusted_plan, plan_offline, plan_standing_alone
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.runtime.context import WorkerContext
from worker.semantic import SemanticModel

HEADLINE = "life expectancy in Mexico and Canada since 1980"


@pytest.fixture(scope="module")
def headline(planner: RulePlanner) -> ChartPlan:
    return planner.plan(HEADLINE)


def filters_of(plan: ChartPlan) -> dict[str, Any]:
    return {f.column: (f.op, f.value) for f in plan.filters}


def offline_context(planner: RulePlanner, model: SemanticModel) -> WorkerContext:
    """What the offline planning path uses of a worker: its rule planner and semantic model."""
    return cast(WorkerContext, SimpleNamespace(planner=planner, model=model, llm_planner=None))


FOLLOW_UPS = ["add Brazil", "show the top 5", "show population instead", "use median instead", "as a pie"]


@pytest.mark.parametrize("text", FOLLOW_UPS)
def test_a_follow_up_message_changes_the_earlier_plan(
    planner: RulePlanner, semantic_model: SemanticModel, headline: ChartPlan, text: str
) -> None:
    ctx = offline_context(planner, semantic_model)
    outcome = adjusted_plan(ctx, PlanRequest(question=text, earlier=headline))
    assert outcome is not None and outcome.source == "adjustment"
    assert outcome.plan == adjust(headline, text, semantic_model)


@pytest.mark.parametrize("text", ["average tip by day", "now show tips by day", "life expectancy in Japan"])
async def test_a_question_that_stands_alone_starts_over(
    planner: RulePlanner, semantic_model: SemanticModel, headline: ChartPlan, text: str
) -> None:
    ctx = offline_context(planner, semantic_model)
    assert adjusted_plan(ctx, PlanRequest(question=text, earlier=headline)) is None
    outcome = await plan_offline(ctx, PlanRequest(question=text, earlier=headline))
    assert outcome.source == "rules" and outcome.plan == planner.plan(text.removeprefix("now show "))


async def test_without_an_earlier_chart_a_follow_up_gets_the_planners_refusal(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    with pytest.raises(UnchartableQuestion, match="says what to compare but not what to measure"):
        await plan_offline(offline_context(planner, semantic_model), PlanRequest(question="add Brazil"))


async def test_an_adjustment_without_a_chart_adjusts_the_question(
    planner: RulePlanner, semantic_model: SemanticModel
) -> None:
    ctx = offline_context(planner, semantic_model)
    outcome = await plan_offline(ctx, PlanRequest(question=HEADLINE, adjustment="make it a bar chart"))
    assert outcome.source == "adjustment" and outcome.plan.chart_type == "bar"
    assert filters_of(outcome.plan) == {"country": ("in", ["Mexico", "Canada"])}


@pytest.mark.parametrize(
    "text", [*FOLLOW_UPS, "average tip by day", "now show tips by day", "life expectancy in Japan"]
)
def test_the_earlier_plan_is_read_only_when_it_could_matter(
    planner: RulePlanner, semantic_model: SemanticModel, headline: ChartPlan, text: str
) -> None:
    """The worker skips the query for the session's earlier plan when the question stands alone: that
    is only safe if such a question never becomes a follow-up, and its plan is the planner's own."""
    ctx = offline_context(planner, semantic_model)
    alone = plan_standing_alone(ctx, text)
    if text in FOLLOW_UPS:
        assert alone is None
    if alone is not None:
        assert adjusted_plan(ctx, PlanRequest(question=text, earlier=headline)) is None
        assert alone == planner.plan(text)
    assert plan_standing_alone(ctx, "average tip by day") == planner.plan("average tip by day")


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        # Read as "add France" before: a life-expectancy chart answered an unemployment question.
        ("what is the unemployment rate in France", "unemployment|not what to measure"),
        # Read as a change before, and refused with "ask for it as a new question", which it was.
        ("tesla stock price", "Tesla isn\u2019t among them|Tesla isn't among them"),
    ],
)
async def test_a_new_question_that_cannot_be_charted_gets_the_planners_refusal(
    planner: RulePlanner, semantic_model: SemanticModel, headline: ChartPlan, text: str, refusal: str
) -> None:
    ctx = offline_context(planner, semantic_model)
    with pytest.raises(UnchartableQuestion, match=refusal):
        await plan_offline(ctx, PlanRequest(question=text, earlier=headline))


@pytest.mark.parametrize("text", ["show stock price instead", "instead, show stock price"])
async def test_another_datasets_measure_instead_is_planned_afresh(
    planner: RulePlanner, semantic_model: SemanticModel, headline: ChartPlan, text: str
) -> None:
    outcome = await plan_offline(
        offline_context(planner, semantic_model), PlanRequest(question=text, earlier=headline)
    )
    assert outcome.source == "rules"
    assert outcome.plan == planner.plan("show stock price")


async def test_instead_of_stays_a_change_of_the_earlier_chart(
    planner: RulePlanner, semantic_model: SemanticModel, headline: ChartPlan
) -> None:
    text = "population instead of life expectancy"
    outcome = await plan_offline(
        offline_context(planner, semantic_model), PlanRequest(question=text, earlier=headline)
    )
    assert outcome.source == "adjustment"
    assert [m.name for m in outcome.plan.measures] == ["pop"]
    assert filters_of(outcome.plan) == filters_of(headline)
