"""Hands the tasks of a dead worker back to the queue within seconds, not arq's job timeout + 10 s,
and ends those that have used up their attempts.

arq keeps a job in its queue while it runs and skips it only while its in-progress key exists, so
deleting that key is all it takes for another worker to pick the job up at its next poll. One worker
per pass (whoever takes the lock) looks at the running sets: a task is orphaned when its worker stopped
heartbeating, or when a live worker does not list it as running (its finish was lost, e.g. to a Redis
outage) and it started long enough ago for a heartbeat to have reported it.

An orphan whose user asked to cancel, or whose attempts are used up, is not handed back: it ends here
(CANCELLED, or FAILED), and its job leaves the queue. Ending a task writes its run record, which belongs
to the task layer above this one, so the caller passes that step in (worker.main:
worker.task.orphans.end_orphan).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import structlog

from shared import keys
from shared.models import Priority, TaskStatus
from shared.task_states import handed_back
from shared.task_store import StoredTask
from shared.worker_registry import HEARTBEAT_INTERVAL_S, HEARTBEAT_TTL_S, live_workers
from worker.runtime.context import WorkerContext

log = structlog.get_logger("chartq.reaper")

REAP_INTERVAL_S = 1.0
# A task this young may not be in its worker's last heartbeat yet.
REPORT_GRACE_MS = (2 * HEARTBEAT_INTERVAL_S + 1) * 1000

# Ends an orphan that must not run again; True when it did (any other orphan is handed back).
EndOrphan = Callable[[WorkerContext, StoredTask], Awaitable[bool]]


@dataclass(frozen=True, slots=True)
class Orphan:
    priority: Priority
    # The attempt found without a live worker. Its job's lease can run out meanwhile, and a worker pick
    # it up again: that newer attempt is live, and handing it back or ending it killed it.
    attempt: int


# How long this worker's own heartbeat must have been listed before the registry is trusted: at start,
# a heartbeat interval and a second (every live worker beats meanwhile); after a lapse or a failed pass,
# a heartbeat's lifetime (every heartbeat may have lapsed, and every live worker beats again meanwhile).
TRUST_AT_START_S = HEARTBEAT_INTERVAL_S + 1
TRUST_AFTER_LAPSE_S = HEARTBEAT_TTL_S


@dataclass
class RegistryTrust:
    """Whether the worker registry can tell a stopped worker from a stalled Redis. A Redis that stalls
    (or is unreachable) longer than the heartbeats' lifetime comes back with every heartbeat lapsed, and
    every running task looked orphaned: handed back from live workers, again as each new attempt started
    before its worker had beaten again, until their attempts were used up. The registry is trusted once
    this worker's own heartbeat, which it knows to be alive, has been listed for long enough."""

    since: float | None = None
    wait_s: float = TRUST_AT_START_S
    seen: bool = False

    def update(self, own_heartbeat_listed: bool) -> bool:
        if not own_heartbeat_listed:
            if self.seen:  # it lapsed: so may every other
                self.lost()
            return False
        self.seen = True
        now = time.monotonic()
        if self.since is None:
            self.since = now
        return now - self.since >= self.wait_s

    def lost(self) -> None:
        """A pass failed (Redis away) or this worker's heartbeat lapsed: start over, waiting longer."""
        self.since = None
        self.wait_s = TRUST_AFTER_LAPSE_S


async def find_orphans(ctx: WorkerContext, trust: RegistryTrust) -> dict[str, Orphan]:
    redis, queue = ctx.store.redis, ctx.settings.queue_name
    live = {worker.id: set(worker.tasks) for worker in await live_workers(redis, queue)}
    if not trust.update(ctx.worker_id in live):
        return {}
    now_ms = time.time() * 1000
    async with redis.pipeline(transaction=False) as pipe:
        for priority in Priority:
            pipe.zrange(keys.running(queue, priority.value), 0, -1, withscores=True)
        by_priority = await pipe.execute()
    running = {
        member.decode(): (priority, started)
        for priority, members in zip(Priority, by_priority, strict=True)
        for member, started in members
    }
    if not running:
        return {}
    async with redis.pipeline(transaction=False) as pipe:
        for task_id in running:
            pipe.hmget(keys.task(task_id), ["worker", "attempt"])
        holders = await pipe.execute()
    orphans: dict[str, Orphan] = {}
    for (task_id, (priority, started)), (owner, attempt) in zip(running.items(), holders, strict=True):
        worker_id = owner.decode() if owner else None
        if worker_id not in live or (task_id not in live[worker_id] and now_ms - started > REPORT_GRACE_MS):
            orphans[task_id] = Orphan(priority, int(attempt or 0))
    return orphans


