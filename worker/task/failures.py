"""How a chart task stops short: a failure the user is told about, a task that ended elsewhere, and the
errors worth another attempt (after a backoff) rather than a failed chart."""

from __future__ import annotations

import random

from redis.exceptions import ConnectionError as RedisConnectionError

RETRY_BASE_SECONDS = 0.5
RETRY_MAX_SECONDS = 30.0
TRANSIENT_ERRORS = (RedisConnectionError, ConnectionError, OSError)


class TaskFailure(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class TaskGone(Exception):
    """The task ended elsewhere (cancelled, or finished by another attempt): stop quietly."""


def backoff_seconds(attempt: int) -> float:
    """Exponential backoff with full jitter: spreads retries of many tasks after a shared outage."""
    return random.uniform(0, min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2**attempt))
