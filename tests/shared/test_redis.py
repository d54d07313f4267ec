"""chartq's Redis clients against real servers: a Sentinel deployment that takes only an ACL user, and
one that speaks only TLS; and how the pool checks a connection out (QuickCheck)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from redis._parsers import _AsyncRESP2Parser
from redis.asyncio import Redis
from redis.asyncio.sentinel import MasterNotFoundError

from shared.redis import QuickCheck, connection_pool, create_pubsub_redis, create_redis, primary_moves
from tests.sentinel_fixtures import SentinelDeployment, TlsFiles
from worker.cli.embedded_redis import EmbeddedRedis


async def test_an_acl_user_reaches_the_primary_through_sentinels_that_require_it(tmp_path: Path) -> None:
    """Managed Redis deployments turn the default user off: the URL's username is the one chartq is,
    to the sentinels and to the primary they name."""
    with SentinelDeployment(tmp_path / "sentinel", password="pw:1", username="chartq") as deployment:
        assert deployment.url.startswith("redis+sentinel://chartq:pw%3A1@")
        redis = create_redis(deployment.url)
        try:
            await redis.set("greeting", "hello")
            assert await redis.get("greeting") == b"hello"
            assert await redis.acl_whoami() == "chartq"
        finally:
            await redis.aclose()
        intruder = create_redis(deployment.url.replace("chartq:", "intruder:"))
        try:
            # The sentinels refuse it first, and the error says why.
            with pytest.raises(MasterNotFoundError, match="invalid username-password pair"):
                await intruder.ping()
        finally:
            await intruder.aclose()


async def test_a_tls_only_deployment_is_reached_and_followed_through_a_failover(tmp_path: Path) -> None:
    """rediss+sentinel://: the sentinels and the servers they name take TLS with client certificates
    (Redis's default, tls-auth-clients yes) and nothing else; chartq asks the sentinels, works on the
    primary, and follows the new primary after a failover, all over TLS."""
    tls = TlsFiles.issue(tmp_path / "tls")
    with SentinelDeployment(tmp_path / "sentinel", password="pw", tls=tls) as deployment:
        assert deployment.url.startswith("rediss+sentinel://:pw@")
        redis, pubsub_redis = create_redis(deployment.url), create_pubsub_redis(deployment.url)
        try:
            await redis.set("greeting", "hello")
            assert await redis.get("greeting") == b"hello"
            async with pubsub_redis.pubsub() as pubsub:
                await pubsub.subscribe("news")
                assert (await pubsub.get_message(timeout=5) or {}).get("type") == "subscribe"
                await redis.publish("news", "over tls")
                message = await pubsub.get_message(timeout=5)
                assert message is not None and message["data"] == b"over tls"
            old = deployment.primary_port()
            deployment.failover()
            new = deployment.wait_for_new_primary(old)
            await redis.set("after", "failover")
            assert primary_moves(redis) >= 1
            with new.client("pw") as direct:
                assert direct.get("after") == b"failover"
        finally:
            await redis.aclose()
            await pubsub_redis.aclose()
        # Without TLS the same sentinels do not answer at all.
        plain = create_redis(deployment.url.replace("rediss+", "redis+").split("?")[0])
        try:
            with pytest.raises(MasterNotFoundError):
                await plain.ping()
        finally:
            await plain.aclose()


def checked_out_at_once(checkout: Awaitable[Any]) -> Any:
    """The connection `checkout` (a pool's get_connection()) returns without waiting on the event loop;
    fails if it would wait."""
    coro: Any = checkout
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value
    coro.close()
    raise AssertionError("the checkout waited on the event loop")


async def until(condition: Any) -> None:
    """Lets the event loop run until `condition()` holds (what it received is then in the stream)."""
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not met in 5 s")


async def test_a_pooled_client_works_across_many_commands_on_few_connections(
    redis_server: EmbeddedRedis,
) -> None:
    key = f"test:quick-check:{uuid4().hex[:8]}"
    redis = create_redis(redis_server.url)
    pool: Any = redis.connection_pool
    assert isinstance(redis.connection_pool, QuickCheck)

    async def count(n: int) -> None:
        for _ in range(n):
            await redis.incr(key)
            await redis.expire(key, 60)

    try:
        await asyncio.gather(*(count(50) for _ in range(20)))
        assert int(await redis.get(key) or 0) == 1000
        pipe = redis.pipeline(transaction=True)
        pipe.incrby(key, 5)
        pipe.get(key)
        assert await pipe.execute() == [1005, b"1005"]
        # An idle connection is handed out again without a socket read (without waiting on the loop).
        connection = checked_out_at_once(pool.get_connection())
        await pool.release(connection)
        assert len(pool._available_connections) <= 20 and not pool._in_use_connections
    finally:
        await redis.delete(key)
        await redis.aclose()


async def test_a_connection_the_server_killed_is_not_handed_out(redis_server: EmbeddedRedis) -> None:
    redis = create_redis(redis_server.url)
    admin = create_redis(redis_server.url)
    pool: Any = redis.connection_pool
    try:
        first = await redis.client_id()
        connection = pool._available_connections[0]
        await admin.client_kill_filter(_id=first)
        await until(lambda: connection._reader.at_eof())  # the event loop has seen the server close it
        # The next command goes through redis-py's own check, which reconnects.
        assert await redis.client_id() != first
        assert pool._available_connections == [connection] and connection.is_connected
    finally:
        await admin.aclose()
        await redis.aclose()


async def test_a_connection_with_unread_replies_is_not_handed_out(redis_server: EmbeddedRedis) -> None:
    """A reply nobody read, whether the event loop has it (in the stream) or the parser does (after a
    read that took two replies at once), would answer the next command: the connection is replaced."""
    redis = create_redis(redis_server.url)
    pool: Any = redis.connection_pool
    try:
        # In the stream: sent, released unread.
        connection = await pool.get_connection()
        await connection.send_command("ECHO", "stale")
        await pool.release(connection)
        await until(lambda: connection._reader._buffer)
        assert await redis.echo("fresh") == b"fresh"
        # In the parser: two replies read from the socket at once, one of them parsed.
        connection = await pool.get_connection()
        await connection.send_packed_command(connection.pack_commands([("ECHO", "a"), ("ECHO", "stale")]))
        await until(lambda: len(connection._reader._buffer) == len(b"$1\r\na\r\n$5\r\nstale\r\n"))
        assert await connection.read_response() == b"a"
        assert not connection._reader._buffer
        await pool.release(connection)
        assert await redis.echo("fresh") == b"fresh"
        assert await redis.echo("again") == b"again"
    finally:
        await redis.aclose()


async def test_redis_pys_pure_python_parser_gets_the_same_checks(redis_server: EmbeddedRedis) -> None:
    """Without hiredis, redis-py's own check misses a reply still in the stream; this one does not."""
    pool: Any = connection_pool(redis_server.url, parser_class=_AsyncRESP2Parser, socket_timeout=5)
    redis = Redis(connection_pool=pool)
    redis.auto_close_connection_pool = True
    admin = create_redis(redis_server.url)
    try:
        first = await redis.client_id()
        connection = checked_out_at_once(pool.get_connection())
        await connection.send_command("ECHO", "stale")
        await pool.release(connection)
        await until(lambda: connection._reader._buffer)
        assert await redis.echo("fresh") == b"fresh"
        second = await redis.client_id()
        assert second != first
        await admin.client_kill_filter(_id=second)
        await until(lambda: connection._reader.at_eof())
        assert await redis.client_id() not in (first, second)
    finally:
        await admin.aclose()
        await redis.aclose()
