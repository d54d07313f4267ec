"""Fires the charts' schedules of this worker's queue: every worker runs this loop, and the claim in
Redis (shared.schedule_store) lets exactly one of them fire each due time.

Firing a due time: claim it (a lease), take it in SQL (shared.db.schedules.begin_run: the run's task id
is recorded and the schedule moves on to its next time after now, so runs missed while nothing ran
collapse into this one), create the refresh task (shared.refresh_jobs), record it, and put the next due
time back in Redis. A worker that dies midway leaves its lease to run out; the next claimer finds the
run recorded but perhaps not created, and creates it unless it exists. Each pass also looks at the runs
not yet seen to end, to record how they ended (and pause a schedule that keeps failing), and now and then
puts back into Redis any schedule it lost (a Redis restarted without persistence)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from uuid import uuid4

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shared.auth import Principal
from shared.db import schedules as sql
from shared.db.charts import can_view
from shared.db.tables import Chart, ChartSchedule, TaskRun
from shared.models import utcnow
from shared.refresh_jobs import submit_refresh
from shared.schedule_store import DueSchedules
from shared.schedule_times import ScheduleError, next_run
from shared.task_store import TaskStore

log = structlog.get_logger("chartq.scheduler")

TICK_S = 1.0
SETTLE_EVERY_S = 3.0
RESYNC_EVERY_S = 60.0
# A claimed due time that could not fire is due again this long after.
RETRY_AFTER_FAILURE_S = 5.0


class Scheduler:
    def __init__(
        self,
        store: TaskStore,
        sessions: async_sessionmaker[AsyncSession],
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store, self.sessions, self.clock = store, sessions, clock
        self.queue = store.settings.queue_name
        self.due = DueSchedules(store.redis, self.queue)

    async def run_forever(self) -> None:
        settled = resynced = 0.0
        while True:
            try:
                if time.monotonic() - resynced >= RESYNC_EVERY_S:
                    await self.resync()
                    resynced = time.monotonic()
                await self.tick()
                if time.monotonic() - settled >= SETTLE_EVERY_S:
                    await self.settle()
                    settled = time.monotonic()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis or SQL away: the next pass tries again
                log.warning("scheduler pass failed", error=repr(exc))
            await asyncio.sleep(TICK_S)

    async def resync(self) -> None:
        async with self.sessions() as db:
            active = await sql.active_schedules(db, self.queue)
        if added := await self.due.put_missing(active):
            log.info("schedules put back into Redis", count=added)

    async def tick(self) -> int:
        """Fires every due schedule this worker claims; how many it fired."""
        fired = 0
        for chart_id in await self.due.due(self.clock()):
            if await self.due.claim(chart_id, self.clock()):
                try:
                    fired += await self.fire(chart_id)
                except Exception:
                    await self._release(chart_id)
                    raise
        return fired

    async def _release(self, chart_id: str) -> None:
        """A due time this worker claimed but could not fire (the database away) is due again shortly,
        not after the claim's lease: the run came up to a minute after the database was back. Firing it
        again is safe (fire finds a run already recorded and makes its task unless it exists)."""
        with contextlib.suppress(Exception):  # Redis away too: the lease runs out instead
            await self.due.put(chart_id, self.clock() + timedelta(seconds=RETRY_AFTER_FAILURE_S))

    async def fire(self, chart_id: str) -> int:
        now = self.clock()
        async with self.sessions() as db:
            row = await db.get(ChartSchedule, chart_id)
            if row is None or row.paused:
                await self.due.remove(chart_id)
                return 0
            chart = await db.get(Chart, chart_id)
            if chart is None or not can_view(chart, Principal(user_id=chart.owner_id)):
                await sql.pause(db, chart_id, sql.CHART_DELETED)
                await self.due.remove(chart_id)
                return 0
            task_id = row.firing_task_id
            if task_id is None:
                if row.next_run_at > now:  # not due: Redis had an old time
                    await self.due.put(chart_id, row.next_run_at)
                    return 0
                task_id = str(uuid4())
                if not await sql.begin_run(db, row, task_id, now, self._next(row, now)):
                    return 0
            created = await self._create(chart, task_id)
            await sql.end_firing(db, chart_id, task_id, created)
            row = await db.get(ChartSchedule, chart_id, populate_existing=True)
        if row is not None and not row.paused:
            await self.due.put(chart_id, row.next_run_at)
        if created:
            await self.due.count("fired")
        log.info("schedule fired", chart_id=chart_id, task_id=task_id, created=created)
        return int(created)

    def _next(self, row: ChartSchedule, now: datetime) -> datetime:
        try:
            return next_run(row.cron, row.timezone, now)
        except ScheduleError:  # validated when it was set; a zone database change could still do this
            return now.replace(year=now.year + 100)

    async def _create(self, chart: Chart, task_id: str) -> bool:
        """Creates the run's task unless it exists (an earlier claimer made it, then died)."""
        if await self.store.get(task_id) is not None:
            return True
        _, result = await submit_refresh(self.store, chart, task_id)
        if result.outcome in ("user_cap", "queue_full"):
            log.warning("a schedule's run was refused", chart_id=chart.id, outcome=result.outcome)
        return result.outcome == "created"

    async def settle(self) -> None:
        async with self.sessions() as db:
            for row in await sql.unsettled(db, self.queue):
                status, error_code = await self._status_of(db, row.last_task_id or "")
                if status == row.last_status:
                    continue
                outcome = await sql.settle(db, row, status, error_code)
                if outcome is not None and outcome.failed:
                    await self.due.count("failed")
                if outcome is not None and outcome.paused_reason:
                    await self.due.remove(row.chart_id)
                    log.warning("schedule paused", chart_id=row.chart_id, reason=outcome.paused_reason)

    async def _status_of(self, db: AsyncSession, task_id: str) -> tuple[str, str | None]:
        stored = await self.store.get(task_id)
        if stored is not None:
            return stored.dto.status.value, stored.dto.error_code
        run = await db.get(TaskRun, task_id)  # the live record expired: the durable one
        return (run.status, run.error_code) if run is not None else ("FAILED", "lost")


def start_scheduler(store: TaskStore, sessions: async_sessionmaker[Any]) -> asyncio.Task[None]:
    return asyncio.create_task(Scheduler(store, sessions).run_forever(), name="chartq-scheduler")
