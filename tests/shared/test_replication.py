"""A new task is answered 202 only once a replica has it (WAIT), when a replica is there to confirm:
a replica that stops answering turns POSTs into 503 with Retry-After until the sentinels mark it down;
with no live replica the task is accepted at once; without Sentinel `CHARTQ_REDIS_REPLICA_ACK=on` asks
the primary for its replicas instead. Real redis-server and redis-sentinel processes."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from shared import keys
from shared.settings import Settings
from tests.conftest import inprocess_api, new_message
from tests.sentinel_fixtures import SentinelDeployment, needs_sentinel
from tests.worker_fixtures import QUESTION, TASKS

pytestmark = [pytest.mark.db, needs_sentinel]

# Long enough that a replica which stopped answering still counts as alive while a POST waits for it.
DOWN_AFTER_MS = 5000
WITHIN_S = 60.0


@pytest.fixture
def deployment(tmp_path: Path) -> Iterator[SentinelDeployment]:
    with SentinelDeployment(tmp_path / "sentinel", down_after_ms=DOWN_AFTER_MS) as started:
        yield started


async def post_task(http: httpx.AsyncClient) -> httpx.Response:
    message = await new_message(http, QUESTION)
    return await http.post(TASKS, json={"message_id": message["id"]})


def refused(response: httpx.Response) -> bool:
    assert response.status_code == 503, response.text
    assert response.json()["code"] == "redis_unavailable"
    assert int(response.headers["Retry-After"]) > 0
    return True


async def accepted_within(http: httpx.AsyncClient, within: float = WITHIN_S) -> str:
    """POSTs until one is answered 202 (each refusal a proper 503); that task's id."""
    deadline = time.monotonic() + within
    while (response := await post_task(http)).status_code != 202:
        assert refused(response) and time.monotonic() < deadline, "never accepted"
        await asyncio.sleep(0.2)
    return str(response.json()["task_id"])


async def test_a_replica_that_stops_answering_refuses_tasks_until_the_sentinels_mark_it_down(
    deployment: SentinelDeployment, isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    settings = isolated_settings.model_copy(update={"redis_url": deployment.url})
    replica = deployment.replica()
    async with inprocess_api(settings, make_token()) as http:
        task_id = await accepted_within(http)
        with replica.client() as client:
            assert client.exists(keys.task(task_id)), "202 before the replica had the task"

        deployment.pause(replica)
        try:
            assert refused(await post_task(http)), "a task was accepted that no replica has"
            await asyncio.to_thread(deployment.until, deployment.replica_down, "the replica was never down")
            # No live replica: nothing to wait for, the task is accepted on the primary alone.
            await accepted_within(http, within=5.0)
        finally:
            deployment.resume(replica)

        await asyncio.to_thread(deployment.until, lambda: not deployment.replica_down(), "no replica back")
        task_id = await accepted_within(http)
        with replica.client() as client:
            assert client.exists(keys.task(task_id)), "202 before the replica had the task"


async def test_without_sentinel_replica_ack_on_waits_for_the_primarys_replicas(
    deployment: SentinelDeployment, isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    primary, replica = deployment.primary(), deployment.replica()
    plain = f"redis://127.0.0.1:{primary.port}/0"
    settings = isolated_settings.model_copy(update={"redis_url": plain, "redis_replica_ack": "on"})
    async with inprocess_api(settings, make_token()) as http:
        task_id = await accepted_within(http)
        with replica.client() as client:
            assert client.exists(keys.task(task_id))
        deployment.pause(replica)
        try:
            assert refused(await post_task(http))
        finally:
            deployment.resume(replica)
        await accepted_within(http)


async def test_replica_ack_on_with_no_replica_accepts_at_once(
    redis_server: object, isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    settings = isolated_settings.model_copy(update={"redis_replica_ack": "on"})
    async with inprocess_api(settings, make_token()) as http:
        for _ in range(3):
            response = await post_task(http)
            assert response.status_code == 202, response.text
