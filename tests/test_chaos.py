"""The chaos run, at small scale, with real processes: a private Redis (AOF, fsync always), a private
PostgreSQL, one API and two `chartq worker` processes, tasks of several users in flight while, one after
the other, a worker is SIGKILLed, a worker is frozen past its lease (SIGSTOP, then SIGCONT), a storm of
cancels lands, Redis is killed and restarted, and PostgreSQL is stopped and started.

Afterwards, for every task answered 202 (docs/reliability.md):
- it is terminal, and its status never changed once terminal (the API, the last event and the run record
  agree);
- its event history never goes back (seq, attempt, progress within an attempt, started_at) and holds
  exactly one terminal event, the last;
- a COMPLETED task has exactly one chart; a task that did not complete shows none.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from shared.db.engine import create_engine
from shared.db.tables import Chart, TaskRun
from shared.settings import Settings
from tests.conftest import TERMINAL, auth, new_message, spawn, start_api, stop, wait_for_status
from tests.postgres_server import PrivatePostgres, migrate
from tests.worker_fixtures import SETTLE_S, TASKS, assert_never_goes_back, event_history
from worker.cli.embedded_redis import EmbeddedRedis, free_port

pytestmark = pytest.mark.chaos

USERS = 3
TASKS_PER_WAVE = 8


class Cluster:
    """The processes under test, restartable one by one."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env, self.logs = env, logs
        self.workers: list[subprocess.Popen[bytes]] = []
        self.api: subprocess.Popen[bytes] | None = None

    def start_worker(self) -> subprocess.Popen[bytes]:
        self.workers.append(spawn(["worker"], self.env, self.logs / f"chaos-worker-{len(self.workers)}.log"))
        return self.workers[-1]

    def live_workers(self) -> list[subprocess.Popen[bytes]]:
        return [w for w in self.workers if w.poll() is None]

    def stop(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGCONT)
        stop([*self.workers, *([self.api] if self.api else [])])


async def post_wave(clients: list[httpx.AsyncClient], accepted: dict[str, httpx.AsyncClient]) -> None:
    """TASKS_PER_WAVE tasks spread over the users; a 503 (a dependency away) is retried, as clients do."""
    for i in range(TASKS_PER_WAVE):
        http = clients[i % len(clients)]
        deadline = time.monotonic() + SETTLE_S
        while True:
            try:
                message = await new_message(http, random.choice(QUESTIONS))
                response = await http.post(TASKS, json={"message_id": message["id"]})
            except (KeyError, httpx.HTTPError):  # the message was refused (503) or the API restarted
                response = None
            if response is not None and response.status_code == 202:
                accepted[response.json()["task_id"]] = http
                break
            assert response is None or response.status_code == 503, response.text
            assert time.monotonic() < deadline, "the API kept refusing"
            await asyncio.sleep(0.3)


QUESTIONS = ["average tip by day", "life expectancy in Mexico and Canada since 1980", "total bill by sex"]


async def holding_worker(
    cluster: Cluster, http: httpx.AsyncClient, accepted: dict[str, httpx.AsyncClient]
) -> subprocess.Popen[bytes]:
    """A live worker process now running one of the accepted tasks (newest first)."""
    deadline = time.monotonic() + SETTLE_S
    while time.monotonic() < deadline:
        live = {worker.pid: worker for worker in cluster.live_workers()}
        for task_id in reversed(list(accepted)):
            view = (await http.get(f"/api/v1/analytics/queue/tasks/{task_id}")).json()
            if view["task"]["status"] == "PROCESSING" and view.get("worker_id"):
                pid = int(str(view["worker_id"]).rsplit(":", 2)[1])
                if pid in live:
                    return live[pid]
        await asyncio.sleep(0.1)
    raise AssertionError("no worker ever held a task")


async def cancel_some(accepted: dict[str, httpx.AsyncClient], share: float) -> None:
    chosen = random.sample(sorted(accepted), int(len(accepted) * share))
    replies = await asyncio.gather(*(accepted[t].delete(f"{TASKS}/{t}") for t in chosen))
    assert {r.status_code for r in replies} <= {200, 409, 503}, [r.text for r in replies]


async def wait_until_ready(http: httpx.AsyncClient) -> None:
    deadline = time.monotonic() + SETTLE_S
    while True:
        try:
            if (await http.get("/ready")).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, "the API never became ready again"
        await asyncio.sleep(0.2)


