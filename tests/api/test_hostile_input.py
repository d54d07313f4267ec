"""Hostile clients against real API processes: forged tokens, tokens in logs, CORS, security headers,
WebSocket garbage and NUL bytes. Every answer is a clean 4xx (or a polite close), never a 500."""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import jwt
import orjson
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from shared.auth import create_token
from shared.settings import Settings
from tests.conftest import auth, inprocess_api, new_message, start_api, stop

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
CHARTS = "/api/v1/analytics/charts"
QUESTION = "life expectancy in Mexico and Canada since 1980"
OPERATOR_ONLY = [
    ("GET", "/api/v1/analytics/queue/stats"),
    ("GET", "/api/v1/analytics/queue/history"),
    ("GET", "/api/v1/analytics/queue/tasks/some-task"),
    ("DELETE", "/api/v1/analytics/queue/tasks/some-task"),
    ("GET", "/metrics"),
]


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def claims_of(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))


def with_payload(token: str, **changes: Any) -> str:
    """The same header and signature around an edited payload: what a client can do without the secret."""
    header, _, signature = token.split(".")
    return f"{header}.{b64(claims_of(token) | changes)}.{signature}"


def forged_tokens(secret: str, user: str, plain: str) -> dict[str, str]:
    """`plain` is a valid non-operator token of `user`; each value is an attempt to be someone else."""
    future = int(time.time()) + 3600
    claims = {"sub": user, "exp": future, "iat": int(time.time())}
    signature = plain.split(".")[2]
    return {
        "alg_none": f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims | {'roles': ['operator']})}.",
        "alg_none_keeping_the_signature": (
            f"{b64({'alg': 'none', 'typ': 'JWT'})}.{plain.split('.')[1]}.{signature}"
        ),
        "hs512_with_our_secret": jwt.encode(claims, secret, algorithm="HS512"),
        "expired": jwt.encode(claims | {"exp": int(time.time()) - 5}, secret, algorithm="HS256"),
        "not_yet_valid": jwt.encode(claims | {"nbf": future}, secret, algorithm="HS256"),
        "without_exp": jwt.encode({"sub": user}, secret, algorithm="HS256"),
        "wrong_secret": jwt.encode(claims, "x" * 48, algorithm="HS256"),
        "sub_swapped": with_payload(plain, sub="victim"),
        "roles_escalated": with_payload(plain, roles=["operator"]),
        "exp_extended": with_payload(plain, exp=future + 10**6),
        "missing_sub": jwt.encode({"exp": future}, secret, algorithm="HS256"),
        "empty_sub": jwt.encode(claims | {"sub": ""}, secret, algorithm="HS256"),
        "numeric_sub": jwt.encode(claims | {"sub": 42}, secret, algorithm="HS256"),
        "roles_as_a_string": jwt.encode(claims | {"roles": "operator"}, secret, algorithm="HS256"),
        "truncated_signature": plain[:-4],
        "two_tokens": f"{plain} {plain}",
        "not_a_jwt": "definitely-not-a-jwt",
    }


async def ws_status(url: str, headers: dict[str, str] | None = None) -> int:
    """The HTTP status a WebSocket handshake is refused with (101 when it is accepted)."""
    try:
        async with connect(url, additional_headers=headers or {}, open_timeout=10):
            return 101
    except InvalidStatus as refused:
        return refused.response.status_code


def ws_url(api: str, path: str) -> str:
    return api.replace("http://", "ws://") + path


@pytest.fixture(scope="module")
def victim_task(api_url: str, jwt_secret: str) -> dict[str, str]:
    """A task of another user: a forged token that worked would stream it instead of answering 401."""
    token = create_token(jwt_secret, "victim")
    with httpx.Client(base_url=api_url, headers=auth(token), timeout=30) as http:
        session = http.post("/api/v1/sessions", json={}).json()
        message = http.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": QUESTION}).json()
        task = http.post(TASKS, json={"message_id": message["id"]}).json()
    return {"task_id": task["task_id"], "token": token}


FORGERIES = sorted(forged_tokens("s" * 64, "mallory", create_token("s" * 64, "mallory")))


