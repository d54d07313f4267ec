"""What the SSE and WebSocket gateways send: the same envelopes, in seq order, none missed.

A task stream subscribes first, then sends the current state (or, after a reconnect, exactly the events
after Last-Event-ID) from the task's history, then live events, skipping any seq already sent, and
ends after the terminal status. A user stream does the same for every task of one user and never ends.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Generic, TypeVar

import orjson

from api.pending_estimates import PendingEstimates
from api.pubsub import Event as Event
from api.pubsub import PubSubMultiplexer, Resync, Subscription
from shared import keys
from shared.models import TaskDTO
from shared.redis import redis_fault
from shared.task_store import TaskStore

T = TypeVar("T")


class SlowConsumer(Exception):
    """The client read too slowly and its buffer overflowed; it should reconnect with its last seq."""


KEEPALIVE = None  # yielded when nothing happened for a keep-alive interval


def synthetic_event(task: TaskDTO, seq: int) -> Event:
    """An envelope for a task whose live history has expired (rebuilt from the SQL run record)."""
    raw = orjson.dumps(
        {"type": "status_update", "task_id": task.task_id, "seq": seq, "data": task.model_dump(mode="json")}
    )
    return Event.parse(raw)


async def _replay(store: TaskStore, task_id: str, after_seq: int, *, current_only: bool) -> list[Event]:
    if current_only:
        return [Event.parse(raw) for raw in await store.latest_events([task_id])]
    return [Event.parse(raw) for raw in await store.history(task_id, after_seq)]


# How soon a read after a reconnect is tried again when Redis is still coming back.
RESYNC_RETRY_S = 1.0


class Follower(Generic[T]):
    """What a stream sends next: the subscription's next event; after a reconnect, what `resync` reads
    again; None when a keep-alive is due; SlowConsumer once the subscription overflowed. A reconnect
    often meets Redis still coming back (restarted by the supervisor, its pooled connections stale):
    the read that fails then is tried again each RESYNC_RETRY_S, with a keep-alive in between, instead
    of ending the stream without its terminal event. Events published meanwhile wait in the
    subscription, and those the read covers are skipped by their seq."""

    def __init__(
        self, subscription: Subscription, keepalive_s: float, resync: Callable[[], Awaitable[T]]
    ) -> None:
        self.subscription, self.keepalive_s, self.resync = subscription, keepalive_s, resync
        self.owed = False

    async def next(self) -> Event | T | None:
        if self.owed:
            await asyncio.sleep(RESYNC_RETRY_S)
            return await self._read_again()
        item = await self.subscription.next(self.keepalive_s)
        if self.subscription.overflowed:
            raise SlowConsumer
        if item is None:
            return None
        return await self._read_again() if isinstance(item, Resync) else item

    async def _read_again(self) -> T | None:
        try:
            state = await self.resync()
        except Exception as exc:
            if redis_fault(exc) is None:
                raise
            self.owed = True
            return None
        self.owed = False
        return state


async def nothing_left(store: TaskStore, task_id: str, *, last_seq: int | None, fallback: TaskDTO) -> bool:
    """Whether a reconnect after `last_seq` has had everything: the task has ended and no event follows.

    The SSE gateway then answers 204, the spec's "do not reconnect"; otherwise a client following it
    would reconnect every few seconds for ever. Never for a first connection (no `last_seq`) nor for
    `last_seq` 0, which asks for the whole history. A terminal status is final, so the answer holds."""
    if not last_seq:
        return False
    latest = await _replay(store, task_id, 0, current_only=True)
    if latest:
        return latest[0].terminal and latest[0].seq <= last_seq
    # The live history has expired and the run record says the task ended: there is nothing to
    # replay, and an event made up from the record (as task_events sends) would only start another loop.
    return fallback.status.is_terminal


async def task_events(
    mux: PubSubMultiplexer,
    store: TaskStore,
    task_id: str,
    *,
    last_seq: int | None,
    keepalive_s: float,
    fallback: TaskDTO,
    estimates: PendingEstimates | None = None,
) -> AsyncGenerator[Event | None, None]:
    """`last_seq` None: start from the current state; a number: replay every event after it. The task's
    current state, when PENDING, goes with its estimated completion as of now (api.pending_estimates)."""
    estimates = estimates or PendingEstimates(store)
    async with mux.subscribe(keys.task_channel(task_id)) as subscription:
        latest = await _replay(store, task_id, 0, current_only=True)
        if last_seq is not None and latest and not latest[0].terminal and last_seq > latest[0].seq:
            # An id past anything the live task has published (a client's slip, or one kept from another
            # server): filtering on it would hold back every event up to it, the terminal one included.
            # The stream starts from the current state, as a first connection does.
            last_seq = None
        if last_seq is None:
            backlog = latest[:1] or [synthetic_event(fallback, 1)]
        else:
            backlog = await _replay(store, task_id, last_seq, current_only=False)
            if not backlog and latest and latest[0].terminal:
                return  # the client already has everything, the terminal status included
            if not backlog and not latest and fallback.status.is_terminal:
                backlog = [synthetic_event(fallback, last_seq + 1)]
        del fallback, latest  # an idle stream keeps this frame for minutes: 1.5 KiB less each
        sent = last_seq or 0

        def replay() -> Awaitable[list[Event]]:
            return _replay(store, task_id, sent, current_only=False)

        follower = Follower(subscription, keepalive_s, replay)

        event: Event | None = None
        while True:
            for event in backlog:
                if event.seq > sent:
                    # Only the task's current state is estimated as of now; a replayed PENDING event
                    # that later events follow is history, sent as it was published.
                    current = event.pending and event is backlog[-1]
                    yield await estimates.of(event) if current else event
                    sent = event.seq
                    if event.terminal:
                        return
            event = None
            backlog.clear()  # nothing sent stays referenced while the stream waits
            following = await follower.next()
            if following is None:
                yield KEEPALIVE
            else:
                backlog = [following] if isinstance(following, Event) else following


async def user_events(
    mux: PubSubMultiplexer,
    store: TaskStore,
    user_id: str,
    *,
    keepalive_s: float,
    estimates: PendingEstimates | None = None,
) -> AsyncGenerator[Event | None, None]:
    estimates = estimates or PendingEstimates(store)
    async with mux.subscribe(keys.user_channel(user_id)) as subscription:
        sent: dict[str, int] = {}

        async def snapshot() -> list[Event]:
            active = await store.active_task_ids(user_id)
            return [Event.parse(raw) for raw in await store.latest_events(active)]

        backlog = await snapshot()
        follower = Follower(subscription, keepalive_s, snapshot)
        event: Event | None = None
        while True:
            for event in backlog:
                if event.seq > sent.get(event.task_id, 0):
                    yield await estimates.of(event) if event.pending else event
                    # Forget ended tasks so a long-lived stream's memory stays bounded.
                    if event.terminal:
                        sent.pop(event.task_id, None)
                    else:
                        sent[event.task_id] = event.seq
            event = None
            backlog.clear()  # nothing sent stays referenced while the stream waits
            following = await follower.next()
            if following is None:
                yield KEEPALIVE
            else:
                backlog = [following] if isinstance(following, Event) else following
