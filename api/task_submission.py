"""Submitting one chart task for a message: what POST .../async and each message of a batch share."""

from __future__ import annotations

from datetime import datetime
from uuid import uuid4

from api.errors import ApiError
from api.limits import too_many_writes
from api.task_dependencies import Dependencies
from shared.auth import Principal
from shared.db.charts import RequestedMessage
from shared.job import ChartJob
from shared.models import Priority, TaskDTO, Visibility
from shared.task_states import accepted
from shared.task_store import CreateResult, TaskStore, WriteWindow

HIGH_PRIORITY_REFUSED = "High priority needs the operator or priority role; use normal or low."


def check_priority(user: Principal, priority: Priority) -> None:
    if priority == Priority.HIGH and not user.may_use_high_priority:
        raise ApiError(403, "priority_not_allowed", HIGH_PRIORITY_REFUSED)


async def submit_task(
    store: TaskStore,
    user: Principal,
    message: RequestedMessage,
    *,
    priority: Priority,
    visibility: Visibility,
    adjustment_query: str | None = None,
    start_at: datetime | None = None,
    dependencies: Dependencies | None = None,
    new_chart: bool = False,
    reservation: str = "",
    writes: WriteWindow | None = None,
) -> tuple[TaskDTO, CreateResult]:
    """Stores and enqueues a new task for `message` (shared.task_store.TaskStore.create), or schedules
    it for `start_at`: the task as accepted, and what the store did (created it, found the same request
    active, or refused it). Unless `new_chart` is asked for, a task of the same request that completed
    since the caller looked for the message's chart answers too (no second chart for one message).
    A task of a batch passes the batch's `reservation`: the room it was given (TaskStore.reserve); a
    single creation passes the caller's `writes` window, counted by the same round trip."""
    waits_for = dependencies.task_ids if dependencies else []
    dto = accepted(
        str(uuid4()),
        message.id,
        message.session_id,
        priority,
        start_at=start_at,
        waiting_on=dependencies.active if dependencies else 0,
        dependency_failed=dependencies.failed if dependencies else False,
    )
    job = ChartJob.for_task(
        dto,
        user_id=user.user_id,
        org=user.org,
        question=message.content,
        adjustment_query=adjustment_query,
        visibility=visibility,
    )
    start_at_ms = int(start_at.timestamp() * 1000) if start_at else 0
    return dto, await store.create(
        dto,
        job,
        start_at_ms,
        waits_for,
        completed_answers=not new_chart,
        reservation=reservation,
        writes=writes,
    )


def refusal(result: CreateResult, writes: WriteWindow | None = None) -> ApiError | None:
    """The error answering a refused creation: the user's writes this minute (429, past `writes`' limit),
    the user's active-task cap (429) or a full queue (503)."""
    if result.outcome == "too_many_writes" and writes is not None:
        return too_many_writes(writes)
    if result.outcome == "user_cap":
        return too_many_active_tasks(f"You have {result.count} charts in progress; wait for one to finish.")
    if result.outcome == "queue_full":
        return queue_full()
    return None


def too_many_active_tasks(detail: str) -> ApiError:
    return ApiError(429, "too_many_active_tasks", detail, {"Retry-After": "5"})


def queue_full() -> ApiError:
    return ApiError(503, "queue_full", "The chart queue is full; try again shortly.", {"Retry-After": "10"})
