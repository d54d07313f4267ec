"""Fault injection against real worker processes: every accepted task ends COMPLETED, FAILED or
CANCELLED, whatever happens to the worker running it."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
import sqlalchemy as sa

from shared import keys
from shared.db.engine import create_engine
from shared.db.tables import TaskRun
from shared.job import ChartJob
from shared.models import Priority
from shared.redis import create_redis, dumps
from shared.settings import Settings
from shared.task_states import accepted
from shared.task_store import TaskStore
from tests.conftest import inprocess_api, inprocess_worker, spawn, stop, wait_for_status
from tests.worker_fixtures import TASKS, charts_per_task, post_tasks, registered, worker_env
from worker.runtime.arq_worker import LEASE_S

pytestmark = pytest.mark.db

# DESIGN.md: a SIGKILLed worker's tasks run again elsewhere within 15 s.
RECOVERY_PROMISE_S = 15


async def test_a_sigkilled_workers_tasks_run_again_elsewhere_and_chart_once(
    base_env: dict[str, str],
    data_dir: Path,
    isolated_settings: Settings,
    make_token: Callable[..., str],
    database_url: str,
) -> None:
    # Slow enough that the victim is still running its tasks after a second worker process has started,
    # which takes seconds on a loaded machine.
    env = worker_env(base_env, isolated_settings, step_delay_seconds="3.0", worker_concurrency="4")
    victim = spawn(["worker"], env, data_dir / "victim.log")
    survivor: subprocess.Popen[bytes] | None = None
    try:
        await registered(isolated_settings, 1)
        async with inprocess_api(isolated_settings, make_token(roles=["operator"])) as http:
            task_ids = await post_tasks(http, 4)
            for task_id in task_ids:
                assert (await wait_for_status(http, task_id, {"PROCESSING"}, within=20))[
                    "status"
                ] == "PROCESSING"
            survivor = spawn(["worker"], env, data_dir / "survivor.log")
            await registered(isolated_settings, 2)
            running = [(await http.get(f"{TASKS}/{t}/status")).json()["status"] for t in task_ids]
            assert running == ["PROCESSING"] * len(task_ids), "the victim finished before it was killed"

            victim.send_signal(signal.SIGKILL)
            killed_at = time.monotonic()
            restarted: dict[str, float] = {}
            while len(restarted) < len(task_ids) and time.monotonic() - killed_at < 60:
                for task_id in set(task_ids) - set(restarted):
                    view = (await http.get(f"/api/v1/analytics/queue/tasks/{task_id}")).json()
                    if view["task"]["attempt"] == 2:
                        restarted[task_id] = time.monotonic() - killed_at
                await asyncio.sleep(0.1)
            assert len(restarted) == len(task_ids)
            assert max(restarted.values()) <= RECOVERY_PROMISE_S, restarted

            finals = [await wait_for_status(http, task_id, within=60) for task_id in task_ids]
            assert {f["status"] for f in finals} == {"COMPLETED"} and {f["attempt"] for f in finals} == {2}
        assert await charts_per_task(database_url, task_ids) == dict.fromkeys(task_ids, 1)
    finally:
        stop([p for p in (victim, survivor) if p is not None])


async def test_sigterm_drains_running_tasks_and_takes_no_new_ones(
    base_env: dict[str, str], data_dir: Path, isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    env = worker_env(base_env, isolated_settings, step_delay_seconds="0.5", worker_drain_seconds="20")
    draining = spawn(["worker"], env, data_dir / "draining.log")
    late_worker: subprocess.Popen[bytes] | None = None
    try:
        await registered(isolated_settings, 1)
        async with inprocess_api(isolated_settings, make_token()) as http:
            running = await post_tasks(http, 2)
            for task_id in running:
                await wait_for_status(http, task_id, {"PROCESSING"}, within=20)
            draining.send_signal(signal.SIGTERM)
            await asyncio.sleep(0.3)
            late = (await post_tasks(http, 1))[0]
            assert await asyncio.to_thread(draining.wait, 30) == 0
            for task_id in running:
                done = await wait_for_status(http, task_id, within=5)
                assert (done["status"], done["attempt"]) == ("COMPLETED", 1)
            assert (await http.get(f"{TASKS}/{late}/status")).json()["status"] == "PENDING"

            late_worker = spawn(["worker"], env, data_dir / "late.log")
            assert (await wait_for_status(http, late, within=30))["status"] == "COMPLETED"
    finally:
        stop([p for p in (draining, late_worker) if p is not None])


async def test_a_task_still_running_after_the_drain_is_handed_back(
    base_env: dict[str, str], data_dir: Path, isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    env = worker_env(base_env, isolated_settings, step_delay_seconds="3", worker_drain_seconds="1")
    first = spawn(["worker"], env, data_dir / "short-drain.log")
    second: subprocess.Popen[bytes] | None = None
    try:
        await registered(isolated_settings, 1)
        async with inprocess_api(isolated_settings, make_token()) as http:
            task_id = (await post_tasks(http, 1))[0]
            await wait_for_status(http, task_id, {"PROCESSING"}, within=20)
            first.send_signal(signal.SIGTERM)
            await asyncio.to_thread(first.wait, 30)
            handed_back = (await http.get(f"{TASKS}/{task_id}/status")).json()
            assert handed_back["status"] == "PENDING" and "another worker" in handed_back["message"]
            second = spawn(["worker"], env | {"CHARTQ_STEP_DELAY_SECONDS": "0"}, data_dir / "second.log")
            done = await wait_for_status(http, task_id, within=30)
            assert (done["status"], done["attempt"]) == ("COMPLETED", 2)
    finally:
        stop([p for p in (first, second) if p is not None])


async def test_a_task_cancelled_after_its_worker_died_ends_cancelled(
    base_env: dict[str, str],
    data_dir: Path,
    isolated_settings: Settings,
    make_token: Callable[..., str],
    database_url: str,
) -> None:
    """The cancel answers while no worker runs the task; the reaper then ends it CANCELLED. It used to
    hand it back: arq's abort set dropped the job at the next pickup, and the task stayed PENDING."""
    env = worker_env(base_env, isolated_settings, step_delay_seconds="3")
    victim = spawn(["worker"], env, data_dir / "cancel-victim.log")
    survivor: subprocess.Popen[bytes] | None = None
    try:
        await registered(isolated_settings, 1)
        async with inprocess_api(isolated_settings, make_token()) as http:
            cancelled, other = await post_tasks(http, 2)
            for task_id in (cancelled, other):
                await wait_for_status(http, task_id, {"PROCESSING"}, within=20)
            victim.send_signal(signal.SIGKILL)
            await asyncio.to_thread(victim.wait, 30)
            assert (await http.delete(f"{TASKS}/{cancelled}")).status_code == 200
            survivor = spawn(
                ["worker"], env | {"CHARTQ_STEP_DELAY_SECONDS": "0"}, data_dir / "cancel-survivor.log"
            )
            assert (await wait_for_status(http, cancelled, within=30))["status"] == "CANCELLED"
            assert (await wait_for_status(http, other, within=30))["status"] == "COMPLETED"
            assert (await http.get(f"{TASKS}/{cancelled}/result")).status_code == 409
        assert await charts_per_task(database_url, [cancelled]) == {}
    finally:
        stop([p for p in (victim, survivor) if p is not None])


