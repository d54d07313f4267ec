"""The stream logic against real Redis: a reader that falls behind is cut off with a reason."""

from __future__ import annotations

from uuid import uuid4

import orjson
import redis.asyncio as aioredis

from api.event_stream import task_events
from api.pubsub import PubSubMultiplexer
from api.routers.streams import SLOW_FRAME, sse_frames
from shared.job import ChartJob
from shared.models import Priority, Step, TaskStatus
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import accepted
from shared.task_store import TaskStore
from worker.cli.embedded_redis import EmbeddedRedis


async def test_a_reader_that_falls_behind_gets_a_slow_consumer_frame(
    redis_server: EmbeddedRedis, isolated_settings: Settings
) -> None:
    redis = create_redis(redis_server.url)
    store = TaskStore(redis, isolated_settings)
    mux = PubSubMultiplexer(aioredis.from_url(redis_server.url), buffer_size=2)
    await mux.start()
    user = uuid4().hex
    task = accepted(str(uuid4()), "m", "s", Priority.NORMAL)
    await store.create(task, ChartJob.for_task(task, user_id=user, question="q"))
    try:
        frames = sse_frames(
            task_events(mux, store, task.task_id, last_seq=None, keepalive_s=5, fallback=task)
        )
        first = await anext(frames)
        assert orjson.loads(first.split(b"data: ", 1)[1])["seq"] == 1
        running = task.model_copy(update={"status": TaskStatus.PROCESSING})
        for step in (Step.PLANNING, Step.DATA_EXTRACTION, Step.SCHEMA_CREATION, Step.PERSISTING):
            await store.transition(running.model_copy(update={"current_step": step}), user)
        rest = [frame async for frame in frames]
        assert rest[-1] == SLOW_FRAME
        assert orjson.loads(SLOW_FRAME.removeprefix(b"data: "))["code"] == "slow_consumer"
        assert mux.subscribers == 0
    finally:
        await mux.close()
        await redis.aclose()
