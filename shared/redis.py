"""Redis connections (to one server, or to the primary that Redis Sentinel names), the JSON job serializer
(arq defaults to pickle; chartq never uses it), and which Redis errors are a passing fault of the server
rather than a mistake of ours."""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from typing import Any, Literal

import orjson
from arq.connections import ArqRedis, RedisSettings
from redis._parsers import _AsyncHiredisParser
from redis._parsers.base import _AsyncRESPBase
from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.connection import AbstractConnection
from redis.asyncio.sentinel import Sentinel, SentinelConnectionPool
from redis.exceptions import (
    ClusterDownError,
    OutOfMemoryError,
    ReadOnlyError,
    RedisError,
    ResponseError,
    TryAgainError,
)
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from shared.redis_send import quick_send
from shared.redis_url import SentinelUrl, is_sentinel_url, parse_sentinel_url

# Fail fast instead of hanging when Redis is gone: the API turns the error into a 503.
SOCKET_TIMEOUT_S = 5.0
CONNECT_TIMEOUT_S = 2.0
# With Sentinel: how often a process asks the sentinels whether the primary moved (SentinelPool).
MASTER_CHECK_S = 1.0


def dumps(value: Any) -> bytes:
    return orjson.dumps(value, default=_outcome)


def _outcome(value: Any) -> str:
    """arq serializes a job's outcome with the job serializer; an aborted job's is a CancelledError,
    which JSON cannot hold, and arq logged "error serializing result" for every cancel. Its repr will
    do (chartq keeps no results); anything else that is not JSON stays an error."""
    if isinstance(value, BaseException):
        return repr(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def loads(raw: bytes | str) -> Any:
    return orjson.loads(raw)


class ReplicaAckTimeout(RedisError):
    """No replica confirmed a write in time: a failover could still lose it (shared.replication)."""


def create_redis(url: str, *, max_connections: int = 200) -> ArqRedis:
    pool = connection_pool(
        url, max_connections=max_connections, socket_timeout=SOCKET_TIMEOUT_S, health_check_interval=30
    )
    client = ArqRedis(connection_pool=pool, job_serializer=dumps, job_deserializer=loads)
    # The client owns its pool, so aclose() also closes every pooled connection.
    client.auto_close_connection_pool = True
    return client


def create_pubsub_redis(url: str) -> Redis:
    """A client for one pub/sub connection: no read timeout, since it is idle most of the time; health
    checks (PING every 15 s) find a dead one instead."""
    client = Redis(connection_pool=connection_pool(url, health_check_interval=15))
    client.auto_close_connection_pool = True
    return client


def connection_pool(url: str, **options: Any) -> ConnectionPool:
    options = {"socket_connect_timeout": CONNECT_TIMEOUT_S, "retry_on_timeout": False, **options}
    pool: ConnectionPool
    if is_sentinel_url(url):
        pool = SentinelPool(parse_sentinel_url(url), **options)
    else:
        pool = QuickCheckPool.from_url(url, **options)
    pool.connection_class = quick_send(pool.connection_class)  # shared.redis_send: no Task per send
    return pool


class QuickCheck:
    """Mixed into a redis-py asyncio pool: a connection is checked out without a socket read.

    Before handing out a connection, redis-py polls it with a zero-timeout read
    (`can_read_destructive`): with hiredis that read waits on the event loop once per command, while
    the pool's lock is held, so the other tasks queue on the lock (docs/performance.md, "Tracking cost
    per task"). That poll only sees what the event loop has already received (its timeout fires before
    anything new is read), and so does this check, without waiting: the connection is handed out at
    once when it is open, neither its stream nor its parser holds a byte and its transport is not
    closing. When they hold something (a reply nobody read, EOF, an error), the connection is dropped
    and redis-py connects it afresh: what redis-py does with hiredis, and also with its pure-Python
    parser, whose own check misses a reply still in the stream. A close the event loop has not seen yet
    passes both checks alike: the next command fails with a ConnectionError and redis-py drops the
    connection, as before."""

    async def ensure_connection(self, connection: AbstractConnection) -> None:
        state = _received(connection)
        if state == "nothing":
            return
        if state == "something":
            await connection.disconnect()
        await super().ensure_connection(connection)  # type: ignore[misc]


def _received(connection: Any) -> Literal["nothing", "something", "unknown"]:
    """What `connection` has received and not read, as far as the event loop knows: "nothing" when it is
    open and idle; "unknown" when it is not connected, or not with one of redis-py's own parsers."""
    parser = connection._parser
    check = type(parser).can_read_destructive
    if type(connection).can_read_destructive is not AbstractConnection.can_read_destructive or check not in (
        _AsyncHiredisParser.can_read_destructive,
        _AsyncRESPBase.can_read_destructive,
    ):
        return "unknown"  # a check of someone else's: let it run
    reader: asyncio.StreamReader | None = connection._reader
    writer: asyncio.StreamWriter | None = connection._writer
    if reader is None or writer is None or not parser._connected or parser._stream is not reader:
        return "unknown"
    if reader._buffer or reader._eof or reader.exception() is not None or writer.transport.is_closing():  # type: ignore[attr-defined]
        return "something"
    if check is _AsyncHiredisParser.can_read_destructive:
        unread = parser._reader.has_data()  # a reply, or part of one, waiting in hiredis
    else:
        unread = parser._buffer or parser._chunks  # the pure-Python parser's own buffers
    return "something" if unread else "nothing"


class QuickCheckPool(QuickCheck, ConnectionPool):
    """redis-py's ConnectionPool checking connections out as QuickCheck does."""


class SentinelPool(QuickCheck, SentinelConnectionPool):
    """Connections to the primary that the sentinels name.

    redis-py asks the sentinels for each new connection, drops the idle ones when the answer changes,
    and turns a READONLY reply (the server was demoted) into a ConnectionError that drops the connection.
    That alone leaves open connections on an old primary that Sentinel has not demoted yet (after a
    SENTINEL FAILOVER it stays writable for about ten seconds, and what it takes then is lost): so the
    sentinels are also asked at most every MASTER_CHECK_S as connections are taken, and a connection to
    any other server is closed when it comes back. Closing the pool also closes the connections to the
    sentinels."""

    def __init__(self, url: SentinelUrl, **options: Any) -> None:
        # Asking a sentinel must time out even for a pub/sub pool, which has no read timeout.
        asking = {
            "socket_timeout": options.get("socket_timeout") or SOCKET_TIMEOUT_S,
            "socket_connect_timeout": options["socket_connect_timeout"],
            "username": url.sentinel_username,
            "password": url.sentinel_password,
        }
        # rediss+sentinel://: the sentinels and the servers they name speak TLS alike.
        tls: dict[str, Any] = {"ssl": True, **url.tls_options} if url.tls else {}
        sentinels = Sentinel(url.sentinels, sentinel_kwargs=asking | tls)  # type: ignore[no-untyped-call]
        credentials = {"username": url.username, "password": url.password}
        super().__init__(url.service_name, sentinels, db=url.db, **credentials, **tls, **options)  # type: ignore[no-untyped-call]
        self._next_check = 0.0
        # How many times the primary moved: work begun before a move must not be finished after it.
        self.primary_moves = 0

    async def get_connection(self, *args: Any, **kwargs: Any) -> Any:
        if self.master_address is not None and time.monotonic() >= self._next_check:
            self._next_check = time.monotonic() + MASTER_CHECK_S  # one caller asks; the others go on
            with contextlib.suppress(RedisConnectionError, RedisTimeoutError):  # no answer: keep going
                await self.follow_primary()
        return await super().get_connection(*args, **kwargs)

    async def follow_primary(self) -> tuple[str, int]:
        """The (host, port) the sentinels name as the primary now; when it moved, the idle connections
        to the old one are closed."""
        primary: tuple[str, int] = await self.sentinel_manager.discover_master(self.service_name)
        if primary != self.master_address:
            # Under the pool's lock, so no idle connection is handed out while it is being closed.
            async with self._lock:
                self.primary_moves += self.master_address is not None
                self.master_address = primary
                await self.disconnect(inuse_connections=False)
        return primary

    async def get_master_address(self) -> Any:
        """redis-py's, asked for each new connection; a move it finds is counted too."""
        before = self.master_address
        primary = await super().get_master_address()  # type: ignore[no-untyped-call]
        self.primary_moves += before is not None and primary != before
        return primary

    async def release(self, connection: Any) -> None:
        if connection.host is not None and (connection.host, connection.port) != self.master_address:
            await connection.disconnect()  # its server is no longer the primary: reconnect when used
        await super().release(connection)

    async def disconnect(self, inuse_connections: bool = True) -> None:
        await super().disconnect(inuse_connections)
        if inuse_connections:  # closing, not just dropping idle connections to a demoted primary
            for sentinel in self.sentinel_manager.sentinels:
                await sentinel.connection_pool.disconnect()


def primary_moves(client: Redis) -> int:
    """How many times the primary behind `client` moved (a failover); always 0 without Sentinel."""
    pool = client.connection_pool
    return pool.primary_moves if isinstance(pool, SentinelPool) else 0


async def on_old_primary(client: Redis, connection: Any) -> bool:
    """Whether `connection` (of `client`'s pool) leads to a server the sentinels no longer name as the
    primary. Never true without Sentinel, nor when the sentinels do not answer."""
    pool = client.connection_pool
    if not isinstance(pool, SentinelPool) or connection is None or connection.host is None:
        return False
    try:
        primary = await pool.follow_primary()
    except (RedisConnectionError, RedisTimeoutError):
        return False
    return (connection.host, connection.port) != primary


def redis_settings(url: str) -> RedisSettings:
    """arq's own connection settings, for the arq CLI's `--check` (workers connect with create_redis)."""
    if not is_sentinel_url(url):
        settings: RedisSettings = RedisSettings.from_dsn(url)
        settings.conn_timeout = int(CONNECT_TIMEOUT_S)
        return settings
    # arq sends no password to the sentinels: this works where only the Redis servers ask for one.
    sentinel = parse_sentinel_url(url)
    return RedisSettings(
        host=list(sentinel.sentinels),
        sentinel=True,
        sentinel_master=sentinel.service_name,
        database=sentinel.db,
        username=sentinel.username,
        password=sentinel.password,
        conn_timeout=int(CONNECT_TIMEOUT_S),
        ssl=sentinel.tls,
        **sentinel.tls_options,  # type: ignore[arg-type]
    )


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
    if isinstance(exc, ReplicaAckTimeout):
        return "unavailable"
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
