"""The planning step of a task, and the plans it may change, read from the charts its own user made
before (never anyone else's): for an adjustment, the latest chart of the same message; for a possible
follow-up, the latest chart of an earlier message of the same session. Whether a message really is a
follow-up is decided by worker.planner.choose once the plan is known."""

from __future__ import annotations

import structlog
from pydantic import ValidationError

from shared.db.charts import latest_chart_before_message, latest_chart_of_message
from shared.db.tables import Chart
from shared.job import ChartJob
from worker.plan import ChartPlan
from worker.planner.choose import PlanOutcome, PlanRequest, plan_chart, plan_standing_alone
from worker.planner.llm.planner import LLMRefusal
from worker.planner.rules import UnchartableQuestion
from worker.runtime.context import WorkerContext
from worker.semantic import PlanValidationError, SemanticModel
from worker.task.earlier_charts import OnWait, wait_for_earlier_charts
from worker.task.failures import TaskFailure
from worker.task.refresh import stored_plan
from worker.task.state import TaskRunState

log = structlog.get_logger("chartq.worker")


async def plan_task(ctx: WorkerContext, job: ChartJob, state: TaskRunState, on_wait: OnWait) -> PlanOutcome:
    """The task's plan, validated, with how it was made in `state.plan_details`; a question that cannot
    be charted, or a plan that is not valid, fails the task with its reason. A possible follow-up first
    waits for the charts of earlier messages still being made (`on_wait` is told)."""
    if job.refresh_chart_id is not None:
        outcome = await stored_plan(ctx, job.refresh_chart_id, state.user_id)
        state.plan_details = {"source": outcome.source, **outcome.details}
        return outcome
    try:
        outcome = await plan_chart(ctx, await load_plan_request(ctx, job, state.user_id, on_wait))
        state.plan_details = {"source": outcome.source, **outcome.details}
        ctx.model.validate_plan(outcome.plan)
    except LLMRefusal as exc:
        state.plan_details = exc.plan_details
        raise TaskFailure("unchartable", str(exc)) from exc
    except UnchartableQuestion as exc:
        raise TaskFailure("unchartable", str(exc)) from exc
    except PlanValidationError as exc:
        raise TaskFailure("invalid_plan", f"The chart plan was not valid: {exc}") from exc
    return outcome


async def load_plan_request(ctx: WorkerContext, job: ChartJob, user_id: str, on_wait: OnWait) -> PlanRequest:
    """The job's question and adjustment with the earlier plans of `user_id` that they may change."""
    adjustment = job.adjustment_query or None
    question = job.question
    previous = earlier = None
    if not adjustment and (planned := plan_standing_alone(ctx, question)) is not None:
        return PlanRequest(question=question, planned=planned)
    if adjustment:
        async with ctx.sessions() as db:
            previous = _plan_of(await latest_chart_of_message(db, user_id, job.message_id), ctx.model)
    if previous is None:
        await wait_for_earlier_charts(ctx, job, user_id, on_wait)
        async with ctx.sessions() as db:
            chart = await latest_chart_before_message(db, user_id, job.session_id, job.message_id)
        earlier = _plan_of(chart, ctx.model)
    return PlanRequest(question=question, adjustment=adjustment, previous=previous, earlier=earlier)


def _plan_of(chart: Chart | None, model: SemanticModel) -> ChartPlan | None:
    """The chart's plan, or None when the semantic model changed under it since it was made."""
    if chart is None:
        return None
    try:
        plan = ChartPlan.model_validate(chart.spec)
        model.validate_plan(plan)
    except (ValidationError, PlanValidationError) as exc:
        log.info("an earlier chart no longer fits the semantic model", chart_id=chart.id, error=str(exc))
        return None
    return plan
