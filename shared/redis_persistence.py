"""Whether the Redis chartq uses keeps anything on disk. Queued tasks, task state, events and batch
records live only in Redis (docs/operations.md): one restarted without an append-only file or snapshots
comes back empty, and every task it held is lost without a trace. That is a deployment choice chartq
cannot make for the operator, so each API and worker process says so once at start."""

from __future__ import annotations

from typing import Any, cast

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

log = structlog.get_logger("chartq.redis")

VOLATILE = (
    "Redis keeps nothing on disk (appendonly no, no snapshots): a restart loses every queued task, task "
    "state and batch. Set appendonly yes (docs/operations.md, durability)."
)


async def volatile(redis: Redis) -> bool | None:
    """True when Redis has neither an append-only file nor snapshots configured; None when it will not
    say (CONFIG is often disabled on managed Redis, which keeps data durable its own way)."""
    try:
        info = cast(dict[str, Any], await redis.info("persistence"))
        if int(info.get("aof_enabled", 0)):
            return False
        saves = cast(dict[str, Any], await redis.config_get("save"))
    except RedisError:
        return None
    return not str(saves.get("save", "")).strip()


async def warn_if_volatile(redis: Redis) -> None:
    if await volatile(redis):
        log.warning(VOLATILE)
