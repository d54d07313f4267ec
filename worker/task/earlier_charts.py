"""A possible follow-up waits for the charts of earlier messages that are still being made.

A follow-up message ("now only for Europe", "make it a line") changes the newest chart of an earlier
message in its session. Sent while that chart was still being made, it changed the chart before it: a
chart that looked right and answered a different question. An adjustment waits for its own message's
chart through a dependency the API adds; whether a message is a follow-up is only known here, so the
wait is here: before the earlier chart is read, for the caller's active tasks of earlier messages of
the same session, bounded so that a chart that cannot come (a slot held by this very wait) fails
plainly instead of being read stale.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, cast

import structlog

from shared import keys
from shared.db.charts import messages_before
from shared.job import ChartJob, job_kwargs
from worker.runtime.context import WorkerContext
from worker.task.failures import TaskFailure

log = structlog.get_logger("chartq.worker")

WAIT_LIMIT_S = 60.0
POLL_S = 0.2
EARLIER_CHART_PENDING = "earlier_chart_pending"

# Told how many earlier charts the task waits for, once, as the wait begins.
OnWait = Callable[[int], Awaitable[None]]


async def wait_for_earlier_charts(ctx: WorkerContext, job: ChartJob, user_id: str, on_wait: OnWait) -> None:
    waiting = await earlier_tasks_in_progress(ctx, job, user_id)
    if not waiting:
        return
    log.info("a possible follow-up waits for the charts of earlier messages", waiting_for=waiting)
    await on_wait(len(waiting))
    limit = min(WAIT_LIMIT_S, ctx.settings.task_time_limit_seconds / 2)
    deadline = time.monotonic() + limit
    active = keys.user_active(user_id)
    while waiting:
        if time.monotonic() > deadline:
            raise TaskFailure(
                EARLIER_CHART_PENDING,
                f"The chart of an earlier message in this session was still being made after {limit:g} s, "
                "and this message may change it; chart this message again once that chart is ready.",
            )
        await asyncio.sleep(POLL_S)
        still = await cast(Awaitable[list[Any]], ctx.store.redis.smismember(active, waiting))
        waiting = [task_id for task_id, left in zip(waiting, still, strict=True) if left]


async def earlier_tasks_in_progress(ctx: WorkerContext, job: ChartJob, user_id: str) -> list[str]:
    """The caller's PENDING or PROCESSING tasks for messages before the job's, in the same session."""
    redis = ctx.store.redis
    members = await cast(Awaitable[set[bytes]], redis.smembers(keys.user_active(user_id)))
    others = [member.decode() for member in members if member.decode() != job.task_id]
    if not others:
        return []
    async with redis.pipeline(transaction=False) as pipe:
        for task_id in others:
            pipe.hget(keys.task(task_id), "job")
        payloads = await pipe.execute()
    by_message: dict[str, list[str]] = {}
    for task_id, payload in zip(others, payloads, strict=True):
        kwargs = job_kwargs(payload) if payload else {}
        message_id = str(kwargs.get("message_id") or "")
        if kwargs.get("session_id") == job.session_id and message_id and message_id != job.message_id:
            by_message.setdefault(message_id, []).append(task_id)
    if not by_message:
        return []
    async with ctx.sessions() as db:
        earlier = await messages_before(db, job.session_id, job.message_id, list(by_message))
    return [task_id for message_id in earlier for task_id in by_message[message_id]]
