"""Connection hygiene of the server `chartq api` runs, against a real API process: clients that send
nothing or half a header are cut off, huge headers answer 431, huge WebSocket frames are refused before
they are buffered, and past the connection limit the answer is a quick 503, while other users are served."""

from __future__ import annotations

import asyncio
import re
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.conftest import auth, start_api, stop

HEADER_TIMEOUT_S = 1.0


@pytest.fixture(scope="module")
def guarded_api(base_env: dict[str, str], data_dir: Path) -> Iterator[str]:
    env = base_env | {"CHARTQ_HEADER_TIMEOUT_SECONDS": str(HEADER_TIMEOUT_S)}
    url, process = start_api(env, data_dir / "guarded-api.log")
    yield url
    stop([process])


def open_socket(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def closed_by_server(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(1024) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_silent_and_half_sent_requests_are_cut_off_while_others_are_served(guarded_api: str) -> None:
    silent = [open_socket(guarded_api) for _ in range(20)]
    slow = [open_socket(guarded_api) for _ in range(20)]
    try:
        for sock in slow:
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: chartq\r\nX-Slow: ")
        assert httpx.get(f"{guarded_api}/health", timeout=5).status_code == 200
        # Without the header deadline they stay open for as long as the client likes.
        assert all(closed_by_server(sock, within=HEADER_TIMEOUT_S + 10) for sock in silent + slow)
        assert httpx.get(f"{guarded_api}/health", timeout=5).status_code == 200
    finally:
        for sock in silent + slow:
            sock.close()


def test_pipelined_requests_are_answered_in_order(guarded_api: str) -> None:
    """Three requests in one write: the server queues the second and third behind the first
    (api.lean_asyncio.LeanDeque) and answers all three, in order."""
    paths = ["/health", "/api/v1/nothing-here", "/health"]
    with open_socket(guarded_api) as sock:
        sock.sendall(b"".join(f"GET {p} HTTP/1.1\r\nHost: chartq\r\n\r\n".encode() for p in paths))
        received = b""
        deadline = time.monotonic() + 10
        while received.count(b"HTTP/1.1 ") < len(paths) and time.monotonic() < deadline:
            received += sock.recv(65536)
    statuses = re.findall(rb"HTTP/1\.1 (\d{3}) ", received)  # a body is not followed by a line break
    assert statuses == [b"200", b"404", b"200"]


def test_a_kept_alive_connection_still_gets_its_next_request(guarded_api: str) -> None:
    with httpx.Client(base_url=guarded_api, timeout=5) as http:
        for _ in range(3):
            assert http.get("/health").status_code == 200
            time.sleep(HEADER_TIMEOUT_S / 2)


def test_a_huge_header_answers_431_as_json(guarded_api: str) -> None:
    response = httpx.get(f"{guarded_api}/health", headers={"X-Big": "a" * 200_000}, timeout=10)
    assert response.status_code == 431
    assert response.json()["code"] == "headers_too_large"
    assert httpx.get(f"{guarded_api}/health", timeout=5).status_code == 200


async def test_a_huge_websocket_frame_is_refused_before_it_is_buffered(
    guarded_api: str, make_token: Callable[..., str]
) -> None:
    ws_url = guarded_api.replace("http://", "ws://") + "/api/v1/analytics/charts/ws"
    async with connect(ws_url, additional_headers=auth(make_token()), max_size=None) as ws:
        await ws.send("x" * 1_000_000)
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
    # Another user's socket is served as usual.
    async with connect(ws_url, additional_headers=auth(make_token())) as other:
        await other.send("ping")
        assert await other.ping() is not None


def test_past_the_connection_limit_the_answer_is_503_not_a_hang(
    base_env: dict[str, str], data_dir: Path
) -> None:
    env = base_env | {"CHARTQ_MAX_CONNECTIONS": "20"}
    url, process = start_api(env, data_dir / "limited-api.log")
    held = [open_socket(url) for _ in range(25)]
    try:
        # Connections that said nothing yet still hold a descriptor each: past the limit, a request
        # is answered 503 at once (and closed) instead of waiting for a descriptor.
        deadline = time.monotonic() + 10
        while (status := httpx.get(f"{url}/health", timeout=5).status_code) != 503:
            assert time.monotonic() < deadline, status
        for sock in held:
            sock.close()
        deadline = time.monotonic() + 10
        while (status := httpx.get(f"{url}/health", timeout=5).status_code) != 200:
            assert time.monotonic() < deadline, status
    finally:
        for sock in held:
            sock.close()
        stop([process])
