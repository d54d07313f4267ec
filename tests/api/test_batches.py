"""Batches of chart tasks through the HTTP API, with real Redis and real workers: create, follow live
(SSE), read, cancel; other users' batches and bad requests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import orjson
import pytest

from shared.settings import Settings
from tests.conftest import TERMINAL, auth, inprocess_api, inprocess_worker, new_message, wait_for_status

pytestmark = pytest.mark.db

BATCH = "/api/v1/analytics/charts/batch"
TASKS = "/api/v1/analytics/charts/async"
QUESTIONS = [
    "life expectancy in Mexico and Canada since 1980",
    "gdp per capita of Brazil and Argentina since 1970",
    "average tip by day",
]
UNCHARTABLE = "what should I cook tonight"
BATCH_TERMINAL = {"COMPLETED", "PARTIAL", "FAILED", "CANCELLED"}


async def sse_frames(response: httpx.Response) -> AsyncIterator[dict[str, Any]]:
    """{"id", "data"} per event frame; keep-alive comments are skipped."""
    frame: dict[str, Any] = {}
    async for line in response.aiter_lines():
        if line == "":
            if frame:
                yield frame
            frame = {}
        elif not line.startswith(":"):
            field, _, value = line.partition(": ")
            frame[field] = orjson.loads(value) if field == "data" else value


async def follow(http: httpx.AsyncClient, batch_id: str, **kwargs: Any) -> list[dict[str, Any]]:
    async with http.stream("GET", f"{BATCH}/{batch_id}/stream", timeout=60, **kwargs) as response:
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        return [frame async for frame in sse_frames(response)]


async def messages(http: httpx.AsyncClient, questions: list[str]) -> list[str]:
    return [(await new_message(http, q))["id"] for q in questions]


async def wait_for_batch(http: httpx.AsyncClient, batch_id: str, within: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + within
    while True:
        batch: dict[str, Any] = (await http.get(f"{BATCH}/{batch_id}")).json()
        if batch["status"] in BATCH_TERMINAL or time.monotonic() > deadline:
            return batch
        await asyncio.sleep(0.05)


@pytest.fixture
async def slow(slow_stack: str, make_token: Callable[..., str]) -> AsyncIterator[httpx.AsyncClient]:
    """A user of the stack whose worker takes 0.3 s a step, so a stream sees the tasks move."""
    async with httpx.AsyncClient(base_url=slow_stack, headers=auth(make_token()), timeout=30) as http:
        yield http


async def test_a_batch_is_followed_live_until_every_chart_is_made(slow: httpx.AsyncClient) -> None:
    client = slow
    ids = await messages(client, QUESTIONS)
    created = await client.post(BATCH, json={"message_ids": ids})
    assert created.status_code == 202, created.text
    batch = created.json()
    assert created.headers["Location"] == f"{BATCH}/{batch['batch_id']}"
    assert batch["status"] in ("PENDING", "PROCESSING") and batch["completed_at"] is None
    assert [t["message_id"] for t in batch["tasks"]] == ids  # one ordinary task per message, in order
    assert sum(batch["counts"].values()) == 3

    frames = await follow(client, batch["batch_id"])
    data = [f["data"] for f in frames]
    last = data[-1]
    assert last["status"] == "COMPLETED" and last["progress"] == 100, last
    assert last["counts"] == {"pending": 0, "processing": 0, "completed": 3, "failed": 0, "cancelled": 0}
    assert last["completed_at"] is not None and all(t["chart_id"] for t in last["tasks"])
    assert all(d["status"] not in BATCH_TERMINAL for d in data[:-1]), "the stream ends at the final frame"
    progress = [d["progress"] for d in data]
    assert progress == sorted(progress) and len(set(progress)) > 2, progress
    ids_seen = [int(f["id"]) for f in frames]
    assert ids_seen == sorted(set(ids_seen)), "frame ids rise with every change"

    # Each task is an ordinary task: its own status and result endpoints know it.
    task_id = last["tasks"][0]["task_id"]
    assert (await client.get(f"{TASKS}/{task_id}/result")).json()["message_id"] == ids[0]
    assert (await client.get(f"{BATCH}/{batch['batch_id']}")).json() == last

    # A batch of messages already charted reuses their tasks (idempotent per message) and is done at once.
    again = (await client.post(BATCH, json={"message_ids": ids})).json()
    assert again["status"] == "COMPLETED" and again["batch_id"] != batch["batch_id"]
    assert [t["task_id"] for t in again["tasks"]] == [t["task_id"] for t in last["tasks"]]


async def test_a_batch_with_a_message_that_cannot_be_charted_ends_partial(client: httpx.AsyncClient) -> None:
    ids = await messages(client, [QUESTIONS[0], UNCHARTABLE, QUESTIONS[2]])
    batch_id = (await client.post(BATCH, json={"message_ids": ids})).json()["batch_id"]
    frames = await follow(client, batch_id)
    last = frames[-1]["data"]
    assert last["status"] == "PARTIAL" and last["progress"] == 100, last
    assert last["counts"] == {"pending": 0, "processing": 0, "completed": 2, "failed": 1, "cancelled": 0}
    failed = last["tasks"][1]
    assert failed["status"] == "FAILED" and failed["error_message"], failed

    # Nothing but that message: FAILED.
    lone = await messages(client, [UNCHARTABLE])
    only = (await client.post(BATCH, json={"message_ids": lone})).json()
    assert (await wait_for_batch(client, only["batch_id"]))["status"] == "FAILED"


async def test_a_reconnect_after_the_final_frame_is_told_not_to_reconnect(client: httpx.AsyncClient) -> None:
    ids = await messages(client, QUESTIONS[2:])
    batch_id = (await client.post(BATCH, json={"message_ids": ids})).json()["batch_id"]
    final = (await follow(client, batch_id))[-1]
    done = await client.get(f"{BATCH}/{batch_id}/stream", headers={"Last-Event-ID": final["id"]})
    assert done.status_code == 204
    # A client that missed the final frame gets it, and only it.
    missed = await follow(client, batch_id, headers={"Last-Event-ID": str(int(final["id"]) - 1)})
    assert [f["data"]["status"] for f in missed] == ["COMPLETED"]


async def test_delete_cancels_every_task_still_active(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    """One slow worker with one slot: the first task runs while the others wait; DELETE stops all."""
    slow = isolated_settings.model_copy(update={"step_delay_seconds": 1.0})
    worker = inprocess_worker(slow, concurrency=1)
    running = asyncio.create_task(worker.async_run())
    try:
        async with inprocess_api(slow, make_token()) as http:
            ids = await messages(http, QUESTIONS)
            batch = (await http.post(BATCH, json={"message_ids": ids})).json()
            first = batch["tasks"][0]["task_id"]
            assert (await wait_for_status(http, first, {"PROCESSING"}))["status"] == "PROCESSING"

            cancelled = await http.delete(f"{BATCH}/{batch['batch_id']}")
            assert cancelled.status_code == 200, cancelled.text
            body = cancelled.json()
            assert body["status"] == "CANCELLED", body
            assert body["counts"]["cancelled"] == 3 and body["progress"] == 100
            for task in body["tasks"]:
                assert (await http.get(f"{TASKS}/{task['task_id']}/status")).json()["status"] == "CANCELLED"
            # Its stream says so at once, and ends.
            assert [f["data"]["status"] for f in await follow(http, batch["batch_id"])] == ["CANCELLED"]
    finally:
        running.cancel()
        await worker.close()


async def test_another_users_batch_does_not_exist_for_them(
    client: httpx.AsyncClient, make_token: Callable[..., str]
) -> None:
    ids = await messages(client, QUESTIONS[2:])
    batch_id = (await client.post(BATCH, json={"message_ids": ids})).json()["batch_id"]
    stranger = auth(make_token())
    for method, path in [
        ("GET", f"{BATCH}/{batch_id}"),
        ("DELETE", f"{BATCH}/{batch_id}"),
        ("GET", f"{BATCH}/{batch_id}/stream"),
        ("GET", f"{BATCH}/no-such-batch"),
    ]:
        response = await client.request(method, path, headers=stranger)
        assert response.status_code == 404, (method, path, response.text)
        assert response.json()["code"] == "not_found"
    # The stranger's DELETE cancelled nothing.
    assert (await wait_for_batch(client, batch_id))["status"] == "COMPLETED"


async def test_bad_batches_answer_422_saying_what_is_wrong(
    client: httpx.AsyncClient, make_token: Callable[..., str]
) -> None:
    mine = await messages(client, QUESTIONS[:2])
    other = httpx.AsyncClient(base_url=client.base_url, headers=auth(make_token()))
    async with other:
        theirs = (await new_message(other, QUESTIONS[2]))["id"]

    cases: list[tuple[Any, str, list[str]]] = [
        ({"message_ids": []}, "validation_error", ["message_ids", "at least 1"]),
        ({"message_ids": [f"m{i}" for i in range(21)]}, "validation_error", ["message_ids", "at most 20"]),
        ({"message_ids": [mine[0], mine[1], mine[0]]}, "validation_error", ["repeated", mine[0]]),
        ({"message_ids": [mine[0], "nope", theirs]}, "unknown_messages", ["nope", theirs]),
        ({}, "validation_error", ["message_ids"]),
        ({"message_ids": mine, "priority": "urgent"}, "validation_error", ["priority"]),
    ]
    for body, code, words in cases:
        response = await client.post(BATCH, json=body)
        assert response.status_code == 422, (body, response.text)
        error = response.json()
        assert error["code"] == code, error
        assert all(word in error["detail"] for word in words), error
    unknown = (await client.post(BATCH, json={"message_ids": [mine[0], "nope"]})).json()
    assert mine[0] not in unknown["detail"], "only the ids that are not the caller's are named"
    # None of the refused batches started a chart.
    for message_id in mine:
        charts = (await client.get(f"/api/v1/analytics/charts/by-message/{message_id}")).json()
        assert charts["active_tasks"] == [] and charts["charts"] == []


async def test_a_task_of_a_batch_is_shared_with_a_single_request_for_its_message(
    client: httpx.AsyncClient,
) -> None:
    ids = await messages(client, QUESTIONS[:2])
    single = (await client.post(TASKS, json={"message_id": ids[0]})).json()
    batch = (await client.post(BATCH, json={"message_ids": ids})).json()
    assert batch["tasks"][0]["task_id"] == single["task_id"]
    done = await wait_for_status(client, single["task_id"], TERMINAL)
    assert done["status"] == "COMPLETED"
    assert (await wait_for_batch(client, batch["batch_id"]))["status"] == "COMPLETED"