@pytest.mark.parametrize("forgery", FORGERIES)
async def test_forged_tokens_are_401_on_rest_sse_and_websocket(
    forgery: str, api_url: str, jwt_secret: str, make_token: Callable[..., str], victim_task: dict[str, str]
) -> None:
    token = quote(forged_tokens(jwt_secret, "mallory", make_token("mallory"))[forgery], safe="")
    raw = forged_tokens(jwt_secret, "mallory", make_token("mallory"))[forgery]
    task_id = victim_task["task_id"]
    async with httpx.AsyncClient(base_url=api_url, timeout=10) as http:
        rest = await http.get("/api/v1/sessions", headers=auth(raw))
        assert rest.status_code == 401, rest.text
        assert rest.json()["code"] in {"invalid_token", "not_authenticated"}
        assert rest.headers["www-authenticate"] == "Bearer"
        operator = await http.get("/api/v1/analytics/queue/stats", headers=auth(raw))
        assert operator.status_code == 401
        for url in (
            f"{CHARTS}/stream/{task_id}?access_token={token}",
            f"{CHARTS}/stream?access_token={token}",
            f"/api/v1/analytics/queue/stats/stream?access_token={token}",
        ):
            async with http.stream("GET", url) as sse:
                assert sse.status_code == 401, url
        async with http.stream("GET", f"{CHARTS}/stream/{task_id}", headers=auth(raw)) as sse:
            assert sse.status_code == 401
    for path in (f"{CHARTS}/ws/{task_id}", f"{CHARTS}/ws"):
        assert await ws_status(ws_url(api_url, f"{path}?access_token={token}")) == 401, path
        assert await ws_status(ws_url(api_url, path), auth(raw)) == 401, path


async def test_the_genuine_tokens_of_the_forgeries_work(
    api_url: str, make_token: Callable[..., str], victim_task: dict[str, str]
) -> None:
    """The control for the test above: the same requests with real tokens are let in."""
    task_id, victim = victim_task["task_id"], victim_task["token"]
    async with httpx.AsyncClient(base_url=api_url, timeout=10) as http:
        assert (await http.get("/api/v1/sessions", headers=auth(make_token("mallory")))).status_code == 200
        async with http.stream("GET", f"{CHARTS}/stream/{task_id}?access_token={victim}") as sse:
            assert sse.status_code == 200
    operator = make_token(roles=["operator"])
    async with httpx.AsyncClient(base_url=api_url, headers=auth(operator), timeout=10) as http:
        assert (await http.get("/api/v1/analytics/queue/stats")).status_code == 200
    async with connect(ws_url(api_url, f"{CHARTS}/ws?access_token={victim}")) as socket:
        await socket.close()


async def test_rest_endpoints_ignore_access_token_in_the_query(
    api_url: str, make_token: Callable[..., str]
) -> None:
    """Only streams take ?access_token= (EventSource cannot set headers); URLs end up in logs and history."""
    token = make_token()
    async with httpx.AsyncClient(base_url=api_url, timeout=10) as http:
        for method, path in [("GET", "/api/v1/sessions"), ("POST", "/api/v1/sessions")]:
            response = await http.request(method, f"{path}?access_token={token}", json={})
            assert response.status_code == 401, (method, path)


@pytest.mark.parametrize(("method", "path"), OPERATOR_ONLY)
async def test_operator_endpoints_are_403_for_other_users(
    method: str, path: str, api_url: str, make_token: Callable[..., str]
) -> None:
    async with httpx.AsyncClient(base_url=api_url, timeout=10) as http:
        response = await http.request(method, path, headers=auth(make_token(roles=["viewer"])))
        assert response.status_code == 403, response.text
        assert response.json()["code"] == "forbidden"


async def test_the_operator_stream_is_403_for_other_users(
    api_url: str, make_token: Callable[..., str]
) -> None:
    token = make_token(org="acme")
    async with (
        httpx.AsyncClient(base_url=api_url, timeout=10) as http,
        http.stream("GET", f"/api/v1/analytics/queue/stats/stream?access_token={token}") as sse,
    ):
        assert sse.status_code == 403


