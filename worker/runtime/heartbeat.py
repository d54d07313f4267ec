"""The worker's background beat: registry heartbeat, queue depth samples for the dashboard, and the run
records that waited in Redis for the database (buffered by worker.task.records when it was away)."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import orjson
import structlog
from sqlalchemy.exc import DBAPIError

from shared import keys
from shared.db.charts import record_run, run_from_json, run_to_json
from shared.db.tables import TaskRun
from shared.stats.store import StatsStore
from shared.worker_registry import HEARTBEAT_INTERVAL_S, WorkerInfo, heartbeat, leave
from worker.runtime.context import WorkerContext
from worker.runtime.stopping import stop_task

log = structlog.get_logger("chartq.worker")

DEPTH_SAMPLE_EVERY_S = 5
DEPTH_SAMPLES_KEPT = 720  # one hour
# A run record waits this long in Redis for the database, far beyond a task hash's life.
PENDING_RUN_TTL_S = 7 * 86400
# Run records written to SQL per pass.
FLUSH_BATCH = 200
# What a database that is away raises: the driver's error wrapped by SQLAlchemy, or not.
DATABASE_AWAY = (DBAPIError, OSError, TimeoutError)


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


async def buffer_run(ctx: WorkerContext, run: TaskRun) -> None:
    """Keeps the run record of a task that ended while the database was away, until it is back."""
    key = keys.pending_runs(ctx.settings.queue_name)
    async with ctx.store.redis.pipeline(transaction=True) as pipe:
        pipe.hset(key, run.task_id, run_to_json(run).decode())
        pipe.expire(key, PENDING_RUN_TTL_S)
        await pipe.execute()


async def flush_buffered_runs(ctx: WorkerContext) -> int:
    """Writes the buffered run records to SQL and forgets them; idempotent (record_run is an upsert),
    so workers flushing at the same time do no harm. Returns how many it wrote."""
    redis, key = ctx.store.redis, keys.pending_runs(ctx.settings.queue_name)
    if not await redis.hlen(key):  # type: ignore[misc]
        return 0
    task_ids: list[bytes] = (await redis.hkeys(key))[:FLUSH_BATCH]  # type: ignore[misc]
    written = 0
    async with ctx.sessions() as db:
        for task_id, raw in zip(task_ids, await redis.hmget(key, task_ids), strict=True):  # type: ignore[misc]
            if raw is not None:
                await record_run(db, run_from_json(raw))
                written += 1
            await redis.hdel(key, task_id.decode())  # type: ignore[misc]
    log.info("wrote run records kept while the database was away", count=written)
    return written


async def _flush_quietly(ctx: WorkerContext) -> None:
    try:
        await flush_buffered_runs(ctx)
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
