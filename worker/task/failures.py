"""How a chart task stops short: a failure the user is told about, a task that ended elsewhere, and the
errors worth another attempt (after a backoff) rather than a failed chart."""

from __future__ import annotations

import random

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError, ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

from shared.redis import redis_fault

RETRY_BASE_SECONDS = 0.5
RETRY_MAX_SECONDS = 30.0
# Redis or the database unreachable or timing out, and a Redis up but unable to take writes for now:
# read-only (a replica, as during a failover) or out of memory.
TRANSIENT_ERRORS = (
    RedisConnectionError,
    RedisTimeoutError,
    ReadOnlyError,
    OutOfMemoryError,
    ConnectionError,
    OSError,
)


class TaskFailure(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class TaskGone(Exception):
    """The task ended elsewhere (cancelled, or finished by another attempt), or this attempt was fenced
    off (`stale`: a newer attempt runs the task, or it was handed back): stop quietly."""

    def __init__(self, current_status: str, *, stale: bool = False) -> None:
        super().__init__(current_status)
        self.current_status, self.stale = current_status, stale


def is_transient(exc: BaseException) -> bool:
    """TRANSIENT_ERRORS, and the Redis faults redis-py raises as a plain ResponseError, known by their
    reply only (BUSY, MASTERDOWN, TRYAGAIN, ...: shared.redis.redis_fault)."""
    return isinstance(exc, TRANSIENT_ERRORS) or redis_fault(exc) is not None


def backoff_seconds(attempt: int) -> float:
    """Exponential backoff with full jitter: spreads retries of many tasks after a shared outage."""
    return random.uniform(0, min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2**attempt))
