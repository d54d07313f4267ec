"""A refresh task (shared.job.ChartJob.refresh_chart_id, made when a chart's schedule fires): it takes
the chart's stored plan instead of planning, runs it on current data, and adds a version to the chart
(shared.db.chart_versions) instead of storing a new one. Only a chart the task's own user owns, still
live, is refreshed; otherwise the task fails with `chart_gone`, which pauses the schedule."""

from __future__ import annotations

import asyncio
import time

import structlog
from pydantic import ValidationError

from shared.auth import Principal
from shared.db.chart_versions import add_version
from shared.db.charts import can_view
from shared.db.tables import Chart
from shared.job import ChartJob
from worker.plan import ChartPlan
from worker.planner.choose import PlanOutcome
from worker.runtime.context import WorkerContext
from worker.runtime.sql_writes import database_away
from worker.semantic import PlanValidationError
from worker.task.failures import TaskFailure

log = structlog.get_logger("chartq.worker")

CHART_GONE = "chart_gone"
# Between looks at a database that is away while a drawn chart waits for it.
FIRST_PAUSE_S = 0.5
MAX_PAUSE_S = 5.0
_GONE_MESSAGE = "The chart this refresh was for has been deleted or has expired."


async def stored_plan(ctx: WorkerContext, chart_id: str, user_id: str) -> PlanOutcome:
    """The plan the chart was drawn from, as it was planned (no planner runs)."""
    async with ctx.sessions() as db:
        chart = await db.get(Chart, chart_id)
    if chart is None or chart.owner_id != user_id or not _live(chart):
        raise TaskFailure(CHART_GONE, _GONE_MESSAGE)
    try:
        plan = ChartPlan.model_validate(chart.spec)
        ctx.model.validate_plan(plan)
    except (ValidationError, PlanValidationError) as exc:
        raise TaskFailure("invalid_plan", f"The chart's plan no longer fits the data: {exc}") from exc
    return PlanOutcome(plan=plan, source="refresh", details={"refreshes": chart_id})


async def persist(ctx: WorkerContext, job: ChartJob, drawn: Chart) -> Chart:
    """Stores what the task drew: a new chart (with the other tasks' rows, worker.runtime.sql_writes), or
    for a refresh a new version of the chart it redrew. While the database is away it waits for it, up
    to CHARTQ_DATABASE_WAIT_SECONDS: the chart is drawn, and a new attempt would only draw it again
    (a restart of half a minute used up every attempt's backoff and failed the chart)."""
    deadline = time.monotonic() + ctx.settings.database_wait_seconds
    pause = FIRST_PAUSE_S
    while True:
        try:
            return await _store(ctx, job, drawn)
        except Exception as exc:
            if not database_away(exc) or time.monotonic() + pause > deadline:
                raise
            log.warning("the database is away; the chart waits for it", error=repr(exc), retry_in_s=pause)
        await asyncio.sleep(pause)
        pause = min(pause * 2, MAX_PAUSE_S)


async def _store(ctx: WorkerContext, job: ChartJob, drawn: Chart) -> Chart:
    if job.refresh_chart_id is None:
        return await ctx.sql_writes.save_chart(drawn)
    async with ctx.sessions() as db:
        chart = await add_version(db, job.refresh_chart_id, drawn)
    if chart is None:
        raise TaskFailure(CHART_GONE, _GONE_MESSAGE)
    return chart


def _live(chart: Chart) -> bool:
    # can_view's liveness test: the owner may view their own chart while it is neither deleted nor expired.
    return can_view(chart, Principal(user_id=chart.owner_id))
