"""How a relayed stream reaches its client: as server-sent events or as WebSocket messages.

A wire opens (response headers, or the WebSocket handshake), writes each item, finishes with what the
way the stream ended tells the client, and says when the client has left. Raw ASGI messages: these run
after FastAPI's call has returned (api.stream_relay).

Knowing that the client has left takes a task waiting on `receive()`, unless the server says so itself:
`chartq api`'s HTTP protocol does (api.http_protocol.DISCONNECT_EXTENSION), which spares each idle SSE
stream that task. A WebSocket reads its client's messages anyway.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Callable, Coroutine
from typing import Any, ClassVar, Protocol

import orjson
from starlette.types import Receive, Scope, Send

from api.http_protocol import DISCONNECT_EXTENSION
from api.limits import TOKEN_EXPIRED_FRAME
from api.pubsub import Event

KEEPALIVE_FRAME = b": keep-alive\n\n"
SLOW_DETAIL = "You were reading too slowly and missed events; reconnect with your last seq."
SLOW_FRAME = (
    b"data: " + orjson.dumps({"type": "error", "code": "slow_consumer", "detail": SLOW_DETAIL}) + b"\n\n"
)
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
_SSE_START = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    *((name.lower().encode(), value.encode()) for name, value in SSE_HEADERS.items()),
]
# RFC 6455 1008 "policy violation": too many streams open, or the token expired.
WS_POLICY_VIOLATION = 1008
MAX_CLIENT_MESSAGE_BYTES = 4096


class End(enum.Enum):
    """How a relayed stream ended: what its wire tells the client, if the client is still there."""

    DONE = "done"  # nothing more to send (a task's terminal event, a batch's final frame)
    SLOW = "slow"  # the client read too slowly and missed events
    EXPIRED = "expired"  # the token the stream was opened with expired
    GONE = "gone"  # the client left: nothing to send
    REFUSED = "refused"  # a socket over the user's stream limit, closed as soon as it is open


Callback = Callable[[], object]
Register = Callable[[Callback | None], None]


class Wire(Protocol):
    async def open(self) -> bool: ...

    async def write(self, item: Event | bytes | None) -> None: ...

    async def finish(self, end: End) -> None: ...

    def watch(self, left: Callback) -> Callback:
        """Has `left` called once the client has left; returns what stops watching."""
        ...


def disconnect_register(scope: Scope) -> Register | None:
    """The server's way to say the client has left, where it has one (chartq's HTTP protocol)."""
    register: Register | None = scope.get("extensions", {}).get(DISCONNECT_EXTENSION, {}).get("register")
    return register


def _listen(waiting: Coroutine[Any, Any, None], left: Callback) -> Callback:
    listener = asyncio.get_running_loop().create_task(waiting)
    listener.add_done_callback(lambda _: left())
    return listener.cancel


class SseWire:
    _TAILS: ClassVar[dict[End, bytes]] = {End.SLOW: SLOW_FRAME, End.EXPIRED: TOKEN_EXPIRED_FRAME}

    def __init__(self, receive: Receive, send: Send, register: Register | None = None) -> None:
        self.receive, self.send, self.register = receive, send, register

    async def open(self) -> bool:
        await self.send({"type": "http.response.start", "status": 200, "headers": list(_SSE_START)})
        return True

    async def write(self, item: Event | bytes | None) -> None:
        frame = KEEPALIVE_FRAME if item is None else item.sse if isinstance(item, Event) else item
        await self.send({"type": "http.response.body", "body": frame, "more_body": True})

    async def finish(self, end: End) -> None:
        await self.send({"type": "http.response.body", "body": self._TAILS.get(end, b""), "more_body": False})

    def watch(self, left: Callback) -> Callback:
        if self.register is None:
            return _listen(self.client_left(), left)
        register = self.register
        register(left)
        return lambda: register(None)

    async def client_left(self) -> None:
        while (await self.receive())["type"] != "http.disconnect":
            pass


class SocketWire:
    """The envelopes as text messages; uvicorn sends the protocol's pings itself, so no keep-alives."""

    _CLOSES: ClassVar[dict[End, tuple[int, str]]] = {
        End.DONE: (1000, ""),
        End.SLOW: (1013, "too slow; reconnect with ?last_event_id=<seq>"),
        End.EXPIRED: (WS_POLICY_VIOLATION, "token expired"),
        End.REFUSED: (WS_POLICY_VIOLATION, "too many open streams; close one"),
    }

    def __init__(self, receive: Receive, send: Send) -> None:
        self.receive, self.send = receive, send

    async def open(self) -> bool:
        if (await self.receive())["type"] != "websocket.connect":
            return False  # the client left during the handshake
        await self.send({"type": "websocket.accept"})
        return True

    async def write(self, item: Event | bytes | None) -> None:
        if isinstance(item, Event):
            await self.send({"type": "websocket.send", "text": item.raw.decode()})

    async def finish(self, end: End) -> None:
        code, reason = self._CLOSES[end]
        await self.send({"type": "websocket.close", "code": code, "reason": reason})

    def watch(self, left: Callback) -> Callback:
        return _listen(self.client_left(), left)

    async def client_left(self) -> None:
        """Returns when the client leaves; its messages are not commands, but a polite client may ping."""
        while True:
            message = await self.receive()
            if message["type"] == "websocket.disconnect":
                return
            text = message.get("text")
            if text is None or len(text) > MAX_CLIENT_MESSAGE_BYTES:
                await self.send(
                    {
                        "type": "websocket.close",
                        "code": 1003 if text is None else 1009,
                        "reason": "unsupported message",
                    }
                )
                return
