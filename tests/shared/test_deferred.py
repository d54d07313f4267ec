"""A retry keeps its place in its priority band: a task that met a transient fault waits out its
backoff outside arq's queue and comes back ahead of the tasks of its band queued after it (arq's own
deferral scored it after every queued task of every band)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from shared.settings import Settings
from tests.conftest import inprocess_api, new_message, spawn, stop, wait_for_status
from tests.worker_fixtures import TASKS, registered, worker_env


def sqlite_path(database_url: str) -> str:
    database = make_url(database_url).database
    assert database, database_url
    return database


async def retrying(http: httpx.AsyncClient, task_id: str) -> None:
    """Waits until the task says it is retrying after a transient fault."""
    for _ in range(600):
        task = (await http.get(f"{TASKS}/{task_id}/status")).json()
        if task["status"] == "PENDING" and "retrying" in (task["message"] or ""):
            return
        assert task["status"] in ("PENDING", "PROCESSING"), task
        await asyncio.sleep(0.05)
    raise AssertionError(f"{task_id} never retried")


async def test_a_retried_task_runs_before_the_tasks_of_its_band_queued_after_it(
    isolated_settings: Settings, base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str]
) -> None:
    settings = isolated_settings
    if not settings.database_url.startswith("sqlite"):
        # Only the PostgreSQL re-run of the `db` tests skips it; `make test` (SQLite) always runs it.
        pytest.skip("its fault is a writer lock on the SQLite file; it runs on SQLite in make test")
    # The chart does not wait for the database in place (CHARTQ_DATABASE_WAIT_SECONDS): its attempt fails.
    env = worker_env(base_env, settings, step_delay_seconds="0.3", database_wait_seconds="0")
    worker = spawn(["worker", "--concurrency", "1"], env, data_dir / "deferred-worker.log")
    lock = sqlite3.connect(sqlite_path(settings.database_url), timeout=30, isolation_level=None)
    try:
        await registered(settings, 1)
        async with inprocess_api(settings, make_token()) as http:
            # The chart write of the first task waits for the lock held here, then fails ("database is
            # locked"): a transient fault, retried after a backoff.
            messages = [await new_message(http, "average tip by day") for _ in range(4)]
            lock.execute("BEGIN IMMEDIATE")
            first, *later = [
                (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
                for message in messages
            ]
            await retrying(http, first)
            lock.execute("ROLLBACK")

            finals = {task_id: await wait_for_status(http, task_id, within=60) for task_id in [first, *later]}
            assert {f["status"] for f in finals.values()} == {"COMPLETED"}, finals
            assert finals[first]["attempt"] == 2
            started = {task_id: datetime.fromisoformat(f["started_at"]) for task_id, f in finals.items()}
            # One task ran while the retry waited out its backoff; the retry came next, ahead of the
            # rest of its band. arq's deferral would have run it last.
            order = sorted(started, key=started.__getitem__)
            assert order.index(first) <= 1, order
            assert order.index(first) < order.index(later[-1])
    finally:
        lock.close()
        stop([worker])
