"""Redis Sentinel (CHARTQ_REDIS_URL=redis+sentinel://...): a real API and a real worker find the primary
through real sentinels and follow a failover by themselves. No task answered 202 is lost or charted
twice, a POST during the failover answers 202 or 503 with Retry-After, and live progress resumes."""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from shared import keys
from tests.conftest import TERMINAL, auth, new_message, spawn, start_api, stop, wait_for_status
from tests.sentinel_fixtures import SentinelDeployment, needs_sentinel
from tests.worker_fixtures import QUESTION, TASKS, charts_per_task

pytestmark = [pytest.mark.db, needs_sentinel]

TASK_COUNT = 200
# Tasks posted before the failover starts; the rest are posted while it runs.
BEFORE_FAILOVER = 50
PARALLEL_POSTS = 8
# One deadline for everything a failover test waits on, inside pytest-timeout's 300 s, so a failure is
# reported as what did not happen rather than as a timeout.
SETTLE_S = 200.0
USER_STREAM = "/api/v1/analytics/charts/stream"


@contextmanager
def api_and_worker(env: dict[str, str], logs: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    api_url, api = start_api(env, logs / "api.log")
    worker = spawn(["worker"], env, logs / "worker.log")
    try:
        yield api_url, worker
    finally:
        stop([api, worker])


def sentinel_env(base_env: dict[str, str], deployment: SentinelDeployment, **extra: str) -> dict[str, str]:
    return (
        base_env | {"CHARTQ_REDIS_URL": deployment.url} | {f"CHARTQ_{k.upper()}": v for k, v in extra.items()}
    )


async def test_a_task_completes_through_the_sentinels_and_is_on_the_replica_when_accepted(
    tmp_path: Path, base_env: dict[str, str], make_token: Callable[..., str], database_url: str
) -> None:
    # A password that must be percent-encoded in the URL; the sentinels ask for it too.
    with (
        SentinelDeployment(tmp_path / "sentinel", password="p@ss:w/rd") as deployment,
        api_and_worker(sentinel_env(base_env, deployment), tmp_path) as (api_url, worker),
    ):
        async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=30) as http:
            message = await new_message(http, QUESTION)
            response = await http.post(TASKS, json={"message_id": message["id"]})
            assert response.status_code == 202, response.text
            task_id = response.json()["task_id"]
            (replica,) = [node for node in deployment.servers if node is not deployment.primary()]
            with replica.client(deployment.password) as client:
                assert client.hget(keys.task(task_id), "dto") is not None, "202 before the replica had it"
            final = await wait_for_status(http, task_id, within=SETTLE_S)
        assert final["status"] == "COMPLETED", final
        assert worker.poll() is None
    assert await charts_per_task(database_url, [task_id]) == {task_id: 1}


@pytest.fixture
def deployment(tmp_path: Path) -> Iterator[SentinelDeployment]:
    with SentinelDeployment(tmp_path / "sentinel") as started:
        yield started


@pytest.mark.parametrize("how", ["kill", "sentinel-failover"])
async def test_tasks_in_flight_survive_a_failover(
    how: str,
    deployment: SentinelDeployment,
    tmp_path: Path,
    base_env: dict[str, str],
    make_token: Callable[..., str],
    database_url: str,
) -> None:
    env = sentinel_env(base_env, deployment, step_delay_seconds="0.05", worker_concurrency="8")
    deadline = time.monotonic() + SETTLE_S
    with api_and_worker(env, tmp_path) as (api_url, worker):
        async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=60) as http:
            messages = await new_messages(http, TASK_COUNT)
            accepted: dict[str, str] = {}  # message id -> task id, for every 202 (and 200 on a retry)
            await post_all(http, messages[:BEFORE_FAILOVER], accepted, deadline)

            old = deployment.primary()
            if how == "kill":
                deployment.kill(old)
            else:
                deployment.failover()
            await post_all(http, messages[BEFORE_FAILOVER:], accepted, deadline)
            within = deadline - time.monotonic()
            new = await asyncio.to_thread(deployment.wait_for_new_primary, old.port, within)
            # A client that got 503 sends its request again: each ends with one task.
            refused = [m for m in messages if m not in accepted]
            await post_all(http, refused, accepted, deadline, until_accepted=True)

            await ready_on(http, new.client(deployment.password), deadline)
            await live_progress_follows(http, deadline)
            finals = await all_terminal(http, list(accepted.values()), deadline)
        assert worker.poll() is None, "the worker process exited"
    task_ids = list(accepted.values())
    assert len(set(task_ids)) == TASK_COUNT
    unfinished = [task_id for task_id in task_ids if finals[task_id]["status"] != "COMPLETED"]
    queue = env.get("CHARTQ_QUEUE_NAME", "arq:queue")
    assert not unfinished, where_they_are(deployment, queue, unfinished, tmp_path)
    assert await charts_per_task(database_url, task_ids) == dict.fromkeys(task_ids, 1)


