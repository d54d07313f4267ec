"""How a worker ends its arq job: arq's finish, done only on the server that holds the job's claim, and
never leaving a task that still waits without its job (shared.lua.queue.FINISH_JOB).

arq ends a job with a MULTI that deletes the job, its queue entry and its in-progress marker on whatever
server the connection leads to. After a Redis Sentinel failover that can be a server where the task never
started: the claim, the task's writes and its end all went to the old primary (which the sentinels still
named), and only the finish reached the new one, which deleted the job of a task it holds as PENDING.
Nothing would ever run it again. The script checks, on the server it runs on, that the claim is there and
that the task is done with its job; otherwise the job stays and runs again there (its chart is stored
once: the charts table holds one row per task), a few times at most, so that a job which fails before its
attempt starts does not run for ever.
"""

from __future__ import annotations

from typing import Any, Literal

import structlog
from arq.connections import ArqRedis
from arq.constants import abort_jobs_ss, job_key_prefix, result_key_prefix, retry_key_prefix
from arq.utils import to_ms
from redis.commands.core import AsyncScript

from shared import keys
from shared.lua.queue import FINISH_JOB

log = structlog.get_logger("chartq.worker")

Outcome = Literal["finished", "kept", "claim gone"]
_OUTCOMES: dict[int, Outcome] = {1: "finished", 2: "kept", 0: "claim gone"}


class FinishJob:
    def __init__(self, redis: ArqRedis, queue: str) -> None:
        self._script: AsyncScript = redis.register_script(FINISH_JOB)
        self._queue = queue

    async def __call__(
        self,
        job_id: str,
        finish: bool,
        result_data: bytes | None,
        result_timeout_s: float | None,
        keep_result_forever: bool,
        incr_score: int | None,
        keep_in_progress: float | None,
    ) -> Outcome:
        """arq's Worker.finish_job, with its arguments."""
        result_s = None if keep_result_forever else result_timeout_s
        return await self._run(job_id, finish, False, result_data, result_s, incr_score, keep_in_progress)

    async def failed(
        self, job_id: str, result_data: bytes | None, keep_result_s: float | None, keep_result_forever: bool
    ) -> Outcome:
        """arq's Worker.finish_failed_job, with its arguments and the worker's result settings."""
        keep = keep_result_forever or bool(keep_result_s)
        result_s = None if keep_result_forever else keep_result_s
        return await self._run(job_id, True, True, result_data if keep else None, result_s, None, None)

    async def _run(
        self,
        job_id: str,
        finish: bool,
        failed: bool,
        result: bytes | None,
        result_s: float | None,
        incr_score: int | None,
        keep_in_progress_s: float | None,
    ) -> Outcome:
        queue = self._queue
        outcome = _OUTCOMES[
            await self._script(
                keys=[
                    keys.arq_in_progress(job_id),
                    job_key_prefix + job_id,
                    retry_key_prefix + job_id,
                    result_key_prefix + job_id,
                    abort_jobs_ss,
                    queue,
                    keys.task(job_id),
                    keys.deferred(queue),
                    keys.wake(queue),
                ],
                args=[
                    job_id,
                    "1" if finish else "0",
                    result or b"",
                    _optional(to_ms(result_s)),
                    _optional(incr_score),
                    _optional(to_ms(keep_in_progress_s)),
                    "1" if failed else "0",
                ],
            )
        ]
        if outcome == "kept":
            log.warning("the task still waits on this server; its job stays to run again", job_id=job_id)
        elif outcome == "claim gone":
            log.warning(
                "the job's claim is gone and its task still waits or runs here; job left", job_id=job_id
            )
        return outcome


def _optional(value: Any) -> str:
    return "" if value is None else str(value)
