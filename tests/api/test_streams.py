"""SSE and WebSocket gateways against real uvicorn processes, a real worker and Redis."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import orjson
import pytest
import redis.asyncio as aioredis
from prometheus_client.parser import text_string_to_metric_families
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from shared import keys
from tests.conftest import TERMINAL, auth, new_message, spawn, start_api, stop, wait_for_status

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
STREAM = "/api/v1/analytics/charts/stream"
QUESTION = "life expectancy in Mexico and Canada since 1980"
STEPS = ["queued", "planning", "data_extraction", "schema_creation", "persisting", "done"]


async def sse(response: httpx.Response) -> AsyncIterator[dict[str, Any]]:
    """Frames as dicts: {"id", "data"} for events, {"comment"} for keep-alives."""
    frame: dict[str, Any] = {}
    async for line in response.aiter_lines():
        if line == "":
            if frame:
                yield frame
            frame = {}
        elif line.startswith(":"):
            yield {"comment": line[1:].strip()}
        else:
            field, _, value = line.partition(": ")
            frame[field] = orjson.loads(value) if field == "data" else value


async def collect_sse(http: httpx.AsyncClient, url: str, **kwargs: Any) -> list[dict[str, Any]]:
    async with http.stream("GET", url, timeout=30, **kwargs) as response:
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        return [frame async for frame in sse(response) if "data" in frame]


async def start_task(http: httpx.AsyncClient, question: str = QUESTION) -> str:
    message = await new_message(http, question)
    return str((await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"])


async def gateway_metric(http: httpx.AsyncClient, operator_token: str, name: str) -> float:
    text = (await http.get("/metrics", headers=auth(operator_token))).text
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name:
                return float(sample.value)
    raise AssertionError(f"{name} not in /metrics")


async def wait_until_no_subscribers(http: httpx.AsyncClient, operator_token: str) -> float:
    for _ in range(100):
        if await gateway_metric(http, operator_token, "chartq_stream_subscribers") == 0:
            break
        await asyncio.sleep(0.05)
    return await gateway_metric(http, operator_token, "chartq_stream_subscribers")


def assert_full_sequence(frames: list[dict[str, Any]], task_id: str) -> None:
    seqs = [frame["data"]["seq"] for frame in frames]
    assert seqs == list(range(1, len(frames) + 1))
    assert [frame["id"] for frame in frames] == [str(s) for s in seqs]
    assert {frame["data"]["task_id"] for frame in frames} == {task_id}
    assert [frame["data"]["data"]["current_step"] for frame in frames] == STEPS
    assert frames[-1]["data"]["data"]["status"] == "COMPLETED"


@pytest.fixture
async def slow(slow_stack: str, make_token: Callable[..., str]) -> AsyncIterator[httpx.AsyncClient]:
    limits = httpx.Limits(max_connections=400)
    async with httpx.AsyncClient(
        base_url=slow_stack, headers=auth(make_token()), limits=limits, timeout=30
    ) as http:
        yield http


@pytest.fixture(scope="module")
def crowd_stack(base_env: dict[str, str], data_dir: Path) -> Iterator[str]:
    """The slow stack with room for one user's 200 streams (CHARTQ_MAX_STREAMS_PER_USER is 20 by default)."""
    env = base_env | {
        "CHARTQ_QUEUE_NAME": "arq:queue:crowd",
        "CHARTQ_STEP_DELAY_SECONDS": "0.3",
        "CHARTQ_SSE_KEEPALIVE_SECONDS": "0.3",
        "CHARTQ_MAX_STREAMS_PER_USER": "1000",
    }
    url, api = start_api(env, data_dir / "crowd-api.log")
    worker = spawn(["worker"], env, data_dir / "crowd-worker.log")
    yield url
    stop([api, worker])


