"""Chat sessions and their messages (the text charts are made from), and a session's chart history."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import uuid4

import sqlalchemy as sa
from fastapi import APIRouter, Query, Response

from api.access import owned_session
from api.cancellation import cancel_tasks_of_messages
from api.deps import CurrentUser, DbSession, StateDep
from api.limits import WRITE_LIMIT_DOC, WriteLimited
from shared.db.charts import chart_to_dto, charts_of_session
from shared.db.tables import Chart, ChatSession, Message
from shared.models import (
    ChartDTO,
    ErrorDTO,
    MessageCreate,
    MessageDTO,
    ResourceId,
    SessionCreate,
    SessionDTO,
    utcnow,
)

router = APIRouter(prefix="/api/v1/sessions", tags=["sessions"])
# Past a signed 64-bit integer the database driver overflows (a 500); no listing is this long anyway.
MAX_OFFSET = 10**9
# Another user's session answers the same 404 as one that does not exist.
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorDTO, "description": "No such session"}}


def session_dto(session: ChatSession) -> SessionDTO:
    return SessionDTO.model_validate(session, from_attributes=True)


def message_dto(message: Message) -> MessageDTO:
    return MessageDTO.model_validate(message, from_attributes=True)


@router.post("", status_code=201, response_model=SessionDTO, responses=WRITE_LIMIT_DOC)
async def create_session(
    body: SessionCreate, user: CurrentUser, db: DbSession, _: WriteLimited
) -> SessionDTO:
    now = utcnow()
    session = ChatSession(
        id=str(uuid4()),
        user_id=user.user_id,
        org_id=user.org,
        title=body.title,
        message_count=0,
        created_at=now,
        updated_at=now,
    )
    db.add(session)
    await db.commit()
    return session_dto(session)


@router.get("", response_model=list[SessionDTO])
async def list_sessions(
    user: CurrentUser,
    db: DbSession,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> list[SessionDTO]:
    query = (
        sa.select(ChatSession)
        .where(ChatSession.user_id == user.user_id)
        .order_by(ChatSession.updated_at.desc())
        .limit(limit)
        .offset(offset)
    )
    return [session_dto(s) for s in await db.scalars(query)]


@router.get("/{session_id}", response_model=SessionDTO, responses=_NOT_FOUND)
async def get_session(session_id: ResourceId, user: CurrentUser, db: DbSession) -> SessionDTO:
    return session_dto(await owned_session(db, user, session_id))


@router.delete("/{session_id}", status_code=204, responses=_NOT_FOUND)
async def delete_session(
    session_id: ResourceId, user: CurrentUser, db: DbSession, state: StateDep
) -> Response:
    session = await owned_session(db, user, session_id)
    # Its charts still being made are cancelled first: one finishing after the rows below are gone would
    # leave a chart of a deleted session readable by id.
    message_ids = list(await db.scalars(sa.select(Message.id).where(Message.session_id == session.id)))
    await cancel_tasks_of_messages(state, db, user.user_id, message_ids)
    now = utcnow()
    await db.execute(
        sa.update(Chart)
        .where(Chart.session_id == session.id, Chart.deleted_at.is_(None))
        .values(deleted_at=now)
    )
    await db.execute(sa.delete(Message).where(Message.session_id == session.id))
    await db.delete(session)
    await db.commit()
    return Response(status_code=204)


@router.post(
    "/{session_id}/messages",
    status_code=201,
    response_model=MessageDTO,
    responses={**_NOT_FOUND, **WRITE_LIMIT_DOC},
)
async def create_message(
    session_id: ResourceId, body: MessageCreate, user: CurrentUser, db: DbSession, _: WriteLimited
) -> MessageDTO:
    await owned_session(db, user, session_id)
    now = utcnow()
    # The counter and the new message share one transaction, so concurrent posts get distinct indexes.
    index = await db.scalar(
        sa.update(ChatSession)
        .where(ChatSession.id == session_id)
        .values(message_count=ChatSession.message_count + 1, updated_at=now)
        .returning(ChatSession.message_count)
    )
    message = Message(
        id=str(uuid4()),
        session_id=session_id,
        user_id=user.user_id,
        role=body.role,
        content=body.content,
        message_index=int(index or 1) - 1,
        created_at=now,
    )
    db.add(message)
    await db.commit()
    return message_dto(message)


@router.get("/{session_id}/messages", response_model=list[MessageDTO], responses=_NOT_FOUND)
async def list_messages(
    session_id: ResourceId,
    user: CurrentUser,
    db: DbSession,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> list[MessageDTO]:
    await owned_session(db, user, session_id)
    query = (
        sa.select(Message)
        .where(Message.session_id == session_id)
        .order_by(Message.message_index)
        .limit(limit)
        .offset(offset)
    )
    return [message_dto(m) for m in await db.scalars(query)]


@router.get("/{session_id}/charts", response_model=list[ChartDTO], responses=_NOT_FOUND)
async def list_session_charts(
    session_id: ResourceId,
    user: CurrentUser,
    db: DbSession,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[ChartDTO]:
    await owned_session(db, user, session_id)
    return [chart_to_dto(c) for c in await charts_of_session(db, user.user_id, session_id, limit)]
