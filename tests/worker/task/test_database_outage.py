"""The SQL database stops mid-run: endpoints that need it answer 503, a drawn chart waits for the
database in its persisting step (CHARTQ_DATABASE_WAIT_SECONDS), and every task accepted before the
outage completes after it, its chart stored once.

The test runs its own PostgreSQL cluster (Debian's binaries, as the postgres user since initdb refuses
root) on a free port, so it can stop and start it without touching anything else.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from shared import keys
from shared.db.engine import create_engine
from shared.db.tables import TaskRun
from shared.redis import create_redis
from shared.settings import Settings
from tests.conftest import auth, inprocess_api, new_message, spawn, start_api, stop, wait_for_status
from tests.postgres_server import PrivatePostgres, migrate
from tests.worker_fixtures import charts_per_task, worker_env

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
OUTAGE_S = 20


async def test_a_database_outage_delays_tasks_but_loses_none(
    postgres: PrivatePostgres, base_env: dict[str, str], data_dir: Path, make_token: Callable[..., str]
) -> None:
    env = base_env | {
        "CHARTQ_DATABASE_URL": postgres.url,
        "CHARTQ_QUEUE_NAME": f"arq:queue:pg-{os.getpid()}",
        "CHARTQ_STEP_DELAY_SECONDS": "0.3",
    }
    await migrate(env)
    api_url, api = start_api(env, data_dir / "pg-outage-api.log")
    worker = spawn(["worker"], env, data_dir / "pg-outage-worker.log")
    try:
        async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=30) as http:
            task_ids = []
            for _ in range(6):
                message = await new_message(http, "average tip by day")
                task_ids.append(
                    (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
                )
            await wait_for_status(http, task_ids[0], {"PROCESSING"}, within=20)

            await asyncio.to_thread(postgres.stop)
            down = await http.post("/api/v1/sessions", json={})
            assert down.status_code == 503 and down.json()["code"] == "database_unavailable"
            assert int(down.headers["Retry-After"]) > 0
            ready = await http.get("/ready")
            assert ready.status_code == 503 and ready.json()["database"].startswith("error")
            # Task status lives in Redis: it stays readable while the database is away.
            assert (await http.get(f"{TASKS}/{task_ids[-1]}/status")).status_code == 200
            # Longer than every attempt's backoff together (at most 15 s): with retries alone, charts
            # drawn during a restart like this one failed transient_error.
            await asyncio.sleep(OUTAGE_S)
            await asyncio.to_thread(postgres.start)

            finals = [await wait_for_status(http, task_id, within=60) for task_id in task_ids]
            assert [f["status"] for f in finals] == ["COMPLETED"] * len(task_ids), finals
            assert [f["attempt"] for f in finals] == [1] * len(task_ids), finals
            assert (await http.get("/ready")).status_code == 200
        assert await charts_per_task(postgres.url, task_ids) == dict.fromkeys(task_ids, 1)
    finally:
        stop([api, worker])


async def run_record(url: str, task_id: str) -> tuple[str, str | None] | None:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            query = sa.select(TaskRun.status, TaskRun.error_code).where(TaskRun.task_id == task_id)
            row = (await conn.execute(query)).first()
            return None if row is None else (row[0], row[1])
    finally:
        await engine.dispose()


async def test_a_task_that_ends_while_the_database_is_down_keeps_its_status_after_redis_forgets_it(
    postgres: PrivatePostgres,
    base_env: dict[str, str],
    data_dir: Path,
    isolated_settings: Settings,
    make_token: Callable[..., str],
) -> None:
    """The run record of a task that ended with the database away waits in Redis and reaches SQL once
    the database is back, so its status still answers once the task's Redis hash has expired."""
    settings = isolated_settings.model_copy(update={"database_url": postgres.url})
    env = worker_env(
        base_env, settings, database_url=postgres.url, max_attempts="1", database_wait_seconds="0"
    )
    await migrate(env)
    worker: subprocess.Popen[bytes] | None = None
    try:
        async with inprocess_api(settings, make_token()) as http:
            message = await new_message(http, "average tip by day")
            task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
            await asyncio.to_thread(postgres.stop)
            worker = spawn(["worker"], env, data_dir / "pg-records-worker.log")
            failed = await wait_for_status(http, task_id, within=60)
            assert (failed["status"], failed["error_code"]) == ("FAILED", "transient_error"), failed

            await asyncio.to_thread(postgres.start)
            # The task's Redis hash expires (24 h later, in production): its status comes from SQL.
            redis = create_redis(settings.redis_url)
            try:
                await redis.delete(keys.task(task_id), keys.task_events(task_id))
            finally:
                await redis.aclose()
            deadline = asyncio.get_running_loop().time() + 30
            status = await http.get(f"{TASKS}/{task_id}/status")
            while status.status_code != 200 and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.2)
                status = await http.get(f"{TASKS}/{task_id}/status")
        assert status.status_code == 200, status.text
        assert (status.json()["status"], status.json()["error_code"]) == ("FAILED", "transient_error")
        assert await run_record(postgres.url, task_id) == ("FAILED", "transient_error")
    finally:
        if worker is not None:
            stop([worker])
