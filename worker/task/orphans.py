"""Orphans that must not run again: the reaper (worker.runtime.reaper) ends them instead of handing them
back. A task whose user asked to cancel ends CANCELLED; one whose attempts are used up ends FAILED
`too_many_attempts` (worker.task.attempts). Handing back a task that was asked to cancel ran into arq's
own abort: the next worker to take the job found it in arq's abort set and dropped it without calling
chartq, and the task stayed PENDING with nothing queued to run it, holding its user's slot for a day.
"""

from __future__ import annotations

import structlog

from shared import task_states
from shared.db.charts import hide_chart_of_task
from shared.models import TaskDTO, TaskStatus
from shared.task_store import StoredTask
from worker.runtime.context import WorkerContext
from worker.task.attempts import TOO_MANY_ATTEMPTS, too_many_attempts_message, used_up
from worker.task.records import record_task_end

log = structlog.get_logger("chartq.worker")


async def end_orphan(ctx: WorkerContext, stored: StoredTask) -> bool:
    """Ends an orphan (PROCESSING, its worker gone) that was asked to cancel or used up its attempts.
    True when it did; the reaper hands any other orphan back."""
    task = stored.dto
    if stored.cancel_requested:
        if task_states.may_have_chart(task):  # stored before its worker died: nobody may see it
            async with ctx.sessions() as db:
                await hide_chart_of_task(db, task.task_id)
        return await _end(ctx, stored, task_states.finished(task, TaskStatus.CANCELLED))
    if used_up(task, ctx.settings.max_attempts):
        failed = task_states.finished(
            task, TaskStatus.FAILED, code=TOO_MANY_ATTEMPTS, error=too_many_attempts_message(task)
        )
        return await _end(ctx, stored, failed)
    return False


async def _end(ctx: WorkerContext, stored: StoredTask, ended: TaskDTO) -> bool:
    last_worker = await ctx.store.last_worker(ended.task_id)
    # Fenced by the orphaned attempt: a newer one, started since the reaper read the task, is live.
    fence = stored.dto.attempt
    if not (
        await ctx.store.transition(ended, stored.user_id, expected=TaskStatus.PROCESSING, attempt=fence)
    ).applied:
        return False
    log.warning(
        "ended an orphaned task", task_id=ended.task_id, status=ended.status.value, attempt=ended.attempt
    )
    await record_task_end(
        ctx,
        ended,
        user_id=stored.user_id,
        request_key=str(stored.job.get("request_key") or ""),
        worker_id=last_worker,
    )
    return True
