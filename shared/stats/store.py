"""Queue statistics kept in Redis with a constant cost per task and per read, whatever the queue size.

Writes (one pipeline per finished task): per-second and per-minute outcome counters, duration bins per
10-second slot, all-time totals for Prometheus, and the newest failures. Reads: one Lua call sums the
windows server-side; one pipeline counts the queue by priority band with ZCOUNT (O(log n)) and reads
the running sets. No KEYS, no SCAN, nothing proportional to the number of tasks.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, cast

import orjson
from arq.connections import ArqRedis

from shared import keys
from shared.models import Priority
from shared.stats.bins import bin_of
from shared.task_store import PRIORITY_OFFSET_MS, PRIORITY_RANK

OUTCOMES = ("completed", "failed", "cancelled")
SECOND_BUCKET_TTL_S = 400
MINUTE_BUCKET_TTL_S = 2 * 3600
DURATION_SLOT_S = 10
TOTALS_TTL_S = 30 * 86400
RECENT_FAILURES_KEPT = 50
OLDEST_CANDIDATES = 256

# ARGV: key prefix, now (epoch seconds). Returns 9 outcome sums (1 m, 5 m, 1 h) then field, count
# pairs of the duration bins of the last 5 minutes.
_WINDOWS = """
local prefix, now = ARGV[1], tonumber(ARGV[2])
local sums = {0, 0, 0, 0, 0, 0, 0, 0, 0}
for s = now - 299, now do
  local v = redis.call('HMGET', prefix .. 's:' .. s, 'completed', 'failed', 'cancelled')
  for i = 1, 3 do
    local n = tonumber(v[i]) or 0
    sums[3 + i] = sums[3 + i] + n
    if s > now - 60 then sums[i] = sums[i] + n end
  end
end
local minute = math.floor(now / 60)
for m = minute - 59, minute do
  local v = redis.call('HMGET', prefix .. 'm:' .. m, 'completed', 'failed', 'cancelled')
  for i = 1, 3 do sums[6 + i] = sums[6 + i] + (tonumber(v[i]) or 0) end
end
local bins = {}
local slot = math.floor(now / 10)
for d = slot - 29, slot do
  local flat = redis.call('HGETALL', prefix .. 'd:' .. d)
  for i = 1, #flat, 2 do bins[flat[i]] = (bins[flat[i]] or 0) + tonumber(flat[i + 1]) end