async def settle(ctx: WorkerContext, task_id: str, orphan: Orphan, end_orphan: EndOrphan) -> bool:
    """Ends or hands back one orphan; True when this pass did either. Both writes are fenced by the
    orphaned attempt (shared.lua.tasks.TRANSITION), so one that started since is left to run."""
    stored = await ctx.store.get(task_id)
    if stored is None or stored.dto.status != TaskStatus.PROCESSING:
        await ctx.store.redis.zrem(keys.running(ctx.settings.queue_name, orphan.priority.value), task_id)
        return False
    if orphan.attempt and stored.dto.attempt != orphan.attempt:
        log.info("an orphan was picked up again; leaving its new attempt be", task_id=task_id)
        return False
    if await end_orphan(ctx, stored):
        await drop_job(ctx, task_id)
        return True
    return await requeue(ctx, stored, orphan.priority)


async def drop_job(ctx: WorkerContext, task_id: str) -> None:
    """What arq does with a job that ended, for one whose worker died before it could."""
    async with ctx.store.redis.pipeline(transaction=True) as pipe:
        pipe.zrem(ctx.settings.queue_name, task_id)
        pipe.delete(keys.arq_job(task_id), keys.arq_in_progress(task_id), keys.arq_retry(task_id))
        await pipe.execute()


async def requeue(ctx: WorkerContext, stored: StoredTask, priority: Priority) -> bool:
    store, task_id = ctx.store, stored.dto.task_id
    pending = handed_back(stored.dto)
    outcome = await store.transition(
        pending, stored.user_id, expected=TaskStatus.PROCESSING, attempt=stored.dto.attempt
    )
    if not outcome.applied:
        return False
    async with store.redis.pipeline(transaction=True) as pipe:
        pipe.delete(keys.arq_in_progress(task_id))
        # An abort meant the attempt that died. Left in arq's set, it would drop the job at its next
        # pickup without calling chartq (a cancel that came after this orphan was read): the task runs,
        # reads its cancel flag and ends CANCELLED instead.
        pipe.zrem(keys.ARQ_ABORT_SET, task_id)
        # arq drops a job's key when it finishes or fails it; put the job back if that happened.
        pipe.set(keys.arq_job(task_id), stored.job_payload, px=ctx.settings.task_ttl_seconds * 1000, nx=True)
        # At the place it was given when accepted: a handed-back task does not lose its turn.
        pipe.zadd(ctx.settings.queue_name, {task_id: stored.queue_score}, nx=True)
        pipe.lpush(keys.wake(ctx.settings.queue_name), "1")
        pipe.pexpire(keys.wake(ctx.settings.queue_name), 60_000)
        await pipe.execute()
    log.warning("requeued an orphaned task", task_id=task_id, attempt=stored.dto.attempt)
    return True


async def reap_once(ctx: WorkerContext, end_orphan: EndOrphan, trust: RegistryTrust) -> list[str]:
    redis, queue = ctx.store.redis, ctx.settings.queue_name
    if not await redis.set(keys.reaper_lock(queue), ctx.worker_id, nx=True, px=int(REAP_INTERVAL_S * 900)):
        return []
    return [
        task_id
        for task_id, orphan in (await find_orphans(ctx, trust)).items()
        if await settle(ctx, task_id, orphan, end_orphan)
    ]


async def reap_forever(ctx: WorkerContext, end_orphan: EndOrphan) -> None:
    trust = RegistryTrust()
    while True:
        try:
            await reap_once(ctx, end_orphan, trust)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # Redis away: try again next pass
            trust.lost()
            log.warning("reaper pass failed", error=repr(exc))
        await asyncio.sleep(REAP_INTERVAL_S)
