"""ResilientWorker against a Redis that goes away: no lost job slots, no crash at shutdown."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from arq.constants import abort_jobs_ss, job_key_prefix, retry_key_prefix
from arq.utils import timestamp_ms
from redis.exceptions import ConnectionError as RedisConnectionError

from shared import keys
from shared.job import ChartJob
from shared.models import Priority
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import accepted
from shared.task_store import TaskStore, stored_task
from tests.conftest import inprocess_worker
from worker.cli.embedded_redis import EmbeddedRedis, free_port
from worker.main import worker_options
from worker.runtime.arq_worker import ResilientWorker
from worker.runtime.claims import AnsweredPool, ClaimedJob, ClaimNext


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
            await worker.claim_jobs(1, candidates=10)
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
    queue = isolated_settings.queue_name
    claim = ClaimNext(redis, queue)
    now = timestamp_ms()
    await redis.zadd(queue, {"due": now - 5, "deferred": now + 60_000})
    try:

        async def take() -> list[str]:
            claimed = await claim(now_ms=now, lease_ms=10_000, slots=2, candidates=10, offset=0)
            return [job.job_id for job in claimed]

        first, second = await asyncio.gather(take(), take())
        assert sorted([first, second]) == [[], ["due"]]  # exactly one worker has it; never "deferred"
        assert 0 < await redis.pttl(keys.arq_in_progress("due")) <= 10_000  # under a lease
        assert await take() == []  # held, and the other waits out its backoff
    finally:
        await redis.delete(queue, keys.arq_in_progress("due"), retry_key_prefix + "due")
        await redis.aclose()


async def test_the_claim_looks_past_the_jobs_other_workers_hold(isolated_settings: Settings) -> None:
    """Jobs stay in the queue while they run, so a busy fleet's front of the queue is all held: a worker
    with a free slot still finds the first job nobody holds, within the candidates it may read."""
    redis = create_redis(isolated_settings.redis_url)
    queue = isolated_settings.queue_name
    claim = ClaimNext(redis, queue)
    now = timestamp_ms()
    ids = [f"job-{n:02d}" for n in range(40)]
    await redis.zadd(queue, {job_id: now - 1000 + n for n, job_id in enumerate(ids)})
    for job_id in ids[:30]:
        await redis.set(keys.arq_in_progress(job_id), "1", px=10_000)
    try:
        taken = await claim(now_ms=now, lease_ms=10_000, slots=2, candidates=100, offset=0)
        assert [job.job_id for job in taken] == ids[30:32]
        assert await claim(now_ms=now, lease_ms=10_000, slots=2, candidates=30, offset=0) == []
    finally:
        await redis.delete(
            queue, *(keys.arq_in_progress(i) for i in ids), *(retry_key_prefix + i for i in ids)
        )
        await redis.aclose()


async def test_the_claim_reads_what_the_job_and_its_task_need(isolated_settings: Settings) -> None:
    """A claim returns the task as the store reads it, and what arq's run_job reads first (its job, its
    try, whether it was aborted): from wake-up to the task's first statement, one round trip."""
    redis = create_redis(isolated_settings.redis_url)
    store = TaskStore(redis, isolated_settings)
    queue = isolated_settings.queue_name
    claim = ClaimNext(redis, queue)
    tasks = [accepted(f"claimed-{n}", f"m{n}", "s1", Priority.NORMAL) for n in range(2)]
    for dto in tasks:
        await store.create(dto, ChartJob.for_task(dto, user_id="ada", org="acme", question="tips by day"))
    await redis.zadd(abort_jobs_ss, {tasks[1].task_id: timestamp_ms()})  # cancelled before it ran
    try:
        claimed = await claim(now_ms=timestamp_ms(), lease_ms=10_000, slots=5, candidates=10, offset=0)
        assert [job.job_id for job in claimed] == [dto.task_id for dto in tasks]  # in queue order
        for job, aborted in zip(claimed, (0, 1), strict=True):
            assert job.score == await redis.zscore(queue, job.job_id)
            assert stored_task(job.task_fields) == await store.get(job.job_id)
            assert stored_task(job.task_fields).user_id == "ada"  # type: ignore[union-attr]
            assert job.first_read == [await redis.get(keys.arq_job(job.job_id)), 1, True, aborted]
            assert 88_000 < await redis.ttl(retry_key_prefix + job.job_id) <= 88_400
        # The abort set is arq's, shared by every queue of this Redis: look at this task's entry only.
        assert await redis.zscore(abort_jobs_ss, tasks[1].task_id) is None
        again = await claim(now_ms=timestamp_ms(), lease_ms=10_000, slots=5, candidates=10, offset=0)
        assert again == []
    finally:
        for dto in tasks:
            await redis.delete(keys.arq_in_progress(dto.task_id), retry_key_prefix + dto.task_id)
        await redis.aclose()


async def test_the_answered_read_is_arqs_own_or_it_refuses() -> None:
    """run_job's first read is answered only while arq reads what the claim read: a change in arq's
    run_job fails every job loudly instead of running it on a wrong answer."""
    job = ClaimedJob("j1", 5, [b"job", 1, True, 0], [])
    async with AnsweredPool(job).pipeline(transaction=True) as pipe:
        pipe.get(job_key_prefix + "j1")
        pipe.incr(retry_key_prefix + "j1")
        pipe.expire(retry_key_prefix + "j1", 88400)
        pipe.zrem(abort_jobs_ss, "j1")
        assert await pipe.execute() == [b"job", 1, True, 0]
    async with AnsweredPool(job).pipeline(transaction=True) as pipe:  # a worker without aborts
        pipe.get(job_key_prefix + "j1")
        pipe.incr(retry_key_prefix + "j1")
        pipe.expire(retry_key_prefix + "j1", 88400)
        assert await pipe.execute() == [b"job", 1, True]
    async with AnsweredPool(job).pipeline(transaction=True) as pipe:
        pipe.get(job_key_prefix + "another-job")
        pipe.incr(retry_key_prefix + "j1")
        pipe.expire(retry_key_prefix + "j1", 88400)
        pipe.zrem(abort_jobs_ss, "j1")
        with pytest.raises(RuntimeError, match="run_job read changed"):
            await pipe.execute()
