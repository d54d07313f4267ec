"""Redis dies under load and comes back: the API answers 503 meanwhile, the workers and the gateway
reconnect by themselves, and with persistence on no accepted task is lost."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from tests.conftest import auth, new_message, spawn, start_api, stop, wait_for_status
from tests.worker_fixtures import charts_per_task
from worker.cli.embedded_redis import EmbeddedRedis, free_port

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"


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


async def test_a_worker_started_before_redis_waits_for_it_and_then_charts(
    base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str], database_url: str
) -> None:
    """A worker that starts while Redis is down (a failover, a Redis still starting) stays up and takes
    tasks once Redis serves: arq's first read used to end the process."""
    redis_dir, port = data_dir / f"late-{uuid4().hex[:6]}", free_port()
    server = EmbeddedRedis(redis_dir, port=port)
    env = base_env | {"CHARTQ_REDIS_URL": server.url}
    worker_log = data_dir / f"late-worker-{port}.log"
    worker = spawn(["worker"], env, worker_log)
    processes = [worker]
    try:
        deadline = time.monotonic() + 60
        while "waiting for it" not in worker_log.read_text(errors="replace"):
            assert worker.poll() is None, worker_log.read_text(errors="replace")
            assert time.monotonic() < deadline, "the worker never said it was waiting for Redis"
            await asyncio.sleep(0.1)
        server.start()
        api_url, api = start_api(env, data_dir / f"late-api-{port}.log")
        processes.append(api)
        async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=30) as http:
            message = await new_message(http, "average tip by day")
            task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
            final = await wait_for_status(http, task_id, within=60)
        assert final["status"] == "COMPLETED", (final, worker_log.read_text(errors="replace"))
        assert worker.poll() is None
        assert await charts_per_task(database_url, [task_id]) == {task_id: 1}
    finally:
        stop(processes)
        server.stop()
