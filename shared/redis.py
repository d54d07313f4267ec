"""Redis connections and the JSON job serializer (arq defaults to pickle; chartq never uses it)."""

from __future__ import annotations

from typing import Any

import orjson
from arq.connections import ArqRedis, RedisSettings
from redis.asyncio import ConnectionPool

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
