"""Fencing: a worker frozen past its lease (SIGSTOP) wakes up after another worker has run its task
again. Its attempt is fenced off: nothing it writes reaches the task, so clients never see attempt,
progress or started_at go backwards, nothing follows the terminal event, and the chart is stored once."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.settings import Settings
from tests.conftest import inprocess_api, spawn, stop, wait_for_status
from tests.worker_fixtures import (
    SETTLE_S,
    assert_never_goes_back,
    charts_per_task,
    event_history,
    holder_of_attempt,
    post_tasks,
    registered,
    worker_env,
)

pytestmark = pytest.mark.db

# Slow enough that the task is still mid-pipeline while its worker is frozen and the other re-runs it.
STEP_DELAY_S = "3"


async def task_view(http: httpx.AsyncClient, task_id: str) -> dict[str, Any]:
    return dict((await http.get(f"/api/v1/analytics/queue/tasks/{task_id}")).json()["task"])


async def wait_for_step(http: httpx.AsyncClient, task_id: str, step: str) -> None:
    for _ in range(int(SETTLE_S / 0.05)):
        if (await task_view(http, task_id))["current_step"] == step:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{task_id} never reached {step}")


async def test_a_worker_frozen_past_its_lease_cannot_write_over_the_rerun(
    base_env: dict[str, str],
    data_dir: Path,
    isolated_settings: Settings,
    make_token: Callable[..., str],
    database_url: str,
) -> None:
    env = worker_env(base_env, isolated_settings, step_delay_seconds=STEP_DELAY_S, log_level="INFO")
    workers = [spawn(["worker"], env, data_dir / f"fencing-{i}.log") for i in range(2)]
    frozen = workers[0]
    try:
        await registered(isolated_settings, 2)
        async with inprocess_api(isolated_settings, make_token(roles=["operator"])) as http:
            task_id = (await post_tasks(http, 1))[0]
            holder = await holder_of_attempt(http, task_id, 1)
            frozen = next(w for w in workers if w.pid == int(holder.rsplit(":", 2)[1]))
            await wait_for_step(http, task_id, "data_extraction")
            frozen.send_signal(signal.SIGSTOP)
            try:
                # Its heartbeat lapses, the reaper hands the task back and the other worker runs it.
                rerun_by = await holder_of_attempt(http, task_id, 2)
            finally:
                frozen.send_signal(signal.SIGCONT)
            assert rerun_by != holder
            done = await wait_for_status(http, task_id, within=SETTLE_S)
            await asyncio.sleep(1)  # room for any late write of the frozen worker
            final = (await http.get(f"/api/v1/analytics/charts/async/{task_id}/status")).json()
        assert (done["status"], done["attempt"]) == ("COMPLETED", 2), done
        assert final == done
        events = await event_history(isolated_settings, task_id)
        assert_never_goes_back(events)
        assert await charts_per_task(database_url, [task_id]) == {task_id: 1}
        # The frozen worker did wake mid-pipeline, and stopped at its first write instead of going on.
        log = (data_dir / f"fencing-{workers.index(frozen)}.log").read_text()
        assert "a newer attempt runs it" in log, log[-3000:]
        assert frozen.poll() is None  # and it lives on, serving the queue
    finally:
        if frozen.poll() is None:
            frozen.send_signal(signal.SIGCONT)
        stop(workers)
