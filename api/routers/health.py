"""Liveness and readiness probes (no auth: orchestrators call them)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import StateDep
from shared.db.engine import ping

router = APIRouter(tags=["health"])
READY_TIMEOUT_SECONDS = 2.0


@router.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/ready",
    response_model=None,
    responses={503: {"description": "Redis or the database is unreachable; the body says which"}},
)
async def ready(state: StateDep) -> dict[str, str] | JSONResponse:
    checks: dict[str, str] = {}
    for name, probe in (("redis", state.redis.ping()), ("database", ping(state.engine))):
        try:
            await asyncio.wait_for(probe, READY_TIMEOUT_SECONDS)
            checks[name] = "ok"
        except Exception as exc:  # any failure means "not ready", with the reason shown
            checks[name] = f"error: {type(exc).__name__}"
    if all(v == "ok" for v in checks.values()):
        return {"status": "ready", **checks}
    return JSONResponse(
        {"detail": "not ready", "code": "not_ready", **checks}, status_code=503, headers={"Retry-After": "5"}
    )
