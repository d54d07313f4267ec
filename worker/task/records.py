"""What a finished task leaves behind: its SQL run record, the queue statistics, the worker's counters."""

from __future__ import annotations

from typing import Any

from shared.db.tables import TaskRun
from shared.models import TaskDTO, TaskStatus
from shared.stats.store import OutcomeCount
from worker.runtime.context import WorkerContext


def duration_series(task: TaskDTO, step_durations_ms: dict[str, float]) -> dict[str, float]:
    """Durations that feed p50/p95: each step, the queue wait and end to end (accepted -> done)."""
    if task.status != TaskStatus.COMPLETED or task.completed_at is None:
        return {}
    series: dict[str, float] = {step: float(ms) for step, ms in step_durations_ms.items()}
    series["end_to_end"] = (task.completed_at - task.created_at).total_seconds() * 1000
    if task.started_at is not None:
        series["queue_wait"] = (task.started_at - task.created_at).total_seconds() * 1000
    return series


def plan_columns(details: dict[str, Any]) -> dict[str, Any]:
    """TaskRun columns from how the plan was made (worker.planner.choose.PlanOutcome: source + details)."""

    def number(key: str) -> int | None:
        value = details.get(key)
        return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None

    def text(key: str, size: int) -> str | None:
        value = details.get(key)
        return str(value)[:size] if value is not None else None

    return {
        "planner": text("source", 16),
        "llm_model": text("llm_model", 128),
        "llm_prompt_tokens": number("llm_prompt_tokens"),
        "llm_completion_tokens": number("llm_completion_tokens"),
        "llm_latency_ms": number("llm_latency_ms"),
        "llm_rounds": number("llm_rounds"),
        "llm_fallback_reason": text("fallback_reason", 32),
    }


def count_outcome(ctx: WorkerContext, task: TaskDTO) -> None:
    """The counters this worker reports in its heartbeat: only the tasks it ran itself."""
    if task.status == TaskStatus.COMPLETED:
        ctx.completed += 1
    elif task.status == TaskStatus.FAILED:
        ctx.failed += 1


def outcome_counts(
    ctx: WorkerContext, task: TaskDTO, *, user_id: str, worker_id: str, step_durations_ms: dict[str, float]
) -> OutcomeCount:
    """The queue statistics of a task that just ended, with the failure the dashboard lists."""
    failure = None
    if task.status == TaskStatus.FAILED:
        failure = {
            "task_id": task.task_id,
            "user_id": user_id,
            "error_code": task.error_code,
            "error_message": task.error_message,
            "failed_at": task.completed_at.isoformat() if task.completed_at else None,
            "worker_id": worker_id,
        }
    durations = duration_series(task, step_durations_ms)
    return ctx.stats.outcome(task.status.value.lower(), durations_ms=durations, failure=failure)


async def record_task_end(
    ctx: WorkerContext,
    task: TaskDTO,
    *,
    user_id: str,
    request_key: str,
    step_durations_ms: dict[str, float] | None = None,
    plan_details: dict[str, Any] | None = None,
    worker_id: str | None = None,
    counted: bool = False,
) -> None:
    """The run row, the outcome statistics (unless the terminal write `counted` them already) and the
    worker's counters of a task that just ended. The owner comes from the task hash, not the job, so a
    malformed job is recorded too. `worker_id` is the worker that ran the task when it is not this one
    (the reaper ends the tasks of dead workers)."""
    step_durations_ms = step_durations_ms or {}
    if worker_id in (None, ctx.worker_id):
        worker_id = ctx.worker_id
        count_outcome(ctx, task)
    run = TaskRun.of_task(
        task,
        user_id=user_id,
        request_key=request_key,
        worker_id=worker_id,
        step_durations_ms=step_durations_ms,
        plan_columns=plan_columns(plan_details or {}),
    )
    ctx.sql_writes.add_run(run)  # written behind the task, with the rows of the tasks ending meanwhile
    if not counted:
        counts = outcome_counts(
            ctx, task, user_id=user_id, worker_id=worker_id, step_durations_ms=step_durations_ms
        )
        await ctx.stats.record_count(counts)
