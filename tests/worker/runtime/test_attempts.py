"""Attempts are chartq's own: a task whose worker stops on every attempt (SIGKILL, or a SIGTERM past the
drain) ends FAILED `too_many_attempts` once CHARTQ_MAX_ATTEMPTS are used up. arq's own try counter
used to drop the job first, leaving the task PENDING, with nothing queued, for a day."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from shared.db.engine import create_engine
from shared.db.tables import TaskRun
from shared.settings import Settings
from tests.conftest import inprocess_api, new_message, spawn, stop, wait_for_status
from tests.worker_fixtures import QUESTION, SETTLE_S, TASKS, holder_of_attempt, worker_env

pytestmark = pytest.mark.db

MAX_ATTEMPTS = 2
StartWorker = Callable[[dict[str, str], str], subprocess.Popen[bytes]]


@pytest.fixture
def start_worker(data_dir: Path) -> Iterator[StartWorker]:
    """Starts `chartq worker` processes (env, log name); stops those still running after the test."""
    started: list[subprocess.Popen[bytes]] = []

    def start(env: dict[str, str], name: str) -> subprocess.Popen[bytes]:
        started.append(spawn(["worker"], env, data_dir / f"{name}.log"))
        return started[-1]

    yield start
    stop(started)


async def stop_the_holder_of_every_attempt(
    http: httpx.AsyncClient, task_id: str, how: signal.Signals, start: Callable[[str], Any]
) -> str:
    """A fresh worker takes each attempt and is stopped with `how` in the middle of it; then one more
    worker starts. Returns the id of the worker that ran the last attempt."""
    holder = ""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        worker: subprocess.Popen[bytes] = start(f"attempt-{attempt}")
        holder = await holder_of_attempt(http, task_id, attempt)
        assert int(holder.rsplit(":", 2)[1]) == worker.pid, (holder, worker.pid)
        worker.send_signal(how)
        await asyncio.to_thread(worker.wait, 30)
    start("after-the-last-attempt")
    return holder


async def run_row(database_url: str, task_id: str) -> tuple[Any, ...]:
    """The task's run record. It is written just after the FAILED status is published, so a reader
    that saw the status may have to wait a moment for it."""
    engine = create_engine(database_url)
    query = sa.select(TaskRun.status, TaskRun.error_code, TaskRun.attempts, TaskRun.worker_id)
    deadline = time.monotonic() + SETTLE_S
    try:
        while True:
            async with engine.connect() as conn:
                row = (await conn.execute(query.where(TaskRun.task_id == task_id))).one_or_none()
            if row is not None or time.monotonic() > deadline:
                assert row is not None, f"no run record for {task_id}"
                return tuple(row)
            await asyncio.sleep(0.1)
    finally:
        await engine.dispose()


async def recent_failure(http: httpx.AsyncClient, task_id: str) -> str:
    """The error code the dashboard's recent failures show for the task (recorded with its run record)."""
    deadline = time.monotonic() + SETTLE_S
    while True:
        stats = (await http.get("/api/v1/analytics/queue/stats")).json()
        failures = {f["task_id"]: f["error_code"] for f in stats["recent_failures"]}
        if task_id in failures or time.monotonic() > deadline:
            return str(failures.get(task_id))
        await asyncio.sleep(0.1)


async def test_a_task_whose_worker_is_killed_on_every_attempt_fails_and_frees_its_slot(
    base_env: dict[str, str],
    isolated_settings: Settings,
    make_token: Callable[..., str],
    database_url: str,
    start_worker: StartWorker,
) -> None:
    env = worker_env(base_env, isolated_settings, max_attempts=str(MAX_ATTEMPTS), step_delay_seconds="1.5")
    # One active task per user: a task stuck "active" would refuse the user's next one.
    api_settings = isolated_settings.model_copy(update={"max_active_tasks_per_user": 1})
    async with inprocess_api(api_settings, make_token(roles=["operator"])) as http:
        message = await new_message(http, QUESTION)
        task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
        last_holder = await stop_the_holder_of_every_attempt(
            http, task_id, signal.SIGKILL, lambda name: start_worker(env, f"sigkill-{name}")
        )

        failed = await wait_for_status(http, task_id, within=SETTLE_S)
        assert (failed["status"], failed["error_code"]) == ("FAILED", "too_many_attempts"), failed
        assert f"tried {MAX_ATTEMPTS} times" in failed["error_message"]
        assert await recent_failure(http, task_id) == "too_many_attempts"

        by_message = (await http.get(f"/api/v1/analytics/charts/by-message/{message['id']}")).json()
        assert not by_message["has_active_tasks"]
        again = await http.post(TASKS, json={"message_id": message["id"], "force_create": True})
        assert again.status_code == 202 and again.json()["task_id"] != task_id
        # The new task holds the user's one slot; the failed one holds none.
        other = await new_message(http, "average tip by day")
        assert (await http.post(TASKS, json={"message_id": other["id"]})).status_code == 429
        await http.delete(f"{TASKS}/{again.json()['task_id']}")
    # The run record names the worker that died on the last attempt, not the one that ended the task.
    assert await run_row(database_url, task_id) == ("FAILED", "too_many_attempts", MAX_ATTEMPTS, last_holder)


async def test_a_task_handed_back_by_a_shutdown_on_every_attempt_fails_on_its_next_pickup(
    base_env: dict[str, str],
    isolated_settings: Settings,
    make_token: Callable[..., str],
    database_url: str,
    start_worker: StartWorker,
) -> None:
    """Each SIGTERM past the drain hands the task back (PENDING, its job still queued). arq counts a try
    per pickup, and the pickup after the last attempt must fail the task, not drop its job."""
    env = worker_env(
        base_env,
        isolated_settings,
        max_attempts=str(MAX_ATTEMPTS),
        step_delay_seconds="3",
        worker_drain_seconds="1",
    )
    async with inprocess_api(isolated_settings, make_token(roles=["operator"])) as http:
        message = await new_message(http, QUESTION)
        task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
        last_holder = await stop_the_holder_of_every_attempt(
            http, task_id, signal.SIGTERM, lambda name: start_worker(env, f"sigterm-{name}")
        )
        failed = await wait_for_status(http, task_id, within=SETTLE_S)
    assert (failed["status"], failed["error_code"]) == ("FAILED", "too_many_attempts"), failed
    # The worker that picks the task up and ends it is not the one the record names: that one ran the
    # last attempt (it named the ender, and the SIGKILL test's reaper-or-pickup race did too).
    row = await run_row(database_url, task_id)
    assert row == ("FAILED", "too_many_attempts", MAX_ATTEMPTS, last_holder)
