"""arq's Worker, made fast and robust: a wake-up signal instead of polling, leases instead of arq's
fixed in-progress TTL, and a poll loop that survives Redis outages.

arq sleeps poll_delay between looks at the queue (0.5 s by default), which is the wait before an idle
worker starts a task. Here every enqueue pushes a token onto a per-queue list and an idle worker blocks
on BLPOP for it, so it looks at the queue one round trip after a task arrives; the poll delay remains
only as the fallback (cancellations of running tasks). Each look also moves retries whose backoff is
over back into the queue (shared.deferred), at most every PROMOTE_EVERY_S. A worker with no free slot
waits for one of its own jobs to end instead, so it never swallows a token meant for an idle worker.

arq marks a job it takes with an in-progress key that lives job_timeout + 10 s, so a job whose worker
died (or whose start was cut short by a Redis outage) waits minutes before anyone takes it again. Here
that key is a short lease which the worker renews every couple of seconds for the jobs it really holds
(arq's own `self.tasks`); when the holder is gone the lease runs out and any worker picks the job up.
arq would also let a connection error in its poll loop, or in its first read at start, end the worker
process; chartq's workers wait for Redis to come back instead, or to be there at all (a worker may start
during a failover), and with persistence on, the tasks accepted before the outage are there.
The same goes for a Redis that answers but cannot serve: a read-only replica after a failover, out of
memory, loading, busy (shared.redis.redis_fault). The wait is short (at most OUTAGE_MAX_BACKOFF_S), so a
worker is back at full speed within a second or two of Redis serving again. And an error arq met
recording a job's start or end is logged where it happens: arq stored it in the job's task and its
poll loop re-raised it, one per iteration, long after the outage, where it passed for a fresh one.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import signal
import time
from collections.abc import Awaitable, Callable
from typing import Any, cast

import structlog
from arq.connections import ArqRedis, log_redis_info
from arq.utils import poll, timestamp_ms
from arq.worker import Worker
from arq.worker import logger as arq_log
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from shared import keys
from shared.deferred import DeferredTasks
from shared.redis import primary_moves, redis_fault
from worker.runtime.claims import ClaimedJob, ClaimNext, answering, first_read
from worker.runtime.finishes import FinishJob
from worker.runtime.stopping import STOP_WAIT_S, report_stuck, stop_task

log = structlog.get_logger("chartq.worker")

OUTAGE_MIN_BACKOFF_S = 0.1
OUTAGE_MAX_BACKOFF_S = 1.0
OUTAGE_WARN_EVERY_S = 30.0
LEASE_S = 10.0
LEASE_RENEW_EVERY_S = 2.0
PROMOTE_EVERY_S = 0.1
# The key of arq's context under which a job finds what its claim read (ResilientWorker.claimed_fields).
CLAIMED_FIELDS = "chartq_claimed_fields"
# The key of arq's context under which a job function records the jobs its terminal write ended
# (shared.lua.tasks.TRANSITION ends the task's arq job with it): arq's own finish is skipped for them.
ENDED_BY_TASK = "chartq_ended_by_task"


def redis_outage(exc: BaseException) -> bool:
    """Redis cannot serve us for now: unreachable, or up but read-only, full, loading or busy."""
    return redis_fault(exc) is not None or isinstance(exc, OSError)


class ResilientWorker(Worker):
    def __init__(self, *args: Any, wake_key: str = "", **kwargs: Any) -> None:
        # arq's own loop just spins; this class does the waiting (see _wait_for_work).
        self.idle_wait_s = float(kwargs.pop("poll_delay", 0.25))
        super().__init__(*args, poll_delay=0, **kwargs)
        self.in_progress_timeout_s = LEASE_S
        self.wake_key = wake_key
        # The current wait between poll iterations while Redis cannot serve (0 when it can), how many
        # such waits there were, and since when Redis has been failing.
        self.outage_backoff = 0.0
        self.outage_waits = 0
        self._outage_since = self._outage_told_at = 0.0
        self._slot_freed = asyncio.Event()
        self._claim: ClaimNext | None = None
        self._finish: FinishJob | None = None
        self._deferred: DeferredTasks | None = None
        self._next_promotion = 0.0
        # Each running job's count of primary moves when it was claimed (shared.redis.primary_moves).
        self._claimed_under: dict[str, int] = {}
        # The task hash's fields, read by the claim, for the job function (worker.task.run) to take.
        self.claimed_fields: dict[str, list[Any]] = {}
        self.ctx[CLAIMED_FIELDS] = self.claimed_fields
        self.ended_by_task: set[str] = set()
        self.ctx[ENDED_BY_TASK] = self.ended_by_task

    def _release_sem_dec_counter_on_complete(self) -> None:
        super()._release_sem_dec_counter_on_complete()
        self._slot_freed.set()

    async def _wait_for_work(self, started_some: bool) -> None:
        if self.burst:
            return
        if self.job_counter >= self.max_jobs:
            self._slot_freed.clear()
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancel that arrives as
            # the slot frees, and the poll loop then outlived close() for ever.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.idle_wait_s):
                    await self._slot_freed.wait()
        elif not started_some and self.wake_key:
            # Wakes on a new task's token, or after idle_wait_s for the fallback look.
            # Redis >= 6 takes a fractional timeout; redis-py's stubs say int.
            blpop = cast(Awaitable[Any], self.pool.blpop([self.wake_key], timeout=self.idle_wait_s))  # type: ignore[arg-type]
            await blpop
        elif not started_some:
            await asyncio.sleep(self.idle_wait_s)

    async def main(self) -> None:
        """arq's main, except that its first read waits for a Redis that cannot serve yet (down, or
        failing over) as the poll loop does: in arq it ended the worker process."""
        renewer = asyncio.create_task(self._renew_leases(), name="chartq-leases")
        try:
            while not await self._unless_outage(lambda: log_redis_info(self.pool, arq_log.info)):
                pass
            self.ctx["redis"] = self.pool
            if self.on_startup:
                await self.on_startup(self.ctx)
            async for _ in poll(self.poll_delay_s):
                await self._poll_iteration()
                if self.burst and await self._burst_over():
                    await asyncio.gather(*self.tasks.values())
                    return
        finally:
            renewer.cancel()
            await asyncio.gather(renewer, return_exceptions=True)

    async def _burst_over(self) -> bool:
        if 0 <= self.max_burst_jobs <= self._jobs_started():
            return True
        return int(await self.pool.zcard(self.queue_name)) == 0

    async def _renew_leases(self) -> None:
        while True:
            await asyncio.sleep(LEASE_RENEW_EVERY_S)
            held = [job_id for job_id, task in self.tasks.items() if not task.done()]
            if not held:
                continue
            try:
                async with self.pool.pipeline(transaction=False) as pipe:
                    for job_id in held:
                        pipe.pexpire(keys.arq_in_progress(job_id), int(LEASE_S * 1000))
                    await pipe.execute()
            except Exception as exc:  # an outage, or a read-only Redis: the next round tries again
                log.warning("could not renew job leases", error=repr(exc))

    @property
    def pool(self) -> ArqRedis:
        """arq's client; for a claimed job's first read in run_job, what the claim read (claims)."""
        answered = first_read()
        return cast(ArqRedis, answered if answered is not None else self._pool)

    async def _look_at_queue(self) -> int:
        """arq's _poll_iteration, with its look at the queue, its claims and the first read of each
        claimed job in one script (worker.runtime.claims). A claim that fails on a Redis error hands
        its slots back: in arq, an outage at that moment leaked the slot (semaphore + job_counter)
        for good, and a worker that lost all its slots looked full forever."""
        count = self.queue_read_limit
        if self.burst and self.max_burst_jobs >= 0:
            count = min(count, self.max_burst_jobs - self._jobs_started())
            if count < 1:
                return 0
        started = 0
        if self.allow_pick_jobs and self.job_counter < self.max_jobs:
            started = await self.claim_jobs(min(count, self.max_jobs - self.job_counter), candidates=count)
        if self.allow_abort_jobs:
            await self._cancel_aborted_jobs()
        for job_id, task in list(self.tasks.items()):
            if task.done():
                del self.tasks[job_id]
                task.result()  # arq's way to surface an error of run_job
        await self.heart_beat()
        return started

    async def claim_jobs(self, slots: int, *, candidates: int) -> int:
        """Claims and starts up to `slots` due jobs (of the first `candidates` in the queue); returns
        how many."""
        for _ in range(slots):  # free: each running job holds one, and job_counter counts them
            await self.sem.acquire()
        self.job_counter += slots
        if self._claim is None:
            self._claim = ClaimNext(self.pool, self.queue_name)
        moves = primary_moves(self.pool)
        claimed: list[ClaimedJob] = []
        try:
            claimed = await self._claim(
                now_ms=timestamp_ms(),
                lease_ms=int(self.in_progress_timeout_s * 1000),
                slots=slots,
                candidates=candidates,
                offset=self._queue_read_offset,
            )
        finally:
            for _ in range(slots - len(claimed)):  # the slots no job took, or all on an error
                self.job_counter -= 1
                self.sem.release()
        for job in claimed:
            self.claimed_fields[job.job_id] = job.task_fields
            self._claimed_under[job.job_id] = moves
            task = self.loop.create_task(self._run_claimed(job))
            task.add_done_callback(lambda _: self._release_sem_dec_counter_on_complete())
            self.tasks[job.job_id] = task
        return len(claimed)

    async def _run_claimed(self, job: ClaimedJob) -> None:
        answering(job)  # in this task's own context: run_job's first read is answered
        await self.run_job(job.job_id, job.score)

    async def close(self) -> None:
        """arq's close, except that a job task which failed on a connection error in an outage, or
        Redis being down right now, no longer turns a clean shutdown into a crash."""
        stopping = not self._handle_signals
        if stopping:
            self.handle_sig(signal.SIGUSR1)
        if self.main_task is not None and self.main_task is not asyncio.current_task():
            # handle_sig only cancels the poll loop. Waiting for it to stop means it cannot open a
            # fresh connection on a pool that is about to close (which leaked that connection). A
            # cancel can be swallowed on its way (Python 3.11's wait_for, in a library): cancel again.
            await stop_task(self.main_task, "the poll loop", cancel=stopping)
        if not self._pool:
            return
        if self.tasks:
            done, pending = await asyncio.wait(set(self.tasks.values()), timeout=STOP_WAIT_S)
            await asyncio.gather(*done, return_exceptions=True)  # retrieves their outcomes
            if pending:
                report_stuck("job tasks did not end", pending)
        try:
            await self.pool.delete(self.health_check_key)
        except Exception as exc:
            if not redis_outage(exc):
                raise
            log.warning("Redis unreachable while shutting down", error=repr(exc))
        if self.on_shutdown:
            await self.on_shutdown(self.ctx)
        await self.pool.aclose()
        self._pool = None

    async def run_job(self, job_id: str, score: int) -> None:
        """arq's run_job, except that an error of its own bookkeeping (reading the job, recording its
        start or end, in an outage) is logged here instead of failing the job's asyncio task: arq's poll
        loop re-raised those, one per iteration and long after Redis was back, and each one passed for
        a fresh outage. The job runs again when its lease runs out, or when the reaper hands it back."""
        try:
            await super().run_job(job_id, score)
        except Exception as exc:
            if not redis_outage(exc):
                log.exception("job bookkeeping failed", job_id=job_id)
            else:
                log.warning("could not record a job's start or end", job_id=job_id, error=repr(exc))
        finally:
            self._claimed_under.pop(job_id, None)
            self.claimed_fields.pop(job_id, None)
            self.ended_by_task.discard(job_id)

    async def finish_job(self, job_id: str, *args: Any) -> None:
        """arq's, on the server that holds the job's claim only (worker.runtime.finishes); not at all
        for a job its task's terminal write ended already, in the same script (one round trip fewer)."""
        if job_id in self.ended_by_task:
            return
        if not self._moved_since_claim(job_id):
            await self._finishing()(job_id, *args)

    async def finish_failed_job(self, job_id: str, result_data: bytes | None) -> None:
        if not self._moved_since_claim(job_id):
            await self._finishing().failed(job_id, result_data, self.keep_result_s, self.keep_result_forever)

    def _finishing(self) -> FinishJob:
        if self._finish is None:
            self._finish = FinishJob(self.pool, self.queue_name)
        return self._finish

    def _moved_since_claim(self, job_id: str) -> bool:
        """Whether a failover moved the primary since this job was claimed (Redis Sentinel). arq would
        then delete the job on the new primary, where the task may still be waiting (it ran on the old
        one, whose writes are lost), and strand it. The new primary's own record stands instead: the
        job runs again (a lapsed lease, or a queue entry), and its chart is stored once. A move this
        worker counts only as the finish takes its connection is caught by the finish's own script
        (worker.runtime.finishes), on the server it reaches."""
        claimed = self._claimed_under.get(job_id)
        if claimed is None or claimed == primary_moves(self.pool):
            return False
        log.warning("the Redis primary moved while a job ran; leaving it to run again", job_id=job_id)
        return True

    async def _poll_iteration(self) -> None:
        await self._unless_outage(self._look_and_wait)

    async def _look_and_wait(self) -> None:
        started_some = await self._look_at_queue() > 0
        # After the look, not before: a woken worker's first round trip claims its job.
        await self._promote_due()
        # Having just started a job, look again at once: more may be waiting behind it.
        await self._wait_for_work(started_some=started_some)

    async def _unless_outage(self, step: Callable[[], Awaitable[None]]) -> bool:
        """Runs `step`; when Redis cannot serve, waits a little instead and returns False."""
        try:
            await step()
        except Exception as exc:
            if not redis_outage(exc):
                raise
            await self._wait_out_outage(exc)
            return False
        if self.outage_backoff:
            log.info("Redis serving again", down_for_s=round(time.monotonic() - self._outage_since, 1))
        self.outage_backoff = 0.0
        return True

    async def _promote_due(self) -> None:
        now = time.monotonic()
        if now < self._next_promotion:
            return
        self._next_promotion = now + PROMOTE_EVERY_S
        if self._deferred is None:
            self._deferred = DeferredTasks(self.pool, self.queue_name)
        await self._deferred.promote_due()

    async def _wait_out_outage(self, exc: BaseException) -> None:
        """A short wait before the next poll iteration: exponential, capped at OUTAGE_MAX_BACKOFF_S so a
        worker notices within a second that Redis serves again, and jittered so a fleet of workers does
        not come back in step."""
        fault = redis_fault(exc) or "unavailable"
        now = time.monotonic()
        if not self.outage_backoff:
            self._outage_since = self._outage_told_at = now
            log.warning("Redis cannot serve; waiting for it", fault=fault, error=repr(exc))
        elif now - self._outage_told_at >= OUTAGE_WARN_EVERY_S:
            self._outage_told_at = now
            log.warning(
                "Redis still cannot serve",
                fault=fault,
                error=repr(exc),
                down_for_s=round(now - self._outage_since),
            )
        if isinstance(exc, RedisConnectionError | RedisTimeoutError | OSError):
            # The idle pooled connections are as dead as the one that failed: drop them now, or each
            # fails once more after Redis is back. A read-only, full or busy Redis keeps its connections.
            with contextlib.suppress(Exception):
                await self.pool.connection_pool.disconnect(inuse_connections=False)
        self.outage_backoff = min(OUTAGE_MAX_BACKOFF_S, max(OUTAGE_MIN_BACKOFF_S, self.outage_backoff * 2))
        self.outage_waits += 1
        await asyncio.sleep(random.uniform(self.outage_backoff / 2, self.outage_backoff))
