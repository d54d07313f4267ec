"""Operator views of the queue: statistics (also live, for the dashboard), depth history, and any task."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable
from typing import Annotated, Any, cast

import orjson
from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel

from api.cancellation import cancel
from api.deps import DbSession, OperatorStreamUser, OperatorUser, StateDep
from api.errors import not_found
from api.limits import STREAM_LIMIT_DOC, open_lease, too_many_streams
from api.state import AppState
from api.stream_relay import HandedOff, Relayed
from shared import keys
from shared.eta import with_eta
from shared.models import ErrorDTO, TaskDTO
from shared.stats.report import QueueStats, collect_queue_stats

router = APIRouter(prefix="/api/v1/analytics/queue", tags=["queue (operators)"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorDTO} for code in (401, 403, 404)}


class DepthSample(BaseModel):
    t: float
    high: int
    normal: int
    low: int
    deferred: int
    processing: int


class OperatorTaskView(BaseModel):
    user_id: str
    worker_id: str | None
    task: TaskDTO


@router.get("/stats", response_model=QueueStats, responses=_ERRORS)
async def queue_stats(_: OperatorUser, state: StateDep) -> QueueStats:
    return await collect_queue_stats(state.stats)


async def _stats_frames(state: AppState, interval_s: float) -> AsyncGenerator[bytes, None]:
    while True:
        stats = await collect_queue_stats(state.stats)
        yield b"data: " + stats.model_dump_json().encode() + b"\n\n"
        await asyncio.sleep(interval_s)


@router.get("/stats/stream", response_class=StreamingResponse, responses={**_ERRORS, **STREAM_LIMIT_DOC})
async def queue_stats_stream(
    user: OperatorStreamUser,
    state: StateDep,
    interval: Annotated[float, Query(ge=0.2, le=60, description="Seconds between frames")] = 1.0,
) -> Response:
    """Server-sent QueueStats frames, one per interval: what the dashboard draws live. It counts among
    the operator's open streams and ends when the token expires, like every other stream."""
    lease = await open_lease(state, user.user_id)
    if lease is None:
        raise too_many_streams(state.settings.max_streams_per_user)
    return HandedOff(Relayed(_stats_frames(state, interval), lease, user.expires_at))


@router.get("/history", response_model=list[DepthSample], responses=_ERRORS)
async def depth_history(_: OperatorUser, state: StateDep) -> list[DepthSample]:
    """Queue depth every 5 s over the last hour, oldest first (recorded by the workers)."""
    raw = await cast(
        Awaitable[list[bytes]], state.redis.lrange(keys.depth_history(state.settings.queue_name), 0, -1)
    )
    return [DepthSample(**orjson.loads(item)) for item in reversed(raw)]


@router.get("/tasks/{task_id}", response_model=OperatorTaskView, responses=_ERRORS)
async def any_task(task_id: str, _: OperatorUser, state: StateDep) -> OperatorTaskView:
    stored = await state.store.get(task_id)
    if stored is None:
        raise not_found("Task")
    worker = await cast(Awaitable[bytes | None], state.redis.hget(keys.task(task_id), "worker"))
    return OperatorTaskView(
        user_id=stored.user_id,
        worker_id=worker.decode() if worker else None,
        task=await with_eta(state.store, stored.dto),
    )


@router.delete("/tasks/{task_id}", response_model=TaskDTO, responses=_ERRORS)
async def cancel_any_task(task_id: str, _: OperatorUser, state: StateDep, db: DbSession) -> TaskDTO:
    stored = await state.store.get(task_id)
    if stored is None:
        raise not_found("Task")
    return await cancel(state, db, stored)
