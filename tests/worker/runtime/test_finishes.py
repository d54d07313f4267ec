"""How a worker ends its arq job: never where the job's claim is not, and never leaving a task that still
waits without its job. The first test is the Sentinel failover that stranded tasks (session 13): the
claim and the run went to the old primary, the finish to the new one, which held the task as PENDING."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import pytest
from arq.connections import ArqRedis
from arq.constants import retry_key_prefix
from arq.utils import timestamp_ms

from shared import keys
from shared.job import ChartJob
from shared.models import Priority, TaskStatus
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import accepted
from shared.task_store import TaskStore
from tests.conftest import inprocess_worker
from tests.worker_fixtures import QUESTION, charts_per_task
from worker.cli.embedded_redis import EmbeddedRedis, free_port
from worker.runtime.claims import ClaimNext
from worker.runtime.finishes import FinishJob

pytestmark = pytest.mark.db


async def new_task(*stores: TaskStore) -> str:
    """A new task, the same on each store's server (as replication leaves it)."""
    dto = accepted(str(uuid4()), "m", "s", Priority.NORMAL)
    job = ChartJob.for_task(dto, user_id=f"user-{uuid4().hex[:8]}", question=QUESTION)
    for store in stores:
        await store.create(dto, job)
    return dto.task_id


async def claim(redis: ArqRedis, queue: str) -> list[str]:
    taken = await ClaimNext(redis, queue)(
        now_ms=timestamp_ms(), lease_ms=10_000, slots=5, candidates=10, offset=0
    )
    return [job.job_id for job in taken]


async def run_burst(settings: Settings) -> None:
    worker = inprocess_worker(settings, burst=True)
    await worker.async_run()
    await worker.close()


@pytest.fixture
async def redis(isolated_settings: Settings) -> AsyncIterator[ArqRedis]:
    client = create_redis(isolated_settings.redis_url)
    yield client
    await client.aclose()


async def test_a_finish_that_reaches_the_new_primary_leaves_the_task_to_run_there(
    tmp_path: Path, isolated_settings: Settings, redis: ArqRedis, database_url: str
) -> None:
    queue = isolated_settings.queue_name
    new_server = EmbeddedRedis(tmp_path / "new", port=free_port(), appendonly=False).start()
    on_new = isolated_settings.model_copy(update={"redis_url": new_server.url})
    new = create_redis(new_server.url)
    try:
        # Accepted before the failover: the replica that is now the primary has the task and its job.
        task_id = await new_task(TaskStore(redis, isolated_settings), TaskStore(new, on_new))
        assert await claim(redis, queue) == [task_id]  # on the old primary, the sentinels' choice then
        # The attempt ran on the old primary; only arq's finish reached the new one.
        worker = inprocess_worker(on_new)
        await worker.finish_job(task_id, True, None, 0, False, None, None)
        await worker.close()
        assert await new.exists(keys.arq_job(task_id))
        assert await new.zscore(queue, task_id) is not None
        await run_burst(on_new)  # and there it runs
        ran = await TaskStore(new, on_new).get(task_id)
        assert ran is not None and ran.dto.status == TaskStatus.COMPLETED
        assert await charts_per_task(database_url, [task_id]) == {task_id: 1}
    finally:
        await new.aclose()
        new_server.stop()


async def test_a_job_whose_task_still_waits_stays_queued_to_run_again(
    isolated_settings: Settings, redis: ArqRedis
) -> None:
    """The claim is here but the attempt's writes are not (they went to another server): the task is
    still PENDING, so its job stays in the queue, free for the next claim, and an idle worker is woken."""
    queue = isolated_settings.queue_name
    task_id = await new_task(TaskStore(redis, isolated_settings))
    await redis.delete(keys.wake(queue))
    assert await claim(redis, queue) == [task_id]
    assert await FinishJob(redis, queue)(task_id, True, None, None, False, None, None) == "kept"
    assert await redis.exists(keys.arq_job(task_id))
    assert not await redis.exists(keys.arq_in_progress(task_id), retry_key_prefix + task_id)
    assert await redis.llen(keys.wake(queue)) == 1  # type: ignore[misc]
    assert await claim(redis, queue) == [task_id]


@pytest.mark.parametrize("state", ["COMPLETED", "retry deferred"])
async def test_a_job_its_task_is_done_with_ends_as_in_arq(
    state: str, isolated_settings: Settings, redis: ArqRedis
) -> None:
    queue = isolated_settings.queue_name
    task_id = await new_task(TaskStore(redis, isolated_settings))
    assert await claim(redis, queue) == [task_id]
    if state == "COMPLETED":
        await redis.hset(keys.task(task_id), "status", "COMPLETED")  # type: ignore[misc]
    else:  # a retry waits out its backoff; its job is rebuilt from the task when due (shared.deferred)
        await redis.zadd(keys.deferred(queue), {task_id: timestamp_ms() + 60_000})
    assert await FinishJob(redis, queue)(task_id, True, None, None, False, None, None) == "finished"
    left = (keys.arq_job(task_id), keys.arq_in_progress(task_id), retry_key_prefix + task_id)
    assert not await redis.exists(*left)
    assert await redis.zscore(queue, task_id) is None


