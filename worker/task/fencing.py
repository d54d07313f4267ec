"""A worker's attempt at a task is fenced (shared.lua.tasks.TRANSITION): once a newer attempt started, or the
reaper handed the task back (its worker froze past its lease: SIGSTOP, a stalled VM), every write of
the old attempt is refused and it stops. What is left is arq's bookkeeping: the fenced-off worker still
ends its copy of the job, and arq then deletes the job, its queue entry and its in-progress marker,
which by now belong to the current attempt (or to the hand-back waiting for one). arq's `after_job_end`
hook (wired in by worker.main) puts them back."""

from __future__ import annotations

from typing import Any

import structlog

from worker.runtime.arq_worker import LEASE_S
from worker.runtime.context import WorkerContext

log = structlog.get_logger("chartq.worker")

# Set in arq's job context when the job's attempt was fenced off.
FENCED_OFF = "chartq_fenced_off"


async def restore_job_after_fence(ctx: dict[str, Any]) -> None:
    """arq's after_job_end hook: restores the job of a fenced-off attempt (shared.lua.tasks.RESTORE_JOB)."""
    if not ctx.pop(FENCED_OFF, False):
        return
    wctx: WorkerContext = ctx["chartq"]
    task_id = str(ctx.get("job_id"))
    try:
        stored = await wctx.store.get(task_id)
        if stored is not None and await wctx.store.restore_job(
            task_id, stored.dto.priority, int(LEASE_S * 1000)
        ):
            log.info("restored the job of a fenced-off attempt", task_id=task_id)
    except Exception as exc:  # Redis away: the reaper hands a running task back if its holder dies
        log.warning("could not restore the job of a fenced-off attempt", task_id=task_id, error=repr(exc))
