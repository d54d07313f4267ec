"""arq's Worker, made fast and robust: a wake-up signal instead of polling, leases instead of arq's
fixed in-progress TTL, and a poll loop that survives Redis outages.

arq sleeps poll_delay between looks at the queue (0.5 s by default), which is the wait before an idle
worker starts a task. Here every enqueue pushes a token onto a per-queue list and an idle worker blocks
on BLPOP for it, so it looks at the queue one round trip after a task arrives; the poll delay remains
only as the fallback (deferred retries, cancellations of running tasks). A worker with no free slot
waits for one of its own jobs to end instead, so it never swallows a token meant for an idle worker.

arq marks a job it takes with an in-progress key that lives job_timeout + 10 s, so a job whose worker
died (or whose start was cut short by a Redis outage) waits minutes before anyone takes it again. Here
that key is a short lease which the worker renews every couple of seconds for the jobs it really holds
(arq's own `self.tasks`); when the holder is gone the lease runs out and any worker picks the job up.
arq would also let a connection error in its poll loop end the worker process; chartq's workers wait
for Redis to come back instead (with persistence on, the tasks accepted before the outage are there).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Awaitable
from typing import Any, cast

import structlog
from arq.utils import timestamp_ms
from arq.worker import Worker
from redis.commands.core import AsyncScript
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from shared import keys
from shared.lua import CLAIM_JOB

log = structlog.get_logger("chartq.worker")

OUTAGE_MAX_BACKOFF_S = 5.0
LEASE_S = 10.0
LEASE_RENEW_EVERY_S = 2.0
REDIS_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, OSError)


class ResilientWorker(Worker):
    def __init__(self, *args: Any, wake_key: str = "", **kwargs: Any) -> None:
        # arq's own loop just spins; this class does the waiting (see _wait_for_work).
        self.idle_wait_s = float(kwargs.pop("poll_delay", 0.25))
        super().__init__(*args, poll_delay=0, **kwargs)
        self.in_progress_timeout_s = LEASE_S
        self.wake_key = wake_key
        self._outage_backoff = 0.0
        self._slot_freed = asyncio.Event()
        self._claim: AsyncScript | None = None

    def _release_sem_dec_counter_on_complete(self) -> None:
        super()._release_sem_dec_counter_on_complete()
        self._slot_freed.set()

    async def _wait_for_work(self, started_some: bool) -> None:
        if self.burst:
            return
        if self.job_counter >= self.max_jobs:
            self._slot_freed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._slot_freed.wait(), self.idle_wait_s)
        elif not started_some and self.wake_key:
            # Wakes on a new task's token, or after idle_wait_s for the fallback look.
            # Redis >= 6 takes a fractional timeout; redis-py's stubs say int.
            blpop = cast(Awaitable[Any], self.pool.blpop([self.wake_key], timeout=self.idle_wait_s))  # type: ignore[arg-type]
            await blpop
        elif not started_some:
            await asyncio.sleep(self.idle_wait_s)

    async def main(self) -> None:
        renewer = asyncio.create_task(self._renew_leases(), name="chartq-leases")
        try:
            await super().main()
        finally:
            renewer.cancel()
            await asyncio.gather(renewer, return_exceptions=True)

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
            except REDIS_ERRORS as exc:
                log.warning("could not renew job leases", error=repr(exc))

    async def start_jobs(self, job_ids: list[bytes]) -> None:
        """arq's start_jobs with two changes. The claim is one Lua call (shared.lua.CLAIM_JOB)
        instead of a four-round-trip WATCH transaction. And a claim that fails on a Redis error hands
        its slot back: in arq, an outage at that moment leaked the slot (semaphore + job_counter) for
        good, and a worker that lost all its slots looked full forever."""
        for job_id_b in job_ids:
            await self.sem.acquire()
            if self.job_counter >= self.max_jobs:
                self.sem.release()
                return
            self.job_counter += 1
            job_id = job_id_b.decode()
            if self._claim is None:
                self._claim = self.pool.register_script(CLAIM_JOB)
            try:
                score = await self._claim(
                    keys=[keys.arq_in_progress(job_id), self.queue_name],
                    args=[job_id, timestamp_ms(), int(self.in_progress_timeout_s * 1000)],
                )
            except BaseException:
                self.job_counter -= 1
                self.sem.release()
                raise
            if score is None:  # running elsewhere, finished, or deferred
                self.job_counter -= 1
                self.sem.release()
                continue
            task = self.loop.create_task(self.run_job(job_id, int(float(score))))
            task.add_done_callback(lambda _: self._release_sem_dec_counter_on_complete())
            self.tasks[job_id] = task

    async def close(self) -> None:
        """arq's close, except that a job task which failed on a connection error in an outage, or
        Redis being down right now, no longer turns a clean shutdown into a crash."""
        if not self._handle_signals:
            self.handle_sig(signal.SIGUSR1)
        if self.main_task is not None and self.main_task is not asyncio.current_task():
            # handle_sig only cancels the poll loop. Waiting for it to stop means it cannot open a
            # fresh connection on a pool that is about to close (which leaked that connection).
            await asyncio.gather(self.main_task, return_exceptions=True)
        if not self._pool:
            return
        await asyncio.gather(*self.tasks.values(), return_exceptions=True)
        try:
            await self.pool.delete(self.health_check_key)
        except REDIS_ERRORS as exc:
            log.warning("Redis unreachable while shutting down", error=repr(exc))
        if self.on_shutdown:
            await self.on_shutdown(self.ctx)
        await self.pool.aclose()
        self._pool = None

    async def _poll_iteration(self) -> None:
        try:
            before = self._jobs_started()
            await super()._poll_iteration()
            # Having just started a job, look again at once: more may be waiting behind it.
            await self._wait_for_work(started_some=self._jobs_started() > before)
        except REDIS_ERRORS as exc:
            self._outage_backoff = min(OUTAGE_MAX_BACKOFF_S, max(0.1, self._outage_backoff * 2))
            log.warning("Redis unreachable; retrying", error=repr(exc), retry_in_s=self._outage_backoff)
            await asyncio.sleep(self._outage_backoff)
        else:
            if self._outage_backoff:
                log.info("Redis reachable again")
            self._outage_backoff = 0.0