@pytest.fixture
async def crowd(crowd_stack: str, make_token: Callable[..., str]) -> AsyncIterator[httpx.AsyncClient]:
    limits = httpx.Limits(max_connections=400)
    async with httpx.AsyncClient(
        base_url=crowd_stack, headers=auth(make_token()), limits=limits, timeout=30
    ) as http:
        yield http


def token_of(http: httpx.AsyncClient) -> str:
    return http.headers["Authorization"].removeprefix("Bearer ")


async def test_sse_replays_from_zero_then_follows_live_until_terminal(slow: httpx.AsyncClient) -> None:
    task_id = await start_task(slow)
    frames = await collect_sse(slow, f"{STREAM}/{task_id}", headers={"Last-Event-ID": "0"})
    assert_full_sequence(frames, task_id)


async def test_sse_first_frame_is_the_current_state(slow: httpx.AsyncClient) -> None:
    task_id = await start_task(slow)
    current = await wait_for_status(slow, task_id, {"PROCESSING"})
    frames = await collect_sse(
        slow, f"{STREAM}/{task_id}?access_token={token_of(slow)}", headers={"Authorization": ""}
    )
    first = frames[0]["data"]
    assert first["data"]["status"] == "PROCESSING" and first["seq"] >= 2
    assert first["data"]["started_at"] == current["started_at"]
    seqs = [f["data"]["seq"] for f in frames]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    assert frames[-1]["data"]["data"]["status"] == "COMPLETED"


async def test_connecting_after_completion_gets_the_terminal_status_at_once(
    client: httpx.AsyncClient,
) -> None:
    task_id = await start_task(client)
    await wait_for_status(client, task_id)
    frames = await collect_sse(client, f"{STREAM}/{task_id}")
    assert len(frames) == 1 and frames[0]["data"]["data"]["status"] == "COMPLETED"
    async with connect(f"{ws_base(client)}/ws/{task_id}?access_token={token_of(client)}") as socket:
        messages = [orjson.loads(m) async for m in socket]
    assert len(messages) == 1 and messages[0]["data"]["status"] == "COMPLETED"
    assert socket.close_code == 1000


async def test_reconnect_with_last_event_id_gets_only_what_was_missed(client: httpx.AsyncClient) -> None:
    task_id = await start_task(client)
    await wait_for_status(client, task_id)
    by_header = await collect_sse(client, f"{STREAM}/{task_id}", headers={"Last-Event-ID": "3"})
    by_query = await collect_sse(client, f"{STREAM}/{task_id}?last_event_id=3")
    assert [f["data"]["seq"] for f in by_header] == [4, 5, 6] == [f["data"]["seq"] for f in by_query]
    finished = await client.get(f"{STREAM}/{task_id}", headers={"Last-Event-ID": "6"})
    assert finished.status_code == 204  # nothing after the terminal event: do not reconnect
    async with connect(
        f"{ws_base(client)}/ws/{task_id}?last_event_id=4&access_token={token_of(client)}"
    ) as ws:
        assert [orjson.loads(m)["seq"] async for m in ws] == [5, 6]
    bad = await client.get(f"{STREAM}/{task_id}", headers={"Last-Event-ID": "yesterday"})
    assert bad.status_code == 422


