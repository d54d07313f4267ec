"""One Redis pub/sub connection per API process, fanned out in-process (the shape of SAQ's
PubSubMultiplexer).

A subscriber first waits for Redis to confirm the SUBSCRIBE and only then reads the task's snapshot or
history, so an event published at any moment is either in what it read or in what it receives. Each
subscriber has a bounded buffer: one that reads too slowly is marked overflowed and cut off by its
gateway instead of holding memory or slowing the others.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Final
from uuid import uuid4

import orjson
import structlog
from redis.asyncio import Redis

from shared.keys import PREFIX
from shared.redis import on_old_primary

log = structlog.get_logger("chartq.pubsub")

SUBSCRIBE_CONFIRM_TIMEOUT_S = 5.0
RECONNECT_MAX_DELAY_S = 5.0
PRIMARY_CHECK_S = 1.0


@dataclass(frozen=True, slots=True)
class Event:
    """A status_update envelope, parsed once per process and shared by every subscriber."""

    task_id: str
    seq: int
    terminal: bool
    pending: bool
    raw: bytes
    # The SSE frame, encoded once: with 1,000 subscribers that is 1,000 encodings saved per event.
    sse: bytes

    @classmethod
    def parse(cls, raw: bytes) -> Event:
        envelope = orjson.loads(raw)
        seq, status = int(envelope["seq"]), envelope["data"]["status"]
        terminal = status in ("COMPLETED", "FAILED", "CANCELLED")
        sse = b"id: %d\ndata: %s\n\n" % (seq, raw)
        return cls(str(envelope["task_id"]), seq, terminal, status == "PENDING", raw, sse)


class Resync:
    """Put in every queue after a reconnect: events may have been missed, so re-read the history."""


RESYNC: Final = Resync()


class Subscription:
    """One subscriber's bounded buffer: a list and, while its reader waits, one future and one timer.

    Not an asyncio.Queue: with 10,000 idle streams its three deques and its Event were 3 KiB each."""

    __slots__ = ("_items", "_size", "_waiter", "overflowed")

    def __init__(self, buffer_size: int) -> None:
        self._items: list[Event | Resync] = []
        self._size = buffer_size
        self._waiter: asyncio.Future[None] | None = None
        self.overflowed = False

    def __len__(self) -> int:
        return len(self._items)

    def deliver(self, item: Event | Resync) -> None:
        if self.overflowed:
            return
        if len(self._items) >= self._size:
            self.overflowed = True
        else:
            self._items.append(item)
        _wake(self._waiter)

    async def next(self, keepalive_s: float) -> Event | Resync | None:
        """The next item, or None when nothing came within `keepalive_s` (time for a keep-alive).

        A cancel is always obeyed (a gateway stopping a stream): there is no wait_for to swallow it."""
        if not self._items:
            loop = asyncio.get_running_loop()
            waiter = self._waiter = loop.create_future()
            timer = loop.call_later(keepalive_s, _wake, waiter)
            try:
                await waiter
            finally:
                timer.cancel()
                self._waiter = None
            if not self._items:
                return None
        return self._items.pop(0)


def _wake(waiter: asyncio.Future[None] | None) -> None:
    if waiter is not None and not waiter.done():
        waiter.set_result(None)


class PubSubMultiplexer:
    def __init__(self, redis: Redis, *, buffer_size: int = 256) -> None:
        self._redis = redis
        self._pubsub = redis.pubsub()
        self._buffer_size = buffer_size
        self._subscribers: dict[str, set[Subscription]] = {}
        # The channels subscribed; the Event until Redis confirms, then None (an Event is 0.8 KiB).
        self._confirmed: dict[str, asyncio.Event | None] = {}
        # SUBSCRIBEs sent per channel whose confirmation has not arrived yet (a quick unsubscribe and
        # resubscribe can leave an old confirmation in flight; it must not release the new subscriber).
        self._awaiting: dict[str, int] = {}
        self._lock = asyncio.Lock()
        self._reader: asyncio.Task[None] | None = None
        # Always subscribed to a channel of its own, so the connection stays in pub/sub mode and the
        # reader blocks on the socket rather than polling while no client is connected.
        self._own_channel = f"{PREFIX}:events:process:{uuid4().hex}"
        self.delivered = 0

    async def start(self) -> None:
        """Starts the reader, which subscribes to the process's own channel once Redis answers: an API
        started while Redis is down or failing over serves (503 where it needs Redis) and then follows."""
        self._reader = asyncio.create_task(self._read_loop(), name="chartq-pubsub-reader")

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)
        await self._pubsub.aclose()  # type: ignore[no-untyped-call]  # untyped in redis-py 5
        await self._redis.aclose()

    @property
    def channels(self) -> int:
        return len(self._subscribers)

    @property
    def subscribers(self) -> int:
        return sum(len(subs) for subs in self._subscribers.values())

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[Subscription]:
        subscription = Subscription(self._buffer_size)
        async with self._lock:
            subscribers = self._subscribers.get(channel)
            if subscribers is None:
                subscribers = self._subscribers[channel] = set()
                self._confirmed[channel] = asyncio.Event()
                self._awaiting[channel] = self._awaiting.get(channel, 0) + 1
                await self._pubsub.subscribe(channel)
            subscribers.add(subscription)
        try:
            await self._confirmation(channel)
            yield subscription
        finally:
            await self._leave(channel, subscription)

    async def _confirmation(self, channel: str) -> None:
        """Until Redis confirms the SUBSCRIBE (a local would keep the Event for the stream's life)."""
        confirmed = self._confirmed.get(channel)
        if confirmed is not None:
            async with asyncio.timeout(SUBSCRIBE_CONFIRM_TIMEOUT_S):
                await confirmed.wait()

    async def _leave(self, channel: str, subscription: Subscription) -> None:
        async with self._lock:
            subscribers = self._subscribers.get(channel)
            if subscribers is None:
                return
            subscribers.discard(subscription)
            if not subscribers:
                del self._subscribers[channel]
                del self._confirmed[channel]
                try:
                    await self._pubsub.unsubscribe(channel)
                except (ConnectionError, OSError) as exc:
                    # The reconnect re-subscribes only to channels still in the pubsub's own list,
                    # and redis-py drops this one from that list even when the send failed.
                    log.warning("unsubscribe failed", channel=channel, error=str(exc))

    async def _read_loop(self) -> None:
        delay = 0.1
        next_check = 0.0
        while True:
            try:
                if not self._pubsub.subscribed:
                    async with self._lock:
                        await self._pubsub.subscribe(self._own_channel)
                message = await self._pubsub.get_message(timeout=1.0)
                delay = 0.1
                if message is not None:
                    self._dispatch(message)
                if time.monotonic() >= next_check:
                    next_check = time.monotonic() + PRIMARY_CHECK_S
                    await self._follow_primary()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the connection dropped: redis-py reconnects and resubscribes
                log.warning("pubsub connection lost; reconnecting", error=repr(exc), retry_in_s=delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, RECONNECT_MAX_DELAY_S)
                self._resync_all()

    async def _follow_primary(self) -> None:
        """With Sentinel, moves to the new primary as soon as the sentinels name it: events are published
        there, and an old primary keeps its subscribers until Sentinel demotes it, seconds later."""
        connection: Any = self._pubsub.connection
        if await on_old_primary(self._redis, connection):
            log.warning("the primary moved; resubscribing on the new one")
            async with self._lock:  # no SUBSCRIBE may reconnect the same connection meanwhile
                await connection.disconnect()
                await self._pubsub.connect()  # type: ignore[no-untyped-call]  # resubscribes to all
            self._resync_all()

    def _dispatch(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        channel = message["channel"].decode()
        if kind == "message":
            subscribers = self._subscribers.get(channel)
            if subscribers:
                event = Event.parse(message["data"])
                for subscription in subscribers:
                    subscription.deliver(event)
                self.delivered += len(subscribers)
        elif kind == "subscribe":
            left = self._awaiting.get(channel, 0) - 1
            if left > 0:
                self._awaiting[channel] = left
                return
            self._awaiting.pop(channel, None)
            confirmed = self._confirmed.get(channel)
            if confirmed is not None:
                confirmed.set()  # wakes the subscribers waiting on it
                self._confirmed[channel] = None

    def _resync_all(self) -> None:
        for subscribers in self._subscribers.values():
            for subscription in subscribers:
                subscription.deliver(RESYNC)
