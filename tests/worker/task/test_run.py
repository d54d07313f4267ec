"""The chart task as real worker processes run it: events, exactly-once runs, and keys that expire."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any
from uuid import uuid4

import httpx
import pytest
import redis.asyncio as aioredis
import sqlalchemy as sa

from shared import keys
from shared.db.engine import create_engine
from shared.db.tables import Chart, TaskRun
from shared.redis import loads
from tests.conftest import TERMINAL, auth, new_message, wait_for_status

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
QUESTION = "life expectancy in Mexico and Canada since 1980"


async def test_events_of_a_task_arrive_in_seq_order_and_end_terminal(
    api_url: str, worker_processes: list[Any], make_token: Callable[..., str], redis_client: aioredis.Redis
) -> None:
    user = f"user-{uuid4().hex[:8]}"
    pubsub = redis_client.pubsub()
    await pubsub.subscribe(keys.user_channel(user))
    async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token(user))) as http:
        message = await new_message(http, QUESTION)
        task = (await http.post(TASKS, json={"message_id": message["id"]})).json()
        events: list[dict[str, Any]] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (events and events[-1]["data"]["status"] in TERMINAL):
            raw = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1)
            if raw is not None:
                events.append(loads(raw["data"]))
    await pubsub.aclose()

    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert {e["type"] for e in events} == {"status_update"} and {e["task_id"] for e in events} == {
        task["task_id"]
    }
    steps = [e["data"]["current_step"] for e in events]
    assert steps == ["queued", "planning", "data_extraction", "schema_creation", "persisting", "done"]
    progress = [e["data"]["progress"] for e in events]
    assert progress == sorted(progress) and progress[-1] == 100
    assert events[-1]["data"]["status"] == "COMPLETED"
    # The replay history holds exactly what was published.
    history = [loads(e) for e in await redis_client.lrange(keys.task_events(task["task_id"]), 0, -1)]
    assert history == events


async def test_every_key_chartq_writes_expires(
    client: httpx.AsyncClient, redis_client: aioredis.Redis
) -> None:
    message = await new_message(client, QUESTION)
    done = await wait_for_status(
        client, (await client.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
    )
    await client.post(TASKS, json={"message_id": message["id"], "force_create": True})
    assert done["status"] == "COMPLETED"
    # Other tests on this Redis park tasks in queues of their own ("isolated_settings") that no worker
    # consumes; those queues' sets rightly live as long as they hold a task, so only this system's count.
    without_ttl = [
        key
        async for key in redis_client.scan_iter(count=1000)
        if b"arq:queue:test-" not in key and await redis_client.ttl(key) == -1
    ]
    assert without_ttl == []


async def test_two_worker_processes_share_200_tasks_and_none_runs_twice(
    client: httpx.AsyncClient, database_url: str, redis_client: aioredis.Redis
) -> None:
    session = (await client.post("/api/v1/sessions", json={"title": "load"})).json()
    questions = [QUESTION, "gdp per capita of Brazil since 1990", "average tip by day"]
    message_ids = []
    for i in range(200):
        created = await client.post(
            f"/api/v1/sessions/{session['id']}/messages", json={"content": questions[i % len(questions)]}
        )
        message_ids.append(created.json()["id"])
    responses = await asyncio.gather(*(client.post(TASKS, json={"message_id": m}) for m in message_ids))
    task_ids = [r.json()["task_id"] for r in responses]
    assert {r.status_code for r in responses} == {202} and len(set(task_ids)) == 200

    finals = [await wait_for_status(client, t, within=120) for t in task_ids]
    assert {f["status"] for f in finals} == {"COMPLETED"}
    assert {f["attempt"] for f in finals} == {1}

    for task_id in task_ids:
        history = [loads(e) for e in await redis_client.lrange(keys.task_events(task_id), 0, -1)]
        starts = [e for e in history if e["data"]["current_step"] == "planning"]
        assert len(starts) == 1, f"{task_id} started {len(starts)} times"

    engine = create_engine(database_url)
    async with engine.connect() as conn:
        runs = (
            await conn.execute(
                sa.select(TaskRun.worker_id, TaskRun.attempts).where(TaskRun.task_id.in_(task_ids))
            )
        ).all()
        charts = (
            await conn.execute(
                sa.select(sa.func.count(), sa.func.count(sa.distinct(Chart.task_id))).where(
                    Chart.task_id.in_(task_ids)
                )
            )
        ).one()
    await engine.dispose()
    assert len(runs) == 200 and {attempts for _, attempts in runs} == {1}
    worker_pids = {worker_id.split(":")[1] for worker_id, _ in runs}
    assert len(worker_pids) == 2, "both worker processes should have taken tasks"
    assert tuple(charts) == (200, 200)
