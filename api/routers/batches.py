"""Batches of chart tasks: create (202), status, cancel and live progress of "a chart for each of these
messages"; and, for operators, how many batches are active and how they ended."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response
from fastapi.responses import StreamingResponse

from api.batch_create import create_batch
from api.batch_stream import batch_frames
from api.batch_views import cancel_batch, current, load_view, owned_batch, sweep
from api.deps import CurrentUser, DbSession, OperatorUser, StateDep, StreamUser
from api.limits import STREAM_LIMIT_DOC, open_lease, too_many_streams
from api.routers.streams import SEQ_PATTERN, parse_seq
from api.stream_relay import HandedOff, Relayed
from shared.models import MAX_BATCH_MESSAGES, BatchCreate, BatchDTO, BatchStats, ErrorDTO, ResourceId

router = APIRouter(prefix="/api/v1/analytics", tags=["chart batches"])
BATCHES = "/charts/batch"

_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorDTO, "description": "No such batch of the caller's (or it has expired)"}
}
_CREATE_DOC: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorDTO, "description": "High priority needs the operator or priority role"},
    422: {
        "model": ErrorDTO,
        "description": f"Invalid: no ids, more than {MAX_BATCH_MESSAGES}, an id named twice, or ids that "
        "are not the caller's messages (code unknown_messages, detail names them)",
    },
    429: {
        "model": ErrorDTO,
        "description": "The batch would take the caller past the active-task cap "
        "(too_many_active_tasks), or past CHARTQ_WRITES_PER_MINUTE (too_many_writes): nothing was created",
    },
    503: {"model": ErrorDTO, "description": "The queue is full or unavailable: nothing was created"},
}
_STREAM_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "text/event-stream of BatchDTO frames, `id:` rising with every change",
        "content": {"text/event-stream": {}},
    },
    204: {
        "description": "A reconnect (Last-Event-ID) after the batch's final frame: it has ended and nothing "
        "changed since. Do not reconnect."
    },
    **_NOT_FOUND,
    **STREAM_LIMIT_DOC,
}


def batch_url(batch_id: str) -> str:
    return f"{router.prefix}{BATCHES}/{batch_id}"


@router.post(BATCHES, status_code=202, response_model=BatchDTO, responses=_CREATE_DOC)
async def create_chart_batch(
    body: BatchCreate, user: CurrentUser, db: DbSession, state: StateDep, response: Response
) -> BatchDTO:
    """A chart for each message (1 to 20 of the caller's, each named once): each becomes an ordinary
    chart task, as POST .../async would make it (a message that already has its chart brings that
    COMPLETED task; one whose chart is being made brings that task). All or nothing: when the batch
    would not fit the caller's active-task cap or the queue, no task is created. Counts as one write
    per message against CHARTQ_WRITES_PER_MINUTE."""
    record = await create_batch(state, db, user, body)
    response.headers["Location"] = batch_url(record.batch_id)
    return await current(state, record)


@router.get(BATCHES + "/{batch_id}", response_model=BatchDTO, responses=_NOT_FOUND)
async def get_chart_batch(batch_id: ResourceId, user: CurrentUser, state: StateDep) -> BatchDTO:
    return await current(state, await owned_batch(state, user, batch_id))


@router.delete(BATCHES + "/{batch_id}", response_model=BatchDTO, responses=_NOT_FOUND)
async def cancel_chart_batch(
    batch_id: ResourceId, user: CurrentUser, db: DbSession, state: StateDep
) -> BatchDTO:
    """Cancels every task of the batch still active (a queued one never runs, a running one stops
    within a second) and answers the batch as it then is. A task shared with another batch (the same
    message) is cancelled there too."""
    return await cancel_batch(state, db, await owned_batch(state, user, batch_id))


@router.get(BATCHES + "/{batch_id}/stream", response_class=StreamingResponse, responses=_STREAM_DOC)
async def stream_chart_batch(
    batch_id: ResourceId,
    user: StreamUser,
    state: StateDep,
    last_event_id: Annotated[
        str | None,
        Header(alias="Last-Event-ID", pattern=SEQ_PATTERN, description="The id EventSource resends"),
    ] = None,
) -> Response:
    """Server-sent events: the BatchDTO now, then on every change of any of its tasks; ends once all
    have ended. 204 for a reconnect that already has the final frame."""
    record = await owned_batch(state, user, batch_id)
    last = parse_seq(last_event_id, "Last-Event-ID")
    if last is not None:
        view = await load_view(state, record)
        if view.dto().status.is_terminal and view.version <= last:
            return Response(status_code=204, headers={"Cache-Control": "no-cache"})
    lease = await open_lease(state, user.user_id)
    if lease is None:
        raise too_many_streams(state.settings.max_streams_per_user)
    return HandedOff(Relayed(batch_frames(state, record), lease, user.expires_at))


@router.get(
    "/queue/batches",
    response_model=BatchStats,
    tags=["queue (operators)"],
    responses={code: {"model": ErrorDTO} for code in (401, 403)},
)
async def batch_statistics(_: OperatorUser, state: StateDep) -> BatchStats:
    """Every user's batches: active now (a task still PENDING or PROCESSING), and all-time counts of
    batches created, their tasks, and how they ended."""
    return await sweep(state)
