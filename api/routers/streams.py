"""Live progress: SSE and WebSocket gateways for one task or every task of the caller.

SSE frames are written here rather than through an SSE response class: every event's frame is encoded
once in the multiplexer and shared by all its subscribers, and the keep-alive interval is a setting.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Header, Query, WebSocket
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.websockets import WebSocketDisconnect, WebSocketState

from api.access import owned_task
from api.deps import StateDep, StreamUser, authenticate
from api.errors import ApiError, not_found
from api.event_stream import Event, SlowConsumer, nothing_left, task_events, user_events
from api.limits import (
    STREAM_LIMIT_DOC,
    TOKEN_EXPIRED_FRAME,
    StreamLease,
    TokenExpired,
    leased,
    open_lease,
    too_many_streams,
)
from api.state import AppState
from shared.auth import Principal
from shared.models import ResourceId

router = APIRouter(prefix="/api/v1/analytics/charts", tags=["live progress"])

KEEPALIVE_FRAME = b": keep-alive\n\n"
SLOW_DETAIL = "You were reading too slowly and missed events; reconnect with your last seq."
SLOW_FRAME = (
    b"data: " + orjson.dumps({"type": "error", "code": "slow_consumer", "detail": SLOW_DETAIL}) + b"\n\n"
)
# RFC 6455 1008 "policy violation": too many streams open, or the token expired.
WS_POLICY_VIOLATION = 1008
MAX_CLIENT_MESSAGE_BYTES = 4096
# A seq is a small ASCII number. str.isdigit() would also pass "²" (which int() rejects) and numbers
# of thousands of digits (which int() refuses): both were 500s.
SEQ_PATTERN = r"^[0-9]{1,18}$"
_SEQ = re.compile(SEQ_PATTERN)
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
_SSE_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "text/event-stream of status_update envelopes",
        "content": {"text/event-stream": {}},
    },
    401: {"description": "No or invalid token"},
    404: {"description": "No such task for the caller"},
    **STREAM_LIMIT_DOC,
}
_TASK_SSE_DOC: dict[int | str, dict[str, Any]] = {
    **_SSE_DOC,
    204: {
        "description": "A reconnect after the end: the task has ended and no event follows "
        "Last-Event-ID (at or past its terminal event, or its live history has expired). Do not reconnect."
    },
}


def parse_seq(raw: str | None, name: str) -> int | None:
    if raw is None:
        return None
    if not _SEQ.match(raw.strip()):
        raise ApiError(422, "validation_error", f"{name} must be the seq of an event")
    return int(raw)


def parse_last_seq(header: str | None, query: int | None) -> int | None:
    return query if header is None else parse_seq(header, "Last-Event-ID")


async def sse_frames(events: AsyncIterator[Event | None]) -> AsyncIterator[bytes]:
    try:
        async for event in events:
            yield KEEPALIVE_FRAME if event is None else event.sse
    except SlowConsumer:
        yield SLOW_FRAME
    except TokenExpired:
        yield TOKEN_EXPIRED_FRAME


async def _lease(state: AppState, user: Principal) -> StreamLease:
    """A place among the user's open streams, or 429 + Retry-After."""
    lease = await open_lease(state, user.user_id)
    if lease is None:
        raise too_many_streams(state.settings.max_streams_per_user)
    return lease


def _sse(events: AsyncIterator[Event | None], lease: StreamLease, user: Principal) -> StreamingResponse:
    frames = sse_frames(leased(events, lease, user.expires_at))
    return StreamingResponse(frames, media_type="text/event-stream", headers=SSE_HEADERS)


def _task_events(
    state: AppState, task_id: str, last_seq: int | None, task: Any
) -> AsyncIterator[Event | None]:
    return task_events(
        state.mux,
        state.store,
        task_id,
        last_seq=last_seq,
        keepalive_s=state.settings.sse_keepalive_seconds,
        fallback=task,
    )


async def _task_for(state: AppState, user: Principal, task_id: str) -> Any:
    # A short-lived session: a stream may last minutes and must not hold a database connection.
    async with state.sessions() as db:
        return await owned_task(state.store, db, user, task_id)


@router.get("/stream/{task_id}", response_class=StreamingResponse, responses=_TASK_SSE_DOC)
async def stream_task(
    task_id: ResourceId,
    user: StreamUser,
    state: StateDep,
    last_event_id_header: Annotated[
        str | None,
        Header(alias="Last-Event-ID", pattern=SEQ_PATTERN, description="The seq EventSource resends"),
    ] = None,
    last_event_id: Annotated[
        int | None, Query(ge=0, lt=10**18, description="Replay events after this seq")
    ] = None,
) -> Response:
    """Server-sent events of one task: the current state (or what was missed), then every change.

    204 when the task has ended and the reconnecting client has its terminal event already."""
    last_seq = parse_last_seq(last_event_id_header, last_event_id)
    task = await _task_for(state, user, task_id)
    if await nothing_left(state.store, task_id, last_seq=last_seq, fallback=task):
        return Response(status_code=204, headers={"Cache-Control": "no-cache"})
    lease = await _lease(state, user)
    return _sse(_task_events(state, task_id, last_seq, task), lease, user)


