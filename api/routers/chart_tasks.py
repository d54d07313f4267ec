"""Chart tasks: create (202), status, result, cancel, and the tasks and charts of a chat message."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from api.access import owned_message, owned_task
from api.cancellation import cancel
from api.deps import CurrentUser, DbSession, StateDep, StoreDep, database_session
from api.errors import ApiError, not_found
from api.limits import spend_writes, write_window
from api.task_dependencies import resolve_dependencies
from api.task_submission import check_priority, refusal, submit_task
from shared.db.charts import (
    chart_to_dto,
    charts_of_message,
    get_visible_chart,
    message_for_request,
)
from shared.eta import with_eta, with_etas, with_placed_eta
from shared.job import request_key
from shared.models import (
    ACTIVE_STATUSES,
    ChartDTO,
    ChartsByMessage,
    ChartTaskCreate,
    ErrorDTO,
    ResourceId,
    TaskDTO,
    TaskStatus,
    utcnow,
)

router = APIRouter(prefix="/api/v1/analytics/charts", tags=["chart tasks"])

# 401, 503 and (with a body) 413/422 are documented for every operation by api.errors.document_errors.
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorDTO, "description": "No such task"}}


def status_url(task_id: str) -> str:
    return f"{router.prefix}/async/{task_id}/status"


@router.post(
    "/async",
    status_code=202,
    response_model=TaskDTO,
    responses={
        200: {"model": TaskDTO, "description": "An existing task or chart answers the request"},
        403: {"model": ErrorDTO, "description": "High priority needs the operator or priority role"},
        404: {"model": ErrorDTO, "description": "No such message"},
        422: {"model": ErrorDTO, "description": "Bad input, or depends_on names tasks that are not yours"},
        429: {"model": ErrorDTO, "description": "Too many active tasks or writes this minute"},
        503: {"model": ErrorDTO, "description": "The queue is full or unavailable"},
    },
)
async def create_chart_task(
    body: ChartTaskCreate, user: CurrentUser, state: StateDep, response: Response
) -> TaskDTO:
    # No DbSession parameter: most creations need no session (the message is read by state.lookups),
    # and a session dependency was a tenth of the POST's CPU. The paths that read runs open their own.
    store = state.store
    check_priority(user, body.priority)
    request = request_key(body.adjustment_query)
    message = await message_for_request(state.lookups, user.user_id, body.message_id, request)
    if message is None:
        raise not_found("Message")
    if message.chart_task_id is not None and not body.force_create:
        response.status_code = 200
        response.headers["Location"] = status_url(message.chart_task_id)
        async with database_session(state) as db:
            return await owned_task(store, db, user, message.chart_task_id)

    writes = write_window(state, user)
    if body.depends_on and writes is not None:
        # Counted before the lookups it pays for (a read of each named task), not by the create script.
        await spend_writes(state, user, 1)
        writes = None
    dependencies = await resolve_dependencies(
        state,
        user,
        message_id=message.id,
        adjustment_query=body.adjustment_query,
        depends_on=body.depends_on,
    )
    dto, result = await submit_task(
        store,
        user,
        message,
        priority=body.priority,
        visibility=body.visibility,
        adjustment_query=body.adjustment_query,
        start_at=None if dependencies.task_ids else body.start_at(utcnow()),
        dependencies=dependencies,
        new_chart=body.force_create,
        writes=writes,
    )
    if (refused := refusal(result, writes)) is not None:
        raise refused
    response.headers["Location"] = status_url(result.task_id)
    if result.outcome == "existing":
        response.status_code = 200
        existing = await store.get(result.task_id)
        if existing is not None:
            return await with_eta(store, existing.dto)
    return await with_placed_eta(store, dto, result.place)


@router.get("/async/{task_id}/status", response_model=TaskDTO, responses=_NOT_FOUND)
async def get_task_status(task_id: ResourceId, user: CurrentUser, db: DbSession, store: StoreDep) -> TaskDTO:
    return await with_eta(store, await owned_task(store, db, user, task_id))


@router.get(
    "/async/{task_id}/result",
    response_model=ChartDTO,
    responses={
        **_NOT_FOUND,
        409: {"model": ErrorDTO, "description": "Not COMPLETED (yet); code is the failure's error_code"},
    },
)
async def get_task_result(task_id: ResourceId, user: CurrentUser, db: DbSession, store: StoreDep) -> ChartDTO:
    task = await owned_task(store, db, user, task_id)
    if task.status == TaskStatus.FAILED:
        raise ApiError(409, task.error_code or "failed", task.error_message or "The chart could not be made")
    if task.status != TaskStatus.COMPLETED or task.chart_id is None:
        raise ApiError(409, "not_ready", f"The task is {task.status.value}; the result exists once COMPLETED")
    chart = await get_visible_chart(db, task.chart_id, user)
    if chart is None:
        raise not_found("Chart")
    return chart_to_dto(chart)


@router.delete("/async/{task_id}", response_model=TaskDTO, responses=_NOT_FOUND)
async def cancel_task(task_id: ResourceId, user: CurrentUser, db: DbSession, state: StateDep) -> TaskDTO:
    """A PENDING task is cancelled here and never runs; a PROCESSING one is stopped by its worker."""
    stored = await state.store.get(task_id)
    if stored is None or stored.user_id != user.user_id:
        return await owned_task(state.store, db, user, task_id)  # 404, or the final state of an old task
    return await cancel(state, db, stored)


@router.get(
    "/by-message/{message_id}",
    response_model=ChartsByMessage,
    responses={404: {"model": ErrorDTO, "description": "No such message"}},
)
async def charts_by_message(
    message_id: ResourceId, user: CurrentUser, db: DbSession, store: StoreDep
) -> ChartsByMessage:
    message = await owned_message(db, user, message_id)
    charts = await charts_of_message(db, user.user_id, message.id)
    tasks = await store.get_many(await store.message_task_ids(user.user_id, message.id))
    active = sorted((t for t in tasks if t.status in ACTIVE_STATUSES), key=lambda t: t.created_at)
    active = await with_etas(store, active)
    return ChartsByMessage(
        charts=[chart_to_dto(c) for c in charts], active_tasks=active, has_active_tasks=bool(active)
    )
