"""The reaper hands back only the tasks of workers that stopped: a Redis that stalls longer than the
heartbeats' lifetime makes every worker look gone for a moment, and must not cost live tasks their
attempts (a Redis of this test's own, frozen with SIGSTOP); nor may a task its job's lease gave to a
new worker while the reaper looked at the attempt that died."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import started
from shared.worker_registry import HEARTBEAT_TTL_S, heartbeat
from tests.conftest import inprocess_api, new_message, spawn, stop, wait_for_status
from tests.worker_fixtures import (
    SETTLE_S,
    TASKS,
    charts_per_task,
    post_tasks,
    registered,
    worker_env,
)
from worker.cli.embedded_redis import EmbeddedRedis, free_port
from worker.runtime.context import WorkerContext
from worker.runtime.heartbeat import worker_info
from worker.runtime.reaper import RegistryTrust, find_orphans, settle
from worker.task.orphans import end_orphan

pytestmark = pytest.mark.db

TASK_COUNT = 4


async def test_a_redis_stall_longer_than_the_heartbeats_fails_no_live_task(
    base_env: dict[str, str],
    data_dir: Path,
    tmp_path: Path,
    isolated_settings: Settings,
    make_token: Callable[..., str],
    database_url: str,
) -> None:
    redis = EmbeddedRedis(tmp_path / "redis", port=free_port(), appendonly=False).start()
    settings = isolated_settings.model_copy(update={"redis_url": redis.url})
    env = worker_env(base_env, settings, step_delay_seconds="2") | {"CHARTQ_REDIS_URL": redis.url}
    workers = [spawn(["worker"], env, data_dir / f"stall-{n}.log") for n in range(2)]
    try:
        await registered(settings, 2)
        async with inprocess_api(settings, make_token()) as http:
            task_ids = await post_tasks(http, TASK_COUNT)
            for task_id in task_ids:
                await wait_for_status(http, task_id, {"PROCESSING"}, within=20)
            assert redis.process is not None
            redis.process.send_signal(signal.SIGSTOP)
            await asyncio.sleep(HEARTBEAT_TTL_S + 4)  # every heartbeat has lapsed when Redis wakes
            redis.process.send_signal(signal.SIGCONT)
            finals = [await wait_for_status(http, task_id, within=SETTLE_S) for task_id in task_ids]
        assert [(f["status"], f["error_code"]) for f in finals] == [("COMPLETED", None)] * TASK_COUNT, finals
        # An attempt of its own for the Redis errors the stall caused, at most; no hand-back of a live task.
        assert max(f["attempt"] for f in finals) <= 2, [f["attempt"] for f in finals]
        assert await charts_per_task(database_url, task_ids) == dict.fromkeys(task_ids, 1)
    finally:
        if redis.process is not None:
            redis.process.send_signal(signal.SIGCONT)
        stop(workers)
        redis.stop()


@pytest.mark.parametrize("max_attempts", [2, 3], ids=["last-attempt", "attempts-left"])
async def test_an_orphan_picked_up_again_before_the_reaper_acts_keeps_its_new_attempt(
    isolated_settings: Settings, make_token: Callable[..., str], max_attempts: int
) -> None:
    """The reaper finds attempt 1 without a live worker; before it acts, the job's lease runs out and a
    worker starts attempt 2. Ending (no attempts left) or handing back (some left) the task then killed
    that live attempt: seen as a SIGKILLed task failing `too_many_attempts` 11 ms into its last attempt."""
    settings = isolated_settings.model_copy(update={"max_attempts": max_attempts})
    redis = create_redis(settings.redis_url)
    ctx = await WorkerContext.open(settings, redis, 1)
    try:
        async with inprocess_api(settings, make_token()) as http:
            message = await new_message(http, "average tip by day")
            task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
            await start_attempt(ctx, task_id, "gone:1:dead")
            await heartbeat(redis, settings.queue_name, worker_info(ctx))
            orphans = await find_orphans(ctx, RegistryTrust(wait_s=0))
            assert orphans[task_id].attempt == 1  # the dead worker's attempt is found
            await start_attempt(ctx, task_id, "alive:2:live")  # the lease ran out: picked up again

            assert not await settle(ctx, task_id, orphans[task_id], end_orphan)
            status = (await http.get(f"{TASKS}/{task_id}/status")).json()
        assert (status["status"], status["attempt"]) == ("PROCESSING", 2), status
        assert await ctx.store.last_worker(task_id) == "alive:2:live"
    finally:
        await ctx.close()
        await redis.aclose()


async def start_attempt(ctx: WorkerContext, task_id: str, worker_id: str) -> None:
    """What a worker's pickup writes when it starts the task's next attempt (worker.task.run)."""
    stored = await ctx.store.get(task_id)
    assert stored is not None
    dto = started(stored.dto, expected_duration_s=1)
    outcome = await ctx.store.transition(
        dto, stored.user_id, attempt=dto.attempt, starts=True, extra={"worker": worker_id}
    )
    assert outcome.applied
