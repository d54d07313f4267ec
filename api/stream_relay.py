"""Relaying a live stream to its client after the route that admitted it has returned.

A route admits a stream (authentication, validation, ownership, the user's lease: every refusal a JSON
error, as on any route) and hands it off: `HandedOff` for SSE, `hand_off_socket` for a WebSocket. Both
leave the stream in the ASGI scope and send nothing; `StreamHandoff`, the outermost of chartq's
middleware, relays it once FastAPI's call has returned. An SSE stream is written through the `send`
its route was given, so the other middleware still add their headers and count the response, from
their closures rather than from frames waiting for the stream to end.

Why: while a stream lasted, FastAPI's whole call stayed alive with it: the Request, the dependencies'
exit stacks, Starlette's task group around a StreamingResponse and every layer's frame, most of the
46 KiB of Python objects an idle stream held (`python -m bench.stream_memory`). Relayed here, a stream
holds its subscription, its generator, one task waiting for the client to leave and a timer.

One coroutine writes: the request's own task. The client leaving and the token expiring stop it by
cancelling it (`_Stop`), so no event waits on several things at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from api.event_stream import SlowConsumer
from api.limits import StreamLease
from api.pubsub import Event
from api.stream_wires import End, SocketWire, SseWire, Wire, disconnect_register

SCOPE_KEY = "chartq.relayed"


@dataclass(slots=True)
class Relayed:
    """A stream a route admitted. `items` yields events, frames already encoded (bytes) or None when
    a keep-alive is due; it may raise SlowConsumer. `lease` None refuses a socket once it is open."""

    items: AsyncGenerator[Event | bytes | None, None]
    lease: StreamLease | None
    expires_at: float | None


class HandedOff(Response):
    """What an SSE route returns: it sends nothing, and leaves `relayed` to StreamHandoff."""

    def __init__(self, relayed: Relayed) -> None:  # no body, no headers to render
        self.relayed = relayed
        self.background = None
        self.status_code = 200

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope[SCOPE_KEY] = (self.relayed, SseWire(receive, send, disconnect_register(scope)))


def hand_off_socket(scope: Scope, relayed: Relayed) -> None:
    """What a WebSocket route does instead of accepting: StreamHandoff accepts and relays. (chartq's
    middleware pass WebSockets through untouched, so StreamHandoff's own channels are the socket's.)"""
    scope[SCOPE_KEY] = (relayed, None)


class StreamHandoff:
    """Relays the stream a route handed off, once the app's call (the other middleware's included)
    has returned."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
        handed: tuple[Relayed, Wire | None] | None = scope.pop(SCOPE_KEY, None)
        if handed is not None:
            _forget_the_call(scope)
            relayed, wire = handed
            await relay(relayed, wire or SocketWire(receive, send))


def _forget_the_call(scope: Scope) -> None:
    """Drops what FastAPI left in the scope for its call (its exit stacks, closed by now): the scope
    lives as long as the connection, and these were 3 KiB of every idle stream."""
    for key in [key for key in scope if key.startswith("fastapi_")]:
        del scope[key]


class _Stop:
    """Stops the writing task from outside, once, and only while it is still relaying."""

    __slots__ = ("armed", "reason", "task")

    def __init__(self, task: asyncio.Task[Any]) -> None:
        self.task = task
        self.reason: End | None = None
        self.armed = True

    def __call__(self, reason: End) -> None:
        if self.armed and self.reason is None:
            self.reason = reason
            self.task.cancel()

    def client_left(self) -> None:
        self(End.GONE)


async def relay(relayed: Relayed, wire: Wire) -> None:
    """Writes `relayed` to `wire` until its items end, the client leaves or the token expires."""
    lease = relayed.lease
    try:
        if not await wire.open():
            return
        if lease is None:
            await wire.finish(End.REFUSED)
            return
        end = await _write(relayed, lease, wire)
    finally:
        if lease is not None:
            lease.release()
        await relayed.items.aclose()  # unsubscribes, whichever way the writing ended
    if end is not End.GONE:
        with contextlib.suppress(OSError):  # the client left meanwhile
            await wire.finish(end)


async def _write(relayed: Relayed, lease: StreamLease, wire: Wire) -> End:
    task = asyncio.current_task()
    assert task is not None
    loop = asyncio.get_running_loop()
    stop = _Stop(task)
    unwatch = wire.watch(stop.client_left)
    expiry = None
    if relayed.expires_at is not None:
        expiry = loop.call_at(loop.time() + (relayed.expires_at - time.time()), stop, End.EXPIRED)
    try:
        async for item in relayed.items:
            await wire.write(item)
            item = None  # an idle stream keeps nothing it has sent
            await lease.renew_if_due()
        return End.DONE
    except SlowConsumer:
        return End.SLOW
    except OSError:  # a socket refuses a write once its client has gone
        return End.GONE
    except asyncio.CancelledError:
        if stop.reason is None:  # the server is stopping
            raise
        task.uncancel()
        return stop.reason
    finally:
        stop.armed = False  # before any await: a late stop must not cancel what follows
        unwatch()
        if expiry is not None:
            expiry.cancel()
