"""When each schedule of a queue is next due, in Redis (keys.schedules_due), and its run counters.

SQL is the record (shared.db.schedules); this set is what workers poll every second. Only the claim
(shared.lua.schedules.CLAIM_SCHEDULE) lets a worker fire a due schedule, so each due time is fired by one
worker however many poll."""

from __future__ import annotations

import time
from collections.abc import Awaitable
from datetime import datetime
from typing import cast

from redis.asyncio import Redis

from shared import keys
from shared.lua.schedules import CLAIM_SCHEDULE

# How long a claim keeps others off a schedule while its worker fires it (a dead claimer's run is
# picked up after this).
CLAIM_LEASE_MS = 60_000
TOTALS_TTL_S = 30 * 24 * 3600
# Like every key chartq writes, the due set expires when nothing touches it: the workers put the due
# times back from SQL every minute (worker.runtime.scheduler), so an expired set is rebuilt, not lost.
DUE_TTL_S = 7 * 24 * 3600


def _ms(at: datetime) -> int:
    return int(at.timestamp() * 1000)


class DueSchedules:
    def __init__(self, redis: Redis, queue: str) -> None:
        self.redis, self.key, self.totals = redis, keys.schedules_due(queue), keys.schedule_totals(queue)
        self._claim = redis.register_script(CLAIM_SCHEDULE)

    async def put(self, chart_id: str, due: datetime) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.zadd(self.key, {chart_id: _ms(due)})
            pipe.expire(self.key, DUE_TTL_S)
            await pipe.execute()

    async def put_missing(self, due_times: list[tuple[str, datetime]]) -> int:
        """Adds the schedules Redis does not know (it lost them), leaving claimed ones alone."""
        if not due_times:
            return 0
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.zadd(self.key, {c: _ms(at) for c, at in due_times}, nx=True)
            pipe.expire(self.key, DUE_TTL_S)
            added, _ = await pipe.execute()
        return int(added)

    async def remove(self, chart_id: str) -> None:
        await self.redis.zrem(self.key, chart_id)

    async def due(self, now: datetime, limit: int = 100) -> list[str]:
        members = await self.redis.zrangebyscore(self.key, "-inf", _ms(now), start=0, num=limit)
        return [m.decode() if isinstance(m, bytes) else str(m) for m in members]

    async def claim(self, chart_id: str, now: datetime) -> bool:
        return bool(await self._claim(keys=[self.key], args=[chart_id, _ms(now), CLAIM_LEASE_MS]))

    async def count_due(self) -> int:
        count: int = await self.redis.zcount(self.key, "-inf", int(time.time() * 1000))
        return count

    async def count(self, outcome: str) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hincrby(self.totals, outcome, 1)
            pipe.expire(self.totals, TOTALS_TTL_S)
            await pipe.execute()

    async def run_totals(self) -> dict[str, int]:
        raw = await cast(Awaitable[dict[bytes, bytes]], self.redis.hgetall(self.totals))
        return {k.decode(): int(v) for k, v in raw.items()}
