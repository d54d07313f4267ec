"""Ending a chart task: its terminal state, written (fenced by its attempt), then what it leaves behind."""

from __future__ import annotations

from collections.abc import Sequence

import structlog

from shared import task_states
from shared.models import TaskDTO, TaskStatus, utcnow
from shared.task_store import TransitionResult
from worker.runtime.context import WorkerContext
from worker.task.records import outcome_counts, record_task_end
from worker.task.spans import task_ended
from worker.task.state import TaskRunState

log = structlog.get_logger("chartq.worker")


async def end_task(
    ctx: WorkerContext,
    state: TaskRunState,
    status: TaskStatus,
    *,
    code: str | None = None,
    error: str | None = None,
    chart_id: str | None = None,
    message: str | None = None,
    attempt: int = 0,
    worker_id: str | None = None,
    held_steps: Sequence[TaskDTO] = (),
    ends_job: bool = False,
) -> TransitionResult:
    """Writes the terminal state as a write of `attempt` (0: before any attempt started), after the
    `held_steps` not sent yet (worker.task.held_steps), with the task's statistics, which the script
    counts only if it applies the write (and ends the task's arq job then, when `ends_job`). Only then
    does `state.dto` become it, and the run record follow; the record names `worker_id` when the task
    last ran on another worker (its attempts used up by workers that died)."""
    now = utcnow()
    ended = task_states.finished(state.dto, status, code=code, error=error, chart_id=chart_id, now=now)
    if message is not None:
        ended = ended.model_copy(update={"message": message})
    counts = outcome_counts(
        ctx,
        ended,
        user_id=state.user_id,
        worker_id=worker_id or ctx.worker_id,
        step_durations_ms=state.durations_ms,
    )
    outcome = await ctx.store.transition(
        ended, state.user_id, attempt=attempt, held_steps=held_steps, counts=counts, ends_job=ends_job
    )
    if not outcome.applied:
        return outcome
    state.dto = ended
    task_ended(status, code, ended.attempt)
    if status == TaskStatus.COMPLETED and ended.started_at is not None:
        ctx.observe_duration((now - ended.started_at).total_seconds())
    log.info(
        "task ended",
        status=status.value,
        error_code=code,
        durations_ms=state.durations_ms,
        plan=state.plan_details,
    )
    await record_task_end(
        ctx,
        ended,
        user_id=state.user_id,
        request_key=state.job.request_key,
        step_durations_ms=state.durations_ms,
        plan_details=state.plan_details,
        worker_id=worker_id,
        counted=True,
    )
    return outcome