async def test_the_dev_token_endpoint_does_not_exist_outside_dev_mode(api_url: str) -> None:
    async with httpx.AsyncClient(base_url=api_url, timeout=10) as http:
        response = await http.post("/api/v1/dev/token", json={"user": "admin"})
    assert response.status_code == 404 and "access_token" not in response.text


# A real API process that logs everything, for the log and WebSocket tests below.


@pytest.fixture(scope="module")
def debug_api(base_env: dict[str, str], data_dir: Path) -> Iterator[tuple[str, Path]]:
    log = data_dir / "debug-api.log"
    url, process = start_api(base_env | {"CHARTQ_LOG_LEVEL": "DEBUG"}, log)
    yield url, log
    stop([process])


# uvicorn's own report of a text frame that is not UTF-8 (it then closes with 1007, as it should).
UVICORN_INVALID_UTF8 = "Invalid UTF-8 sequence received from client"


def log_problems(log: Path) -> list[str]:
    markers = ("Traceback", "Exception in ASGI application", "unhandled error", '" 500', " 500 ", "Cancel ")
    lines = log.read_text(errors="replace").splitlines()
    return [
        line
        for before, line in zip(["", *lines], lines, strict=False)
        if any(m in line for m in markers)
        and not (line.startswith("Traceback") and UVICORN_INVALID_UTF8 in before)
    ]


async def test_tokens_never_reach_the_log(
    base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str], victim_task: dict[str, str]
) -> None:
    log = data_dir / "token-log-api.log"
    url, process = start_api(base_env | {"CHARTQ_LOG_LEVEL": "DEBUG"}, log)
    token, forged = make_token(), forged_tokens("s" * 64, "mallory", make_token())["roles_escalated"]
    try:
        async with httpx.AsyncClient(base_url=url, timeout=10) as http:
            assert (await http.get("/api/v1/sessions", headers=auth(token))).status_code == 200
            assert (await http.get(f"/api/v1/sessions?access_token={token}")).status_code == 401
            assert (await http.get("/api/v1/sessions", headers=auth(forged))).status_code == 401
            unknown = await http.get(f"{CHARTS}/stream/no-such-task?access_token={token}&last_event_id=x")
            assert unknown.status_code == 422
            async with http.stream("GET", f"{CHARTS}/stream?access_token={token}") as sse:
                assert sse.status_code == 200
        async with connect(ws_url(url, f"{CHARTS}/ws?access_token={token}")) as socket:
            await socket.close()
        async with connect(ws_url(url, f"{CHARTS}/ws"), additional_headers=auth(token)) as socket:
            await socket.close()
        assert await ws_status(ws_url(url, f"{CHARTS}/ws?access_token={forged}")) == 401
        stranger = victim_task["task_id"]
        assert await ws_status(ws_url(url, f"{CHARTS}/ws/{stranger}?access_token={token}")) == 404
    finally:
        stop([process])
    text = log.read_text(errors="replace")
    assert "WebSocket /api/v1/analytics/charts/ws" in text, "uvicorn logs each handshake: the test saw them"
    assert "access_token=[redacted]" in text
    for secret in (token, forged):
        _, payload, signature = secret.split(".")
        assert payload not in text and signature not in text
    assert log_problems(log) == []


async def test_websocket_garbage_is_closed_politely(
    debug_api: tuple[str, Path], make_token: Callable[..., str]
) -> None:
    url, log = debug_api
    token = make_token()
    socket_url = ws_url(url, f"{CHARTS}/ws?access_token={token}")

    async def close_code_after(send: Callable[[ClientConnection], Any]) -> int | None:
        async with connect(socket_url, max_size=None) as socket:
            await send(socket)
            with pytest.raises(ConnectionClosed):
                for _ in range(10):
                    await asyncio.wait_for(socket.recv(), 10)
        return socket.close_code

    assert await close_code_after(lambda s: s.send(b"\x00\xff" * 100)) == 1003  # binary
    assert await close_code_after(lambda s: s.send("x" * 1_000_000)) == 1009  # too big
    assert await close_code_after(lambda s: s.send(b"\xff\xfe\xfd", text=True)) == 1007  # not UTF-8
    # Text a client may send (a ping of its own, JSON that looks like a command) is ignored.
    async with connect(socket_url) as socket:
        await socket.send("x" * 4096)
        await socket.send(orjson.dumps({"type": "subscribe", "task_id": "someone-else"}).decode())
        await socket.ping()
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(socket.recv(), 0.5)
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        assert (await http.get("/health")).status_code == 200
    assert log_problems(log) == []