def where_they_are(deployment: SentinelDeployment, queue: str, task_ids: list[str], logs: Path) -> str:
    """What the primary holds of tasks that did not complete, and the worker's log lines about them: so a
    failure says where each task stopped."""
    lines = (logs / "worker.log").read_text(errors="replace").splitlines()
    report = []
    with deployment.primary().client(deployment.password) as client:
        for task_id in task_ids:
            fields = ("status", "attempt", "worker", "queue_score", "dep_failed", "waiting_on", "cancel")
            held = dict(zip(fields, client.hmget(keys.task(task_id), fields), strict=True))
            deferred = client.zscore(keys.deferred(queue), task_id)
            lease = client.pttl(keys.arq_in_progress(task_id))
            report.append(
                f"{task_id}: {held}; queued at {client.zscore(queue, task_id)}, deferred until {deferred}, "
                f"arq job {client.exists(keys.arq_job(task_id))}, lease {lease} ms"
            )
            report += [f"    {line}" for line in lines if task_id in line][-20:]
    return "\n".join(["tasks that did not complete:", *report])


async def new_messages(http: httpx.AsyncClient, count: int) -> list[str]:
    ids: list[str] = []
    while len(ids) < count:
        batch = await asyncio.gather(*(new_message(http, QUESTION) for _ in range(min(10, count - len(ids)))))
        ids += [message["id"] for message in batch]
    return ids


async def post_all(
    http: httpx.AsyncClient,
    messages: list[str],
    accepted: dict[str, str],
    deadline: float,
    *,
    until_accepted: bool = False,
) -> None:
    """POSTs a task for each message, PARALLEL_POSTS at a time; every answer is 202 (or 200 for a task a
    503 had already stored) or 503 with Retry-After, never anything else. With `until_accepted`, a
    message refused with 503 is sent again until it is accepted."""
    pending = list(messages)

    async def post(message_id: str) -> None:
        if (task_id := await post_task(http, message_id)) is not None:
            accepted[message_id] = task_id

    while pending:
        for start in range(0, len(pending), PARALLEL_POSTS):
            await asyncio.gather(*(post(m) for m in pending[start : start + PARALLEL_POSTS]))
        pending = [m for m in pending if m not in accepted] if until_accepted else []
        assert time.monotonic() < deadline, f"{len(pending)} tasks were never accepted"
        if pending:
            await asyncio.sleep(0.2)


async def post_task(http: httpx.AsyncClient, message_id: str) -> str | None:
    """The task's id when the POST is accepted; None when refused for now (503 with Retry-After)."""
    response = await http.post(TASKS, json={"message_id": message_id})
    if response.status_code in (200, 202):
        return str(response.json()["task_id"])
    assert response.status_code == 503, (response.status_code, response.text)
    assert int(response.headers["Retry-After"]) > 0
    assert response.json()["code"].startswith("redis_"), response.text
    return None


async def ready_on(http: httpx.AsyncClient, new_primary: Any, deadline: float) -> None:
    """Waits for GET /ready to answer 200 with its write landing on the new primary."""
    try:
        while True:
            new_primary.delete(keys.READY)
            status = (await http.get("/ready")).status_code
            if status == 200 and new_primary.exists(keys.READY):
                return
            assert status in (200, 503)
            assert time.monotonic() < deadline, "the API was never ready on the new primary"
            await asyncio.sleep(0.2)
    finally:
        new_primary.close()


async def live_progress_follows(http: httpx.AsyncClient, deadline: float) -> None:
    """A user stream opened after the failover carries a new task's events through to COMPLETED: the
    API's pub/sub connection listens on the primary the worker now publishes to."""
    async with http.stream("GET", USER_STREAM) as stream, asyncio.timeout(deadline - time.monotonic()):
        assert stream.status_code == 200
        message_id = (await new_message(http, QUESTION))["id"]
        accepted: dict[str, str] = {}
        await post_all(http, [message_id], accepted, deadline, until_accepted=True)
        task_id = accepted[message_id]
        async for line in stream.aiter_lines():
            if line.startswith("data: "):
                event = orjson.loads(line[len("data: ") :])
                if event.get("task_id") == task_id and event["data"]["status"] in TERMINAL:
                    assert event["data"]["status"] == "COMPLETED", event
                    return
    raise AssertionError("the stream ended before the task did")


async def all_terminal(
    http: httpx.AsyncClient, task_ids: list[str], deadline: float
) -> dict[str, dict[str, Any]]:
    finals = {}
    for task_id in task_ids:
        finals[task_id] = await wait_for_status(http, task_id, within=max(0.1, deadline - time.monotonic()))
    return finals
