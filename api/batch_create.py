"""Creating a batch: one ordinary chart task per message, all or nothing.

Each message is submitted as POST .../async would submit it (api.task_submission): a message that
already has its chart brings that COMPLETED task, one whose chart is being made brings the active task,
any other gets a new task. Before anything is created, the batch's room is decided and reserved in one
step (shared.task_store.TaskStore.reserve): it must fit in the caller's active-task cap (else 429) and in
the queue (else 503), counting the room other batches being created hold. Its creates then use that room
(no rival request can take it meanwhile, and every single create counts it as taken), and what is left
unused is given back at the end. Only if the reservation lapsed (RESERVATION_TTL_MS) or a message's
active task ended in between can a create still be refused: the tasks this batch had created are then
withdrawn (CANCELLED, never counted as a user's cancellation) and the answer is the same 429 or 503, so
no half batch is left running.
"""

from __future__ import annotations

from typing import cast
from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from api.access import owned_task
from api.cancellation import cancel
from api.errors import ApiError
from api.limits import spend_writes
from api.state import AppState
from api.task_submission import check_priority, queue_full, refusal, submit_task, too_many_active_tasks
from shared.auth import Principal
from shared.batch_store import BatchRecord, BatchStore
from shared.db.charts import RequestedMessage, message_for_request
from shared.db.lookups import Lookups
from shared.job import request_key
from shared.models import ACTIVE_STATUSES, BatchCreate, TaskDTO, utcnow
from shared.task_store import Reservation

UNKNOWN_MESSAGES = "unknown_messages"


async def messages_of(lookups: Lookups, user: Principal, message_ids: list[str]) -> list[RequestedMessage]:
    """The caller's messages, in order, or 422 naming every id that is not one of them."""
    request = request_key(None)
    found = [
        await message_for_request(lookups, user.user_id, message_id, request) for message_id in message_ids
    ]
    unknown = [message_id for message_id, message in zip(message_ids, found, strict=True) if message is None]
    if unknown:
        raise ApiError(422, UNKNOWN_MESSAGES, f"No such message of yours: {', '.join(unknown)}")
    return cast(list[RequestedMessage], found)


async def reserve_room(state: AppState, user: Principal, messages: list[RequestedMessage]) -> Reservation:
    """The batch's reserved room; 429 when its new tasks would take the caller past the active-task cap,
    503 when past the queue's."""
    request = request_key(None)
    to_start = [(m.id, request) for m in messages if m.chart_task_id is None]
    reservation = await state.store.reserve(user.user_id, to_start)
    if reservation.outcome == "user_cap":
        cap = state.settings.max_active_tasks_per_user
        raise too_many_active_tasks(
            f"This batch would start {reservation.new} charts and you have {reservation.held} in progress, "
            f"at most {cap}; wait for some to finish or send fewer messages."
        )
    if reservation.outcome == "queue_full":
        raise queue_full()
    return reservation


async def create_batch(state: AppState, db: AsyncSession, user: Principal, body: BatchCreate) -> BatchRecord:
    check_priority(user, body.priority)
    await spend_writes(state, user, len(body.message_ids))
    messages = await messages_of(state.lookups, user, body.message_ids)
    reservation = await reserve_room(state, user, messages)
    created: list[str] = []
    tasks: list[TaskDTO] = []
    try:
        for message in messages:
            task, is_new = await _task_for(state, db, user, message, body, reservation.reservation_id)
            tasks.append(task)
            if is_new:
                created.append(task.task_id)
    except ApiError:
        await _withdraw(state, db, created)
        raise
    finally:
        # Each create used one of the reserved tasks; a message whose task became active meanwhile did
        # not, and that room goes back now rather than when the reservation lapses.
        if len(created) < reservation.new:
            await state.store.release(user.user_id, reservation.reservation_id)
    record = BatchRecord(uuid4().hex, user.user_id, tuple(t.task_id for t in tasks), utcnow())
    await BatchStore(state.redis, state.settings).create(record)
    return record


async def _task_for(
    state: AppState,
    db: AsyncSession,
    user: Principal,
    message: RequestedMessage,
    body: BatchCreate,
    reservation: str,
) -> tuple[TaskDTO, bool]:
    """The message's task, and whether this batch created it (using its `reservation`)."""
    if message.chart_task_id is not None:
        return await owned_task(state.store, db, user, message.chart_task_id), False
    dto, result = await submit_task(
        state.store,
        user,
        message,
        priority=body.priority,
        visibility=body.visibility,
        reservation=reservation,
    )
    if (refused := refusal(result)) is not None:
        raise refused
    if result.outcome == "existing":
        return await owned_task(state.store, db, user, result.task_id), False
    return dto, True


async def _withdraw(state: AppState, db: AsyncSession, task_ids: list[str]) -> None:
    """Cancels the tasks a refused batch had created (a queued task never runs). No user cancelled them
    (nobody was told they were accepted), so the statistics do not count them as cancellations."""
    for task_id in task_ids:
        stored = await state.store.get(task_id)
        if stored is not None and stored.dto.status in ACTIVE_STATUSES:
            await cancel(state, db, stored, counted=False)
