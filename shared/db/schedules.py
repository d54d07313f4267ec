"""Chart schedules in SQL, the durable half of a schedule (Redis holds when each is next due).

Every write a firing makes is a compare-and-set on the row (its due time, its run's task id and status),
so of two workers that both believe they act for one due time or one ended run, one changes the row and
the other changes nothing: the claim in Redis (shared.lua.schedules.CLAIM_SCHEDULE) keeps them apart,
and these conditions keep the record right even when a claim's lease ran out under a slow worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.tables import ChartSchedule
from shared.models import utcnow
from shared.schedule_models import ScheduleDTO

# Runs in a row that did not complete before a schedule pauses itself.
MAX_FAILURES = 3
CHART_DELETED, FAILING = "chart_deleted", "failing"
ACTIVE_STATUSES = ("PENDING", "PROCESSING")


def schedule_to_dto(row: ChartSchedule) -> ScheduleDTO:
    return ScheduleDTO(
        chart_id=row.chart_id,
        cron=row.cron,
        timezone=row.timezone,
        next_run_at=None if row.paused else row.next_run_at,
        last_run_at=row.last_run_at,
        last_task_id=row.last_task_id,
        last_status=row.last_status,
        paused=row.paused,
        paused_reason=row.paused_reason,
        consecutive_failures=row.failures,
    )


async def set_schedule(
    db: AsyncSession, chart_id: str, owner_id: str, queue: str, cron: str, timezone: str, next_at: datetime
) -> ChartSchedule:
    """Creates or replaces a chart's schedule; replacing one resumes it if it was paused."""
    now = utcnow()
    row = await db.get(ChartSchedule, chart_id, with_for_update=True)
    if row is None:
        row = ChartSchedule(chart_id=chart_id, owner_id=owner_id, created_at=now, failures=0, paused=False)
        db.add(row)
    row.queue_name, row.cron, row.timezone, row.next_run_at, row.updated_at = (
        queue,
        cron,
        timezone,
        next_at,
        now,
    )
    row.paused, row.paused_reason, row.failures = False, None, 0
    await db.commit()
    return row


async def delete_schedule(db: AsyncSession, chart_id: str) -> bool:
    done = await db.execute(sa.delete(ChartSchedule).where(ChartSchedule.chart_id == chart_id))
    await db.commit()
    return int(getattr(done, "rowcount", 0)) > 0


async def schedules_of(db: AsyncSession, owner_id: str) -> list[ChartSchedule]:
    query = sa.select(ChartSchedule).where(ChartSchedule.owner_id == owner_id)
    return list(await db.scalars(query.order_by(ChartSchedule.next_run_at)))


async def overview(db: AsyncSession, until: datetime, limit: int = 50) -> tuple[list[ChartSchedule], ...]:
    """(schedules due by `until`, soonest first; schedules whose last runs failed or that paused)."""
    due = sa.select(ChartSchedule).where(ChartSchedule.next_run_at <= until, ChartSchedule.paused.is_(False))
    failing = sa.select(ChartSchedule).where(
        sa.or_(ChartSchedule.failures > 0, ChartSchedule.paused.is_(True))
    )
    return (
        list(await db.scalars(due.order_by(ChartSchedule.next_run_at).limit(limit))),
        list(await db.scalars(failing.order_by(ChartSchedule.updated_at.desc()).limit(limit))),
    )


async def active_schedules(db: AsyncSession, queue: str) -> list[tuple[str, datetime]]:
    """(chart id, next due time) of every schedule of the queue that is not paused."""
    query = sa.select(ChartSchedule.chart_id, ChartSchedule.next_run_at).where(
        ChartSchedule.queue_name == queue, ChartSchedule.paused.is_(False)
    )
    return [(chart_id, at) for chart_id, at in (await db.execute(query)).all()]


async def _update(
    db: AsyncSession, chart_id: str, where: list[sa.ColumnElement[bool]], **values: object
) -> bool:
    statement = sa.update(ChartSchedule).where(ChartSchedule.chart_id == chart_id, *where)
    done = await db.execute(statement.values(updated_at=utcnow(), **values))
    await db.commit()
    return int(getattr(done, "rowcount", 0)) == 1


async def begin_run(
    db: AsyncSession, row: ChartSchedule, task_id: str, now: datetime, next_at: datetime
) -> bool:
    """Takes the due time `row.next_run_at` for the run `task_id` (not yet created) and moves the
    schedule on to `next_at`; False if anyone moved it first (another firing, a PUT)."""
    conditions = [
        ChartSchedule.next_run_at == row.next_run_at,
        ChartSchedule.firing_task_id.is_(None),
        ChartSchedule.paused.is_(False),
    ]
    return await _update(
        db, row.chart_id, conditions, firing_task_id=task_id, last_run_at=now, next_run_at=next_at
    )


async def end_firing(db: AsyncSession, chart_id: str, task_id: str, created: bool) -> bool:
    """The run `task_id` exists now (`created`) or was not made (a refresh of the chart still runs):
    the firing is over."""
    conditions = [ChartSchedule.firing_task_id == task_id]
    if not created:
        return await _update(db, chart_id, conditions, firing_task_id=None)
    return await _update(
        db, chart_id, conditions, firing_task_id=None, last_task_id=task_id, last_status="PENDING"
    )


async def unsettled(db: AsyncSession, queue: str) -> list[ChartSchedule]:
    """Schedules of the queue whose last run has not been seen to end."""
    query = sa.select(ChartSchedule).where(
        ChartSchedule.queue_name == queue, ChartSchedule.last_status.in_(ACTIVE_STATUSES)
    )
    return list(await db.scalars(query))


@dataclass(frozen=True)
class Settled:
    failed: bool
    paused_reason: str | None


async def settle(db: AsyncSession, row: ChartSchedule, status: str, error_code: str | None) -> Settled | None:
    """Records how the last run ended (or that it moved on to PROCESSING); a run that did not complete
    counts against the schedule, which pauses after MAX_FAILURES in a row or when its chart is gone.
    None when another worker recorded it first."""
    conditions = [
        ChartSchedule.last_task_id == row.last_task_id,
        ChartSchedule.last_status == row.last_status,
    ]
    if status in ACTIVE_STATUSES:
        await _update(db, row.chart_id, conditions, last_status=status)
        return None
    failed = status != "COMPLETED"
    failures = row.failures + 1 if failed else 0
    reason = CHART_DELETED if error_code == "chart_gone" else FAILING if failures >= MAX_FAILURES else None
    values: dict[str, object] = {"last_status": status, "failures": failures}
    if reason:
        values |= {"paused": True, "paused_reason": reason}
    if not await _update(db, row.chart_id, conditions, **values):
        return None
    return Settled(failed=failed, paused_reason=reason)


async def pause(db: AsyncSession, chart_id: str, reason: str) -> None:
    await _update(db, chart_id, [], paused=True, paused_reason=reason)
