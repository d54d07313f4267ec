"""Cancelling a task, for its owner and for operators alike."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession

from api.state import AppState
from shared import keys
from shared.db.charts import hide_chart_of_task
from shared.db.runs import record_run
from shared.db.tables import TaskRun
from shared.models import TaskDTO, TaskStatus
from shared.task_states import cancelled as cancelled_state
from shared.task_states import may_have_chart
from shared.task_store import StoredTask, TaskStore

# DELETE waits this long for a running task's worker to stop it, so the answer is usually final.
CANCEL_WAIT_SECONDS = 2.0
CANCEL_POLL_SECONDS = 0.05


async def cancel(state: AppState, db: AsyncSession, stored: StoredTask, *, counted: bool = True) -> TaskDTO:
    """Cancels the task; unless not `counted` (a task of a batch that was refused, which no user ever
    had accepted), a PENDING one cancelled here counts among the cancelled outcomes of the statistics."""
    task = stored.dto
    if task.status == TaskStatus.PENDING:
        if may_have_chart(task):
            # An earlier attempt stored its chart but never wrote COMPLETED (its worker stopped). The
            # cancel flag first: after it no attempt can complete the task, so the chart can go before
            # anyone sees the task CANCELLED.
            await state.store.request_cancel(task.task_id)
            await hide_chart_of_task(db, task.task_id)
        cancelled = cancelled_state(task)
        outcome = await state.store.transition(cancelled, stored.user_id, expected=TaskStatus.PENDING)
        if outcome.applied:
            await state.store.dequeue(task.task_id)
            request_key = str(stored.job.get("request_key", ""))
            await record_run(db, TaskRun.of_task(cancelled, user_id=stored.user_id, request_key=request_key))
            if counted:
                await state.stats.record("cancelled", durations_ms={})
            return cancelled
        # The worker started it between our read and our write: stop it like a running task.
    if task.status.is_terminal:
        return task
    await state.store.request_cancel(task.task_id)
    return await _wait_for_end(state.store, task.task_id, task)


async def _wait_for_end(store: TaskStore, task_id: str, last: TaskDTO) -> TaskDTO:
    deadline = asyncio.get_running_loop().time() + CANCEL_WAIT_SECONDS
    while asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(CANCEL_POLL_SECONDS)
        stored = await store.get(task_id)
        if stored is None:
            break
        last = stored.dto
        if last.status.is_terminal:
            break
    return last


async def cancel_tasks_of_messages(
    state: AppState, db: AsyncSession, user_id: str, message_ids: list[str]
) -> None:
    """Cancels every active task made from these messages (their session is being deleted), without
    waiting for running ones to stop: once their cancel flag is set no attempt can complete them, and
    a chart one of them stores is hidden before it ends CANCELLED."""
    async with state.redis.pipeline(transaction=False) as pipe:
        for message_id in message_ids:
            pipe.hkeys(keys.message_index(user_id, message_id))
        indexes: list[list[bytes]] = await pipe.execute()
    for task_id in {raw.decode() for index in indexes for raw in index}:
        stored = await state.store.get(task_id)
        if stored is None or stored.dto.status.is_terminal:
            continue
        if stored.dto.status == TaskStatus.PENDING:
            await cancel(state, db, stored)
        else:
            await state.store.request_cancel(task_id)
