"""A PENDING task's estimated completion (shared.eta), read through the API against a real worker: set from
the moment the task is accepted (in the 202 and in the events the streams relay), shrinking as the queue
ahead drains, and close to when it really starts; null while no worker is alive to run a queued task."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import orjson

from shared.eta import INPUTS_TTL_S, inputs
from shared.redis import create_redis
from shared.settings import Settings
from tests.conftest import auth, inprocess_api, new_message, spawn, stop, wait_for_status
from tests.worker_fixtures import QUESTION, SETTLE_S, TASKS, post_tasks, registered, worker_env

WARM_UP = 3
QUEUED = 6
# Below this, a wait counts as "at once": the first task's real wait is the worker's wake-up, its
# estimate zero (an idle slot), and a ratio of two such numbers means nothing.
FLOOR_S = 0.5


def seconds(value: str) -> float:
    return datetime.fromisoformat(value).timestamp()


async def test_a_queued_task_has_no_estimate_while_no_worker_is_alive(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token()) as http:
        message = await new_message(http, QUESTION)
        queued = await http.post(TASKS, json={"message_id": message["id"]})
        assert queued.status_code == 202, queued.text
        assert queued.json()["estimated_completion"] is None  # nobody is there to run it
        # A scheduled one keeps its estimate after its start: a worker may be there by then.
        message = await new_message(http, QUESTION)
        later = (await http.post(TASKS, json={"message_id": message["id"], "delay_seconds": 60})).json()
        start = datetime.fromisoformat(later["created_at"]) + timedelta(seconds=60)
        assert datetime.fromisoformat(later["estimated_completion"]) > start


async def test_the_estimate_follows_a_steady_queue(
    isolated_settings: Settings, base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str]
) -> None:
    """One worker running one task at a time (0.2 s a step) drains six tasks posted at once: each has an
    estimate in its 202, the last one's remaining wait shrinks as the others finish, and each estimated
    start (estimate less the run time it assumed) is within a factor of two of the real one."""
    settings = isolated_settings
    env = worker_env(base_env, settings, step_delay_seconds="0.2")
    worker = spawn(["worker", "--concurrency", "1"], env, data_dir / "eta-worker.log")
    redis = create_redis(settings.redis_url)
    try:
        await registered(settings, 1)
        async with inprocess_api(settings, make_token(roles=["operator"])) as http:
            for task_id in await post_tasks(http, WARM_UP):
                assert (await wait_for_status(http, task_id, within=SETTLE_S))["status"] == "COMPLETED"
            await asyncio.sleep(INPUTS_TTL_S)  # the estimate's cached inputs now hold the warm-up's runs
            messages = [await new_message(http, QUESTION) for _ in range(QUEUED)]
            accepted = [(await http.post(TASKS, json={"message_id": m["id"]})).json() for m in messages]
            run_s = (await inputs(redis, settings.queue_name)).run_s
            assert all(task["estimated_completion"] for task in accepted), accepted
            last = accepted[-1]
            stream = asyncio.create_task(first_frame(http, last["task_id"]))

            await wait_for_status(http, accepted[1]["task_id"], within=SETTLE_S)  # two have run
            now = datetime.now(UTC).timestamp()
            later = (await http.get(f"{TASKS}/{last['task_id']}/status")).json()
            assert later["status"] == "PENDING", later
            remaining_then = seconds(last["estimated_completion"]) - seconds(last["created_at"])
            assert seconds(later["estimated_completion"]) - now < remaining_then - run_s / 2
            await assert_every_read_estimates(http, last, messages[-1]["id"])

            done = [await wait_for_status(http, t["task_id"], within=SETTLE_S) for t in accepted]
            assert (await stream)["estimated_completion"] is not None
    finally:
        stop([worker])
        await redis.aclose()
    assert [task["status"] for task in done] == ["COMPLETED"] * QUEUED, done
    for posted, ran in zip(accepted, done, strict=True):
        estimated = seconds(posted["estimated_completion"]) - run_s - seconds(posted["created_at"])
        real = seconds(ran["started_at"]) - seconds(ran["created_at"])
        ratio = max(estimated, FLOOR_S) / max(real, FLOOR_S)
        assert 0.5 <= ratio <= 2, (estimated, real, run_s)


async def test_the_202_and_a_status_read_estimate_alike(
    isolated_settings: Settings, base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str]
) -> None:
    """The 202 takes the task's place from the script that queued it; a status read weighs the queue
    afresh. With one slot held by a long task, nothing moves between the two: a place off by one task
    would put them a whole run apart."""
    settings = isolated_settings
    worker = spawn(
        ["worker", "--concurrency", "1"],
        worker_env(base_env, settings, step_delay_seconds="30"),
        data_dir / "eta-held-worker.log",
    )
    redis = create_redis(settings.redis_url)
    try:
        await registered(settings, 1)
        async with inprocess_api(settings, make_token()) as http:
            held = await post_tasks(http, 1)
            await wait_for_status(http, held[0], {"PROCESSING"}, within=SETTLE_S)
            await asyncio.sleep(INPUTS_TTL_S)  # the estimate's cached inputs now count the worker
            run_s = (await inputs(redis, settings.queue_name)).run_s
            for _ in range(3):
                message = await new_message(http, QUESTION)
                posted = (await http.post(TASKS, json={"message_id": message["id"]})).json()
                read = (await http.get(f"{TASKS}/{posted['task_id']}/status")).json()
                apart = seconds(read["estimated_completion"]) - seconds(posted["estimated_completion"])
                assert abs(apart) < run_s / 4, (posted, read, run_s)
    finally:
        stop([worker])
        await redis.aclose()


async def test_the_users_stream_announces_a_new_task_with_its_estimate(
    slow_stack: str, make_token: Callable[..., str]
) -> None:
    """The event the user's stream relays as a task is accepted (published by the script that stores
    it, which weighs no queue) carries the estimate a status read gives, while a worker is alive; the
    same event replayed after the task ended does not."""
    client = httpx.AsyncClient(base_url=slow_stack, headers=auth(make_token()), timeout=SETTLE_S)
    async with client as http, http.stream("GET", "/api/v1/analytics/charts/stream") as stream:
        assert stream.status_code == 200
        deadline = time.monotonic() + SETTLE_S
        while True:  # until the worker's heartbeat is in the estimate's inputs (cached INPUTS_TTL_S)
            message = await new_message(http, QUESTION)
            posted = (await http.post(TASKS, json={"message_id": message["id"]})).json()
            if posted["estimated_completion"] is not None or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        assert posted["estimated_completion"] is not None, "no worker in the estimate"
        message = await new_message(http, QUESTION)  # now with the worker in the cached inputs
        posted = (await http.post(TASKS, json={"message_id": message["id"]})).json()
        frame = await first_pending(stream.aiter_lines(), posted["task_id"])
        assert frame["estimated_completion"] is not None, frame
        # Replayed once the task has ended, that event is history: sent as published, not estimated.
        await wait_for_status(http, posted["task_id"], within=SETTLE_S)
        replay = await http.get(
            f"/api/v1/analytics/charts/stream/{posted['task_id']}", headers={"Last-Event-ID": "0"}
        )
        frames = [
            orjson.loads(line[6:])["data"] for line in replay.text.splitlines() if line.startswith("data: ")
        ]
        assert frames[0]["status"] == "PENDING" and frames[-1]["status"] == "COMPLETED", frames
        assert frames[0]["estimated_completion"] is None, frames[0]


async def first_pending(lines: AsyncIterator[str], task_id: str) -> dict[str, Any]:
    async for line in lines:
        if line.startswith("data: "):
            data: dict[str, Any] = orjson.loads(line.removeprefix("data: "))["data"]
            if data["task_id"] == task_id and data["status"] == "PENDING":
                return data
    raise AssertionError("the stream ended before the task's first event")


async def assert_every_read_estimates(http: httpx.AsyncClient, task: dict[str, Any], message_id: str) -> None:
    """The by-message listing and the operators' task view carry the PENDING task's estimate too."""
    listing = (await http.get(f"/api/v1/analytics/charts/by-message/{message_id}")).json()
    (active,) = listing["active_tasks"]
    view = (await http.get(f"/api/v1/analytics/queue/tasks/{task['task_id']}")).json()
    for seen in (active, view["task"]):
        assert seen["status"] == "PENDING" and seen["estimated_completion"] is not None, seen


async def first_frame(http: httpx.AsyncClient, task_id: str) -> dict[str, Any]:
    """The TaskDTO of the first frame of the task's SSE stream (read once the stream has ended)."""
    response = await http.get(f"/api/v1/analytics/charts/stream/{task_id}", timeout=SETTLE_S)
    assert response.status_code == 200, response.text
    first = response.content.split(b"data: ", 1)[1].split(b"\n", 1)[0]
    data: dict[str, Any] = orjson.loads(first)["data"]
    assert data["status"] == "PENDING", data
    return data
