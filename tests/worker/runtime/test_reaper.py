"""The reaper hands back only the tasks of workers that stopped: a Redis that stalls longer than the
heartbeats' lifetime makes every worker look gone for a moment, and must not cost live tasks their
attempts (a Redis of this test's own, frozen with SIGSTOP)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from shared.settings import Settings
from shared.worker_registry import HEARTBEAT_TTL_S
from tests.conftest import inprocess_api, spawn, stop, wait_for_status
from tests.worker_fixtures import SETTLE_S, charts_per_task, post_tasks, registered, worker_env
from worker.cli.embedded_redis import EmbeddedRedis, free_port

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
