"""A worker's look at the queue, its claims and the first read of each claimed job, in one round trip.

arq's worker looks at the queue (ZRANGEBYSCORE), claims each job it can take, and then, in `run_job`,
reads it (GET job, INCR and EXPIRE of its retry count, ZREM from the abort set, in one MULTI). The
claim script (shared.lua.queue.CLAIM_NEXT) does all of it, so that read is answered from what the
script returned: `run_job` runs with `answering(reply)` set, and a ClaimedJobRedis, the worker's
client, hands its first pipeline the reply instead of sending one. Everything else arq sends goes to
Redis as before.

A change in what arq's `run_job` reads is caught, not guessed at: the answered pipeline checks the
commands it is given against arq's and raises on any other.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from arq.connections import ArqRedis
from arq.constants import abort_jobs_ss, job_key_prefix, retry_key_prefix
from redis.commands.core import AsyncScript

from shared import keys
from shared.lua.queue import CLAIM_NEXT
from shared.task_store import STORED_FIELDS

# arq's run_job, first thing: GET job, INCR retry, EXPIRE retry 88400, and ZREM from the abort set when
# the worker allows aborts.
ARQ_FIRST_READ = ("GET", "INCR", "EXPIRE", "ZREM")
RETRY_TTL_S = 88400  # arq's

_TASK_PREFIX, _TASK_SUFFIX = keys.task("\0").split("\0")


@dataclass(frozen=True, slots=True)
class ClaimedJob:
    job_id: str
    score: int
    # What arq's run_job reads first, in its pipeline's order: the job, its try, the retry key's
    # EXPIRE, and whether the job was aborted before it started.
    first_read: list[Any]
    # The task hash's fields (shared.task_store.STORED_FIELDS).
    task_fields: list[Any]


_answer: ContextVar[ClaimedJob | None] = ContextVar("chartq_claimed_job", default=None)


class ClaimNext:
    def __init__(self, redis: ArqRedis, queue: str) -> None:
        self._script: AsyncScript = redis.register_script(CLAIM_NEXT)
        self._keys = [queue, keys.fairness(queue), abort_jobs_ss]

    async def __call__(
        self, *, now_ms: int, lease_ms: int, slots: int, candidates: int, offset: int
    ) -> list[ClaimedJob]:
        """Up to `slots` due jobs, now held by this worker under a lease of `lease_ms`."""
        args: list[str | int] = [
            now_ms,
            lease_ms,
            slots,
            candidates,
            offset,
            keys.ARQ_IN_PROGRESS_PREFIX,
            job_key_prefix,
            retry_key_prefix,
            _TASK_PREFIX,
            _TASK_SUFFIX,
            *STORED_FIELDS,
        ]
        rows = await self._script(keys=self._keys, args=args)
        return [
            ClaimedJob(
                job_id=job_id.decode(),
                score=int(float(score)),
                first_read=[job, int(try_), True, int(aborted)],
                task_fields=list(fields),
            )
            for job_id, score, job, try_, aborted, fields in rows
        ]


def answering(job: ClaimedJob) -> None:
    """The next `first_read()` in this context (arq's run_job, as it starts) answers `job`'s."""
    _answer.set(job)


def first_read() -> AnsweredPool | None:
    """Once after `answering(job)` in this context: the pool that answers `job`'s first read."""
    job = _answer.get()
    if job is None:
        return None
    _answer.set(None)
    return AnsweredPool(job)


class AnsweredPool:
    """What arq's run_job gets for its first read of a claimed job: nothing but that pipeline."""

    def __init__(self, job: ClaimedJob) -> None:
        self._job = job

    def pipeline(self, transaction: bool = True) -> _AnsweredPipeline:
        return _AnsweredPipeline(self._job)


class _AnsweredPipeline:
    """Stands in for the MULTI of arq's first read: takes its commands, sends nothing, and returns
    what the claim script read."""

    def __init__(self, job: ClaimedJob) -> None:
        self._job = job
        self._commands: list[str] = []

    async def __aenter__(self) -> _AnsweredPipeline:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    def get(self, name: str) -> None:
        self._expect("GET", name == job_key_prefix + self._job.job_id)

    def incr(self, name: str) -> None:
        self._expect("INCR", name == retry_key_prefix + self._job.job_id)

    def expire(self, name: str, seconds: int) -> None:
        self._expect("EXPIRE", name == retry_key_prefix + self._job.job_id and seconds == RETRY_TTL_S)

    def zrem(self, name: str, *values: str) -> None:
        self._expect("ZREM", name == abort_jobs_ss and values == (self._job.job_id,))

    def _expect(self, command: str, as_arq_sends_it: bool) -> None:
        self._commands.append(command if as_arq_sends_it else f"{command}?")

    async def execute(self) -> list[Any]:
        sent = tuple(self._commands)
        # Without aborts (allow_abort_jobs=False) arq reads the first three; the script's ZREM found
        # nothing to remove in an abort set no one writes.
        if sent not in (ARQ_FIRST_READ, ARQ_FIRST_READ[:3]):
            raise RuntimeError(f"arq's run_job read changed ({sent}); CLAIM_NEXT answers {ARQ_FIRST_READ}")
        return self._job.first_read[: len(sent)]
