"""The queue statistics of DESIGN.md, assembled from the constant-cost reads of `shared.stats.store`."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from shared.stats.bins import quantile_ms
from shared.stats.store import StatsStore
from shared.worker_registry import WorkerInfo, live_workers

DURATION_SERIES = ("planning", "data_extraction", "schema_creation", "persisting", "queue_wait", "end_to_end")


class OutcomeCounts(BaseModel):
    completed: int
    failed: int
    cancelled: int


class DurationSummary(BaseModel):
    """Over the last 5 minutes; quantiles are bin upper edges (at most 25 % above the true value)."""

    count: int
    p50_ms: float | None
    p95_ms: float | None


class RecentFailure(BaseModel):
    task_id: str
    user_id: str
    error_code: str | None
    error_message: str | None
    failed_at: str | None
    worker_id: str | None = None


class QueuedByUser(BaseModel):
    user_id: str
    queued: int


class QueueStats(BaseModel):
    queued: dict[str, int]
    queued_total: int
    deferred: int
    processing: int
    workers: list[WorkerInfo]
    outcomes: dict[str, OutcomeCounts]
    throughput_per_minute: float
    durations: dict[str, DurationSummary]
    oldest_queued_age_seconds: float | None
    estimated_wait_seconds: float | None
    recent_failures: list[RecentFailure]
    # The users with the most PENDING tasks (at most 10), most first: who fills the queue. PENDING is
    # more than `queued_total`: it counts a user's scheduled tasks and those waiting for other charts too.
    top_users: list[QueuedByUser] = []
    updated_at: datetime


def estimated_wait(
    queued: int, completed_last_minute: int, workers: list[WorkerInfo], end_to_end_p50_ms: float | None
) -> float | None:
    """Seconds until a task queued now starts: the queue ahead over the recent completion rate, or,
    with no recent completions, over what the live workers can run at once."""
    if queued == 0:
        return 0.0
    slots = sum(w.concurrency for w in workers)
    if slots == 0:
        return None  # nobody is there to run it, however fast the last minute went
    if completed_last_minute > 0:
        return round(queued / (completed_last_minute / 60), 1)
    return round(queued / slots * (end_to_end_p50_ms or 1000) / 1000, 1)


async def collect_queue_stats(stats: StatsStore, *, failures: int = 20) -> QueueStats:
    now = time.time()
    depth = await stats.depth(int(now * 1000))
    windows = await stats.windows(now)
    workers = await live_workers(stats.redis, stats.queue_name, now)
    recent: list[dict[str, Any]] = await stats.recent_failures(failures)
    durations = {
        series: DurationSummary(
            count=sum(windows.bins.get(series, {}).values()),
            p50_ms=quantile_ms(windows.bins.get(series, {}), 0.5),
            p95_ms=quantile_ms(windows.bins.get(series, {}), 0.95),
        )
        for series in DURATION_SERIES
    }
    queued_total = sum(depth.queued.values())
    completed_1m = windows.outcomes["1m"]["completed"]
    return QueueStats(
        queued=depth.queued,
        queued_total=queued_total,
        deferred=depth.deferred,
        processing=depth.processing,
        workers=workers,
        outcomes={window: OutcomeCounts(**counts) for window, counts in windows.outcomes.items()},
        throughput_per_minute=float(completed_1m),
        durations=durations,
        oldest_queued_age_seconds=None
        if depth.oldest_queued_age_s is None
        else round(depth.oldest_queued_age_s, 3),
        estimated_wait_seconds=estimated_wait(
            queued_total, completed_1m, workers, durations["end_to_end"].p50_ms
        ),
        recent_failures=[RecentFailure(**failure) for failure in recent],
        top_users=[QueuedByUser(user_id=user, queued=count) for user, count in depth.top_users],
        updated_at=datetime.fromtimestamp(now, UTC),
    )
