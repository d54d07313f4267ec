"""Building and running an arq worker from chartq Settings (what `chartq worker` runs)."""

from __future__ import annotations

import asyncio
import math
from typing import Any

from arq import func

from shared import keys, tracing
from shared.collector import collect_periodically, settle_after_start
from shared.job import CHART_FUNCTION
from shared.logs import configure_logging
from shared.redis import create_redis, dumps, loads
from shared.redis_persistence import warn_if_volatile
from shared.settings import Settings, get_settings
from worker.runtime.arq_worker import ResilientWorker
from worker.runtime.context import WorkerContext
from worker.runtime.heartbeat import beat_forever, stop_beating
from worker.runtime.reaper import reap_forever
from worker.runtime.scheduler import start_scheduler
from worker.runtime.stopping import stop_task
from worker.task.fencing import restore_job_after_fence
from worker.task.orphans import end_orphan
from worker.task.run import run_chart

# Our own per-task time limit fires first and fails the task with code `timeout`; arq's is a backstop.
ARQ_TIMEOUT_MARGIN_S = 30
# Attempts are chartq's (worker.task.attempts). arq counts pickups instead, and past its max_tries it
# drops the job without calling the task, which stranded the task PENDING with nothing queued. So arq's
# limit is out of reach: a pickup that reaches the task starts it (an attempt), ends it, or retries it
# (bounded in ChartTask._retry_or_fail); one that does not needs a worker to die or stop first.
ARQ_MAX_TRIES = 2**31 - 1
FREEZE_AFTER_START = "chartq_freeze_after_start"


async def startup(ctx: dict[str, Any]) -> None:
    settings: Settings = ctx.get("settings") or get_settings()
    concurrency = int(ctx.get("concurrency") or settings.worker_concurrency)
    # Before the engines open: the SQL instrumentation sees engines made after it.
    tracing.configure_tracing("chartq-worker")
    wctx = await WorkerContext.open(settings, ctx["redis"], concurrency)
    await warn_if_volatile(ctx["redis"])
    ctx["chartq"] = wctx
    ctx["chartq_heartbeat"] = asyncio.create_task(beat_forever(wctx), name="chartq-heartbeat")
    reaping = reap_forever(wctx, end_orphan)
    ctx["chartq_reaper"] = asyncio.create_task(reaping, name="chartq-reaper")
    ctx["chartq_scheduler"] = start_scheduler(wctx.store, wctx.sessions)
    if ctx.get(FREEZE_AFTER_START):
        settle_after_start()
        ctx["chartq_collector"] = asyncio.create_task(collect_periodically(), name="chartq-collector")


async def shutdown(ctx: dict[str, Any]) -> None:
    wctx: WorkerContext | None = ctx.get("chartq")
    if wctx is not None:
        # Awaited, so a reaper pass cut short cannot still hold a connection when the pool closes.
        await stop_task(ctx["chartq_reaper"], "the reaper")
        await stop_task(ctx["chartq_scheduler"], "the scheduler")
        await stop_beating(wctx, ctx["chartq_heartbeat"])
        if "chartq_collector" in ctx:
            await stop_task(ctx["chartq_collector"], "the collector")
        await wctx.close()
    tracing.flush()


def worker_options(settings: Settings, concurrency: int | None = None) -> dict[str, Any]:
    return {
        # Per function too: it outranks the worker's max_tries, which worker.settings sets for plain arq.
        "functions": [func(run_chart, name=CHART_FUNCTION, max_tries=ARQ_MAX_TRIES)],
        "on_startup": startup,
        "on_shutdown": shutdown,
        # A fenced-off attempt's worker ends its copy of the job: put back what arq then deletes.
        "after_job_end": restore_job_after_fence,
        "queue_name": settings.queue_name,
        "max_jobs": concurrency or settings.worker_concurrency,
        "job_timeout": settings.task_time_limit_seconds + ARQ_TIMEOUT_MARGIN_S,
        "max_tries": ARQ_MAX_TRIES,
        "poll_delay": settings.worker_poll_delay,
        "keep_result": 0,
        "allow_abort_jobs": True,
        # SIGTERM: stop taking jobs, let running ones finish this long, then hand the rest back.
        "job_completion_wait": math.ceil(settings.worker_drain_seconds),
        "job_serializer": dumps,
        "job_deserializer": loads,
        "ctx": {"settings": settings, "concurrency": concurrency or settings.worker_concurrency},
    }


def create_worker(settings: Settings, concurrency: int | None = None) -> ResilientWorker:
    return ResilientWorker(
        redis_pool=create_redis(settings.redis_url),
        wake_key=keys.wake(settings.queue_name),
        **worker_options(settings, concurrency),
    )


def run_worker(settings: Settings, concurrency: int | None = None) -> None:
    configure_logging(settings.log_level, json=settings.log_json)
    # uvloop, as uvicorn uses for the API: each task's path to PROCESSING is a handful of Redis round
    # trips, and uvloop's socket handling makes each one cheaper. arq runs on the current loop.
    asyncio.set_event_loop(new_event_loop())
    worker = create_worker(settings, concurrency)
    worker.ctx[FREEZE_AFTER_START] = True  # a worker process of its own, not one embedded in tests
    worker.run()


def new_event_loop() -> asyncio.AbstractEventLoop:
    try:
        import uvloop
    except ImportError:  # uvloop does not exist on Windows
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()