async def test_rapid_open_close_leaves_no_subscriber_and_the_api_healthy(
    debug_api: tuple[str, Path], make_token: Callable[..., str]
) -> None:
    url, log = debug_api
    token = make_token()

    async def open_close(i: int) -> None:
        socket = await connect(ws_url(url, f"{CHARTS}/ws?access_token={token}"))
        if i % 3 == 0:
            socket.transport.abort()  # vanish without a closing handshake
        else:
            await socket.close()

    for _ in range(3):
        await asyncio.gather(*(open_close(i) for i in range(30)))
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        assert (await http.get("/health")).status_code == 200
        operator = auth(make_token(roles=["operator"]))
        for _ in range(100):
            metrics = (await http.get("/metrics", headers=operator)).text
            if "chartq_stream_subscribers 0.0" in metrics:
                break
            await asyncio.sleep(0.05)
        assert "chartq_stream_subscribers 0.0" in metrics
    assert log_problems(log) == []


# CORS and security headers, in process with modified settings.


@pytest.fixture
async def closed_cors(settings: Settings, make_token: Callable[..., str]) -> AsyncIterator[httpx.AsyncClient]:
    async with inprocess_api(settings.model_copy(update={"cors_origins": []}), make_token()) as http:
        yield http


@pytest.fixture
async def open_cors(settings: Settings, make_token: Callable[..., str]) -> AsyncIterator[httpx.AsyncClient]:
    allowed = settings.model_copy(update={"cors_origins": ["https://charts.example"]})
    async with inprocess_api(allowed, make_token()) as http:
        yield http


def preflight(origin: str, method: str = "POST") -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "authorization,content-type",
    }


async def test_cors_is_closed_by_default(closed_cors: httpx.AsyncClient) -> None:
    simple = await closed_cors.get("/api/v1/sessions", headers={"Origin": "https://evil.example"})
    assert simple.status_code == 200
    assert "access-control-allow-origin" not in simple.headers
    refused = await closed_cors.options("/api/v1/sessions", headers=preflight("https://evil.example"))
    assert refused.status_code >= 400
    assert not any(name.startswith("access-control-") for name in refused.headers)


async def test_cors_opens_to_configured_origins_only(open_cors: httpx.AsyncClient) -> None:
    allowed = await open_cors.options("/api/v1/sessions", headers=preflight("https://charts.example"))
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://charts.example"
    assert "POST" in allowed.headers["access-control-allow-methods"]
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in allowed.headers  # bearer tokens, never cookies
    simple = await open_cors.get("/api/v1/sessions", headers={"Origin": "https://charts.example"})
    assert simple.headers["access-control-allow-origin"] == "https://charts.example"

    for origin in ("https://evil.example", "https://charts.example.evil.example", "null"):
        refused = await open_cors.options("/api/v1/sessions", headers=preflight(origin))
        assert refused.status_code == 400, origin
        assert "access-control-allow-origin" not in refused.headers
        simple = await open_cors.get("/api/v1/sessions", headers={"Origin": origin})
        assert "access-control-allow-origin" not in simple.headers
    put = await open_cors.options("/api/v1/sessions", headers=preflight("https://charts.example", "PUT"))
    assert put.status_code == 400


