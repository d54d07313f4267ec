"""asyncio's Queue and Event, and a deque, as uvicorn uses them, without deques: asyncio makes one deque
per Queue (three) and per Event (one) up front, at 0.7 KiB each, and uvicorn holds, for the life of every
open stream, a deque of pipelined requests and an Event per connection's flow control and per request
cycle, and for a WebSocket a Queue and an Event more. These keep their items and waiters in lists (an
empty one is 56 bytes), made only when something waits (docs/performance.md, figure g)."""

from __future__ import annotations

import asyncio
from typing import Generic, TypeVar

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
        # Once woken, done: a clear() before this waiter runs must not put it back to sleep, as it does
        # not in asyncio (uvicorn's receive() clears the event it waited on, and a second receiver then
        # still sees the message).
        if not self._set:
            if self._waiters is None:
                self._waiters = []
            await _wait(self._waiters)
        return True


class LeanDeque(list[T]):
    """The two ends of a deque uvicorn uses for pipelined requests (appendleft, pop): rarely more than
    one item, so a list's insert at the front costs nothing."""

    def appendleft(self, item: T) -> None:
        self.insert(0, item)
