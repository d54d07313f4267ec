"""Recurring refresh of a chart: set (PUT), read and remove the schedule of a chart the caller owns,
list the caller's schedules, and for operators what is due and what fails. The workers fire them
(worker.runtime.scheduler); each run is a chart task that adds a version to the chart."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy.ext.asyncio import AsyncSession

from api.deps import CurrentUser, DbSession, OperatorUser, StateDep
from api.errors import ApiError, not_found
from api.limits import WRITE_LIMIT_DOC, spend_writes
from shared.auth import Principal
from shared.db import schedules as sql
from shared.db.charts import get_visible_chart
from shared.db.tables import Chart, ChartSchedule
from shared.models import ErrorDTO, ResourceId, utcnow
from shared.schedule_models import ScheduleDTO, ScheduleList, ScheduleOverview, ScheduleSet
from shared.schedule_store import DueSchedules
from shared.schedule_times import ScheduleError, next_run

router = APIRouter(prefix="/api/v1", tags=["schedules"])
SCHEDULE = "/charts/{chart_id}/schedule"
# "Due" on the dashboard: overdue, or due within this.
DUE_HORIZON = timedelta(hours=1)

_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorDTO},
    404: {"model": ErrorDTO, "description": "No such chart (or schedule) of the caller's"},
}
_PUT_DOC: dict[int | str, dict[str, Any]] = {
    **_NOT_FOUND,
    **WRITE_LIMIT_DOC,
    422: {
        "model": ErrorDTO,
        "description": "invalid_schedule: a cron expression that is not 5 valid fields or never fires, or an "
        "unknown time zone",
    },
}


async def _owned_chart(db: AsyncSession, chart_id: str, user: Principal) -> Chart:
    """The caller's own live chart; anyone else's is "not found", as are charts they may only view."""
    chart = await get_visible_chart(db, chart_id, user)
    if chart is None or chart.owner_id != user.user_id:
        raise not_found("Chart")
    return chart


async def _owned_schedule(db: AsyncSession, chart_id: str, user: Principal) -> ChartSchedule:
    """The caller's schedule, also once its chart is deleted (it then shows paused, and can be removed)."""
    row = await db.get(ChartSchedule, chart_id)
    if row is None or row.owner_id != user.user_id:
        raise not_found("Schedule")
    return row


@router.put(SCHEDULE, response_model=ScheduleDTO, responses=_PUT_DOC)
async def set_schedule(
    chart_id: ResourceId,
    body: ScheduleSet,
    user: CurrentUser,
    db: DbSession,
    state: StateDep,
) -> ScheduleDTO:
    """Refreshes the chart on a cron schedule in a time zone; replacing a schedule resumes it."""
    chart = await _owned_chart(db, chart_id, user)
    await spend_writes(state, user, 1)
    cron = " ".join(body.cron.split())
    try:
        next_at = next_run(cron, body.timezone, utcnow())
    except ScheduleError as exc:
        raise ApiError(422, "invalid_schedule", str(exc)) from exc
    queue = state.settings.queue_name
    row = await sql.set_schedule(db, chart.id, user.user_id, queue, cron, body.timezone, next_at)
    await DueSchedules(state.redis, queue).put(chart.id, next_at)
    return sql.schedule_to_dto(row)


@router.get(SCHEDULE, response_model=ScheduleDTO, responses=_NOT_FOUND)
async def get_schedule(chart_id: ResourceId, user: CurrentUser, db: DbSession) -> ScheduleDTO:
    return sql.schedule_to_dto(await _owned_schedule(db, chart_id, user))


@router.delete(SCHEDULE, status_code=204, responses=_NOT_FOUND)
async def delete_schedule(
    chart_id: ResourceId, user: CurrentUser, db: DbSession, state: StateDep
) -> Response:
    row = await _owned_schedule(db, chart_id, user)
    queue = row.queue_name
    await sql.delete_schedule(db, chart_id)
    await DueSchedules(state.redis, queue).remove(chart_id)
    return Response(status_code=204)


@router.get("/schedules", response_model=ScheduleList, responses={401: {"model": ErrorDTO}})
async def list_schedules(user: CurrentUser, db: DbSession) -> ScheduleList:
    """The caller's schedules, soonest due first."""
    return ScheduleList(schedules=[sql.schedule_to_dto(r) for r in await sql.schedules_of(db, user.user_id)])


@router.get(
    "/schedules/overview",
    response_model=ScheduleOverview,
    responses={401: {"model": ErrorDTO}, 403: {"model": ErrorDTO}},
)
async def schedules_overview(_: OperatorUser, db: DbSession) -> ScheduleOverview:
    """Operators: every user's schedules due within the hour (or overdue), and those failing or paused."""
    due, failing = await sql.overview(db, utcnow() + DUE_HORIZON)
    return ScheduleOverview(
        due=[sql.schedule_to_dto(r) for r in due], failing=[sql.schedule_to_dto(r) for r in failing]
    )
