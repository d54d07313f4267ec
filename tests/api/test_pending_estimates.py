"""A PENDING event's estimate as the streams send it (api.pending_estimates), against a real Redis: one
estimate for the streams that ask together, and none kept once found (a later stream's is as of its now)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import uuid4

import orjson
import pytest

from api.pending_estimates import PendingEstimates
from api.pubsub import Event
from shared.job import ChartJob
from shared.models import Priority
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import accepted, started
from shared.task_store import TaskStore
from worker.cli.embedded_redis import EmbeddedRedis


@pytest.fixture
async def store(redis_server: EmbeddedRedis, isolated_settings: Settings) -> AsyncIterator[TaskStore]:
    redis = create_redis(redis_server.url)
    yield TaskStore(redis, isolated_settings)
    await redis.aclose()


async def _published(store: TaskStore) -> Event:
    """A PENDING event as a script published it, with an estimate that no longer holds (no worker is
    alive now, so the estimate as of now is none)."""
    task = accepted(str(uuid4()), "m", "s", Priority.NORMAL)
    await store.create(task, ChartJob.for_task(task, user_id="u", question="q"))
    stale = task.model_copy(update={"estimated_completion": datetime(2026, 1, 1, tzinfo=UTC)})
    return Event.parse(
        orjson.dumps({"seq": 1, "task_id": task.task_id, "data": stale.model_dump(mode="json")})
    )


def _estimate(event: Event) -> object:
    return orjson.loads(event.raw)["data"]["estimated_completion"]


async def test_streams_asking_together_share_one_estimate(store: TaskStore) -> None:
    estimates = PendingEstimates(store)
    event = await _published(store)
    together = await asyncio.gather(*(estimates.of(event) for _ in range(50)))
    assert _estimate(event) is not None and _estimate(together[0]) is None  # as of now, not as published
    assert all(one is together[0] for one in together)  # one estimate, one encoded frame, for all


async def test_nothing_is_kept_once_found(store: TaskStore) -> None:
    estimates = PendingEstimates(store)
    event = await _published(store)
    first = await estimates.of(event)
    await asyncio.sleep(0)  # the entry goes when its estimate is found
    assert not estimates._finding  # an idle stream's memory holds no estimate
    later = await estimates.of(event)
    assert later is not first and _estimate(later) is None  # estimated again, as of its own now


async def test_events_that_are_not_pending_pass_through(store: TaskStore) -> None:
    task = started(accepted(str(uuid4()), "m", "s", Priority.NORMAL), expected_duration_s=1.0)
    event = Event.parse(
        orjson.dumps({"seq": 2, "task_id": task.task_id, "data": task.model_dump(mode="json")})
    )
    assert await PendingEstimates(store).of(event) is event
