"""The worker registry with real worker processes: a killed worker leaves the list after its heartbeat
TTL; a worker stopped politely leaves at once."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path
from uuid import uuid4

from shared.redis import create_redis
from shared.settings import Settings
from shared.worker_registry import HEARTBEAT_TTL_S, WorkerInfo, live_workers
from tests.conftest import spawn, stop
from worker.runtime.context import WorkerContext
from worker.runtime.heartbeat import worker_info


async def wait_for_workers(url: str, queue: str, count: int, within: float) -> list[WorkerInfo]:
    redis = create_redis(url)
    try:
        deadline = time.monotonic() + within
        while True:
            workers = await live_workers(redis, queue)
            if len(workers) == count or time.monotonic() > deadline:
                return workers
            await asyncio.sleep(0.1)
    finally:
        await redis.aclose()


async def test_a_killed_worker_leaves_the_list_after_its_ttl(
    base_env: dict[str, str], data_dir: Path
) -> None:
    queue = f"arq:queue:hb-{uuid4().hex[:6]}"
    env = base_env | {"CHARTQ_QUEUE_NAME": queue, "CHARTQ_WORKER_CONCURRENCY": "3"}
    killed, stopped = (spawn(["worker"], env, data_dir / f"hb-{name}.log") for name in ("killed", "stopped"))
    try:
        listed = await wait_for_workers(base_env["CHARTQ_REDIS_URL"], queue, 2, within=30)
        assert sorted(w.pid for w in listed) == sorted([killed.pid, stopped.pid])
        assert {w.concurrency for w in listed} == {3}

        stopped.send_signal(signal.SIGTERM)
        stopped.wait(timeout=20)
        left = await wait_for_workers(base_env["CHARTQ_REDIS_URL"], queue, 1, within=2)
        assert [w.pid for w in left] == [killed.pid]  # a polite stop leaves at once

        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=10)
        assert (
            await wait_for_workers(base_env["CHARTQ_REDIS_URL"], queue, 0, within=HEARTBEAT_TTL_S + 5) == []
        )
    finally:
        stop([killed, stopped])


async def test_a_task_stays_listed_while_any_attempt_of_it_runs_here(isolated_settings: Settings) -> None:
    """A stalled Redis can make the reaper hand a live task back, and its new attempt may start on the
    same worker while the old one still runs. The old one ending (fenced off) hid the new one from the
    heartbeat, so the reaper took it for an orphan too, and again, until its attempts were used up."""
    redis = create_redis(isolated_settings.redis_url)
    ctx = await WorkerContext.open(isolated_settings, redis, 2)
    try:
        ctx.attempt_started("t1")  # the attempt handed back, still running
        ctx.attempt_started("t1")  # its new attempt, claimed here
        ctx.attempt_ended("t1")  # the old one ends, fenced off
        assert (worker_info(ctx).tasks, ctx.running) == (["t1"], 1)
        ctx.attempt_ended("t1")
        assert (worker_info(ctx).tasks, ctx.running) == ([], 0)
    finally:
        await ctx.close()
        await redis.aclose()