@router.get("/stream", response_class=StreamingResponse, responses=_SSE_DOC)
async def stream_user_tasks(user: StreamUser, state: StateDep) -> StreamingResponse:
    """Server-sent events of every task of the caller: each active task's state, then every change."""
    lease = await _lease(state, user)
    events = user_events(
        state.mux, state.store, user.user_id, keepalive_s=state.settings.sse_keepalive_seconds
    )
    return _sse(events, lease, user)


async def _deny(websocket: WebSocket, status: int, code: str, detail: str) -> None:
    try:
        await websocket.send_denial_response(
            JSONResponse({"detail": detail, "code": code}, status_code=status)
        )
    except RuntimeError:  # the server lacks the denial-response extension: close with 4000 + status
        await websocket.close(code=4000 + status, reason=detail)


async def _authenticate(websocket: WebSocket, state: AppState) -> Principal | None:
    header = websocket.headers.get("authorization", "")
    token = header[7:] if header.lower().startswith("bearer ") else websocket.query_params.get("access_token")
    try:
        return authenticate(state, token)
    except ApiError as exc:
        await _deny(websocket, exc.status_code, exc.code, exc.detail)
        return None


async def _read_client(websocket: WebSocket) -> None:
    """Returns when the client leaves; its messages are not commands, but a polite client may ping."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
        text = message.get("text")
        if text is None or len(text) > MAX_CLIENT_MESSAGE_BYTES:
            await websocket.close(code=1003 if text is None else 1009, reason="unsupported message")
            return


async def _stop(tasks: set[asyncio.Task[None]]) -> None:
    """Cancel `tasks` and wait until every one has ended, cancelling again if need be.

    In Python 3.11 asyncio.wait_for swallows a cancel that arrives as what it awaits completes (the
    multiplexer's SUBSCRIBE confirmation, a queued event): one cancel then left the sender of a client
    that had just left running for ever, holding its subscription and this handler.
    """
    while pending := {task for task in tasks if not task.done()}:
        for task in pending:
            task.cancel()
        await asyncio.wait(pending, timeout=0.1)
    await asyncio.gather(*tasks, return_exceptions=True)


async def _relay(
    websocket: WebSocket, state: AppState, user: Principal, events: AsyncIterator[Event | None]
) -> None:
    """Accepts the socket, then sends `events` while the user has a place among their open streams
    (else closes with 1008 at once) and their token is valid (else closes with 1008 when it expires)."""
    # The lease is taken before the handshake completes: a client that sees the socket open holds it.
    lease = await open_lease(state, user.user_id)
    try:
        await websocket.accept()
    except BaseException:  # the client left during the handshake
        if lease is not None:
            lease.release()
        raise
    if lease is None:
        with contextlib.suppress(WebSocketDisconnect, OSError):  # the client may have left first
            await websocket.close(code=WS_POLICY_VIOLATION, reason="too many open streams; close one")
        return
    events = leased(events, lease, user.expires_at)

    async def send_all() -> None:
        async for event in events:
            if event is not None:  # uvicorn sends protocol-level pings itself
                await websocket.send_text(event.raw.decode())

    sender = asyncio.create_task(send_all())
    reader = asyncio.create_task(_read_client(websocket))
    try:
        await asyncio.wait({sender, reader}, return_when=asyncio.FIRST_COMPLETED)
        if sender.done() and websocket.client_state == WebSocketState.CONNECTED:
            exc = sender.exception()
            if isinstance(exc, SlowConsumer):
                await websocket.close(code=1013, reason="too slow; reconnect with ?last_event_id=<seq>")
            elif isinstance(exc, TokenExpired):
                await websocket.close(code=WS_POLICY_VIOLATION, reason="token expired")
            elif exc is None:
                await websocket.close(code=1000)
            elif not isinstance(exc, WebSocketDisconnect | OSError):
                raise exc
    finally:
        await _stop({sender, reader})


@router.websocket("/ws/{task_id}")
async def task_socket(websocket: WebSocket, task_id: str) -> None:
    """The same envelopes as the SSE stream; closes with 1000 after the terminal status."""
    state: AppState = websocket.app.state.chartq
    user = await _authenticate(websocket, state)
    if user is None:
        return
    try:
        last_seq = parse_seq(websocket.query_params.get("last_event_id"), "last_event_id")
    except ApiError as exc:
        await _deny(websocket, exc.status_code, exc.code, exc.detail)
        return
    try:
        if "\x00" in task_id:  # what ResourceId refuses on the HTTP routes; PostgreSQL cannot hold it
            raise not_found("Task")
        task = await _task_for(state, user, task_id)
    except ApiError as exc:
        await _deny(websocket, exc.status_code, exc.code, exc.detail)
        return
    await _relay(websocket, state, user, _task_events(state, task_id, last_seq, task))


@router.websocket("/ws")
async def user_socket(websocket: WebSocket) -> None:
    """Every task of the caller, for as long as the socket stays open."""
    state: AppState = websocket.app.state.chartq
    user = await _authenticate(websocket, state)
    if user is None:
        return
    await _relay(
        websocket,
        state,
        user,
        user_events(state.mux, state.store, user.user_id, keepalive_s=state.settings.sse_keepalive_seconds),
    )
