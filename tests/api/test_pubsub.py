"""The multiplexer against a real Redis: one connection, refcounted channels, bounded buffers, resync."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import orjson
import pytest
import redis.asyncio as aioredis

from api.pubsub import RESYNC, Event, PubSubMultiplexer
from worker.cli.embedded_redis import EmbeddedRedis


def envelope(task_id: str, seq: int, status: str = "PROCESSING") -> bytes:
    return orjson.dumps({"type": "status_update", "task_id": task_id, "seq": seq, "data": {"status": status}})


@pytest.fixture
async def mux(redis_server: EmbeddedRedis) -> AsyncIterator[PubSubMultiplexer]:
    multiplexer = PubSubMultiplexer(aioredis.from_url(redis_server.url), buffer_size=4)
    await multiplexer.start()
    yield multiplexer
    await multiplexer.close()


async def numsub(client: aioredis.Redis, channel: str) -> int:
    return int(dict(await client.pubsub_numsub(channel))[channel.encode()])


async def test_channels_are_shared_and_released(mux: PubSubMultiplexer, redis_client: aioredis.Redis) -> None:
    async with mux.subscribe("chan-a") as first, mux.subscribe("chan-a") as second:
        assert await numsub(redis_client, "chan-a") == 1  # one Redis subscription for both clients
        assert (mux.subscribers, mux.channels) == (2, 1)
        await redis_client.publish("chan-a", envelope("t1", 1))
        got = [await first.next(2), await second.next(2)]
        assert all(isinstance(e, Event) and e.seq == 1 and e.task_id == "t1" for e in got)
        assert got[0] is got[1]  # parsed once, shared
    assert (mux.subscribers, mux.channels) == (0, 0)
    for _ in range(50):
        if await numsub(redis_client, "chan-a") == 0:
            break
        await asyncio.sleep(0.02)
    assert await numsub(redis_client, "chan-a") == 0


async def test_a_publish_right_after_subscribing_is_never_lost(
    mux: PubSubMultiplexer, redis_client: aioredis.Redis
) -> None:
    for i in range(20):
        async with mux.subscribe(f"race-{i}") as subscription:
            await redis_client.publish(f"race-{i}", envelope("t", 1, "COMPLETED"))
            event = await subscription.next(2)
            assert isinstance(event, Event) and event.terminal


async def test_a_slow_subscriber_overflows_without_blocking_others(
    mux: PubSubMultiplexer, redis_client: aioredis.Redis
) -> None:
    async with mux.subscribe("busy") as slow, mux.subscribe("busy") as fast:
        for seq in range(1, 7):
            await redis_client.publish("busy", envelope("t", seq))
            assert isinstance(await fast.next(2), Event)
        assert slow.overflowed and not fast.overflowed
        assert len(slow) == 4  # the buffer never grew past its bound


async def test_after_a_lost_connection_subscribers_resync_and_events_flow_again(
    mux: PubSubMultiplexer, redis_client: aioredis.Redis
) -> None:
    async with mux.subscribe("flaky") as subscription:
        await redis_client.client_kill_filter(_type="pubsub")
        assert await subscription.next(10) is RESYNC
        for _ in range(100):
            if await numsub(redis_client, "flaky") == 1:
                break
            await asyncio.sleep(0.05)
        await redis_client.publish("flaky", envelope("t", 9))
        event = await subscription.next(5)
        assert isinstance(event, Event) and event.seq == 9


async def test_a_quiet_subscription_says_a_keep_alive_is_due_then_delivers(
    mux: PubSubMultiplexer, redis_client: aioredis.Redis
) -> None:
    async with mux.subscribe("quiet") as subscription:
        assert await subscription.next(0.05) is None  # nothing within the interval: a keep-alive
        await redis_client.publish("quiet", envelope("t", 1))
        event = await subscription.next(5)
        assert isinstance(event, Event) and event.seq == 1


async def test_a_late_subscriber_of_a_confirmed_channel_gets_the_next_event(
    mux: PubSubMultiplexer, redis_client: aioredis.Redis
) -> None:
    async with mux.subscribe("joined") as first:
        await redis_client.publish("joined", envelope("t", 1))
        assert isinstance(await first.next(5), Event)  # the channel is confirmed by now
        async with mux.subscribe("joined") as late:
            await redis_client.publish("joined", envelope("t", 2))
            got = [await first.next(5), await late.next(5)]
            assert [e.seq for e in got if isinstance(e, Event)] == [2, 2]


async def test_a_stream_stopped_while_it_waits_stops_and_leaves(mux: PubSubMultiplexer) -> None:
    entered = asyncio.Event()

    async def follow() -> None:
        async with mux.subscribe("stopped") as subscription:
            entered.set()
            await subscription.next(60)

    following = asyncio.create_task(follow())
    await entered.wait()
    following.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(following, 5)
    assert (mux.subscribers, mux.channels) == (0, 0)
