"""Ownership checks shared by the routers: anything not the caller's answers 404, never 403."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import not_found
from shared.auth import Principal
from shared.db.charts import get_run, run_to_dto
from shared.db.tables import ChatSession, Message
from shared.models import TaskDTO
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
    """The live TaskDTO from Redis, or the durable run record once the live hash has expired."""
    stored = await store.get(task_id)
    if stored is not None:
        if stored.user_id != user.user_id:
            raise not_found("Task")
        return stored.dto
    run = await get_run(db, task_id, user.user_id)
    if run is None:
        raise not_found("Task")
    return run_to_dto(run)
