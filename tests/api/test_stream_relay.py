"""Streams relayed after their route has returned (api.stream_relay), against a real `chartq api`.

What the route's middleware gave every response must still be there on a relayed stream (security
headers, CORS, the request counted in /metrics), and a client that leaves must give its place back at
once, without waiting for the next keep-alive.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.api.test_streams import STREAM, sse, start_task
from tests.conftest import auth, start_api, stop

ORIGIN = "https://charts.example"
ROUTE = "/api/v1/analytics/charts/stream/{task_id}"


@pytest.fixture(scope="module")
def relay_api(base_env: dict[str, str], data_dir: Path) -> Iterator[str]:
    """An API without workers (tasks stay PENDING), one stream per user, CORS open to ORIGIN."""
    env = base_env | {
        "CHARTQ_QUEUE_NAME": "arq:queue:relay",
        "CHARTQ_MAX_STREAMS_PER_USER": "1",
        "CHARTQ_CORS_ORIGINS": orjson.dumps([ORIGIN]).decode(),
        "CHARTQ_SSE_KEEPALIVE_SECONDS": "30",  # a leaving client must be noticed long before this
    }
    url, api = start_api(env, data_dir / "relay-api.log")
    yield url
    stop([api])


@pytest.fixture
async def http(relay_api: str, make_token: Callable[..., str]) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=relay_api, headers=auth(make_token()), timeout=30) as client:
        yield client


async def streams_served(http: httpx.AsyncClient, operator: str) -> float:
    text = (await http.get("/metrics", headers=auth(operator))).text
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "chartq_http_requests_total"
        and sample.labels == {"method": "GET", "route": ROUTE, "status": "200"}
    )


async def first_event(frames: AsyncIterator[dict[str, Any]]) -> dict[str, Any]:
    async for frame in frames:
        if "data" in frame:
            return frame
    raise AssertionError("the stream ended without an event")


async def test_a_relayed_stream_carries_the_headers_of_every_response_and_is_counted(
    http: httpx.AsyncClient, make_token: Callable[..., str]
) -> None:
    operator = make_token(roles=["operator"])
    served = await streams_served(http, operator)
    task_id = await start_task(http)
    async with http.stream("GET", f"{STREAM}/{task_id}", headers={"Origin": ORIGIN}) as response:
        assert response.status_code == 200
        headers = response.headers
        assert headers["content-type"] == "text/event-stream; charset=utf-8"
        assert headers["cache-control"] == "no-cache" and headers["x-accel-buffering"] == "no"
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
        assert headers["access-control-allow-origin"] == ORIGIN
        first = await first_event(sse(response))
        assert first["id"] == "1"
        assert first["data"]["task_id"] == task_id and first["data"]["data"]["status"] == "PENDING"
    assert await streams_served(http, operator) == served + 1


async def test_a_client_that_leaves_gives_its_place_back_at_once(http: httpx.AsyncClient) -> None:
    task_id = await start_task(http)
    async with http.stream("GET", f"{STREAM}/{task_id}") as response:
        assert response.status_code == 200
        frames = sse(response)  # held: a reader dropped unfinished would close the connection
        await first_event(frames)
        second = await http.get(f"{STREAM}/{task_id}")
        assert second.status_code == 429  # the user's one place is taken
    # The keep-alive is 30 s away: only the server noticing the disconnect frees the place.
    for _ in range(100):
        async with http.stream("GET", f"{STREAM}/{task_id}") as again:
            if again.status_code == 200:
                break
        await asyncio.sleep(0.05)
    assert again.status_code == 200
