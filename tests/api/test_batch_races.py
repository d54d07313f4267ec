"""Batches racing each other and single tasks for the last room: the room a batch needs is reserved in
one step (shared.lua.tasks.RESERVE_ROOM), so the room is filled exactly, every batch is accepted whole or
refused whole, and no batch that was refused leaves a task behind or counts as a cancellation."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from uuid import uuid4

import httpx
import pytest

from shared.job import ChartJob, request_key
from shared.models import Priority
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import accepted
from shared.task_store import CreateResult, TaskStore
from tests.conftest import auth, inprocess_api, new_message

pytestmark = pytest.mark.db

BATCH = "/api/v1/analytics/charts/batch"
TASKS = "/api/v1/analytics/charts/async"
QUESTION = "average tip by day"


async def messages_of(http: httpx.AsyncClient, token: str, count: int) -> list[str]:
    http.headers.update(auth(token))
    return [(await new_message(http, QUESTION))["id"] for _ in range(count)]


async def active_tasks(http: httpx.AsyncClient, token: str, message_ids: list[str]) -> list[str]:
    found = []
    for message_id in message_ids:
        path = f"/api/v1/analytics/charts/by-message/{message_id}"
        charts = (await http.get(path, headers=auth(token))).json()
        found += [task["task_id"] for task in charts["active_tasks"]]
    return found


async def cancelled_count(http: httpx.AsyncClient, operator: str) -> int:
    stats = await http.get("/api/v1/analytics/queue/stats", headers=auth(operator))
    assert stats.status_code == 200, stats.text
    return sum(window["cancelled"] for window in stats.json()["outcomes"].values())


async def queued_total(http: httpx.AsyncClient, operator: str) -> int:
    stats = await http.get("/api/v1/analytics/queue/stats", headers=auth(operator))
    return int(stats.json()["queued_total"])


def accepted_batches(
    batches: list[httpx.Response], refused_code: str, refused_status: int
) -> list[httpx.Response]:
    """The batches accepted, each with all of its tasks; every other one refused as named."""
    accepted = [r for r in batches if r.status_code == 202]
    refused = [r for r in batches if r.status_code != 202]
    for response in refused:
        assert response.status_code == refused_status, response.text
        assert response.json()["code"] == refused_code
    for response in accepted:
        assert len(response.json()["tasks"]) == 3
        assert all(t["status"] == "PENDING" for t in response.json()["tasks"])
    return accepted


async def test_racing_batches_and_singles_fill_the_queue_exactly(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    capped = isolated_settings.model_copy(update={"max_queue_length": 12, "max_active_tasks_per_user": 1000})
    operator = make_token(roles=["operator"])
    users = [make_token() for _ in range(15)]
    async with inprocess_api(capped, operator) as http:
        messages = {user: await messages_of(http, user, 4) for user in users}
        before = await cancelled_count(http, operator)

        batches = [http.post(BATCH, json={"message_ids": messages[u][:3]}, headers=auth(u)) for u in users]
        singles = [http.post(TASKS, json={"message_id": messages[u][3]}, headers=auth(u)) for u in users]
        answers = await asyncio.gather(*batches, *singles)
        batch_answers, single_answers = list(answers[:15]), list(answers[15:])

        accepted = accepted_batches(batch_answers, "queue_full", 503)
        singles_accepted = [r for r in single_answers if r.status_code == 202]
        for response in single_answers:
            assert response.status_code in (202, 503), response.text
        # Room refuses only once it is really taken: the queue holds exactly its cap.
        assert 3 * len(accepted) + len(singles_accepted) == 12, [r.status_code for r in answers]
        assert await queued_total(http, operator) == 12
        # A refused batch leaves no task behind, and an accepted one all of its own.
        for user, response in zip(users, batch_answers, strict=True):
            active = await active_tasks(http, user, messages[user][:3])
            expected = [t["task_id"] for t in response.json()["tasks"]] if response.status_code == 202 else []
            assert sorted(active) == sorted(expected)
        assert await cancelled_count(http, operator) == before, "a refused batch is no user's cancellation"


async def test_one_users_racing_batches_and_singles_fill_the_active_task_cap_exactly(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    capped = isolated_settings.model_copy(update={"max_active_tasks_per_user": 5})
    operator, user = make_token(roles=["operator"]), make_token()
    async with inprocess_api(capped, user) as http:
        ids = await messages_of(http, user, 36)
        before = await cancelled_count(http, operator)

        groups = [ids[3 * i : 3 * i + 3] for i in range(10)]
        answers = await asyncio.gather(
            *(http.post(BATCH, json={"message_ids": group}) for group in groups),
            *(http.post(TASKS, json={"message_id": m}) for m in ids[30:]),
        )
        batch_answers, single_answers = list(answers[:10]), list(answers[10:])
        accepted = accepted_batches(batch_answers, "too_many_active_tasks", 429)
        singles_accepted = [r for r in single_answers if r.status_code == 202]
        for response in single_answers:
            assert response.status_code in (202, 429), response.text
        assert 3 * len(accepted) + len(singles_accepted) == 5, [r.status_code for r in answers]

        active = await active_tasks(http, user, ids)
        expected = [t["task_id"] for r in accepted for t in r.json()["tasks"]]
        expected += [r.json()["task_id"] for r in singles_accepted]
        assert sorted(active) == sorted(expected)
        assert await cancelled_count(http, operator) == before, "a refused batch is no user's cancellation"


async def test_a_batch_leaves_no_room_reserved_behind(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    """Room a batch reserved but did not use (a message already had its task) is given back at once."""
    capped = isolated_settings.model_copy(update={"max_active_tasks_per_user": 3})
    async with inprocess_api(capped, make_token()) as http:
        ids = [(await new_message(http, QUESTION))["id"] for _ in range(3)]
        assert (await http.post(TASKS, json={"message_id": ids[0]})).status_code == 202
        assert (await http.post(BATCH, json={"message_ids": ids[:2]})).status_code == 202
        # 2 active of 3: the one message left fits as a single and as a batch.
        assert (await http.post(BATCH, json={"message_ids": ids[2:]})).status_code == 202


async def create(store: TaskStore, user: str, message: str, reservation: str = "") -> CreateResult:
    dto = accepted(str(uuid4()), message, "s1", Priority.NORMAL)
    job = ChartJob.for_task(dto, user_id=user, question="q")
    return await store.create(dto, job, reservation=reservation)


async def test_reserved_room_is_taken_for_others_used_by_its_batch_and_lapses(
    isolated_settings: Settings,
) -> None:
    capped = isolated_settings.model_copy(update={"max_queue_length": 3, "max_active_tasks_per_user": 1000})
    redis = create_redis(capped.redis_url)
    store = TaskStore(redis, capped)
    try:
        user, rival = uuid4().hex, uuid4().hex
        request = request_key(None)
        held = await store.reserve(user, [("a", request), ("b", request)])
        assert (held.outcome, held.new) == ("reserved", 2)
        # 2 of the queue's 3 are reserved: a rival batch of 2 does not fit, a single does, and then
        # nothing else, while the reservation's own creates still go in.
        assert (await store.reserve(rival, [("x", request), ("y", request)])).outcome == "queue_full"
        assert (await create(store, rival, "x")).outcome == "created"
        assert (await create(store, rival, "y")).outcome == "queue_full"
        assert (await create(store, user, "a", held.reservation_id)).outcome == "created"
        assert (await create(store, user, "b", held.reservation_id)).outcome == "created"
        assert await redis.zcard(capped.queue_name) == 3

        # Room released, or lapsed (its API process died), is free again.
        await redis.delete(capped.queue_name)
        released = await store.reserve(user, [("c", request), ("d", request)])
        await store.release(user, released.reservation_id)
        lapsed = await store.reserve(user, [("e", request), ("f", request)], ttl_ms=100)
        assert (await store.reserve(rival, [("y", request), ("z", request)])).outcome == "queue_full"
        await asyncio.sleep(0.15)
        assert (await store.reserve(rival, [("y", request), ("z", request)])).outcome == "reserved"
        # A create under a lapsed reservation is checked like any other.
        assert (await create(store, user, "e", lapsed.reservation_id)).outcome == "created"
        assert (await create(store, user, "f", lapsed.reservation_id)).outcome == "queue_full"
    finally:
        await redis.aclose()
