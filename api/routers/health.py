"""Liveness and readiness probes (no auth: orchestrators call them)."""

from __future__ import annotations

import asyncio
from typing import Any

from arq.connections import ArqRedis
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from redis.exceptions import ResponseError
from sqlalchemy.ext.asyncio import AsyncEngine

from api.deps import StateDep
from api.errors import RETRY_AFTER_SECONDS
from shared import keys
from shared.db.engine import schema_behind
from shared.db.sqlite_file import DatabaseFileGone, sqlite_file_problem
from shared.redis import redis_fault

router = APIRouter(tags=["health"])
READY_TIMEOUT_SECONDS = 2.0
# The readiness probe's own write: a few bytes that expire by themselves.
READY_KEY = keys.READY
READY_KEY_TTL_MS = 10_000
_WHAT_IS_WRONG = {
    "read_only": "Redis is read-only (a replica, as during a failover)",
    "out_of_memory": "Redis is out of memory",
    "unavailable": "Redis is unavailable",
    "error": "Redis failed",
}


@router.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


async def redis_accepts_writes(redis: ArqRedis) -> str:
    """`ok` when Redis takes chartq's writes, else the fault (redis_fault's names) and why:
    `read_only: ...`, `out_of_memory: ...` or `unavailable: ...`. A reachable Redis is not enough: a
    replica, a full memory or a load from disk answers PING and refuses every task."""
    info: dict[str, Any] = {}
    try:
        info = await redis.info()  # replication, memory and persistence in one round trip
    except ResponseError as exc:
        if redis_fault(exc):
            raise
        # INFO renamed away or denied by an ACL (some managed Redis): the write below still tells.
    if info.get("loading"):
        return "unavailable: loading its data from disk"
    if info.get("role", "master") != "master":
        return f"read_only: a replica of {info.get('master_host')}:{info.get('master_port')}"
    used, limit = int(info.get("used_memory", 0)), int(info.get("maxmemory", 0))
    if limit and used >= limit and info.get("maxmemory_policy") == "noeviction":
        return f"out_of_memory: {used} bytes used of maxmemory {limit}"
    # The most honest check: a real write, which whatever the checks above missed refuses too.
    await redis.set(READY_KEY, b"1", px=READY_KEY_TTL_MS)
    return "ok"


async def _redis_check(redis: ArqRedis) -> str:
    try:
        return await asyncio.wait_for(redis_accepts_writes(redis), READY_TIMEOUT_SECONDS)
    except Exception as exc:  # any failure means "not ready", with the reason shown
        fault = redis_fault(exc)
        return f"{fault}: {type(exc).__name__} ({exc})" if fault else f"error: {type(exc).__name__}"


async def _database_check(engine: AsyncEngine) -> str:
    # An SQLite file deleted under the API, or a full disk: a connection would still answer the query
    # below (the open file, a read), while every write is refused (503). Two system calls.
    if problem := sqlite_file_problem(engine):
        return problem
    try:
        behind = await asyncio.wait_for(schema_behind(engine), READY_TIMEOUT_SECONDS)
    except Exception as exc:  # any failure means "not ready", with the reason shown
        if isinstance(getattr(exc, "orig", None), DatabaseFileGone):
            return "missing: the SQLite database file was deleted or replaced"
        return f"error: {type(exc).__name__}"
    # Every endpoint would answer 503 against an unmigrated database: not ready either.
    return f"unmigrated: {behind}" if behind else "ok"


@router.get(
    "/ready",
    response_model=None,
    responses={
        503: {
            "description": "Redis does not take writes (unreachable, a read-only replica, out of memory, "
            "loading) or the database is unreachable, its SQLite file gone or its disk full; the body "
            "says which"
        }
    },
)
async def ready(state: StateDep) -> dict[str, str] | JSONResponse:
    checks = {"redis": await _redis_check(state.redis), "database": await _database_check(state.engine)}
    if all(v == "ok" for v in checks.values()):
        return {"status": "ready", **checks}
    wrong = []
    if checks["redis"] != "ok":
        wrong.append(_WHAT_IS_WRONG.get(checks["redis"].split(":", 1)[0], _WHAT_IS_WRONG["error"]))
    if checks["database"].startswith("unmigrated"):
        wrong.append("the database schema is behind this version")
    elif checks["database"].startswith("missing"):
        wrong.append("the database file is gone (deleted or replaced)")
    elif checks["database"].startswith("disk_full"):
        wrong.append("the database's disk is full")
    elif checks["database"] != "ok":
        wrong.append("the database is unreachable")
    return JSONResponse(
        {"detail": "not ready: " + "; ".join(wrong), "code": "not_ready", **checks},
        status_code=503,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
