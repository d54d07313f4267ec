"""Redis connections, the JSON job serializer (arq defaults to pickle; chartq never uses it), and which
Redis errors are a passing fault of the server rather than a mistake of ours."""

from __future__ import annotations

import re
from typing import Any, Literal

import orjson
from arq.connections import ArqRedis, RedisSettings
from redis.asyncio import ConnectionPool
from redis.exceptions import ClusterDownError, OutOfMemoryError, ReadOnlyError, ResponseError, TryAgainError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

# Fail fast instead of hanging when Redis is gone: the API turns the error into a 503.
SOCKET_TIMEOUT_S = 5.0
CONNECT_TIMEOUT_S = 2.0


def dumps(value: Any) -> bytes:
    return orjson.dumps(value)


def loads(raw: bytes | str) -> Any:
    return orjson.loads(raw)


def create_redis(url: str, *, max_connections: int = 200) -> ArqRedis:
    pool = ConnectionPool.from_url(
        url,
        max_connections=max_connections,
        socket_timeout=SOCKET_TIMEOUT_S,
        socket_connect_timeout=CONNECT_TIMEOUT_S,
        health_check_interval=30,
        retry_on_timeout=False,
    )
    client = ArqRedis(connection_pool=pool, job_serializer=dumps, job_deserializer=loads)
    # The client owns its pool, so aclose() also closes every pooled connection.
    client.auto_close_connection_pool = True
    return client


def redis_settings(url: str) -> RedisSettings:
    settings: RedisSettings = RedisSettings.from_dsn(url)
    settings.conn_timeout = int(CONNECT_TIMEOUT_S)
    return settings


RedisFault = Literal["unavailable", "read_only", "out_of_memory"]

# Error replies of a Redis that is up but cannot serve for now, by their code. redis-py raises its own
# class for some (matched by class below); the others reach us as a ResponseError whose text starts
# with the code.
_FAULT_REPLIES: dict[str, RedisFault] = {
    "READONLY": "read_only",  # a replica: the old primary after a failover, or REPLICAOF
    "NOREPLICAS": "read_only",  # min-replicas-to-write is not met
    "MISCONF": "read_only",  # a failed RDB save stops writes (stop-writes-on-bgsave-error)
    "OOM": "out_of_memory",  # maxmemory reached with nothing to evict (noeviction)
    "LOADING": "unavailable",  # loading its data set from disk after a start
    "BUSY": "unavailable",  # a script or function over busy-reply-threshold blocks everyone
    "MASTERDOWN": "unavailable",  # a replica lost its primary and serves no stale data
    "TRYAGAIN": "unavailable",
    "CLUSTERDOWN": "unavailable",
    "UNBLOCKED": "unavailable",  # a BLPOP woken because its primary turned replica
}
# redis-py rewrites the error of a pipeline's command as "Command # 2 (INCRBY y 1) of pipeline caused
# error: ('BUSY Redis is busy ...',)", keeping its class.
_PIPELINE_ERROR = re.compile(r"Command # \d+ \(.*?\) of pipeline caused error: \(['\"](.*)", re.DOTALL)


def redis_fault(exc: BaseException) -> RedisFault | None:
    """What keeps Redis from serving, when `exc` says it cannot for now and a retry later may succeed:
    "unavailable" (unreachable, timed out, loading, busy), "read_only" (a replica, say after a failover)
    or "out_of_memory". None for any other error: a bug, or a reply about the command itself."""
    if isinstance(exc, ReadOnlyError):
        return "read_only"
    if isinstance(exc, OutOfMemoryError):
        return "out_of_memory"
    # BusyLoadingError (LOADING) is a ConnectionError in redis-py.
    if isinstance(exc, RedisConnectionError | RedisTimeoutError | ClusterDownError | TryAgainError):
        return "unavailable"
    if isinstance(exc, ResponseError):
        text = str(exc)
        if match := _PIPELINE_ERROR.match(text):
            text = match.group(1)
        return _FAULT_REPLIES.get(text.split(" ", 1)[0])
    return None
