"""The `Chart` row a finished task stores: the plan and its rows drawn, with where they came from."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

from shared.db.tables import Chart
from shared.job import ChartJob
from shared.models import utcnow
from worker.extraction import QueryResult
from worker.figure import build_figure, interpretation, time_range_of
from worker.plan import ChartPlan
from worker.planner.describe import describe
from worker.runtime.context import WorkerContext


def chart_row(
    ctx: WorkerContext,
    job: ChartJob,
    *,
    task_id: str,
    owner_id: str,
    plan: ChartPlan,
    result: QueryResult,
    left_out: tuple[str, ...] = (),
) -> Chart:
    """The chart of `plan` drawn from `result`, for the message and session the task `job` came from;
    its description says the plan in words, and what of the question it left out (`left_out`)."""
    figure = build_figure(plan, result, ctx.model)
    start, end = time_range_of(plan, result)
    now = utcnow()
    return Chart(
        id=str(uuid4()),
        task_id=task_id,
        message_id=job.message_id,
        session_id=job.session_id,
        owner_id=owner_id,
        org_id=job.org,
        visibility=job.visibility.value,
        request_key=job.request_key,
        title=plan.title,
        spec=plan.model_dump(mode="json"),
        figure=figure,
        sql=result.sql,
        row_count=result.row_count,
        interpretation=interpretation(plan, ctx.model),
        description=describe(plan, ctx.model, left_out),
        time_start=start,
        time_end=end,
        data_as_of=ctx.model.data_as_of(plan.dataset),
        created_at=now,
        expires_at=now + timedelta(days=ctx.settings.chart_ttl_days),
    )