async def records(database_url: str, task_ids: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """Each task's run record status, and how many visible charts it has."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            runs = await conn.execute(
                sa.select(TaskRun.task_id, TaskRun.status).where(TaskRun.task_id.in_(task_ids))
            )
            charts = await conn.execute(
                sa.select(Chart.task_id, sa.func.count())
                .where(Chart.task_id.in_(task_ids), Chart.deleted_at.is_(None))
                .group_by(Chart.task_id)
            )
            return {t: str(s) for t, s in runs}, {t: int(n) for t, n in charts}
    finally:
        await engine.dispose()


async def test_every_accepted_task_survives_the_chaos_run(
    postgres: PrivatePostgres,
    base_env: dict[str, str],
    settings: Settings,
    data_dir: Path,
    make_token: Callable[..., str],
) -> None:
    redis_dir, redis_port = data_dir / f"chaos-redis-{os.getpid()}", free_port()
    redis = EmbeddedRedis(redis_dir, port=redis_port, fsync="always").start()
    env = base_env | {
        "CHARTQ_REDIS_URL": redis.url,
        "CHARTQ_DATABASE_URL": postgres.url,
        "CHARTQ_STEP_DELAY_SECONDS": "1",
        "CHARTQ_MAX_ATTEMPTS": "10",
        "CHARTQ_WORKER_CONCURRENCY": "4",
        "CHARTQ_LOG_LEVEL": "INFO",
    }
    await migrate(env)
    cluster = Cluster(env, data_dir)
    api_url, cluster.api = start_api(env, data_dir / "chaos-api.log")
    for _ in range(2):
        cluster.start_worker()
    accepted: dict[str, httpx.AsyncClient] = {}
    clients = [
        httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=30) for _ in range(USERS)
    ]
    operator = httpx.AsyncClient(base_url=api_url, headers=auth(make_token(roles=["operator"])), timeout=30)
    try:
        await post_wave(clients, accepted)
        # 1. A worker holding tasks is killed; another takes its place.
        victim = await holding_worker(cluster, operator, accepted)
        victim.kill()
        cluster.start_worker()
        await post_wave(clients, accepted)
        # 2. A worker is frozen past its lease, then wakes: its attempts are fenced off.
        frozen = await holding_worker(cluster, operator, accepted)
        frozen.send_signal(signal.SIGSTOP)
        await asyncio.sleep(14)
        frozen.send_signal(signal.SIGCONT)
        # 3. A storm of cancels.
        await cancel_some(accepted, 0.25)
        await post_wave(clients, accepted)
        # 4. Redis dies and comes back with its AOF.
        redis.process.kill()  # type: ignore[union-attr]
        redis.process.wait()  # type: ignore[union-attr]
        await asyncio.sleep(2)
        redis = EmbeddedRedis(redis_dir, port=redis_port, fsync="always").start()
        await wait_until_ready(operator)
        await post_wave(clients, accepted)
        # 5. The database is away for a few seconds.
        await asyncio.to_thread(postgres.stop)
        await asyncio.sleep(4)
        await asyncio.to_thread(postgres.start)
        await wait_until_ready(operator)

        finals = {t: await wait_for_status(http, t, within=3 * SETTLE_S) for t, http in accepted.items()}
        await asyncio.sleep(2)  # room for any late write of a fenced-off attempt
        again = {t: (await http.get(f"{TASKS}/{t}/status")).json() for t, http in accepted.items()}
        # A record that met the database away is buffered in Redis and written by a live worker's
        # heartbeat once the database is back: wait for that while the workers still run.
        expected_runs = {t: f["status"] for t, f in finals.items()}
        deadline = time.monotonic() + SETTLE_S
        runs, charts = await records(postgres.url, list(accepted))
        while runs != expected_runs and time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            runs, charts = await records(postgres.url, list(accepted))
    finally:
        for client in [*clients, operator]:
            await client.aclose()
        cluster.stop()
    on_redis = settings.model_copy(update={"redis_url": redis.url})
    try:
        assert {t: f["status"] for t, f in finals.items() if f["status"] not in TERMINAL} == {}
        assert {t: a["status"] for t, a in again.items()} == {t: f["status"] for t, f in finals.items()}
        histories: dict[str, list[dict[str, Any]]] = {}
        for task_id in accepted:
            histories[task_id] = await event_history(on_redis, task_id)
            assert_never_goes_back(histories[task_id])
            assert histories[task_id][-1]["data"]["status"] == finals[task_id]["status"], task_id
        assert runs == expected_runs
        completed = {t for t, f in finals.items() if f["status"] == "COMPLETED"}
        assert charts == dict.fromkeys(completed, 1)
        assert completed, "no task completed at all"
    finally:
        redis.stop()
