"""Chat sessions and messages: ownership, ordering, message indexes, deletion."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from shared.settings import Settings
from tests.conftest import auth, inprocess_api, inprocess_worker, wait_for_status
from tests.worker_fixtures import TASKS

pytestmark = pytest.mark.db


async def test_session_and_messages_round_trip(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/v1/sessions", json={"title": "Exploring gapminder"})
    assert created.status_code == 201
    session = created.json()
    assert session["title"] == "Exploring gapminder" and session["message_count"] == 0

    contents = ["life expectancy in Japan", "and in France?", "as a bar chart"]
    for content in contents:
        assert (
            await client.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": content})
        ).status_code == 201
    messages = (await client.get(f"/api/v1/sessions/{session['id']}/messages")).json()
    assert [m["content"] for m in messages] == contents
    assert [m["message_index"] for m in messages] == [0, 1, 2]
    assert {m["role"] for m in messages} == {"user"}
    refreshed = (await client.get(f"/api/v1/sessions/{session['id']}")).json()
    assert refreshed["message_count"] == 3 and refreshed["updated_at"] >= session["updated_at"]
    assert session["id"] in [s["id"] for s in (await client.get("/api/v1/sessions")).json()]


async def test_concurrent_messages_get_distinct_indexes(client: httpx.AsyncClient) -> None:
    session = (await client.post("/api/v1/sessions", json={})).json()
    url = f"/api/v1/sessions/{session['id']}/messages"
    responses = await asyncio.gather(*(client.post(url, json={"content": f"q{i}"}) for i in range(10)))
    assert {r.status_code for r in responses} == {201}
    assert sorted(r.json()["message_index"] for r in responses) == list(range(10))


async def test_sessions_are_private(client: httpx.AsyncClient, make_token: Callable[..., str]) -> None:
    session = (await client.post("/api/v1/sessions", json={"title": "mine"})).json()
    stranger = auth(make_token())
    assert session["id"] not in [
        s["id"] for s in (await client.get("/api/v1/sessions", headers=stranger)).json()
    ]
    posted = await client.post(
        f"/api/v1/sessions/{session['id']}/messages", json={"content": "hi"}, headers=stranger
    )
    assert posted.status_code == 404
    assert (await client.delete(f"/api/v1/sessions/{session['id']}", headers=stranger)).status_code == 404
    assert (await client.get(f"/api/v1/sessions/{session['id']}")).status_code == 200


async def test_deleting_a_session_removes_it_and_its_messages(client: httpx.AsyncClient) -> None:
    session = (await client.post("/api/v1/sessions", json={})).json()
    message = (await client.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": "x"})).json()
    assert (await client.delete(f"/api/v1/sessions/{session['id']}")).status_code == 204
    assert (await client.get(f"/api/v1/sessions/{session['id']}")).status_code == 404
    gone = await client.get(f"/api/v1/analytics/charts/by-message/{message['id']}")
    assert gone.status_code == 404


async def test_deleting_a_session_cancels_the_charts_still_being_made(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    """Tasks running or queued when their session is deleted stored charts that stayed readable by id,
    for messages and a session that no longer existed."""
    slow = isolated_settings.model_copy(update={"step_delay_seconds": 0.5})
    worker = inprocess_worker(slow, concurrency=1)
    running = asyncio.create_task(worker.async_run())
    try:
        async with inprocess_api(slow, make_token()) as http:
            session = (await http.post("/api/v1/sessions", json={})).json()
            task_ids = []
            for _ in range(2):
                message = await http.post(
                    f"/api/v1/sessions/{session['id']}/messages", json={"content": "average tip by day"}
                )
                posted = await http.post(TASKS, json={"message_id": message.json()["id"]})
                task_ids.append(posted.json()["task_id"])
            await wait_for_status(http, task_ids[0], {"PROCESSING"}, within=20)  # one runs, one waits
            assert (await http.delete(f"/api/v1/sessions/{session['id']}")).status_code == 204
            finals = [await wait_for_status(http, task_id, within=20) for task_id in task_ids]
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        await worker.close()
    assert [(f["status"], f["chart_id"]) for f in finals] == [("CANCELLED", None)] * 2, finals


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"content": ""},
        {"content": "   "},
        {"content": "x" * 4001},
        {"content": "x", "role": "robot"},
        {"content": "x", "role": "assistant"},  # only chartq writes assistant and system messages
        {"content": "x", "role": "system"},
        {"content": 5},
    ],
)
async def test_invalid_messages_are_422(client: httpx.AsyncClient, body: dict[str, object]) -> None:
    session = (await client.post("/api/v1/sessions", json={})).json()
    response = await client.post(f"/api/v1/sessions/{session['id']}/messages", json=body)
    assert response.status_code == 422 and response.json()["code"] == "validation_error"


async def test_oversized_chunked_bodies_are_413_too(client: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"title": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    response = await client.post(
        "/api/v1/sessions", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413 and response.json()["code"] == "payload_too_large"


async def test_oversized_bodies_are_413(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/sessions",
        content=b'{"title": "' + b"x" * 100_000 + b'"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 413 and response.json()["code"] == "payload_too_large"


@pytest.mark.parametrize("path", ["/api/v1/sessions", "/api/v1/sessions/{id}/messages"])
async def test_an_offset_past_what_the_database_can_hold_is_a_422(
    client: httpx.AsyncClient, path: str
) -> None:
    session = (await client.post("/api/v1/sessions", json={"title": "t"})).json()
    response = await client.get(path.format(id=session["id"]), params={"offset": 2**63})
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "validation_error"
