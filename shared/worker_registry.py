"""The worker registry: each worker process heartbeats a hash with a short TTL and its id in a sorted
set by last-seen time; a worker that stops beating drops out of the list within the TTL."""

from __future__ import annotations

import time
from collections.abc import Awaitable
from datetime import datetime
from typing import cast

from arq.connections import ArqRedis
from pydantic import BaseModel

from shared import keys

HEARTBEAT_INTERVAL_S = 2.0
# A worker missing for this long is dead: long enough to survive a slow heartbeat, short enough for
# its tasks to run again elsewhere well within 15 s.
HEARTBEAT_TTL_S = 6.0
REGISTRY_TTL_S = 86400


class WorkerInfo(BaseModel):
    id: str
    host: str
    pid: int
    started_at: datetime
    last_seen: datetime
    concurrency: int
    running: int
    completed: int
    failed: int
    # The ids of the tasks it is running, so the reaper can tell a lost task from a busy one.
    tasks: list[str] = []


async def heartbeat(redis: ArqRedis, queue: str, info: WorkerInfo) -> None:
    """This worker is alive; the ones that stopped beating are forgotten here, not by the readers, so
    that reading the registry never writes (the stats still answer while Redis refuses writes)."""
    seen_ms = info.last_seen.timestamp() * 1000
    async with redis.pipeline(transaction=True) as pipe:
        pipe.set(keys.worker(info.id), info.model_dump_json(), px=int(HEARTBEAT_TTL_S * 1000))
        pipe.zremrangebyscore(keys.workers(queue), "-inf", f"({seen_ms - HEARTBEAT_TTL_S * 1000}")
        pipe.zadd(keys.workers(queue), {info.id: seen_ms})
        pipe.expire(keys.workers(queue), REGISTRY_TTL_S)
        await pipe.execute()


async def leave(redis: ArqRedis, queue: str, worker_id: str) -> None:
    async with redis.pipeline(transaction=True) as pipe:
        pipe.delete(keys.worker(worker_id))
        pipe.zrem(keys.workers(queue), worker_id)
        await pipe.execute()


async def live_workers(redis: ArqRedis, queue: str, now: float | None = None) -> list[WorkerInfo]:
    """Workers seen within the heartbeat TTL, oldest first."""
    now = time.time() if now is None else now
    cutoff_ms = (now - HEARTBEAT_TTL_S) * 1000
    ids = await cast(Awaitable[list[bytes]], redis.zrangebyscore(keys.workers(queue), cutoff_ms, "+inf"))
    if not ids:
        return []
    raws = await redis.mget([keys.worker(worker_id.decode()) for worker_id in ids])
    workers = [WorkerInfo.model_validate_json(raw) for raw in raws if raw is not None]
    return sorted(workers, key=lambda w: w.started_at)