end
local out = sums
for name, count in pairs(bins) do
  out[#out + 1] = name
  out[#out + 1] = count
end
return out
"""


@dataclass
class Windows:
    outcomes: dict[str, dict[str, int]]
    # series -> bin -> count, over the last 5 minutes
    bins: dict[str, dict[int, int]]


@dataclass
class QueueDepth:
    queued: dict[str, int]
    deferred: int
    processing: int
    oldest_queued_age_s: float | None
    running_ids: set[str] = field(default_factory=set)


def priority_band(priority: Priority, now_ms: int) -> tuple[float, float]:
    """The score range (min exclusive, max inclusive) of queued tasks of one priority."""
    centre = now_ms - PRIORITY_RANK[priority] * PRIORITY_OFFSET_MS
    low = centre - PRIORITY_OFFSET_MS / 2 if priority != Priority.HIGH else float("-inf")
    return low, min(centre + PRIORITY_OFFSET_MS / 2, now_ms)


class StatsStore:
    def __init__(self, redis: ArqRedis, queue_name: str) -> None:
        self.redis = redis
        self.queue_name = queue_name
        self._windows = redis.register_script(_WINDOWS)

    async def record(
        self,
        outcome: str,
        *,
        durations_ms: dict[str, float],
        failure: dict[str, Any] | None = None,
        now: float | None = None,
    ) -> None:
        """Counts one finished task: its outcome now, and its step and end-to-end durations."""
        now = time.time() if now is None else now
        q = self.queue_name
        second, minute, slot = int(now), int(now // 60), int(now // DURATION_SLOT_S)
        async with self.redis.pipeline(transaction=False) as pipe:
            pipe.hincrby(keys.outcomes_by_second(q, second), outcome, 1)
            pipe.expire(keys.outcomes_by_second(q, second), SECOND_BUCKET_TTL_S)
            pipe.hincrby(keys.outcomes_by_minute(q, minute), outcome, 1)
            pipe.expire(keys.outcomes_by_minute(q, minute), MINUTE_BUCKET_TTL_S)
            pipe.hincrby(keys.stats_totals(q), outcome, 1)
            for series, ms in durations_ms.items():
                index = bin_of(ms)
                pipe.hincrby(keys.durations(q, slot), f"{series}:{index}", 1)
                pipe.hincrby(keys.stats_totals(q), f"h:{series}:{index}", 1)
                pipe.hincrbyfloat(keys.stats_totals(q), f"sum:{series}", ms / 1000)
            if durations_ms:
                pipe.expire(keys.durations(q, slot), SECOND_BUCKET_TTL_S)
            pipe.expire(keys.stats_totals(q), TOTALS_TTL_S)
            if failure is not None:
                pipe.lpush(keys.recent_failures(q), orjson.dumps(failure))
                pipe.ltrim(keys.recent_failures(q), 0, RECENT_FAILURES_KEPT - 1)
                pipe.expire(keys.recent_failures(q), TOTALS_TTL_S)
            await pipe.execute()

    async def windows(self, now: float | None = None) -> Windows:
        now = time.time() if now is None else now
        prefix = keys.stats_prefix(self.queue_name)
        raw = await self._windows(keys=[], args=[prefix, int(now)])
        sums = [int(v) for v in raw[:9]]
        outcomes = {
            window: dict(zip(OUTCOMES, sums[3 * i : 3 * i + 3], strict=True))
            for i, window in enumerate(("1m", "5m", "1h"))
        }
        bins: dict[str, dict[int, int]] = defaultdict(dict)
        for name, count in zip(raw[9::2], raw[10::2], strict=True):
            series, _, index = name.decode().rpartition(":")
            bins[series][int(index)] = int(count)
        return Windows(outcomes, dict(bins))

    async def depth(self, now_ms: int | None = None) -> QueueDepth:
        now_ms = int(time.time() * 1000) if now_ms is None else now_ms
        priorities = list(Priority)
        async with self.redis.pipeline(transaction=True) as pipe:
            for priority in priorities:
                low, high = priority_band(priority, now_ms)
                pipe.zcount(self.queue_name, f"({low}", high)
                pipe.zrangebyscore(
                    self.queue_name, f"({low}", high, start=0, num=OLDEST_CANDIDATES, withscores=True
                )
                pipe.zrange(keys.running(self.queue_name, priority.value), 0, -1)
            pipe.zcount(self.queue_name, f"({now_ms}", "+inf")
            replies = await pipe.execute()
        queued: dict[str, int] = {}
        running_ids: set[str] = set()
        oldest_score: float | None = None
        for i, priority in enumerate(priorities):
            in_band, candidates, running = replies[3 * i : 3 * i + 3]
            running_here = {member.decode() for member in running}
            running_ids |= running_here
            queued[priority.value] = max(0, int(in_band) - len(running_here))
            for member, score in candidates:
                if member.decode() not in running_here:
                    enqueued = score + PRIORITY_RANK[priority] * PRIORITY_OFFSET_MS
                    oldest_score = enqueued if oldest_score is None else min(oldest_score, enqueued)
                    break
        age = None if oldest_score is None else max(0.0, (now_ms - oldest_score) / 1000)
        return QueueDepth(queued, int(replies[-1]), len(running_ids), age, running_ids)

    async def recent_failures(self, limit: int = 20) -> list[dict[str, Any]]:
        failures = keys.recent_failures(self.queue_name)
        raw = await cast(Awaitable[list[bytes]], self.redis.lrange(failures, 0, limit - 1))
        return [orjson.loads(item) for item in raw]

    async def totals(self) -> dict[str, float]:
        raw = await cast(
            Awaitable[dict[bytes, bytes]], self.redis.hgetall(keys.stats_totals(self.queue_name))
        )
        return {name.decode(): float(value) for name, value in raw.items()}
