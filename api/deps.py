"""FastAPI dependencies as `Annotated` aliases: SettingsDep, StoreDep, DbSession, CurrentUser."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Annotated

import structlog
from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import ApiError
from api.state import AppState
from shared.auth import InvalidToken, Principal, TokenPolicy, decode_token
from shared.settings import Settings
from shared.task_store import TaskStore

log = structlog.get_logger("chartq.api")

_bearer = HTTPBearer(auto_error=False, description="JWT from `chartq token --user U`")

# Every dependency here is `async def` although none awaits: FastAPI runs a plain `def` dependency in
# its thread pool, and that hop per dependency per request was most of the API's cost per request.


async def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.chartq
    return state


StateDep = Annotated[AppState, Depends(get_state)]


async def get_settings(state: StateDep) -> Settings:
    return state.settings


async def get_store(state: StateDep) -> TaskStore:
    return state.store


@contextlib.asynccontextmanager
async def database_session(state: AppState) -> AsyncIterator[AsyncSession]:
    """A session, closed on the way out. Closing rolls back on the connection; when the database killed
    that connection mid-request, the rollback fails too, and that failure must not replace the request's
    own error (mapped to 503) or cut the response off."""
    session: AsyncSession = state.sessions()
    try:
        yield session
    finally:
        try:
            await session.close()
        except (DBAPIError, OSError) as exc:
            log.warning("closing a database session failed; its connection is dropped", error=repr(exc))
            with contextlib.suppress(Exception):
                await session.invalidate()


async def get_db(state: StateDep) -> AsyncIterator[AsyncSession]:
    """A session closed before the response is sent (scope "function" below)."""
    async with database_session(state) as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[TaskStore, Depends(get_store)]
DbSession = Annotated[AsyncSession, Depends(get_db, scope="function")]


def authenticate(state: AppState, token: str | None) -> Principal:
    """The caller of a token (401 without one, or with one we did not sign, expired, or against policy)."""
    if not token:
        raise ApiError(401, "not_authenticated", "Missing bearer token", {"WWW-Authenticate": "Bearer"})
    try:
        return decode_token(state.jwt_secret, token, TokenPolicy.of(state.settings))
    except InvalidToken as exc:
        raise ApiError(401, "invalid_token", str(exc), {"WWW-Authenticate": "Bearer"}) from exc


async def current_user(
    state: StateDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Principal:
    return authenticate(state, credentials.credentials if credentials else None)


async def stream_user(
    state: StateDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    access_token: Annotated[str | None, Query(description="For EventSource/WebSocket clients")] = None,
) -> Principal:
    """Streams also accept `?access_token=`, since EventSource and WebSocket cannot set headers."""
    return authenticate(state, credentials.credentials if credentials else access_token)


def _require_operator(user: Principal) -> Principal:
    if not user.is_operator:
        raise ApiError(
            403, "forbidden", "The operator role is required (chartq token --user U --role operator)"
        )
    return user


async def operator_user(user: Annotated[Principal, Depends(current_user)]) -> Principal:
    return _require_operator(user)


async def operator_stream_user(user: Annotated[Principal, Depends(stream_user)]) -> Principal:
    return _require_operator(user)


CurrentUser = Annotated[Principal, Depends(current_user)]
StreamUser = Annotated[Principal, Depends(stream_user)]
OperatorUser = Annotated[Principal, Depends(operator_user)]
OperatorStreamUser = Annotated[Principal, Depends(operator_stream_user)]
