"""Schedules fired by the workers' scheduler loops: one run per due time however many loops race for
it, one run for all the due times missed while nothing ran, a schedule Redis forgot is put back from
SQL, a run a dead worker left half made is made once, and a schedule whose chart is gone or whose
runs keep failing pauses itself with the reason. Each run is a real chart task on a real worker that
adds a version to the chart."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from shared import keys
from shared.db import schedules as sql
from shared.db.engine import create_engine, session_factory
from shared.db.tables import ChartSchedule
from shared.models import utcnow
from shared.schedule_store import CLAIM_LEASE_MS
from shared.settings import Settings
from tests.conftest import wait_for_status
from tests.schedule_fixtures import (
    Parts,
    api,
    frozen,
    make_chart,
    parts,
    refresh_tasks,
    running_worker,
    schedule_settings,
)
from worker.cli.embedded_redis import free_port
from worker.runtime.scheduler import RETRY_AFTER_FAILURE_S, Scheduler

pytestmark = pytest.mark.db
__all__ = ["parts", "schedule_settings"]  # fixtures


async def schedule(http: httpx.AsyncClient, chart: dict[str, Any], cron: str = "* * * * *") -> dict[str, Any]:
    response = await http.put(
        f"/api/v1/charts/{chart['id']}/schedule", json={"cron": cron, "timezone": "UTC"}
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def settled(http: httpx.AsyncClient, parts: Parts, chart_id: str) -> dict[str, Any]:
    """The schedule once its last run ended and the scheduler recorded it."""
    for _ in range(300):
        await parts.scheduler(utcnow).settle()
        shown = (await http.get(f"/api/v1/charts/{chart_id}/schedule")).json()
        if shown["last_status"] not in ("PENDING", "PROCESSING"):
            return dict(shown)
        await asyncio.sleep(0.1)
    raise AssertionError(f"the last run never ended: {shown}")


async def test_racing_loops_fire_a_due_schedule_once_and_it_adds_a_version(
    schedule_settings: Settings, parts: Parts, make_token: Callable[..., str]
) -> None:
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart = await make_chart(http)
        # Due once a year: the worker's own scheduler, on the real clock, never fires it during the test.
        set_ = await schedule(http, chart, cron="0 0 1 1 *")
        due_at = datetime.fromisoformat(set_["next_run_at"]) + timedelta(minutes=1)
        # Four schedulers whose clock says the schedule is due tick at the same moments, ten times over.
        racing = [parts.scheduler(frozen(due_at)) for _ in range(4)]
        fired = [sum(await asyncio.gather(*(each.tick() for each in racing))) for _ in range(10)]
        assert sum(fired) == 1, fired
        runs = await refresh_tasks(http, chart)
        assert len(runs) == 1, runs
        assert (await wait_for_status(http, runs[0]))["status"] == "COMPLETED"
        shown = await settled(http, parts, chart["id"])
        assert (shown["last_task_id"], shown["last_status"], shown["paused"]) == (runs[0], "COMPLETED", False)
        assert shown["next_run_at"] > due_at.isoformat() > set_["next_run_at"]
        newest = (await http.get(f"/api/v1/charts/{chart['id']}")).json()
        assert (newest["id"], newest["version"], newest["task_id"]) == (chart["id"], 2, runs[0])


async def test_due_times_missed_while_nothing_ran_fire_once_on_return(
    schedule_settings: Settings, parts: Parts, make_token: Callable[..., str]
) -> None:
    token = make_token()
    async with running_worker(schedule_settings), api(schedule_settings, token) as http:
        chart = await make_chart(http)
        await schedule(http, chart, cron="*/5 * * * *")
    # Everything stops; an hour of */5 due times (12) passes; then the system is back.
    back = utcnow() + timedelta(hours=1)
    async with running_worker(schedule_settings), api(schedule_settings, token) as http:
        scheduler = parts.scheduler(frozen(back))
        assert [await scheduler.tick() for _ in range(3)] == [1, 0, 0]
        runs = await refresh_tasks(http, chart)
        assert len(runs) == 1, runs
        assert (await wait_for_status(http, runs[0]))["status"] == "COMPLETED"
        shown = await settled(http, parts, chart["id"])
        assert back < datetime.fromisoformat(shown["next_run_at"]) <= back + timedelta(minutes=5)


async def test_a_schedule_redis_forgot_is_put_back_from_sql_and_fires(
    schedule_settings: Settings, parts: Parts, make_token: Callable[..., str]
) -> None:
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart = await make_chart(http)
        await schedule(http, chart)
        # Redis restarted without its data: the due set is gone, the schedule is still in SQL.
        await parts.store.redis.delete(keys.schedules_due(schedule_settings.queue_name))
        scheduler = parts.scheduler(frozen(utcnow() + timedelta(minutes=2)))
        assert await scheduler.tick() == 0
        await scheduler.resync()
        assert await scheduler.tick() == 1
        assert len(await refresh_tasks(http, chart)) == 1


async def test_a_run_left_half_made_by_a_dead_worker_is_made_once(
    schedule_settings: Settings, parts: Parts, make_token: Callable[..., str]
) -> None:
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart = await make_chart(http)
        await schedule(http, chart)
        due_at = utcnow() + timedelta(minutes=2)
        # A worker claimed the due time and recorded its run, then died before creating the task.
        dead = parts.scheduler(frozen(due_at))
        assert await dead.due.claim(chart["id"], due_at)
        async with parts.sessions() as db:
            row = await db.get(ChartSchedule, chart["id"])
            assert row is not None
            next_at = due_at + timedelta(hours=1)
            assert await sql.begin_run(db, row, "0f8e1a52-5d6c-4b35-9a53-1d1f1c0ffee0", due_at, next_at)
        during_lease = parts.scheduler(frozen(due_at + timedelta(seconds=1)))
        assert await during_lease.tick() == 0  # the dead worker's claim still holds
        after_lease = parts.scheduler(frozen(due_at + timedelta(milliseconds=CLAIM_LEASE_MS + 1000)))
        assert await after_lease.tick() == 1
        assert await after_lease.tick() == 0
        assert await refresh_tasks(http, chart) == ["0f8e1a52-5d6c-4b35-9a53-1d1f1c0ffee0"]
        shown = (await http.get(f"/api/v1/charts/{chart['id']}/schedule")).json()
        assert shown["last_task_id"] == "0f8e1a52-5d6c-4b35-9a53-1d1f1c0ffee0"
        assert datetime.fromisoformat(shown["next_run_at"]) == next_at


async def test_a_due_time_that_could_not_fire_is_due_again_within_seconds(
    schedule_settings: Settings, parts: Parts, make_token: Callable[..., str]
) -> None:
    """The claim of a due time whose firing failed (the database away) held it for the claim's lease:
    the run came up to a minute after the database was back."""
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart = await make_chart(http)
        await schedule(http, chart)
        due_at = utcnow() + timedelta(minutes=2)
        nowhere = create_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/chartq")
        try:
            broken = Scheduler(parts.store, session_factory(nowhere), clock=frozen(due_at))
            with pytest.raises(OSError):
                await broken.tick()
        finally:
            await nowhere.dispose()
        soon = parts.scheduler(frozen(due_at + timedelta(seconds=RETRY_AFTER_FAILURE_S + 1)))
        assert await soon.tick() == 1
        assert len(await refresh_tasks(http, chart)) == 1


async def test_a_schedule_whose_chart_was_deleted_pauses(
    schedule_settings: Settings, parts: Parts, make_token: Callable[..., str]
) -> None:
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart = await make_chart(http)
        await schedule(http, chart)
        assert (await http.delete(f"/api/v1/charts/{chart['id']}")).status_code == 204
        assert await parts.scheduler(frozen(utcnow() + timedelta(minutes=2))).tick() == 0
        async with parts.sessions() as db:
            row = await db.get(ChartSchedule, chart["id"])
            assert row is not None and (row.paused, row.paused_reason) == (True, "chart_deleted")
        due = await parts.store.redis.zrange(keys.schedules_due(schedule_settings.queue_name), 0, -1)
        assert chart["id"].encode() not in due


async def test_a_schedule_whose_runs_keep_failing_pauses_after_three(
    schedule_settings: Settings, parts: Parts, make_token: Callable[..., str]
) -> None:
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart = await make_chart(http)
        await schedule(http, chart)
        with sqlite3.connect(schedule_settings.warehouse_url.removeprefix("sqlite:///")) as conn:
            conn.execute("DELETE FROM tips")  # the data is gone: every refresh finds no rows
        at, runs = utcnow(), []
        for round_ in range(1, 4):
            at += timedelta(minutes=2)
            assert await parts.scheduler(frozen(at)).tick() == 1
            shown = await settled(http, parts, chart["id"])
            assert (shown["last_status"], shown["consecutive_failures"]) == ("FAILED", round_), shown
            runs.append(shown["last_task_id"])
        assert (shown["paused"], shown["paused_reason"]) == (True, "failing")
        assert await parts.scheduler(frozen(at + timedelta(minutes=2))).tick() == 0
        assert len(set(runs)) == 3
        for task_id in runs:
            task = (await http.get(f"/api/v1/analytics/charts/async/{task_id}/status")).json()
            assert (task["status"], task["error_code"]) == ("FAILED", "no_data")
        # Setting it again resumes it.
        again = await schedule(http, chart)
        assert (again["paused"], again["consecutive_failures"]) == (False, 0)
