"""Attempts are chartq's own. `TaskDTO.attempt` counts a task's starts, and a task whose attempts are
used up ends FAILED `too_many_attempts` whoever finds it: the worker that takes its job again
(worker.task.run.ChartTask.run), or the reaper when the worker running its last attempt died
(worker.runtime.reaper, wired in by worker.main).

arq keeps a counter of its own (job_try, one per pickup) and, past its max_tries, drops the job without
calling the task. The task then stayed PENDING with nothing queued to run it, and held its user's slot
for a day. worker.main puts arq's limit out of reach, so that this check always decides.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import cast

import structlog

from shared import keys, task_states
from shared.models import TaskDTO, TaskStatus
from shared.task_store import StoredTask
from worker.runtime.context import WorkerContext
from worker.task.records import record_task_end

log = structlog.get_logger("chartq.worker")

TOO_MANY_ATTEMPTS = "too_many_attempts"


def used_up(task: TaskDTO, max_attempts: int) -> bool:
    return task.attempt >= max_attempts


def too_many_attempts_message(task: TaskDTO) -> str:
    return (
        f"This chart was tried {task.attempt} times and its worker stopped each time; "
        "it will not be tried again."
    )


async def end_orphan_out_of_attempts(ctx: WorkerContext, stored: StoredTask) -> bool:
    """Ends an orphan (PROCESSING, its worker gone) whose attempts are used up: FAILED, with its run
    record and failure statistic. True when it did; the reaper hands any other orphan back."""
    if not used_up(stored.dto, ctx.settings.max_attempts):
        return False
    task_key = keys.task(stored.dto.task_id)
    last_worker = await cast(Awaitable[bytes | None], ctx.store.redis.hget(task_key, "worker"))
    failed = task_states.finished(
        stored.dto, TaskStatus.FAILED, code=TOO_MANY_ATTEMPTS, error=too_many_attempts_message(stored.dto)
    )
    if not (await ctx.store.transition(failed, stored.user_id, expected=TaskStatus.PROCESSING)).applied:
        return False
    log.warning("an orphaned task used up its attempts", task_id=failed.task_id, attempt=failed.attempt)
    await record_task_end(
        ctx,
        failed,
        user_id=stored.user_id,
        request_key=str(stored.job.get("request_key") or ""),
        worker_id=last_worker.decode() if last_worker else None,
    )
    return True
