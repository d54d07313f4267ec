"""Creating a batch: one ordinary chart task per message, all or nothing.

Each message is submitted as POST .../async would submit it (api.task_submission): a message that
already has its chart brings that COMPLETED task, one whose chart is being made brings the active task,
any other gets a new task. Before anything is created, the batch must fit: in the caller's active-task
cap (else 429) and in the queue (else 503). Should a concurrent request of the same user take the room
meanwhile, the tasks this batch had created are cancelled at once (they read CANCELLED) and the answer
is the same 429 or 503: no half batch is left running.
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
from shared import keys
from shared.auth import Principal
from shared.batch_store import BatchRecord, BatchStore
from shared.db.charts import RequestedMessage, message_for_request
from shared.db.lookups import Lookups
from shared.job import request_key
from shared.models import ACTIVE_STATUSES, BatchCreate, TaskDTO, utcnow

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


async def check_room(state: AppState, user: Principal, messages: list[RequestedMessage]) -> None:
    """429 when the new tasks would take the caller past the active-task cap, 503 when past the queue's."""
    settings, store = state.settings, state.store
    request = request_key(None)
    to_start = [m for m in messages if m.chart_task_id is None]
    async with state.redis.pipeline(transaction=False) as pipe:
        for message in to_start:
            pipe.get(keys.active_request(user.user_id, message.id, request))
        pipe.zcard(settings.queue_name)
        *holders, depth = await pipe.execute()
    active = await store.get_many(await store.active_task_ids(user.user_id))
    live = {task.task_id for task in active if task.status in ACTIVE_STATUSES}
    # A message whose chart is being made already brings that task: only the others add one.
    new = sum(1 for holder in holders if holder is None or holder.decode() not in live)
    cap = settings.max_active_tasks_per_user
    if cap > 0 and len(live) + new > cap:
        raise too_many_active_tasks(
            f"This batch would start {new} charts and you have {len(live)} in progress, at most {cap}; "
            "wait for some to finish or send fewer messages."
        )
    if settings.max_queue_length > 0 and int(depth) + new > settings.max_queue_length:
        raise queue_full()


async def create_batch(state: AppState, db: AsyncSession, user: Principal, body: BatchCreate) -> BatchRecord:
    check_priority(user, body.priority)
    await spend_writes(state, user, len(body.message_ids))
    messages = await messages_of(state.lookups, user, body.message_ids)
    await check_room(state, user, messages)
    created: list[str] = []
    tasks: list[TaskDTO] = []
    try:
        for message in messages:
            task, is_new = await _task_for(state, db, user, message, body)
            tasks.append(task)
            if is_new:
                created.append(task.task_id)
    except ApiError:
        await _withdraw(state, db, created)
        raise
    record = BatchRecord(uuid4().hex, user.user_id, tuple(t.task_id for t in tasks), utcnow())
    await BatchStore(state.redis, state.settings).create(record)
    return record


async def _task_for(
    state: AppState, db: AsyncSession, user: Principal, message: RequestedMessage, body: BatchCreate
) -> tuple[TaskDTO, bool]:
    """The message's task, and whether this batch created it."""
    if message.chart_task_id is not None:
        return await owned_task(state.store, db, user, message.chart_task_id), False
    dto, result = await submit_task(
        state.store, user, message, priority=body.priority, visibility=body.visibility
    )
    if (refused := refusal(result)) is not None:
        raise refused
    if result.outcome == "existing":
        return await owned_task(state.store, db, user, result.task_id), False
    return dto, True


async def _withdraw(state: AppState, db: AsyncSession, task_ids: list[str]) -> None:
    """Cancels the tasks a refused batch had created (a queued task never runs)."""
    for task_id in task_ids:
        stored = await state.store.get(task_id)
        if stored is not None and stored.dto.status in ACTIVE_STATUSES:
            await cancel(state, db, stored)
