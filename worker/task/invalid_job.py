"""A job that is not a ChartJob (malformed, or from an incompatible version of chartq)."""

from __future__ import annotations

from typing import Any

import structlog
from pydantic import ValidationError

from shared import task_states
from shared.models import TaskStatus
from worker.runtime.context import WorkerContext
from worker.task.records import record_task_end

log = structlog.get_logger("chartq.worker")


async def fail_invalid_job(
    ctx: WorkerContext, task_id: str, kwargs: dict[str, Any], exc: ValidationError
) -> None:
    """Ends the task FAILED `invalid_job`, with its run record and failure statistic, instead of a
    KeyError mid-task."""
    fields = ", ".join(".".join(map(str, error["loc"])) or "job" for error in exc.errors())
    log.error("invalid chart job", fields=fields)
    stored = await ctx.store.get(task_id)
    if stored is None or stored.dto.status.is_terminal:
        return  # no task to tell: nothing a client could be waiting for
    failed = task_states.finished(
        stored.dto, TaskStatus.FAILED, code="invalid_job", error=f"The chart job was malformed ({fields})."
    )
    if (await ctx.store.transition(failed, stored.user_id)).applied:
        request_key = str(kwargs.get("request_key") or "")
        await record_task_end(ctx, failed, user_id=stored.user_id, request_key=request_key)