async def test_a_reconnect_after_the_terminal_event_answers_204_do_not_reconnect(
    client: httpx.AsyncClient, redis_client: aioredis.Redis
) -> None:
    """The SSE spec's way to stop a client: a 200 with an empty stream made EventSource reconnect every
    3 s for ever. An earlier id still gets the rest, and ?last_event_id=0 the whole history."""
    task_id = await start_task(client)
    await wait_for_status(client, task_id)
    url = f"{STREAM}/{task_id}"
    history = await collect_sse(client, url, params={"last_event_id": 0})
    assert_full_sequence(history, task_id)
    terminal = history[-1]["data"]["seq"]
    for reconnect in (
        {"headers": {"Last-Event-ID": str(terminal)}},
        {"params": {"last_event_id": terminal}},
        {"headers": {"Last-Event-ID": str(terminal + 10)}},
        {
            "params": {"access_token": token_of(client)},
            "headers": {"Authorization": "", "Last-Event-ID": str(terminal)},
        },
    ):
        done = await client.get(url, **reconnect)
        assert done.status_code == 204, (reconnect, done.text)
        assert done.content == b"" and "content-type" not in done.headers
    rest = await collect_sse(client, url, headers={"Last-Event-ID": str(terminal - 2)})
    assert [f["data"]["seq"] for f in rest] == [terminal - 1, terminal]
    assert rest[-1]["data"]["data"]["status"] == "COMPLETED"
    first = await collect_sse(client, url)  # a first connection gets the terminal status
    assert [f["data"]["seq"] for f in first] == [terminal]
    assert history == await collect_sse(client, url, params={"last_event_id": 0})

    # Once the live history has expired the run record answers: a reconnect is told to stop (a
    # made-up event would only start another reconnect), and a replay from 0 gets the final state.
    await redis_client.delete(keys.task(task_id), keys.task_events(task_id))
    for _ in range(100):  # the worker writes the run record just after the terminal event
        if (await client.get(f"{TASKS}/{task_id}/status")).status_code == 200:
            break
        await asyncio.sleep(0.05)
    expired = await client.get(url, headers={"Last-Event-ID": "1"})
    assert expired.status_code == 204, expired.text
    replay = await collect_sse(client, url, params={"last_event_id": 0})
    assert [(f["data"]["seq"], f["data"]["data"]["status"]) for f in replay] == [(1, "COMPLETED")]


async def test_an_id_past_a_live_tasks_events_still_gets_its_end(slow: httpx.AsyncClient) -> None:
    """A Last-Event-ID beyond anything the running task has published (a client's slip) used to hold
    back every event up to it, the terminal one included: the stream stayed open on keep-alives."""
    task_id = await start_task(slow)
    frames = await collect_sse(slow, f"{STREAM}/{task_id}", headers={"Last-Event-ID": "50"})
    assert frames[-1]["data"]["data"]["status"] == "COMPLETED", frames
    other = await start_task(slow)
    async with connect(f"{ws_base(slow)}/ws/{other}?last_event_id=50&access_token={token_of(slow)}") as ws:
        messages = [orjson.loads(m) async for m in ws]
    assert messages and messages[-1]["data"]["status"] == "COMPLETED", messages
    assert ws.close_code == 1000


def ws_base(http: httpx.AsyncClient) -> str:
    return str(http.base_url).replace("http://", "ws://").rstrip("/") + "/api/v1/analytics/charts"


async def test_websocket_carries_the_same_envelopes_and_closes_1000(slow: httpx.AsyncClient) -> None:
    task_id = await start_task(slow)
    async with connect(
        f"{ws_base(slow)}/ws/{task_id}?last_event_id=0&access_token={token_of(slow)}"
    ) as socket:
        await socket.send("hello? garbage is ignored")
        frames = [{"data": orjson.loads(m), "id": str(orjson.loads(m)["seq"])} async for m in socket]
    assert_full_sequence(frames, task_id)
    assert socket.close_code == 1000


async def test_200_subscribers_all_get_the_terminal_status_and_leave_nothing_behind(
    crowd: httpx.AsyncClient, make_token: Callable[..., str], redis_client: aioredis.Redis
) -> None:
    task_id = await start_task(crowd)
    results = await asyncio.gather(*(collect_sse(crowd, f"{STREAM}/{task_id}") for _ in range(200)))
    assert all(frames and frames[-1]["data"]["data"]["status"] == "COMPLETED" for frames in results)
    assert await wait_until_no_subscribers(crowd, make_token(roles=["operator"])) == 0
    numsub = dict(await redis_client.pubsub_numsub(keys.task_channel(task_id)))
    assert numsub[keys.task_channel(task_id).encode()] == 0
    # Every stream gave its place among the user's open streams back.
    user = jwt.decode(token_of(crowd), options={"verify_signature": False})["sub"]
    for _ in range(100):
        if await redis_client.zcard(keys.user_streams(user)) == 0:
            break
        await asyncio.sleep(0.05)
    assert await redis_client.zcard(keys.user_streams(user)) == 0


