"""The WebSocket protocol `chartq api` serves with: uvicorn's own (websockets' sans-I/O protocol), holding
less for each open socket. An idle subscriber costs its API process mostly what the server keeps per
connection (docs/performance.md, figure g), and uvicorn keeps, for the life of every socket, the
handshake's request and response with their headers (about 3 KiB, read only while accepting), an
asyncio.Queue for the client's messages and an asyncio.Event for flow control (three deques and one, at
0.7 KiB a deque, where a socket that follows a task holds at most one message at a time). Named by
import string in worker.cli.serve_api, so the command line never imports it."""

from __future__ import annotations

import asyncio
from typing import Any, Generic, TypeVar

from uvicorn._types import ASGISendEvent
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

T = TypeVar("T")


def _wake(waiters: list[asyncio.Future[None]] | None) -> None:
    for waiter in waiters or ():
        if not waiter.done():
            waiter.set_result(None)


async def _wait(waiters: list[asyncio.Future[None]]) -> None:
    waiter = asyncio.get_running_loop().create_future()
    waiters.append(waiter)
    try:
        await waiter
    finally:
        if waiter in waiters:
            waiters.remove(waiter)


class LeanQueue(Generic[T]):
    """What uvicorn uses of asyncio.Queue (put_nowait, get, empty), unbounded, in a list."""

    __slots__ = ("_getters", "_items")

    def __init__(self) -> None:
        self._items: list[T] = []
        self._getters: list[asyncio.Future[None]] | None = None

    def put_nowait(self, item: T) -> None:
        self._items.append(item)
        getters, self._getters = self._getters, None
        _wake(getters)

    async def get(self) -> T:
        while not self._items:
            if self._getters is None:
                self._getters = []
            await _wait(self._getters)
        return self._items.pop(0)

    def empty(self) -> bool:
        return not self._items

    def qsize(self) -> int:
        return len(self._items)


class LeanEvent:
    """asyncio.Event (set, clear, is_set, wait) with its waiters in a list made only when one waits."""

    __slots__ = ("_set", "_waiters")

    def __init__(self) -> None:
        self._set = False
        self._waiters: list[asyncio.Future[None]] | None = None

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        self._set = True
        waiters, self._waiters = self._waiters, None
        _wake(waiters)

    def clear(self) -> None:
        self._set = False

    async def wait(self) -> bool:
        while not self._set:
            if self._waiters is None:
                self._waiters = []
            await _wait(self._waiters)
        return True


class LeanWebSocketProtocol(WebSocketsSansIOProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queue = LeanQueue()  # type: ignore[assignment]
        self.writable = LeanEvent()  # type: ignore[assignment]
        self.writable.set()

    async def send(self, message: ASGISendEvent) -> None:
        await super().send(message)
        if self.handshake_complete and self.response is not None:
            # Read only until the handshake's answer is sent.
            self.request = self.response = None  # type: ignore[assignment]
