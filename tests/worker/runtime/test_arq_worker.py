"""ResilientWorker against a Redis that goes away: no lost job slots, no crash at shutdown."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from arq.utils import timestamp_ms
from redis.exceptions import ConnectionError as RedisConnectionError

from shared import keys
from shared.job import ChartJob
from shared.lua.queue import CLAIM_JOB
from shared.models import Priority
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import accepted
from shared.task_store import STORED_FIELDS, TaskStore, stored_task
from tests.conftest import inprocess_worker
from worker.cli.embedded_redis import EmbeddedRedis, free_port
from worker.main import worker_options
from worker.runtime.arq_worker import ResilientWorker


async def test_a_claim_cut_short_by_an_outage_gives_its_slot_back_and_shutdown_is_clean(
    tmp_path: Path, settings: Settings
) -> None:
    server = EmbeddedRedis(tmp_path / "redis", port=free_port(), appendonly=False).start()
    own = settings.model_copy(update={"redis_url": server.url})
    options = worker_options(own, concurrency=2) | {"on_startup": None, "on_shutdown": None}
    worker = ResilientWorker(
        redis_pool=create_redis(server.url),
        handle_signals=False,
        wake_key=keys.wake(own.queue_name),
        **options,
    )
    server.stop()
    for _ in range(5):  # more failed claims than the worker has slots
        with pytest.raises(RedisConnectionError):
            await worker.start_jobs([b"some-job"])
    assert worker.job_counter == 0
    assert worker.sem._value == worker.max_jobs + 1  # every slot is free again
    await worker.close()  # Redis is still down: logged, not raised


async def test_close_stops_a_running_worker_before_its_connections_close(
    isolated_settings: Settings,
) -> None:
    """Closing a worker that is still polling (an embedding app's shutdown) waits for its poll loop:
    before, the loop could take a fresh connection from the pool after close() had emptied it, and
    that connection was never closed."""
    worker = inprocess_worker(isolated_settings)
    running = asyncio.create_task(worker.async_run())
    redis = create_redis(isolated_settings.redis_url)
    try:
        for _ in range(100):  # until the worker has registered and sits waiting for work
            if await redis.exists(keys.workers(isolated_settings.queue_name)):
                break
            await asyncio.sleep(0.05)
        pool = worker.pool.connection_pool
        await worker.close()
        assert running.done()
        # Every connection the worker ever opened is closed, and none is opened afterwards.
        await asyncio.sleep(0.3)
        assert all(not conn.is_connected for conn in pool._available_connections)
        assert not pool._in_use_connections
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        await redis.aclose()


async def test_a_job_is_claimed_once_and_never_before_its_time(isolated_settings: Settings) -> None:
    redis = create_redis(isolated_settings.redis_url)
    claim = redis.register_script(CLAIM_JOB)
    queue = isolated_settings.queue_name
    now = timestamp_ms()
    await redis.zadd(queue, {"due": now - 5, "deferred": now + 60_000})
    try:

        async def take(job_id: str) -> Any:
            claim_keys = [keys.arq_in_progress(job_id), queue, keys.fairness(queue), keys.task(job_id)]
            return await claim(keys=claim_keys, args=[job_id, now, 10_000, *STORED_FIELDS])

        first, second = await asyncio.gather(take("due"), take("due"))
        assert sorted([first is None, second is None]) == [False, True]  # exactly one worker has it
        assert 0 < await redis.pttl(keys.arq_in_progress("due")) <= 10_000  # under a lease
        assert await take("deferred") is None  # a retry waiting out its backoff
        assert await take("finished-and-gone") is None
    finally:
        await redis.delete(queue, keys.arq_in_progress("due"))
        await redis.aclose()


async def test_the_claim_reads_the_task_so_the_job_need_not(isolated_settings: Settings) -> None:
    """What a claim returns besides the score is the task as the store reads it (one round trip less)."""
    redis = create_redis(isolated_settings.redis_url)
    store = TaskStore(redis, isolated_settings)
    claim = redis.register_script(CLAIM_JOB)
    queue = isolated_settings.queue_name
    dto = accepted("claimed-task", "m1", "s1", Priority.NORMAL)
    await store.create(dto, ChartJob.for_task(dto, user_id="ada", org="acme", question="tips by day"))
    try:
        claim_keys = [keys.arq_in_progress(dto.task_id), queue, keys.fairness(queue), keys.task(dto.task_id)]
        claimed = await claim(keys=claim_keys, args=[dto.task_id, timestamp_ms(), 10_000, *STORED_FIELDS])
        assert float(claimed[0]) == await redis.zscore(queue, dto.task_id)
        assert stored_task(claimed[1:]) == await store.get(dto.task_id)
        assert stored_task(claimed[1:]).user_id == "ada"  # type: ignore[union-attr]
    finally:
        await redis.delete(queue, keys.arq_in_progress(dto.task_id), keys.task(dto.task_id))
        await redis.aclose()
