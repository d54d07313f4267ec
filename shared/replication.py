"""A task is answered 202 only once a replica has it, so that a failover cannot lose it.

Redis replicates asynchronously: when Sentinel promotes a replica, the writes the old primary had not yet
sent it are gone. `WAIT 1 <timeout>` after a write returns once one replica confirmed it; if none did in
time the write is not acknowledged (ReplicaAckTimeout: the API answers 503 with Retry-After, and a retry
finds the task if it survived). WAIT counts the writes of its own connection, so the write and the WAIT
share one.

The wait happens only when a replica is there to confirm: one that the sentinels know and do not consider
down (without Sentinel, one the primary lists as online). Asking costs a round trip, so the answer is kept
for REPLICA_CHECK_S. The sentinels' view is what keeps an old primary from acknowledging writes it is
about to lose: during a failover its replica (being promoted) is alive but no longer copies it, so the
WAIT times out; and once the sentinels mark a dead replica down, tasks are accepted again without one.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, cast

from arq.connections import ArqRedis
from redis.commands.core import AsyncScript
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from shared.redis import ReplicaAckTimeout, SentinelPool
from shared.redis_url import is_sentinel_url
from shared.settings import Settings

REPLICA_CHECK_S = 1.0


class ReplicaAck:
    def __init__(self, redis: ArqRedis, *, enabled: bool, timeout_s: float) -> None:
        self.redis = redis
        self.enabled = enabled
        self.timeout_ms = max(1, round(timeout_s * 1000))
        self._replicas = False
        self._checked_at: float | None = None
        self._checking = asyncio.Lock()

    @classmethod
    def for_settings(cls, redis: ArqRedis, settings: Settings) -> ReplicaAck:
        mode = settings.redis_replica_ack
        enabled = mode == "on" or (mode == "auto" and is_sentinel_url(settings.redis_url))
        return cls(redis, enabled=enabled, timeout_s=settings.redis_replica_ack_timeout_seconds)

    async def run(
        self, script: AsyncScript, *, keys: list[Any], args: list[Any], when: Callable[[Any], bool]
    ) -> Any:
        """The script's reply, once a replica has its writes if `when(reply)` says they matter."""
        if not self.enabled:
            return await script(keys=keys, args=args)
        async with self.redis.client() as connection:  # one connection for the script and its WAIT
            reply = await script(keys=keys, args=args, client=connection)
            if when(reply) and await self.replicas_expected():
                acked = await cast(Awaitable[int], connection.wait(1, self.timeout_ms))
                if int(acked) < 1:
                    self._checked_at = None  # the replica may be gone: ask again next time
                    raise ReplicaAckTimeout(f"no replica confirmed the write within {self.timeout_ms} ms")
        return reply

    async def replicas_expected(self) -> bool:
        """Whether a live replica should confirm writes (asked at most every REPLICA_CHECK_S)."""
        async with self._checking:
            now = time.monotonic()
            if self._checked_at is None or now - self._checked_at >= REPLICA_CHECK_S:
                self._replicas = await self._live_replicas() > 0
                self._checked_at = now
            return self._replicas

    async def _live_replicas(self) -> int:
        pool = self.redis.connection_pool
        if not isinstance(pool, SentinelPool):
            role = await cast(Awaitable[list[Any]], self.redis.role())
            return len(role[2]) if role[0] == b"master" else 0
        for sentinel in pool.sentinel_manager.sentinels:
            try:
                replicas = await sentinel.sentinel_slaves(pool.service_name)
            except (RedisConnectionError, RedisTimeoutError, ResponseError):
                continue
            return sum(1 for replica in replicas if not (replica["is_sdown"] or replica["is_odown"]))
        # No sentinel answered (and new connections fail too): waiting, at worst for nothing, is safe.
        return 1