EXPECTED_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@pytest.mark.parametrize("page", ["/", "/dashboard"])
async def test_pages_carry_security_headers_and_a_csp(closed_cors: httpx.AsyncClient, page: str) -> None:
    response = await closed_cors.get(page, headers={"Authorization": ""})
    assert response.status_code == 200
    assert {k: response.headers.get(k) for k in EXPECTED_HEADERS} == EXPECTED_HEADERS
    csp = {
        d.split()[0]: d.split()[1:]
        for d in response.headers["content-security-policy"].split(";")
        if d.strip()
    }
    assert csp["default-src"] == ["'self'"] and csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["base-uri"] == ["'none'"]


async def test_api_answers_and_errors_carry_security_headers(closed_cors: httpx.AsyncClient) -> None:
    answers = [
        await closed_cors.get("/api/v1/sessions"),
        await closed_cors.get("/api/v1/sessions", headers={"Authorization": "Bearer nope"}),
        await closed_cors.get("/api/v1/sessions/no-such-session"),
        await closed_cors.put("/api/v1/sessions"),
        await closed_cors.post(
            "/api/v1/sessions", content=b"x" * 100_000, headers={"Content-Type": "application/json"}
        ),
    ]
    assert [r.status_code for r in answers] == [200, 401, 404, 405, 413]
    for response in answers:
        assert {k: response.headers.get(k) for k in EXPECTED_HEADERS} == EXPECTED_HEADERS, response
    assert answers[3].headers["allow"] == "GET, POST"


# NUL bytes: PostgreSQL cannot store them; they were a 503 "database unavailable" with Retry-After.


async def test_nul_bytes_are_422_not_database_outages(api_url: str, make_token: Callable[..., str]) -> None:
    async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=10) as http:
        message = await new_message(http, QUESTION)
        session = message["session_id"]
        answers = {
            "title": await http.post("/api/v1/sessions", json={"title": "a\x00b"}),
            "content": await http.post(f"/api/v1/sessions/{session}/messages", json={"content": "x\x00"}),
            "message_id": await http.post(TASKS, json={"message_id": "\x00"}),
            "adjustment": await http.post(
                TASKS, json={"message_id": message["id"], "adjustment_query": "\x00"}
            ),
            "session path": await http.get("/api/v1/sessions/%00"),
            "messages path": await http.get("/api/v1/sessions/a%00b/messages"),
            "task path": await http.get(f"{TASKS}/%00/status"),
            "chart path": await http.get("/api/v1/charts/%00"),
            "by-message path": await http.get(f"{CHARTS}/by-message/%00"),
            "stream path": await http.get(f"{CHARTS}/stream/%00"),
        }
        for what, response in answers.items():
            assert response.status_code == 422, (what, response.text)
            assert response.json()["code"] == "validation_error", what
        assert "NUL" in answers["title"].json()["detail"]
        token = http.headers["Authorization"].removeprefix("Bearer ")
    assert await ws_status(ws_url(api_url, f"{CHARTS}/ws/%00?access_token={token}")) == 404


async def test_odd_ids_and_sequence_numbers_are_4xx(api_url: str, make_token: Callable[..., str]) -> None:
    token = make_token()
    async with httpx.AsyncClient(base_url=api_url, headers=auth(token), timeout=10) as http:
        task_id = (
            await http.post(TASKS, json={"message_id": (await new_message(http, QUESTION))["id"]})
        ).json()["task_id"]
        for path in (
            "/api/v1/sessions/" + "x" * 5000,
            "/api/v1/sessions/..%2F..%2Fetc%2Fpasswd",
            "/api/v1/charts/' OR '1'='1",
            f"{TASKS}/%F0%9F%92%A5/status",
        ):
            response = await http.get(path)
            assert response.status_code == 404, (path, response.text)
        for seq in (b"9" * 5000, "²".encode(), b"-1", b"1e3", b"0x10"):
            response = await http.get(f"{CHARTS}/stream/{task_id}", headers={"Last-Event-ID": seq})
            assert response.status_code == 422, (seq, response.text)
    for seq in ("9" * 5000, "%C2%B2", "-1"):
        url = ws_url(api_url, f"{CHARTS}/ws/{task_id}?access_token={token}&last_event_id={seq}")
        assert await ws_status(url) == 422, seq
