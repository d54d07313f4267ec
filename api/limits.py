"""Per-user limits shared by every API process through Redis: open streams and writes per minute.

Open streams (SSE and WebSocket) hold a lease each: a member of the user's sorted set
(`keys.user_streams`) scored by when it expires. A stream renews its lease as it sends (at least every
keep-alive interval) and gives it back when it ends; a lease its process never gave back (the process
died) lapses and is dropped the next time the set is counted, so a crash leaks nothing for long.

Writes are counted in a fixed window of one clock minute (`keys.user_writes`), one round trip each; a
chart task's creation is counted by the create script itself (`write_window`), so a creation that is
answered without reaching it (a 404 message, the 200 of a chart that exists) is not a write.
Operators are trusted to script the API (load tests, supervision) and are not rate limited on writes.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any, TypeVar
from uuid import uuid4

import orjson
import structlog
from fastapi import Depends
from redis.exceptions import RedisError

from api.deps import CurrentUser, StateDep
from api.errors import ApiError
from api.state import AppState
from shared import keys
from shared.auth import Principal
from shared.lua.streams import ACQUIRE_STREAM_LEASE
from shared.models import ErrorDTO
from shared.task_store import WriteWindow

log = structlog.get_logger("chartq.api")

T = TypeVar("T")

STREAM_RETRY_AFTER_SECONDS = 10
TOO_MANY_STREAMS = "too_many_streams"
TOO_MANY_WRITES = "too_many_writes"
WINDOW_SECONDS = 60
# Documented on the routes that count as writes.
WRITE_LIMIT_DOC: dict[int | str, dict[str, Any]] = {
    429: {"model": ErrorDTO, "description": "Too many writes this minute (CHARTQ_WRITES_PER_MINUTE)"}
}
STREAM_LIMIT_DOC: dict[int | str, dict[str, Any]] = {
    429: {"model": ErrorDTO, "description": "Too many open streams (CHARTQ_MAX_STREAMS_PER_USER)"}
}
# Releases run detached: a stream ends by cancellation, and an await in its cleanup would be cancelled too.
_releases: set[asyncio.Task[None]] = set()


class TokenExpired(Exception):
    """The token a stream was opened with has expired: the stream ends."""


class StreamLease:
    """One open stream of a user, counted against CHARTQ_MAX_STREAMS_PER_USER in Redis."""

    def __init__(self, state: Any, user_id: str) -> None:
        self.redis = state.redis
        self.key = keys.user_streams(user_id)
        self.id = uuid4().hex
        self.cap = state.settings.max_streams_per_user
        keepalive = state.settings.sse_keepalive_seconds
        # Renewed at least every keep-alive; lapses after three missed renewals.
        self.renew_every = keepalive
        self.lease_ms = int((3 * keepalive + 5) * 1000)
        self.renewed = 0.0

    async def acquire(self) -> bool:
        now_ms = int(time.time() * 1000)
        taken = await self.redis.eval(
            ACQUIRE_STREAM_LEASE,
            1,
            self.key,
            now_ms,
            now_ms + self.lease_ms,
            self.cap,
            self.id,
            2 * self.lease_ms,
        )
        self.renewed = time.monotonic()
        return bool(taken)

    async def renew_if_due(self) -> None:
        if time.monotonic() - self.renewed < self.renew_every:
            return
        self.renewed = time.monotonic()
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                pipe.zadd(self.key, {self.id: int(time.time() * 1000) + self.lease_ms})
                pipe.pexpire(self.key, 2 * self.lease_ms)
                await pipe.execute()
        except RedisError as exc:  # the stream goes on; the lease is renewed at the next keep-alive
            log.info("stream lease not renewed", error=str(exc))

    def release(self) -> None:
        async def remove() -> None:
            try:
                await self.redis.zrem(self.key, self.id)
            except RedisError as exc:  # it lapses by itself
                log.info("stream lease not released", error=str(exc))

        task = asyncio.get_running_loop().create_task(remove())
        _releases.add(task)
        task.add_done_callback(_releases.discard)


TOKEN_EXPIRED_DETAIL = "Your token has expired; sign in again and reconnect with your last seq."
TOKEN_EXPIRED_FRAME = (
    b"data: "
    + orjson.dumps({"type": "error", "code": "token_expired", "detail": TOKEN_EXPIRED_DETAIL})
    + b"\n\n"
)


async def open_lease(state: Any, user_id: str) -> StreamLease | None:
    """A lease for a new stream of `user_id`, or None when the user has too many open already."""
    lease = StreamLease(state, user_id)
    return lease if await lease.acquire() else None


def too_many_streams(cap: int) -> ApiError:
    return ApiError(
        429,
        TOO_MANY_STREAMS,
        f"You have {cap} live streams open (CHARTQ_MAX_STREAMS_PER_USER); close one or retry later.",
        {"Retry-After": str(STREAM_RETRY_AFTER_SECONDS)},
    )


async def leased(events: AsyncIterator[T], lease: StreamLease, expires_at: float | None) -> AsyncIterator[T]:
    """`events`, renewing `lease` as they flow and giving it back at the end; raises TokenExpired when
    the token expires (at that moment, not at the next event)."""
    loop = asyncio.get_running_loop()
    deadline = None if expires_at is None else loop.time() + (expires_at - time.time())
    try:
        while True:
            timeout = asyncio.timeout_at(deadline)
            try:
                async with timeout:
                    item = await anext(events)
            except StopAsyncIteration:
                return
            except TimeoutError as exc:
                if timeout.expired():
                    raise TokenExpired from exc
                raise
            await lease.renew_if_due()
            yield item
    finally:
        lease.release()


async def limit_writes(user: CurrentUser, state: StateDep) -> None:
    """429 + Retry-After past CHARTQ_WRITES_PER_MINUTE writes by one user in a clock minute."""
    await spend_writes(state, user, 1)


def write_window(state: AppState, user: Principal) -> WriteWindow | None:
    """The user's writes counter this minute, for a caller that counts in its own round trip (the create
    script: TaskStore.create); None for an operator."""
    if user.is_operator:
        return None
    minute = int(time.time() // WINDOW_SECONDS)
    key = keys.user_writes(user.user_id, minute)
    ends_at = float((minute + 1) * WINDOW_SECONDS)
    return WriteWindow(key, state.settings.writes_per_minute, 2 * WINDOW_SECONDS, ends_at)


async def spend_writes(state: AppState, user: Principal, count: int) -> None:
    """Counts `count` writes of `user` (a batch of charts is one per chart), or 429 + Retry-After."""
    window = write_window(state, user)
    if window is None:
        return
    async with state.redis.pipeline(transaction=False) as pipe:
        pipe.incrby(window.key, count)
        pipe.expire(window.key, window.ttl_seconds)
        spent, _ = await pipe.execute()
    if int(spent) > window.limit:
        raise too_many_writes(window)


def too_many_writes(window: WriteWindow) -> ApiError:
    """429 for a window that is spent; Retry-After counts to the end of the minute that was counted (a
    minute that ended since then: the next one is open, retry at once)."""
    retry_after = max(1, math.ceil(window.ends_at - time.time()))
    return ApiError(
        429,
        TOO_MANY_WRITES,
        f"More than {window.limit} writes in a minute (CHARTQ_WRITES_PER_MINUTE); retry in {retry_after} s.",
        {"Retry-After": str(retry_after)},
    )


WriteLimited = Annotated[None, Depends(limit_writes)]
