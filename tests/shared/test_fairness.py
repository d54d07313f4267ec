"""Fair scheduling inside a priority band: users (or orgs) take turns; priorities still order the bands;
a user holding hundreds of queued tasks delays another user's single question by a bounded number of
starts, not by the length of the queue."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from uuid import uuid4

import httpx
import pytest
import redis.asyncio as aioredis

from shared.job import ChartJob
from shared.models import Priority
from shared.redis import create_redis
from shared.settings import Settings
from shared.stats.store import StatsStore
from shared.task_states import accepted
from shared.task_store import TaskStore
from tests.conftest import inprocess_api, spawn, stop, wait_for_status
from tests.worker_fixtures import SETTLE_S, TASKS, post_tasks, registered, worker_env


@pytest.fixture
async def store(isolated_settings: Settings) -> AsyncIterator[TaskStore]:
    redis = create_redis(isolated_settings.redis_url)
    yield TaskStore(redis, isolated_settings)
    await redis.aclose()


async def create(store: TaskStore, user: str, priority: Priority = Priority.NORMAL, org: str = "") -> str:
    dto = accepted(str(uuid4()), uuid4().hex, "s1", priority)
    result = await store.create(dto, ChartJob.for_task(dto, user_id=user, org=org, question="q"))
    assert result.outcome == "created"
    return result.task_id


async def queue_order(store: TaskStore, redis_client: aioredis.Redis) -> list[str]:
    return [m.decode() for m in await redis_client.zrange(store.settings.queue_name, 0, -1)]


async def test_users_take_turns_inside_a_band_and_bands_keep_their_order(
    store: TaskStore, redis_client: aioredis.Redis
) -> None:
    heavy = [await create(store, "heavy") for _ in range(5)]
    light = await create(store, "light")
    low = await create(store, "light", Priority.LOW)
    urgent = await create(store, "heavy", Priority.HIGH)
    order = await queue_order(store, redis_client)
    assert order == [urgent, heavy[0], light, *heavy[1:], low]


async def test_the_users_of_an_org_share_one_turn(store: TaskStore, redis_client: aioredis.Redis) -> None:
    first = [await create(store, "ann", org="acme") for _ in range(2)]
    second = [await create(store, "bob", org="acme") for _ in range(2)]
    alone = await create(store, "cy")
    assert await queue_order(store, redis_client) == [first[0], alone, first[1], *second]


async def test_queue_stats_name_the_users_with_the_most_queued_tasks(store: TaskStore) -> None:
    for user, count in (("many", 4), ("few", 1), ("some", 2)):
        for _ in range(count):
            await create(store, user)
    depth = await StatsStore(store.redis, store.settings.queue_name).depth()
    assert depth.top_users == [("many", 4), ("some", 2), ("few", 1)]


async def test_one_question_is_not_stuck_behind_another_users_500_queued_tasks(
    isolated_settings: Settings, base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str]
) -> None:
    """The bound (shared.fairness): the newcomer's task joins the band's current round, so at most one
    queued task of each other user starts before it, plus what a worker had already fetched (its
    concurrency). In first-in-first-out order it would wait for the other 500."""
    settings = isolated_settings
    concurrency = 2
    env = worker_env(base_env, settings, step_delay_seconds="0.2")
    async with inprocess_api(settings, make_token()) as heavy_http:
        backlog = await post_tasks(heavy_http, 500, "average tip by day")
        worker = spawn(["worker", "--concurrency", str(concurrency)], env, data_dir / "fairness-worker.log")
        try:
            await registered(settings, 1)
            await started_at_least(heavy_http, backlog, 6)
            async with inprocess_api(settings, make_token()) as light_http:
                (mine,) = await post_tasks(light_http, 1, "average tip by day")
                done = await wait_for_status(light_http, mine, within=SETTLE_S)
        finally:
            stop([worker])
        assert done["status"] == "COMPLETED", done
        posted, began = (datetime.fromisoformat(done[k]) for k in ("created_at", "started_at"))
        heavy = await statuses(heavy_http, backlog)
        overtaking = [
            t for t in heavy if t["started_at"] and posted < datetime.fromisoformat(t["started_at"]) < began
        ]
        assert len(overtaking) <= 1 + concurrency, [t["started_at"] for t in overtaking]
        assert sum(t["status"] == "PENDING" for t in heavy) > 400  # the backlog really was there


async def statuses(http: httpx.AsyncClient, task_ids: list[str]) -> list[dict[str, object]]:
    results = []
    for task_id in task_ids:
        response = await http.get(f"{TASKS}/{task_id}/status")
        results.append(dict(response.json()))
    return results


async def started_at_least(http: httpx.AsyncClient, task_ids: list[str], count: int) -> None:
    for _ in range(int(SETTLE_S / 0.2)):
        tasks = await statuses(http, task_ids[:50])
        if sum(t["started_at"] is not None for t in tasks) >= count:
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"the worker never started {count} tasks")
