"""The task that refreshes a chart: an ordinary chart task of the chart's owner, on the chart's message
(so it shows in by-message and the streams), whose job says to redraw the chart's stored plan on current
data and add a version to it (shared.job.ChartJob.refresh_chart_id; the worker's worker.task.refresh)."""

from __future__ import annotations

from shared.db.tables import Chart
from shared.job import ChartJob, request_key
from shared.models import Priority, TaskDTO, Visibility
from shared.task_states import accepted
from shared.task_store import CreateResult, TaskStore

# Refreshes run in the background: they give way to the questions people are waiting for.
REFRESH_PRIORITY = Priority.LOW


def refresh_request_key(chart_id: str) -> str:
    """The request key of every refresh of one chart, never that of a question: a refresh still queued
    or running is found ("existing") instead of a second one being stacked behind it."""
    return request_key(f"\0refresh {chart_id}")


async def submit_refresh(store: TaskStore, chart: Chart, task_id: str) -> tuple[TaskDTO, CreateResult]:
    """Stores and enqueues the refresh task `task_id` of `chart` for the chart's owner."""
    dto = accepted(task_id, chart.message_id, chart.session_id, REFRESH_PRIORITY)
    job = ChartJob.for_task(
        dto,
        user_id=chart.owner_id,
        org=chart.org_id,
        question=chart.title,
        visibility=Visibility(chart.visibility),
    ).model_copy(update={"request_key": refresh_request_key(chart.id), "refresh_chart_id": chart.id})
    return dto, await store.create(dto, job)
