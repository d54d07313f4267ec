"""The worker's background beat: registry heartbeat, queue depth samples for the dashboard, and the run
records that waited in Redis for the database (worker.runtime.sql_writes)."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import orjson
import structlog

from shared import keys
from shared.stats.store import StatsStore
from shared.worker_registry import HEARTBEAT_INTERVAL_S, WorkerInfo, heartbeat, leave
from worker.runtime.context import WorkerContext
from worker.runtime.sql_writes import flush_buffered_runs
from worker.runtime.stopping import stop_task

log = structlog.get_logger("chartq.worker")

DEPTH_SAMPLE_EVERY_S = 5
DEPTH_SAMPLES_KEPT = 720  # one hour


def worker_info(ctx: WorkerContext) -> WorkerInfo:
    return WorkerInfo(
        id=ctx.worker_id,
        host=ctx.host,
        pid=ctx.pid,
        started_at=datetime.fromtimestamp(ctx.started_at, UTC),
        last_seen=datetime.now(UTC),
        concurrency=ctx.concurrency,
        running=ctx.running,
        completed=ctx.completed,
        failed=ctx.failed,
        tasks=sorted(ctx.running_ids),
    )


async def record_depth_sample(stats: StatsStore, now: float) -> bool:
    """One process records each slot's sample (whoever takes the slot's lock), so the dashboard has
    the queue's history even when nobody was watching it."""
    slot = int(now // DEPTH_SAMPLE_EVERY_S)
    redis = stats.redis
    if not await redis.set(
        keys.depth_sample_lock(stats.queue_name, slot), b"1", nx=True, ex=DEPTH_SAMPLE_EVERY_S * 2
    ):
        return False
    depth = await stats.depth()
    sample = {"t": round(now, 3), **depth.queued, "deferred": depth.deferred, "processing": depth.processing}
    async with redis.pipeline(transaction=False) as pipe:
        pipe.lpush(keys.depth_history(stats.queue_name), orjson.dumps(sample))
        pipe.ltrim(keys.depth_history(stats.queue_name), 0, DEPTH_SAMPLES_KEPT - 1)
        pipe.expire(keys.depth_history(stats.queue_name), 2 * 3600)
        await pipe.execute()
    return True


async def _flush_quietly(ctx: WorkerContext) -> None:
    try:
        await flush_buffered_runs(ctx.store.redis, ctx.settings.queue_name, ctx.sessions)
    except Exception as exc:  # the database (or Redis) still away: the next beat tries again
        log.warning("could not write the buffered run records yet", error=repr(exc))


async def beat_forever(ctx: WorkerContext) -> None:
    flushing: asyncio.Task[None] | None = None
    try:
        while True:
            try:
                await heartbeat(ctx.store.redis, ctx.settings.queue_name, worker_info(ctx))
                await record_depth_sample(ctx.stats, time.time())
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis away: keep beating; the registry catches up when it is back
                log.warning("heartbeat failed", error=repr(exc))
            # Its own task: a database slow to answer must never delay the heartbeat.
            if flushing is None or flushing.done():
                flushing = asyncio.create_task(_flush_quietly(ctx), name="chartq-run-records")
            await asyncio.sleep(HEARTBEAT_INTERVAL_S)
    finally:
        if flushing is not None:
            await stop_task(flushing, "writing buffered run records")


async def stop_beating(ctx: WorkerContext, task: asyncio.Task[None]) -> None:
    await stop_task(task, "the heartbeat")
    try:
        await leave(ctx.store.redis, ctx.settings.queue_name, ctx.worker_id)
    except Exception as exc:  # leaving is a courtesy; the TTL removes us anyway
        log.warning("could not leave the worker registry", error=repr(exc))
