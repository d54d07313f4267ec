"""The HTTP/1.1 protocol `chartq api` serves with: uvicorn's httptools protocol plus the two limits
uvicorn lacks. A request's line and headers must arrive within CHARTQ_HEADER_TIMEOUT_SECONDS (a
client that opens connections and sends nothing, or a header a byte at a time, holds a descriptor each
until then, not forever), and within CHARTQ_MAX_HEADER_BYTES (else 431, before a 50 MB header is read
into memory). Named by import string in worker.cli.serve_api, so the command line never imports it.

It also tells a relayed stream when its client has left (DISCONNECT_EXTENSION), so an idle SSE stream
needs no task of its own waiting on `receive()` for that (api.stream_wires)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httptools
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from api.lean_asyncio import LeanDeque, LeanEvent
from shared.settings import get_settings

TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\n"
    b"connection: close\r\ncontent-length: %d\r\n\r\n%s"
)
TOO_LARGE_BODY = b'{"detail": "The request line and headers are too large.", "code": "headers_too_large"}'
# In each request's scope["extensions"], as ASGI extensions are (a dict of the extension's data):
# {"register": f}; f(callback) has `callback` called once when the connection is lost (soon, if it
# already is); f(None) forgets it.
DISCONNECT_EXTENSION = "chartq.on_disconnect"


class _HeaderGuard:
    """The guard's state (and who to tell of a lost connection), in one attribute: a third attribute of
    its own on the protocol grew every connection's instance dict from 0.3 to 1.6 KiB (uvicorn's has 27)."""

    __slots__ = ("bytes", "deadline", "lost", "max_bytes", "on_lost", "refused", "timeout_s")

    def __init__(self, timeout_s: float, max_bytes: int) -> None:
        self.timeout_s, self.max_bytes = timeout_s, max_bytes
        self.bytes = 0
        self.deadline: asyncio.TimerHandle | None = None
        self.refused = False
        self.lost = False
        self.on_lost: Callable[[], object] | None = None

    def when_lost(self, callback: Callable[[], object] | None) -> None:
        """DISCONNECT_EXTENSION's "register". A method of this object, not of the protocol: the scope
        holds it, and the protocol holds the scope (a cycle would outlive a WebSocket upgrade)."""
        if callback is not None and self.lost:
            asyncio.get_running_loop().call_soon(callback)
            return
        self.on_lost = callback


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = get_settings()
        self._guard = _HeaderGuard(settings.header_timeout_seconds, settings.max_header_bytes)
        self.pipeline = LeanDeque()  # type: ignore[assignment]

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # uvicorn's flow control and request cycles wait on asyncio Events, a deque each for as long as a
        # stream is open (api.lean_asyncio).
        self.flow._is_writable_event = writable = LeanEvent()  # type: ignore[assignment]
        writable.set()
        self._arm_header_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_deadline()
        super().connection_lost(exc)
        self._guard.lost = True
        on_lost, self._guard.on_lost = self._guard.on_lost, None
        if on_lost is not None:
            on_lost()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._guard.bytes = 0
        self._guard.on_lost = None  # a finished stream's, on a kept-alive connection
        self.scope["extensions"] = {DISCONNECT_EXTENSION: {"register": self._guard.when_lost}}
        self._arm_header_deadline()  # the next request on a kept-alive connection gets its own

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._disarm_header_deadline()
        before = self.cycle
        super().on_headers_complete()
        if self.cycle is not before:  # a new request's cycle (not a WebSocket upgrade), not yet run
            self.cycle.message_event = LeanEvent()  # type: ignore[assignment]

    def send_400_response(self, msg: str) -> None:
        if not self._guard.refused:  # a refused request already had its answer
            super().send_400_response(msg)

    def _count(self, size: int) -> None:
        guard = self._guard
        guard.bytes += size
        if guard.bytes > guard.max_bytes and not guard.refused:
            guard.refused = True
            self.transport.write(TOO_LARGE % (len(TOO_LARGE_BODY), TOO_LARGE_BODY))
            self.transport.close()
            # Stops the parser from reading the rest of the data it was given.
            raise httptools.HttpParserError("request headers too large")

    def _arm_header_deadline(self) -> None:
        if self._guard.deadline is None:
            self._guard.deadline = self.loop.call_later(self._guard.timeout_s, self._headers_too_slow)

    def _disarm_header_deadline(self) -> None:
        if self._guard.deadline is not None:
            self._guard.deadline.cancel()
            self._guard.deadline = None

    def _headers_too_slow(self) -> None:
        self._guard.deadline = None
        if not self.transport.is_closing():
            self.transport.close()
