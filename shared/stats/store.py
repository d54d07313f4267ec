"""Queue statistics kept in Redis with a constant cost per task and per read, whatever the queue size.

Writes (one Lua function per finished task, run by the worker's terminal transition or on its own):
per-second and per-minute outcome counters, duration bins per 10-second slot, all-time totals for
Prometheus, and the newest failures. Reads: one Lua call sums the windows server-side; one pipeline
counts the queue by priority band with ZCOUNT (O(log n)) and reads the running sets. No KEYS, no SCAN,
nothing proportional to the number of tasks.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Awaitable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

import orjson
from arq.connections import ArqRedis

from shared import keys
from shared.fairness import band_bounds
from shared.lua.stats import DEPTH, RECORD_OUTCOME, WINDOWS
from shared.models import Priority
from shared.stats.bins import bin_of

OUTCOMES = ("completed", "failed", "cancelled")
SECOND_BUCKET_TTL_S = 400
MINUTE_BUCKET_TTL_S = 2 * 3600
DURATION_SLOT_S = 10
TOTALS_TTL_S = 30 * 86400
RECENT_FAILURES_KEPT = 50
OLDEST_CANDIDATES = 256
# The queued tasks next in line per band whose age is read for "oldest queued": with round-robin inside
# a band the next in line is not always the oldest, so a few are looked at (an estimate, see depth()).
AGED_PER_BAND = 4
TOP_USERS = 10


@dataclass(frozen=True)
class OutcomeCount:
    """A finished task's statistics as the arguments of record_outcome (shared.lua.stats)."""

    keys: tuple[str, ...]
    args: tuple[Any, ...]


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
    # The users with the most PENDING tasks, most first.
    top_users: list[tuple[str, int]] = field(default_factory=list)


def priority_band(priority: Priority, now_ms: int) -> tuple[float, float]:
    """The score range (min exclusive, max inclusive) of queued tasks of one priority. A score above
    zero is arq's own (a job enqueued by plain arq, or deferred by its Retry): counted as low once due."""
    low, high = band_bounds(priority)
    return low - 1, (high - 1 if priority != Priority.LOW else now_ms)


class StatsStore:
    def __init__(self, redis: ArqRedis, queue_name: str) -> None:
        self.redis = redis
        self.queue_name = queue_name
        self._windows = redis.register_script(WINDOWS)
        self._depth = redis.register_script(DEPTH)
        self._record = redis.register_script(RECORD_OUTCOME)

    def outcome(
        self,
        outcome: str,
        *,
        durations_ms: dict[str, float],
        failure: dict[str, Any] | None = None,
        now: float | None = None,
    ) -> OutcomeCount:
        """One finished task's count: its outcome now, and its step and end-to-end durations."""
        now = time.time() if now is None else now
        q = self.queue_name
        second, minute, slot = int(now), int(now // 60), int(now // DURATION_SLOT_S)
        durations = [(series, bin_of(ms), repr(ms / 1000)) for series, ms in durations_ms.items()]
        return OutcomeCount(
            keys=(
                keys.outcomes_by_second(q, second),
                keys.outcomes_by_minute(q, minute),
                keys.stats_totals(q),
                keys.durations(q, slot),
                keys.recent_failures(q),
            ),
            args=(
                outcome,
                SECOND_BUCKET_TTL_S,
                MINUTE_BUCKET_TTL_S,
                TOTALS_TTL_S,
                RECENT_FAILURES_KEPT,
                orjson.dumps(failure) if failure is not None else "",
                *(value for duration in durations for value in duration),
            ),
        )

    async def record(
        self,
        outcome: str,
        *,
        durations_ms: dict[str, float],
        failure: dict[str, Any] | None = None,
        now: float | None = None,
    ) -> None:
        """Counts one finished task on its own (a worker's terminal write counts it in the same script:
        `TaskStore.transition(counts=...)`)."""
        await self.record_count(self.outcome(outcome, durations_ms=durations_ms, failure=failure, now=now))

    async def record_count(self, count: OutcomeCount) -> None:
        await self._record(keys=list(count.keys), args=list(count.args))

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
        bounds = [str(int(bound)) for p in priorities for bound in priority_band(p, now_ms)]
        replies = await self._depth(
            keys=[
                self.queue_name,
                keys.deferred(self.queue_name),
                keys.queued_users(self.queue_name),
                *(keys.running(self.queue_name, p.value) for p in priorities),
            ],
            args=[*bounds, OLDEST_CANDIDATES, now_ms, TOP_USERS],
        )
        queued: dict[str, int] = {}
        running_ids: set[str] = set()
        next_in_line: list[str] = []
        for i, priority in enumerate(priorities):
            in_band, candidates, running = replies[3 * i : 3 * i + 3]
            running_here = {member.decode() for member in running}
            running_ids |= running_here
            queued[priority.value] = max(0, int(in_band) - len(running_here))
            waiting = [member.decode() for member in candidates if member.decode() not in running_here]
            next_in_line += waiting[:AGED_PER_BAND]
        # Deferred: retries parked by chartq (shared.deferred) and arq's own deferred jobs.
        deferred = int(replies[-3]) + int(replies[-2])
        users = replies[-1]  # member, score, member, score ...
        top_users = [(u.decode(), int(float(n))) for u, n in zip(users[0::2], users[1::2], strict=True)]
        age = await self._oldest_age_s(next_in_line, now_ms)
        return QueueDepth(queued, deferred, len(running_ids), age, running_ids, top_users)

    async def _oldest_age_s(self, task_ids: list[str], now_ms: int) -> float | None:
        """The age of the oldest of these queued tasks, from their creation time."""
        if not task_ids:
            return None
        async with self.redis.pipeline(transaction=False) as pipe:
            for task_id in task_ids:
                pipe.hget(keys.task(task_id), "dto")
            dtos = await pipe.execute()
        created = [when for dto in dtos if dto and (when := _created_at(dto)) is not None]
        if not created:
            return None
        oldest = min(created).timestamp() * 1000
        return max(0.0, (now_ms - oldest) / 1000)

    async def recent_failures(self, limit: int = 20) -> list[dict[str, Any]]:
        failures = keys.recent_failures(self.queue_name)
        raw = await cast(Awaitable[list[bytes]], self.redis.lrange(failures, 0, limit - 1))
        return [orjson.loads(item) for item in raw]

    async def totals(self) -> dict[str, float]:
        raw = await cast(
            Awaitable[dict[bytes, bytes]], self.redis.hgetall(keys.stats_totals(self.queue_name))
        )
        return {name.decode(): float(value) for name, value in raw.items()}


def _created_at(dto: bytes) -> datetime | None:
    """When a stored task was created; None for a record this version cannot read (written by a newer
    one in a rolling deploy, or damaged), which must not take the queue's statistics down with it."""
    try:
        return datetime.fromisoformat(orjson.loads(dto)["created_at"])
    except (ValueError, KeyError, TypeError):
        return None
