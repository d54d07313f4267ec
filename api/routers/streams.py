"""Live progress: SSE and WebSocket gateways for one task or every task of the caller.

These routes admit a stream (the token, the task's owner, Last-Event-ID, the user's stream limit) and
hand it off to api.stream_relay, which relays it once the route has returned. Every event's SSE frame is
encoded once in the multiplexer and shared by all its subscribers; the keep-alive interval is a setting.
"""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, WebSocket
from fastapi.responses import JSONResponse, Response, StreamingResponse

from api.access import owned_task
from api.deps import StateDep, StreamUser, authenticate
from api.errors import ApiError, not_found
from api.event_stream import Event, nothing_left, task_events, user_events
from api.limits import STREAM_LIMIT_DOC, StreamLease, open_lease, too_many_streams
from api.state import AppState
from api.stream_relay import HandedOff, Relayed, hand_off_socket
from shared.auth import Principal
from shared.models import ResourceId

router = APIRouter(prefix="/api/v1/analytics/charts", tags=["live progress"])

# A seq is a small ASCII number. str.isdigit() would also pass "²" (which int() rejects) and numbers
# of thousands of digits (which int() refuses): both were 500s.
SEQ_PATTERN = r"^[0-9]{1,18}$"
_SEQ = re.compile(SEQ_PATTERN)
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


async def _lease(state: AppState, user: Principal) -> StreamLease:
    """A place among the user's open streams, or 429 + Retry-After."""
    lease = await open_lease(state, user.user_id)
    if lease is None:
        raise too_many_streams(state.settings.max_streams_per_user)
    return lease


def _task_events(
    state: AppState, task_id: str, last_seq: int | None, task: Any
) -> AsyncGenerator[Event | None, None]:
    return task_events(
        state.mux,
        state.store,
        task_id,
        last_seq=last_seq,
        keepalive_s=state.settings.sse_keepalive_seconds,
        fallback=task,
        estimates=state.pending_estimates,
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
    return HandedOff(Relayed(_task_events(state, task_id, last_seq, task), lease, user.expires_at))


@router.get("/stream", response_class=StreamingResponse, responses=_SSE_DOC)
async def stream_user_tasks(user: StreamUser, state: StateDep) -> Response:
    """Server-sent events of every task of the caller: each active task's state, then every change."""
    lease = await _lease(state, user)
    return HandedOff(Relayed(_user_events(state, user), lease, user.expires_at))


def _user_events(state: AppState, user: Principal) -> AsyncGenerator[Event | None, None]:
    keepalive_s = state.settings.sse_keepalive_seconds
    return user_events(
        state.mux, state.store, user.user_id, keepalive_s=keepalive_s, estimates=state.pending_estimates
    )


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


async def _relay_socket(
    websocket: WebSocket, state: AppState, user: Principal, events: AsyncGenerator[Event | None, None]
) -> None:
    """Hands the socket off to be accepted and relayed (api.stream_relay), closing with 1008 at once
    when the user has no place left among their open streams."""
    # The lease is taken before the handshake completes: a client that sees the socket open holds it.
    lease = await open_lease(state, user.user_id)
    hand_off_socket(websocket.scope, Relayed(events, lease, user.expires_at))


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
    await _relay_socket(websocket, state, user, _task_events(state, task_id, last_seq, task))


@router.websocket("/ws")
async def user_socket(websocket: WebSocket) -> None:
    """Every task of the caller, for as long as the socket stays open."""
    state: AppState = websocket.app.state.chartq
    user = await _authenticate(websocket, state)
    if user is None:
        return
    await _relay_socket(websocket, state, user, _user_events(state, user))
