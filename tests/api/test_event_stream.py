"""The stream logic against real Redis: a reader that falls behind is cut off with a reason; a stream
outlives a Redis restart."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from uuid import uuid4

import orjson
import pytest
import redis.asyncio as aioredis
from redis.asyncio import Redis
from starlette.types import Message

from api.event_stream import task_events
from api.limits import StreamLease
from api.pubsub import Event, PubSubMultiplexer
from api.stream_relay import Relayed, relay
from api.stream_wires import SLOW_FRAME, SseWire
from shared.job import ChartJob
from shared.models import Priority, Step, TaskDTO, TaskStatus
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import accepted, finished, started
from shared.task_store import TaskStore
from worker.cli.embedded_redis import EmbeddedRedis, free_port


class SlowReader:
    """The ASGI side of a client that stops reading after its first frame until `resume` is set."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.first_frame = asyncio.Event()
        self.resume = asyncio.Event()

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.body":
            self.bodies.append(message["body"])
            if len(self.bodies) == 1:
                self.first_frame.set()
                await self.resume.wait()

    async def receive(self) -> Message:
        await asyncio.Event().wait()  # never leaves
        raise AssertionError


@dataclass
class OneTaskStream:
    """A PENDING task of its own user, the stream's lease, and what follows it: the pieces of a stream."""

    redis: Redis
    store: TaskStore
    mux: PubSubMultiplexer
    user: str
    task: TaskDTO
    lease: StreamLease

    def relayed(self, keepalive_s: float) -> Relayed:
        events = task_events(
            self.mux,
            self.store,
            self.task.task_id,
            last_seq=None,
            keepalive_s=keepalive_s,
            fallback=self.task,
        )
        return Relayed(events, self.lease, None)

    async def lease_given_back(self) -> bool:
        await asyncio.sleep(0.1)  # the lease is given back by a detached task
        return await self.redis.zcard(self.lease.key) == 0


@pytest.fixture
async def one_task(redis_server: EmbeddedRedis, isolated_settings: Settings) -> AsyncIterator[OneTaskStream]:
    redis = create_redis(redis_server.url)
    store = TaskStore(redis, isolated_settings)
    mux = PubSubMultiplexer(aioredis.from_url(redis_server.url), buffer_size=2)
    await mux.start()
    user = uuid4().hex
    task = accepted(str(uuid4()), "m", "s", Priority.NORMAL)
    await store.create(task, ChartJob.for_task(task, user_id=user, question="q"))
    lease = StreamLease(SimpleNamespace(redis=redis, settings=isolated_settings), user)
    assert await lease.acquire()
    yield OneTaskStream(redis, store, mux, user, task, lease)
    await mux.close()
    await redis.aclose()


async def test_a_reader_that_falls_behind_gets_a_slow_consumer_frame(one_task: OneTaskStream) -> None:
    reader = SlowReader()
    relaying = asyncio.create_task(relay(one_task.relayed(5), SseWire(reader.receive, reader.send)))
    try:
        await reader.first_frame.wait()
        assert orjson.loads(reader.bodies[0].split(b"data: ", 1)[1])["seq"] == 1
        running = one_task.task.model_copy(update={"status": TaskStatus.PROCESSING})
        for step in (Step.PLANNING, Step.DATA_EXTRACTION, Step.SCHEMA_CREATION, Step.PERSISTING):
            await one_task.store.transition(running.model_copy(update={"current_step": step}), one_task.user)
        await asyncio.sleep(0.2)  # the four events reach the multiplexer, which has room for two
        reader.resume.set()
        await asyncio.wait_for(relaying, 10)
        assert reader.bodies[-1] == SLOW_FRAME
        assert orjson.loads(SLOW_FRAME.removeprefix(b"data: "))["code"] == "slow_consumer"
        assert one_task.mux.subscribers == 0
        assert await one_task.lease_given_back()
    finally:
        relaying.cancel()


class LeavingReader:
    """A client on a server that cannot say when it left (no disconnect extension): its `receive`
    answers http.disconnect once it has read the first frame."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.gone = asyncio.Event()

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.body":
            self.bodies.append(message["body"])
            self.gone.set()

    async def receive(self) -> Message:
        await self.gone.wait()
        return {"type": "http.disconnect"}


async def test_without_the_servers_word_a_listener_notices_the_client_leave(one_task: OneTaskStream) -> None:
    reader = LeavingReader()
    # The keep-alive is a minute away: only the listener can end this stream in time.
    await asyncio.wait_for(relay(one_task.relayed(60), SseWire(reader.receive, reader.send)), 10)
    assert len(reader.bodies) == 1  # the first frame, and nothing after the client left
    assert one_task.mux.subscribers == 0
    assert await one_task.lease_given_back()


async def test_a_stream_whose_reread_meets_redis_down_waits_for_it_and_ends_on_the_terminal_event(
    tmp_path: Path, isolated_settings: Settings
) -> None:
    """After a reconnect the stream reads the task's history again. When that read fails because Redis
    is still coming back (killed and restarted by the supervisor), the stream keeps alive and reads again
    instead of ending without an answer. Two servers of the test's own keep the order exact: the
    pub/sub connection's, dropped to cause the re-read, and the history's, down while it is read."""
    channel = EmbeddedRedis(tmp_path / "channel", port=free_port(), appendonly=False).start()
    history = EmbeddedRedis(tmp_path / "history", port=free_port(), fsync="always").start()
    redis = create_redis(history.url)
    store = TaskStore(redis, isolated_settings)
    channel_client = aioredis.from_url(channel.url)
    mux = PubSubMultiplexer(aioredis.from_url(channel.url), buffer_size=16)
    await mux.start()
    task = accepted(str(uuid4()), "m", "s", Priority.NORMAL)
    await store.create(task, ChartJob.for_task(task, user_id="u", question="q"))
    events = task_events(mux, store, task.task_id, last_seq=None, keepalive_s=0.5, fallback=task)
    try:
        first = await anext(events)
        assert first is not None and first.seq == 1
        assert history.process is not None
        history.process.send_signal(signal.SIGKILL)
        history.process.wait()
        await channel_client.client_kill_filter(_type="pubsub")  # the reconnect asks for a re-read
        for _ in range(3):  # the re-read fails while the history's Redis is down: keep-alives
            assert await asyncio.wait_for(anext(events), 10) is None
        history.start()
        writer = TaskStore(create_redis(history.url), isolated_settings)
        running = started(task, expected_duration_s=1)
        assert (await writer.transition(running, "u", attempt=1, starts=True)).applied
        assert (await writer.transition(finished(running, TaskStatus.COMPLETED), "u", attempt=1)).applied
        await writer.redis.aclose()
        received = [
            orjson.loads(event.raw)["data"]["status"]
            async for event in _until_terminal(events)
            if event is not None
        ]
        assert received == [TaskStatus.PROCESSING.value, TaskStatus.COMPLETED.value]
    finally:
        await events.aclose()
        await mux.close()
        await channel_client.aclose()
        await redis.aclose()
        channel.stop()
        history.stop()


async def _until_terminal(events: AsyncIterator[Event | None]) -> AsyncIterator[Event | None]:
    async with asyncio.timeout(30):
        async for event in events:
            yield event
            if event is not None and event.terminal:
                return
