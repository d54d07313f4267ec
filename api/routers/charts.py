"""Stored charts: read with visibility rules (any of their versions), soft-delete by the owner."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from api.deps import CurrentUser, DbSession, StoreDep
from api.errors import not_found
from shared.db.chart_versions import chart_version_dto, list_versions
from shared.db.charts import chart_to_dto, get_visible_chart
from shared.models import ChartDTO, ChartVersionsDTO, ErrorDTO, ResourceId, utcnow

router = APIRouter(prefix="/api/v1/charts", tags=["charts"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorDTO} for code in (401, 404)}
_VERSION = Query(ge=1, le=1_000_000, description="An older version to read; the newest when left out.")


@router.get("/{chart_id}", response_model=ChartDTO, responses=_ERRORS)
async def get_chart(
    chart_id: ResourceId, user: CurrentUser, db: DbSession, version: Annotated[int | None, _VERSION] = None
) -> ChartDTO:
    chart = await get_visible_chart(db, chart_id, user)
    if chart is None:
        raise not_found("Chart")
    if version is None:
        return chart_to_dto(chart)
    shown = await chart_version_dto(db, chart, version)
    if shown is None:
        raise not_found("Chart version")
    return shown


@router.get("/{chart_id}/versions", response_model=ChartVersionsDTO, responses=_ERRORS)
async def get_chart_versions(chart_id: ResourceId, user: CurrentUser, db: DbSession) -> ChartVersionsDTO:
    """Every version of the chart, newest first: one more each time a refresh redrew it."""
    chart = await get_visible_chart(db, chart_id, user)
    if chart is None:
        raise not_found("Chart")
    return ChartVersionsDTO(chart_id=chart.id, versions=await list_versions(db, chart))


@router.delete("/{chart_id}", status_code=204, responses=_ERRORS)
async def delete_chart(chart_id: ResourceId, user: CurrentUser, db: DbSession, store: StoreDep) -> Response:
    chart = await get_visible_chart(db, chart_id, user)
    # Only the owner deletes; anyone else learns nothing beyond "not found".
    if chart is None or chart.owner_id != user.user_id:
        raise not_found("Chart")
    # Asking for the message's chart again makes a new one rather than bringing this task back; marked
    # first, since a marked task whose chart stays (the commit failed) is still found through the chart.
    await store.chart_deleted(chart.task_id)
    chart.deleted_at = utcnow()
    await db.commit()
    return Response(status_code=204)
