"""Commands are sent without a Task each, packed as redis-py packs them, and a send the server does not
take still times out."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st
from redis.asyncio import Connection, ConnectionPool, Redis
from redis.exceptions import DataError
from redis.exceptions import TimeoutError as RedisTimeoutError

from shared.redis import create_redis
from shared.redis_send import quick_send
from worker.cli.embedded_redis import EmbeddedRedis

KEY = f"test:quick-send:{uuid4().hex[:8]}"


def counting_tasks(loop: asyncio.AbstractEventLoop) -> Callable[[], int]:
    """Counts the Tasks the loop creates from now on."""
    created = 0
    factory = loop.get_task_factory()

    def count(loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> asyncio.Future[Any]:
        nonlocal created
        created += 1
        if factory is not None:
            return factory(loop, coro, **kwargs)
        return asyncio.Task(coro, loop=loop, **kwargs)

    loop.set_task_factory(count)
    return lambda: created


async def commands_task_count(client: Redis) -> int:
    await client.ping()  # connected before counting
    loop = asyncio.get_running_loop()
    before = loop.get_task_factory()
    tasks = counting_tasks(loop)
    try:
        for n in range(50):
            await client.set(KEY, n, ex=60)
        assert int(await client.get(KEY)) == 49
        return tasks()
    finally:
        loop.set_task_factory(before)
        await client.delete(KEY)


async def test_commands_are_sent_without_a_task_each(redis_server: EmbeddedRedis) -> None:
    quick = create_redis(redis_server.url)
    stock = Redis(connection_pool=ConnectionPool.from_url(redis_server.url, socket_timeout=5))
    stock.auto_close_connection_pool = True
    try:
        assert await commands_task_count(quick) == 0
        # What it saves: redis-py with a socket timeout makes one per command.
        assert await commands_task_count(stock) >= 51
    finally:
        await quick.aclose()
        await stock.aclose()


@pytest.fixture
async def deaf_server() -> AsyncIterator[int]:
    """A TCP server that accepts connections and never reads from them."""
    held: list[asyncio.StreamWriter] = []

    async def accept(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    for writer in held:
        writer.close()
    server.close()
    await server.wait_closed()


async def test_a_send_the_server_does_not_take_times_out(deaf_server: int) -> None:
    # No CLIENT SETINFO on connecting: this server would never answer it.
    options: dict[str, Any] = {"lib_name": None, "lib_version": None, "socket_timeout": 0.5}
    connection: Any = quick_send(Connection)(host="127.0.0.1", port=deaf_server, **options)  # type: ignore[call-arg]
    await connection.connect()
    try:
        # Far more than the socket buffers hold, so the write cannot complete at once.
        with pytest.raises(RedisTimeoutError):
            await connection.send_command("SET", "key", b"x" * (64 << 20), check_health=False)
        assert not connection.is_connected, "a send cut short drops its connection"
    finally:
        await connection.disconnect()


ARGUMENTS = st.one_of(
    st.text(), st.binary(), st.integers(), st.floats(), st.binary(min_size=7000, max_size=9000)
)


@given(name=st.sampled_from(["SET", "CONFIG GET", b"EVALSHA", b"CLIENT SETINFO"]), args=st.lists(ARGUMENTS))
def test_a_command_is_packed_into_the_bytes_redis_py_sends(name: str | bytes, args: list[Any]) -> None:
    quick: Any = quick_send(Connection)()
    stock = Connection()
    assert b"".join(quick.pack_command(name, *args)) == b"".join(stock.pack_command(name, *args))


async def test_values_round_trip_and_bad_ones_are_refused_as_before(redis_server: EmbeddedRedis) -> None:
    client = create_redis(redis_server.url)
    try:
        for value, stored in (
            ("Zürich 北京 🚀", "Zürich 北京 🚀".encode()),
            (0.1, b"0.1"),
            (-(2**70), b"-1180591620717411303424"),
        ):
            await client.set(KEY, value, ex=60)
            assert await client.get(KEY) == stored
        assert "maxmemory-policy" in await client.config_get("maxmemory-policy")  # sent as "CONFIG GET"
        for bad in (None, True, {"a": 1}):
            with pytest.raises(DataError):
                await client.set(KEY, bad)  # type: ignore[arg-type]
        assert await client.get(KEY) == b"-1180591620717411303424"
    finally:
        await client.delete(KEY)
        await client.aclose()