async def test_clients_that_leave_early_leave_no_subscription(
    slow: httpx.AsyncClient, make_token: Callable[..., str], redis_client: aioredis.Redis
) -> None:
    task_id = await start_task(slow)
    async with slow.stream("GET", f"{STREAM}/{task_id}") as response:
        async for frame in sse(response):
            assert "data" in frame
            break
    async with connect(f"{ws_base(slow)}/ws/{task_id}?access_token={token_of(slow)}") as socket:
        await socket.recv()
    assert await wait_until_no_subscribers(slow, make_token(roles=["operator"])) == 0
    numsub = dict(await redis_client.pubsub_numsub(keys.task_channel(task_id)))
    assert numsub[keys.task_channel(task_id).encode()] == 0
    done = await wait_for_status(slow, task_id)
    assert done["status"] == "COMPLETED"  # the task itself is unaffected


async def test_the_user_stream_carries_every_task_of_the_caller_only(
    slow: httpx.AsyncClient, make_token: Callable[..., str]
) -> None:
    other = auth(make_token())
    seen: dict[str, list[str]] = {}
    comments = 0
    mine: list[str] = []
    async with slow.stream("GET", STREAM) as response:
        frames = sse(response)
        # Nothing is running yet, so the first thing the idle stream sends is a keep-alive comment.
        first = await asyncio.wait_for(anext(frames), 10)
        comments += "comment" in first
        async with httpx.AsyncClient(base_url=slow.base_url, headers=other) as stranger_http:
            stranger = await start_task(stranger_http)
        mine = [await start_task(slow), await start_task(slow)]
        deadline = time.monotonic() + 30
        async for frame in frames:
            if "data" in frame:
                event = frame["data"]
                seen.setdefault(event["task_id"], []).append(event["data"]["status"])
            done = [t for t in mine if seen.get(t) and seen[t][-1] in TERMINAL]
            if len(done) == 2 or time.monotonic() > deadline:
                break
    assert set(seen) == set(mine) and stranger not in seen
    assert all(statuses[-1] == "COMPLETED" for statuses in seen.values())
    assert comments == 1  # a keep-alive comment while idle (every 0.3 s on this stack)


async def test_streams_need_a_token_and_hide_other_users_tasks(
    client: httpx.AsyncClient, make_token: Callable[..., str]
) -> None:
    task_id = await start_task(client)
    async with httpx.AsyncClient(base_url=str(client.base_url)) as anonymous:
        assert (await anonymous.get(f"{STREAM}/{task_id}")).status_code == 401
        assert (await anonymous.get(STREAM)).status_code == 401
    stranger = make_token()
    denied = await client.get(f"{STREAM}/{task_id}", headers=auth(stranger))
    assert denied.status_code == 404 and denied.json()["code"] == "not_found"
    for url, status in [
        (f"{ws_base(client)}/ws/{task_id}", 401),
        (f"{ws_base(client)}/ws/{task_id}?access_token=forged", 401),
        (f"{ws_base(client)}/ws/{task_id}?access_token={stranger}", 404),
        (f"{ws_base(client)}/ws?access_token=forged", 401),
    ]:
        with pytest.raises(InvalidStatus) as refused:
            async with connect(url):
                pass
        assert refused.value.response.status_code == status, url


async def test_a_binary_frame_closes_the_socket_politely(client: httpx.AsyncClient) -> None:
    async with connect(f"{ws_base(client)}/ws?access_token={token_of(client)}") as socket:
        await socket.send(b"\x00\x01")
        with pytest.raises(ConnectionClosed):
            for _ in range(10):
                await socket.recv()
    assert socket.close_code == 1003
