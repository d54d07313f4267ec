"""Batches and the limits on them: the per-user active-task cap and the write limit (all or nothing), a
Redis that cannot take writes (503), and what operators see of batches (/metrics, batch statistics)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
import redis.asyncio as aioredis
from prometheus_client.parser import text_string_to_metric_families

from shared.settings import Settings
from tests.conftest import auth, inprocess_api, inprocess_worker, new_message, wait_for_status
from worker.cli.embedded_redis import EmbeddedRedis, free_port

pytestmark = pytest.mark.db

BATCH = "/api/v1/analytics/charts/batch"
QUESTION = "average tip by day"


async def active_tasks(http: httpx.AsyncClient, message_ids: list[str]) -> list[str]:
    found = []
    for message_id in message_ids:
        charts = (await http.get(f"/api/v1/analytics/charts/by-message/{message_id}")).json()
        found += [task["task_id"] for task in charts["active_tasks"]]
    return found


async def test_a_batch_that_would_pass_the_active_task_cap_creates_nothing(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    capped = isolated_settings.model_copy(update={"max_active_tasks_per_user": 3})
    async with inprocess_api(capped, make_token()) as http:
        ids = [(await new_message(http, QUESTION))["id"] for _ in range(4)]
        refused = await http.post(BATCH, json={"message_ids": ids})
        assert refused.status_code == 429, refused.text
        assert refused.json()["code"] == "too_many_active_tasks" and int(refused.headers["Retry-After"]) > 0
        assert "4" in refused.json()["detail"] and "3" in refused.json()["detail"]
        assert await active_tasks(http, ids) == [], "no half batch"

        accepted = await http.post(BATCH, json={"message_ids": ids[:3]})
        assert accepted.status_code == 202
        # The same messages again start nothing new, so they fit; one more message does not.
        again = await http.post(BATCH, json={"message_ids": ids[:3]})
        assert again.status_code == 202
        task_ids = [t["task_id"] for t in accepted.json()["tasks"]]
        assert [t["task_id"] for t in again.json()["tasks"]] == task_ids
        assert (await http.post(BATCH, json={"message_ids": ids[2:]})).status_code == 429
        assert await active_tasks(http, ids[3:]) == []


async def test_concurrent_batches_never_leave_a_half_batch_running(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    capped = isolated_settings.model_copy(update={"max_active_tasks_per_user": 3})
    async with inprocess_api(capped, make_token()) as http:
        ids = [(await new_message(http, QUESTION))["id"] for _ in range(6)]
        first, second = await asyncio.gather(
            http.post(BATCH, json={"message_ids": ids[:3]}), http.post(BATCH, json={"message_ids": ids[3:]})
        )
        statuses = sorted([first.status_code, second.status_code])
        assert statuses in ([202, 429], [429, 429]), (first.text, second.text)
        winners = [r.json() for r in (first, second) if r.status_code == 202]
        expected = sorted(t["task_id"] for w in winners for t in w["tasks"])
        assert sorted(await active_tasks(http, ids)) == expected


async def test_a_batch_counts_one_write_per_message(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    limited = isolated_settings.model_copy(update={"writes_per_minute": 8})
    async with inprocess_api(limited, make_token()) as http:
        session = (await http.post("/api/v1/sessions", json={})).json()
        path = f"/api/v1/sessions/{session['id']}/messages"
        ids = [(await http.post(path, json={"content": QUESTION})).json()["id"] for _ in range(3)]
        # 4 writes so far; a batch of 3 makes 7, and the next batch of 3 would make 10.
        assert (await http.post(BATCH, json={"message_ids": ids})).status_code == 202
        refused = await http.post(BATCH, json={"message_ids": ids})
        assert refused.status_code == 429 and refused.json()["code"] == "too_many_writes", refused.text


@pytest.fixture
async def own_redis(tmp_path: Path) -> AsyncIterator[tuple[EmbeddedRedis, aioredis.Redis]]:
    server = EmbeddedRedis(tmp_path / "redis", port=free_port(), appendonly=False).start()
    admin = aioredis.Redis.from_url(server.url)
    try:
        yield server, admin
    finally:
        await admin.aclose()
        server.stop()


async def test_a_redis_that_cannot_take_writes_answers_503_with_retry_after(
    own_redis: tuple[EmbeddedRedis, aioredis.Redis],
    isolated_settings: Settings,
    make_token: Callable[..., str],
) -> None:
    server, admin = own_redis
    settings = isolated_settings.model_copy(update={"redis_url": server.url})
    async with inprocess_api(settings, make_token()) as http:
        ids = [(await new_message(http, QUESTION))["id"] for _ in range(2)]
        batch_id = (await http.post(BATCH, json={"message_ids": ids[:1]})).json()["batch_id"]
        await admin.replicaof("127.0.0.1", free_port())  # a failover made it a replica
        try:
            for response in (
                await http.post(BATCH, json={"message_ids": ids[1:]}),
                await http.delete(f"{BATCH}/{batch_id}"),
            ):
                assert response.status_code == 503, response.text
                assert response.json()["code"] == "redis_read_only"
                assert int(response.headers["Retry-After"]) > 0
            assert (await http.get(f"{BATCH}/{batch_id}")).json()["status"] == "PENDING"  # reads still work
        finally:
            await admin.replicaof("NO", "ONE")


async def metric_values(http: httpx.AsyncClient, token: str) -> dict[str, float]:
    response = await http.get("/metrics", headers=auth(token))
    assert response.status_code == 200, response.text
    values = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            if sample.name.startswith(("chartq_batch",)):
                label = sample.labels.get("status")
                values[sample.name + (f"{{{label}}}" if label else "")] = sample.value
    return values


async def test_operators_see_batches_created_active_and_how_they_ended(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    operator = make_token(roles=["operator"])
    worker = inprocess_worker(isolated_settings)
    async with inprocess_api(isolated_settings, make_token()) as http:
        ids = [(await new_message(http, q))["id"] for q in (QUESTION, "what should I cook tonight")]
        batch = (await http.post(BATCH, json={"message_ids": ids})).json()
        before = await metric_values(http, operator)
        assert before["chartq_batches_created_total"] == 1 and before["chartq_batch_tasks_total"] == 2
        assert before["chartq_batches_active"] == 1

        running = asyncio.create_task(worker.async_run())
        try:
            for task in batch["tasks"]:
                await wait_for_status(http, task["task_id"])
        finally:
            running.cancel()
            await worker.close()
        # Nobody looked at the batch since: the scrape itself notices that it ended, and counts it once.
        after = await metric_values(http, operator)
        assert after["chartq_batches_active"] == 0
        assert after["chartq_batches_finished_total{PARTIAL}"] == 1
        assert after["chartq_batches_finished_total{COMPLETED}"] == 0
        assert (await metric_values(http, operator))["chartq_batches_finished_total{PARTIAL}"] == 1

        stats = await http.get("/api/v1/analytics/queue/batches", headers=auth(operator))
        assert stats.json() == {
            "active": 0,
            "created": 1,
            "tasks": 2,
            "completed": 0,
            "partial": 1,
            "failed": 0,
            "cancelled": 0,
        }
        assert (await http.get("/api/v1/analytics/queue/batches")).status_code == 403
