"""The batch record in Redis (`keys.batch`), the set of batches not yet seen to end, and batch counters.

A batch is a view over ordinary chart tasks: the record holds only who made it, which tasks it groups
and when; its status is computed from the tasks each time (shared.batch_states). The record lives as
long as a task's live state (CHARTQ_TASK_TTL_SECONDS, renewed when the batch ends): the tasks, their run
records and their charts stay in SQL after that, but the grouping does not.

The outcome of a batch is counted once, by whichever API process first sees it ended (a GET, a stream,
a DELETE, or the sweep of /metrics and the operators' batch statistics): one script records it, counts
it and takes it out of the active set together (shared.lua.batches.FINISH_BATCH).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import orjson
from arq.connections import ArqRedis

from shared import keys
from shared.lua.batches import FINISH_BATCH
from shared.models import BatchStats, BatchStatus
from shared.settings import Settings

# All-time counters live 30 days past their last change, as the task counters do.
TOTALS_TTL_S = 30 * 86400
_OUTCOMES = (BatchStatus.COMPLETED, BatchStatus.PARTIAL, BatchStatus.FAILED, BatchStatus.CANCELLED)


@dataclass(frozen=True)
class BatchRecord:
    batch_id: str
    user_id: str
    task_ids: tuple[str, ...]
    created_at: datetime
    outcome: str | None = None


class BatchStore:
    def __init__(self, redis: ArqRedis, settings: Settings) -> None:
        self.redis = redis
        self.ttl = settings.task_ttl_seconds
        self.open_key = keys.open_batches(settings.queue_name)
        self.totals_key = keys.batch_totals(settings.queue_name)
        self._finish = redis.register_script(FINISH_BATCH)

    async def create(self, record: BatchRecord) -> None:
        now_ms = int(time.time() * 1000)
        key = keys.batch(record.batch_id)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(
                key,
                mapping={
                    "user": record.user_id,
                    "tasks": orjson.dumps(list(record.task_ids)),
                    "created_at": record.created_at.isoformat(),
                },
            )
            pipe.expire(key, self.ttl)
            pipe.zadd(self.open_key, {record.batch_id: now_ms})
            # A batch whose record expired before anyone saw it end is no longer active.
            pipe.zremrangebyscore(self.open_key, "-inf", now_ms - self.ttl * 1000)
            pipe.expire(self.open_key, self.ttl)
            pipe.hincrby(self.totals_key, "created", 1)
            pipe.hincrby(self.totals_key, "tasks", len(record.task_ids))
            pipe.expire(self.totals_key, TOTALS_TTL_S)
            await pipe.execute()

    async def get(self, batch_id: str) -> BatchRecord | None:
        fields = ["user", "tasks", "created_at", "outcome"]
        user, tasks, created_at, outcome = await cast(
            Awaitable[list[Any]], self.redis.hmget(keys.batch(batch_id), fields)
        )
        if user is None or tasks is None or created_at is None:
            return None
        return BatchRecord(
            batch_id=batch_id,
            user_id=user.decode(),
            task_ids=tuple(orjson.loads(tasks)),
            created_at=datetime.fromisoformat(created_at.decode()),
            outcome=outcome.decode() if outcome else None,
        )

    async def finish(self, batch_id: str, status: BatchStatus) -> bool:
        """Records that the batch ended with `status` (shared.lua.batches.FINISH_BATCH); True for the one call
        that recorded it. Its record then lives CHARTQ_TASK_TTL_SECONDS from now."""
        recorded = await self._finish(
            keys=[keys.batch(batch_id), self.open_key, self.totals_key],
            args=[batch_id, status.value, status.value.lower(), self.ttl, TOTALS_TTL_S],
        )
        return bool(recorded)

    async def open_batch_ids(self, limit: int) -> list[str]:
        """The oldest `limit` batches not yet seen to end."""
        members = await cast(Awaitable[list[bytes]], self.redis.zrange(self.open_key, 0, limit - 1))
        return [member.decode() for member in members]

    async def forget(self, batch_id: str) -> None:
        await self.redis.zrem(self.open_key, batch_id)

    async def stats(self) -> BatchStats:
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.zcard(self.open_key)
            pipe.hgetall(self.totals_key)
            active, raw = await pipe.execute()
        totals = {name.decode(): int(value) for name, value in raw.items()}
        outcomes = {status.value.lower(): totals.get(status.value.lower(), 0) for status in _OUTCOMES}
        return BatchStats(
            active=int(active), created=totals.get("created", 0), tasks=totals.get("tasks", 0), **outcomes
        )
