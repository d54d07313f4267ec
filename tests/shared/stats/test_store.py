"""Queue statistics in Redis: exact windows, exact depth by priority with 100k queued, constant cost."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import orjson
import pytest

from shared import keys
from shared.fairness import band_base
from shared.models import Priority
from shared.redis import create_redis
from shared.settings import Settings
from shared.stats.store import StatsStore


@pytest.fixture
async def stats(isolated_settings: Settings) -> AsyncIterator[StatsStore]:
    redis = create_redis(isolated_settings.redis_url)
    yield StatsStore(redis, isolated_settings.queue_name)
    await redis.aclose()


async def test_windows_count_exactly_what_ended_inside_them(stats: StatsStore) -> None:
    now = time.time()
    for ago, outcome in [
        (1, "completed"),
        (30, "completed"),
        (59, "failed"),
        (61, "completed"),
        (299, "cancelled"),
        (301, "failed"),
        (3000, "completed"),
        (3700, "completed"),
    ]:
        await stats.record(outcome, durations_ms={}, now=now - ago)
    windows = await stats.windows(now)
    assert windows.outcomes["1m"] == {"completed": 2, "failed": 1, "cancelled": 0}
    assert windows.outcomes["5m"] == {"completed": 3, "failed": 1, "cancelled": 1}
    assert windows.outcomes["1h"] == {"completed": 4, "failed": 2, "cancelled": 1}


async def test_durations_feed_the_five_minute_quantiles(stats: StatsStore) -> None:
    now = time.time()
    for ms in (10, 20, 30, 40, 1000):
        await stats.record("completed", durations_ms={"planning": ms, "end_to_end": ms * 2}, now=now)
    await stats.record("completed", durations_ms={"planning": 5}, now=now - 400)  # outside 5 minutes
    bins = (await stats.windows(now)).bins
    assert sum(bins["planning"].values()) == 5 and sum(bins["end_to_end"].values()) == 5
    totals = await stats.totals()
    assert totals["completed"] == 6 and totals["sum:planning"] == pytest.approx(1.105)


async def test_depth_is_exact_by_priority_with_100k_queued(stats: StatsStore) -> None:
    now_ms = int(time.time() * 1000)
    expected = {"high": 20_000, "normal": 50_000, "low": 30_000}
    async with stats.redis.pipeline(transaction=False) as pipe:
        n = 0
        for priority, count in expected.items():
            members = {f"{priority}-{i}": band_base(Priority(priority)) + i for i in range(count)}
            pipe.zadd(stats.queue_name, members)
            n += count
        pipe.zadd(stats.queue_name, {f"retry-{i}": now_ms + 60_000 for i in range(7)})
        # Three running tasks stay in arq's queue while they run; they must not count as queued.
        pipe.zadd(stats.queue_name, {f"run-{i}": band_base(Priority.HIGH) + 100_000 + i for i in range(3)})
        pipe.zadd(keys.running(stats.queue_name, "high"), {f"run-{i}": now_ms for i in range(3)})
        # The oldest queued age is read from the tasks next in line (round-robin: not always the oldest).
        for priority, age_s in (("high", 500), ("normal", 86_000), ("low", 40)):
            created = datetime.fromtimestamp(now_ms / 1000 - age_s, UTC).isoformat()
            pipe.hset(keys.task(f"{priority}-1"), "dto", orjson.dumps({"created_at": created}))
        await pipe.execute()
    try:
        depth = await stats.depth(now_ms)
    finally:  # written straight to Redis here, so no TTL: leave nothing behind
        await stats.redis.delete(
            stats.queue_name, keys.running(stats.queue_name, "high"), *(keys.task(f"{p}-1") for p in expected)
        )
    assert depth.queued == expected
    assert depth.deferred == 7 and depth.processing == 3
    assert depth.oldest_queued_age_s == pytest.approx(86_000, abs=1)


async def test_a_task_record_it_cannot_read_does_not_take_the_depth_down(stats: StatsStore) -> None:
    """A damaged task hash (or one a newer version wrote) next in line: the depth still answers, aged by
    the records it can read."""
    now_ms = int(time.time() * 1000)
    created = datetime.fromtimestamp(now_ms / 1000 - 300, UTC).isoformat()
    base = band_base(Priority.NORMAL)
    readable = orjson.dumps({"created_at": created})
    records = {"readable": readable, "damaged": b'{"not": "a dto"}', "odd": b"[1]"}
    async with stats.redis.pipeline(transaction=False) as pipe:
        pipe.zadd(stats.queue_name, {task_id: base + i for i, task_id in enumerate(records)})
        for task_id, dto in records.items():
            pipe.hset(keys.task(task_id), "dto", dto)
        await pipe.execute()
    try:
        depth = await stats.depth(now_ms)
    finally:
        await stats.redis.delete(stats.queue_name, *(keys.task(t) for t in records))
    assert depth.queued["normal"] == 3
    assert depth.oldest_queued_age_s == pytest.approx(300, abs=1)