async def run_burst(settings: Settings) -> None:
    worker = inprocess_worker(settings, burst=True)
    await worker.async_run()
    await worker.close()


async def test_poison_timeouts_and_repeat_crashers_fail_without_stopping_the_worker(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    user = f"user-{uuid4().hex[:8]}"
    settings = isolated_settings.model_copy(
        update={"task_time_limit_seconds": 0.5, "step_delay_seconds": 0.2}
    )
    redis = create_redis(settings.redis_url)
    store = TaskStore(redis, settings)
    try:
        poison = accepted(str(uuid4()), "m", "s", Priority.HIGH)
        await store.create(poison, ChartJob.for_task(poison, user_id=user, question="q"))
        # A job that is not a ChartJob (an old format, or corrupted): only its task id survives.
        await redis.set(
            keys.arq_job(poison.task_id),
            dumps({"f": "run_chart", "a": [], "k": {"task_id": poison.task_id}, "t": None, "et": 0}),
        )
        crasher = accepted(str(uuid4()), "m2", "s", Priority.HIGH)
        await store.create(crasher, ChartJob.for_task(crasher, user_id=user, question="q"))
        await store.transition(crasher.model_copy(update={"attempt": settings.max_attempts}), user)
        async with inprocess_api(settings, make_token(user, roles=["operator"])) as http:
            slow = (await post_tasks(http, 1))[0]  # 4 steps of 0.2 s > the 0.5 s limit
            await run_burst(settings)
            results: dict[str, Any] = {
                name: (await http.get(f"{TASKS}/{task_id}/status")).json()
                for name, task_id in (
                    ("poison", poison.task_id),
                    ("crasher", crasher.task_id),
                    ("slow", slow),
                )
            }
            stats = (await http.get("/api/v1/analytics/queue/stats")).json()
    finally:
        await redis.aclose()
    assert (results["poison"]["status"], results["poison"]["error_code"]) == ("FAILED", "invalid_job")
    assert "question" in results["poison"]["error_message"]
    # The malformed job left its run record (so its status outlives Redis) and a failure statistic.
    engine = create_engine(settings.database_url)
    async with engine.connect() as conn:
        run = (await conn.execute(sa.select(TaskRun).where(TaskRun.task_id == poison.task_id))).one()
    await engine.dispose()
    assert (run.status, run.error_code, run.user_id) == ("FAILED", "invalid_job", user)
    failures = {f["task_id"]: f for f in stats["recent_failures"]}
    assert failures[poison.task_id]["error_code"] == "invalid_job"
    assert (results["crasher"]["status"], results["crasher"]["error_code"]) == ("FAILED", "too_many_attempts")
    assert (results["slow"]["status"], results["slow"]["error_code"]) == ("FAILED", "timeout")
    assert "0.5 s" in results["slow"]["error_message"]


async def test_a_job_taken_by_a_worker_that_vanished_before_starting_it_runs_after_its_lease(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    """The gap the reaper cannot see (the task never reached PROCESSING): arq's in-progress key is a
    short lease, so the job is free again seconds later, not after arq's job timeout."""
    redis = create_redis(isolated_settings.redis_url)
    worker = inprocess_worker(isolated_settings)
    try:
        async with inprocess_api(isolated_settings, make_token()) as http:
            task_id = (await post_tasks(http, 1))[0]
            # What taking the job looks like, from a worker that died right after.
            await redis.set(keys.arq_in_progress(task_id), b"1", px=int(LEASE_S * 1000))
            running = asyncio.create_task(worker.async_run())
            done = await wait_for_status(http, task_id, within=LEASE_S + 20)
            running.cancel()
            assert (done["status"], done["attempt"]) == ("COMPLETED", 1)
    finally:
        await worker.close()
        await redis.aclose()
