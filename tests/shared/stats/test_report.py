"""The queue statistics' estimated wait (shared.stats.report.estimated_wait): from the recent completion
rate while workers are there, and null once none is alive, however fast the last minute went."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.stats.report import estimated_wait
from shared.worker_registry import WorkerInfo


def worker(concurrency: int) -> WorkerInfo:
    now = datetime.now(UTC)
    return WorkerInfo(
        id="w", host="h", pid=1, started_at=now, last_seen=now, concurrency=concurrency, running=0,
        completed=0, failed=0,
    )  # fmt: skip


def test_the_wait_follows_the_last_minutes_rate_while_a_worker_is_alive() -> None:
    assert estimated_wait(30, 60, [worker(4)], 500.0) == 30.0
    assert estimated_wait(8, 0, [worker(4)], 500.0) == 1.0  # no recent rate: what the slots can run
    assert estimated_wait(0, 0, [], None) == 0.0


def test_no_wait_is_estimated_once_every_worker_is_gone() -> None:
    # The dashboard said "36 s" for tasks nobody would run, from the minute before the workers died.
    assert estimated_wait(3, 5, [], 500.0) is None