async def test_a_job_arq_could_not_start_ends_even_while_its_task_waits(
    isolated_settings: Settings, redis: ArqRedis
) -> None:
    """Kept, a job arq cannot read would fail again at every claim."""
    queue = isolated_settings.queue_name
    task_id = await new_task(TaskStore(redis, isolated_settings))
    assert await claim(redis, queue) == [task_id]
    finish = FinishJob(redis, queue)
    assert await finish.failed(task_id, None, 0, False) == "finished"
    assert not await redis.exists(keys.arq_job(task_id))
    assert await redis.zscore(queue, task_id) is None


async def test_arqs_retry_moves_the_job_back_and_frees_it(
    isolated_settings: Settings, redis: ArqRedis
) -> None:
    queue = isolated_settings.queue_name
    task_id = await new_task(TaskStore(redis, isolated_settings))
    before = await redis.zscore(queue, task_id)
    assert await claim(redis, queue) == [task_id]
    assert await FinishJob(redis, queue)(task_id, False, None, None, False, 5_000, None) == "finished"
    assert await redis.zscore(queue, task_id) == before + 5_000
    assert not await redis.exists(keys.arq_in_progress(task_id))
    assert await redis.exists(keys.arq_job(task_id))


async def test_a_finish_without_the_claim_leaves_a_task_that_runs_or_waits_here(
    isolated_settings: Settings, redis: ArqRedis
) -> None:
    """The reaper handed the task back (its lease ran out) and a newer attempt runs it: the job is that
    attempt's."""
    queue = isolated_settings.queue_name
    task_id = await new_task(TaskStore(redis, isolated_settings))
    assert await claim(redis, queue) == [task_id]
    await redis.delete(keys.arq_in_progress(task_id))
    await redis.hset(keys.task(task_id), "status", "PROCESSING")  # type: ignore[misc]
    assert await FinishJob(redis, queue)(task_id, True, None, None, False, None, None) == "claim gone"
    assert await redis.exists(keys.arq_job(task_id), retry_key_prefix + task_id) == 2
    assert await redis.zscore(queue, task_id) is not None


@pytest.mark.parametrize("state", ["COMPLETED", "retry deferred"])
async def test_a_finish_without_the_claim_still_ends_a_job_its_task_is_done_with(
    state: str, isolated_settings: Settings, redis: ArqRedis
) -> None:
    """The lease lapsed in an outage, then the attempt ended or deferred a retry: its job leaves the
    queue, so an ended task is not claimed again and a retry waits out its backoff."""
    queue = isolated_settings.queue_name
    task_id = await new_task(TaskStore(redis, isolated_settings))
    assert await claim(redis, queue) == [task_id]
    await redis.delete(keys.arq_in_progress(task_id))
    if state == "COMPLETED":
        await redis.hset(keys.task(task_id), "status", "COMPLETED")  # type: ignore[misc]
    else:
        await redis.zadd(keys.deferred(queue), {task_id: timestamp_ms() + 60_000})
    assert await FinishJob(redis, queue)(task_id, True, None, None, False, None, None) == "finished"
    assert await redis.zscore(queue, task_id) is None
    assert await claim(redis, queue) == []


async def test_a_job_kept_for_its_waiting_task_is_kept_a_few_times_only(
    isolated_settings: Settings, redis: ArqRedis
) -> None:
    """A job that fails before its attempt starts leaves its task PENDING each time: kept for ever, it
    would run again at once, for ever."""
    queue = isolated_settings.queue_name
    finish = FinishJob(redis, queue)
    task_id = await new_task(TaskStore(redis, isolated_settings))
    outcomes = []
    for _ in range(5):
        if await claim(redis, queue) != [task_id]:
            break
        outcomes.append(await finish(task_id, True, None, None, False, None, None))
    assert outcomes == ["kept", "kept", "kept", "finished"]
    assert await redis.llen(keys.wake(queue)) <= 256  # type: ignore[misc]


async def test_a_worker_does_not_spin_on_a_job_whose_task_it_cannot_read(
    isolated_settings: Settings, redis: ArqRedis
) -> None:
    """A task hash a worker cannot parse (written by a newer API in a rolling deploy, say): its job runs a
    few times and ends, and the worker goes on (a burst worker stops once the queue is empty)."""
    task_id = await new_task(TaskStore(redis, isolated_settings))
    await redis.hset(keys.task(task_id), "dto", '{"not": "a dto"}')  # type: ignore[misc]
    await asyncio.wait_for(run_burst(isolated_settings), timeout=60)
    assert await redis.zscore(isolated_settings.queue_name, task_id) is None
    # Kept three times, ended at the fourth run.
    assert await redis.hget(keys.task(task_id), "finish_kept") == b"4"  # type: ignore[misc]
