"""Tasks waiting out a retry's backoff, outside arq's queue.

arq defers a retry by raising its score to "now + delay", which puts it behind every queued task of
every priority band (a high-priority retry waited for the whole low band). chartq keeps the task's
score instead and parks the task in a sorted set of its own (`shared.keys.deferred`) until it is due;
workers move due tasks back (`promote_due`, one Lua call) at that score, so a retry keeps its place in
its band. Deferred tasks are counted as `deferred` in the queue statistics.
"""

from __future__ import annotations

import time

from arq.connections import ArqRedis

from shared import keys
from shared.lua.queue import DEFER_TASK, PROMOTE_DUE

# How many due tasks one call moves; the next poll moves the rest.
PROMOTE_BATCH = 100
# A due task whose deferring attempt has not yet ended arq's job is looked at again this much later.
LOOK_AGAIN_MS = 200


class DeferredTasks:
    def __init__(self, redis: ArqRedis, queue_name: str) -> None:
        self.redis, self.queue_name = redis, queue_name
        self._defer = redis.register_script(DEFER_TASK)
        self._promote = redis.register_script(PROMOTE_DUE)

    async def defer(self, task_id: str, delay_s: float, score: float) -> None:
        """Parks the task until `delay_s` from now; it comes back at queue score `score`."""
        due_ms = int(time.time() * 1000 + delay_s * 1000)
        await self._defer(
            keys=[keys.task(task_id), keys.deferred(self.queue_name)], args=[task_id, due_ms, score]
        )

    async def promote_due(self, now_ms: int | None = None) -> int:
        """Queues every task whose wait is over; how many it queued."""
        now_ms = int(time.time() * 1000) if now_ms is None else now_ms
        task_prefix, task_suffix = keys.task("\0").split("\0")
        moved = await self._promote(
            keys=[keys.deferred(self.queue_name), self.queue_name, keys.wake(self.queue_name)],
            args=[
                now_ms,
                PROMOTE_BATCH,
                task_prefix,
                task_suffix,
                keys.ARQ_JOB_PREFIX,
                keys.ARQ_IN_PROGRESS_PREFIX,
                LOOK_AGAIN_MS,
            ],
        )
        return int(moved)

    async def count(self) -> int:
        return int(await self.redis.zcard(keys.deferred(self.queue_name)))
