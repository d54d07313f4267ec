"""Stored charts: read with visibility rules, soft-delete by the owner."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from api.deps import CurrentUser, DbSession
from api.errors import not_found
from shared.db.charts import chart_to_dto, get_visible_chart
from shared.models import ChartDTO, ErrorDTO, ResourceId, utcnow

router = APIRouter(prefix="/api/v1/charts", tags=["charts"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorDTO} for code in (401, 404)}


@router.get("/{chart_id}", response_model=ChartDTO, responses=_ERRORS)
async def get_chart(chart_id: ResourceId, user: CurrentUser, db: DbSession) -> ChartDTO:
    chart = await get_visible_chart(db, chart_id, user)
    if chart is None:
        raise not_found("Chart")
    return chart_to_dto(chart)


@router.delete("/{chart_id}", status_code=204, responses=_ERRORS)
async def delete_chart(chart_id: ResourceId, user: CurrentUser, db: DbSession) -> Response:
    chart = await get_visible_chart(db, chart_id, user)
    # Only the owner deletes; anyone else learns nothing beyond "not found".
    if chart is None or chart.owner_id != user.user_id:
        raise not_found("Chart")
    chart.deleted_at = utcnow()
    await db.commit()
    return Response(status_code=204)
