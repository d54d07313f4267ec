"""Ownership checks shared by the routers: anything not the caller's answers 404, never 403."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import not_found
from shared.auth import Principal
from shared.db.runs import get_run, run_to_dto
from shared.db.tables import Chart, ChatSession, Message, TaskRun
from shared.models import Priority, TaskDTO, TaskStatus
from shared.task_store import TaskStore


async def owned_session(db: AsyncSession, user: Principal, session_id: str) -> ChatSession:
    session = await db.get(ChatSession, session_id)
    if session is None or session.user_id != user.user_id:
        raise not_found("Session")
    return session


async def owned_message(db: AsyncSession, user: Principal, message_id: str) -> Message:
    message = await db.get(Message, message_id)
    if message is None or message.user_id != user.user_id:
        raise not_found("Message")
    return message


async def owned_task(store: TaskStore, db: AsyncSession, user: Principal, task_id: str) -> TaskDTO:
    """The live TaskDTO from Redis, or the durable run record once the live hash has expired (or, for
    a task whose chart alone survived a Redis failover, the chart)."""
    stored = await store.get(task_id)
    if stored is not None:
        if stored.user_id != user.user_id:
            raise not_found("Task")
        return stored.dto
    run = await get_run(db, task_id, user.user_id) or await run_of_chart(db, task_id, user.user_id)
    if run is None:
        raise not_found("Task")
    return run_to_dto(run)


async def run_of_chart(db: AsyncSession, task_id: str, user_id: str) -> TaskRun | None:
    """A COMPLETED run record made up from a task's live chart, for a task that left nothing else: a
    Redis failover lost its live state after its chart was stored, so it could not end (and its create
    had answered 503). The chart is the task's outcome; without this, asking again for the message's
    chart answered 404."""
    query = sa.select(
        Chart.id, Chart.message_id, Chart.session_id, Chart.request_key, Chart.created_at
    ).where(Chart.task_id == task_id, Chart.owner_id == user_id, Chart.deleted_at.is_(None))
    row = (await db.execute(query)).first()
    if row is None:
        return None
    chart_id, message_id, session_id, request_key, created_at = row
    return TaskRun(
        task_id=task_id,
        user_id=user_id,
        message_id=message_id,
        session_id=session_id,
        request_key=request_key,
        priority=Priority.NORMAL.value,
        status=TaskStatus.COMPLETED.value,
        attempts=1,
        step_durations_ms={},
        chart_id=chart_id,
        created_at=created_at,
        completed_at=created_at,
    )
