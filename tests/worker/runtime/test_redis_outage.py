"""Redis dies under load and comes back: the API answers 503 meanwhile, the workers and the gateway
reconnect by themselves, and with persistence on no accepted task is lost."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

import httpx
import orjson
import pytest

from tests.conftest import TERMINAL, auth, new_message, spawn, start_api, stop, until_logged, wait_for_status
from tests.worker_fixtures import charts_per_task
from worker.cli.embedded_redis import EmbeddedRedis, free_port

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
USER_STREAM = "/api/v1/analytics/charts/stream"


async def test_tasks_accepted_before_a_redis_crash_complete_after_it(
    base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str], database_url: str
) -> None:
    redis_dir, port = data_dir / f"outage-{uuid4().hex[:6]}", free_port()
    server = EmbeddedRedis(redis_dir, port=port, fsync="always").start()
    env = base_env | {"CHARTQ_REDIS_URL": server.url, "CHARTQ_STEP_DELAY_SECONDS": "0.2"}
    api_url, api = start_api(env, data_dir / "outage-api.log")
    worker = spawn(["worker"], env, data_dir / "outage-worker.log")
    try:
        async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=30) as http:
            messages = [await new_message(http, "average tip by day") for _ in range(12)]
            task_ids = []
            for message in messages[:10]:
                task_ids.append(
                    (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
                )
            started = await wait_for_status(http, task_ids[0], {"PROCESSING", "COMPLETED"}, within=20)
            assert started["status"] in {"PROCESSING", "COMPLETED"}, "the worker never started a task"

            server.process.kill()  # type: ignore[union-attr]
            server.process.wait()  # type: ignore[union-attr]
            refused = await http.post(TASKS, json={"message_id": messages[10]["id"]})
            assert refused.status_code == 503 and refused.json()["code"] == "redis_unavailable"
            assert int(refused.headers["Retry-After"]) > 0
            assert (await http.get("/ready")).status_code == 503
            await asyncio.sleep(2)

            server = EmbeddedRedis(redis_dir, port=port, fsync="always").start()
            deadline = time.monotonic() + 30
            while (await http.get("/ready")).status_code != 200:
                assert time.monotonic() < deadline, "the API did not reconnect"
                await asyncio.sleep(0.2)
            after = await http.post(TASKS, json={"message_id": messages[11]["id"]})
            assert after.status_code == 202
            task_ids.append(after.json()["task_id"])

            deadline = time.monotonic() + 90
            finals = [
                await wait_for_status(http, task_id, within=max(0.1, deadline - time.monotonic()))
                for task_id in task_ids
            ]
            assert [f["status"] for f in finals] == ["COMPLETED"] * len(task_ids)
        assert await charts_per_task(database_url, task_ids) == dict.fromkeys(task_ids, 1)
    finally:
        stop([api, worker])
        server.stop()


async def test_an_api_and_a_worker_started_before_redis_wait_for_it_and_then_chart(
    base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str], database_url: str
) -> None:
    """Processes that start while Redis is down (a failover, a Redis still starting) stay up: the API
    answers /ready 503 with Retry-After, the worker waits, and once Redis serves a task is charted with
    its progress on the user's stream. arq's first read, and the API's first SUBSCRIBE, used to end them."""
    redis_dir, port = data_dir / f"late-{uuid4().hex[:6]}", free_port()
    server = EmbeddedRedis(redis_dir, port=port)
    env = base_env | {"CHARTQ_REDIS_URL": server.url}
    worker_log, api_port = data_dir / f"late-worker-{port}.log", free_port()
    worker = spawn(["worker"], env, worker_log)
    api = spawn(["api", "--port", str(api_port)], env, data_dir / f"late-api-{port}.log")
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{api_port}", headers=auth(make_token()), timeout=30
        ) as http:
            not_ready = await ready_status(http, 503)
            assert int(not_ready.headers["Retry-After"]) > 0
            await until_logged(worker_log, "waiting for it", worker)
            server.start()
            await ready_status(http, 200)
            async with http.stream("GET", USER_STREAM) as stream:
                message = await new_message(http, "average tip by day")
                task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
                statuses = await streamed_statuses(stream, task_id)
        assert statuses[-1] == "COMPLETED" and "PROCESSING" in statuses, statuses
        assert worker.poll() is None and api.poll() is None
        assert await charts_per_task(database_url, [task_id]) == {task_id: 1}
    finally:
        stop([api, worker])
        server.stop()


async def ready_status(http: httpx.AsyncClient, status: int) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(httpx.TransportError):  # the API is still starting
            if (response := await http.get("/ready")).status_code == status:
                return response
        assert time.monotonic() < deadline, f"/ready never answered {status}"
        await asyncio.sleep(0.1)


async def streamed_statuses(stream: httpx.Response, task_id: str) -> list[str]:
    statuses: list[str] = []
    async with asyncio.timeout(60):
        async for line in stream.aiter_lines():
            if line.startswith("data: ") and (event := orjson.loads(line[6:])).get("task_id") == task_id:
                statuses.append(event["data"]["status"])
                if statuses[-1] in TERMINAL:
                    break
    return statuses
