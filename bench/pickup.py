"""a. Pickup latency: an idle worker, from the enqueue call to the first statement of the task.

chartq: TaskStore.create (what POST .../charts/async does after its SQL checks) to the `started_at` that
the real chart worker stamps when it starts the task (in its PROCESSING event), with the worker's
default CHARTQ_WORKER_POLL_DELAY. Raw arq: `enqueue_job` to `time.time()` in the job function, at
arq's default poll_delay (0.5 s) and tuned (0.01 s). Between samples the worker is idle for a random
while, so enqueues land at random points of a polling worker's cycle.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable
from typing import Any, cast
from uuid import uuid4

import orjson
from arq import create_pool
from arq.connections import RedisSettings

from bench.arq_worker import started_key
from bench.results import FigureResult, Row, ms, summary
from bench.sizes import Sizes
from bench.stack import Stack
from bench.workload import NOOP_QUESTION, bench_store, create_task, unique
from shared import keys

FIGURE = "a"
TITLE = "pickup latency (idle worker, enqueue -> task starts)"


async def chartq_pickup(stack: Stack, samples: int) -> tuple[list[float], list[float]]:
    """Pickup latencies, and how long the enqueue call itself took (a part of each)."""
    queue = unique("bench:pickup")
    user = unique("pickup")
    store = bench_store(stack, queue)
    poll_delay = stack.settings().worker_poll_delay
    workers = await stack.start_workers(1, queue, "pickup-worker")
    pubsub = stack.r.pubsub()
    await pubsub.subscribe(keys.user_channel(user))
    pickups: list[float] = []
    enqueues: list[float] = []
    try:

        async def run_one(record: bool) -> None:
            t0 = time.time()
            dto = await create_task(store, user, NOOP_QUESTION)
            enqueued = time.time() - t0
            started: float | None = None
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                if message is None:
                    continue
                envelope = orjson.loads(message["data"])
                data = envelope["data"]
                if envelope["task_id"] != dto.task_id:
                    continue
                if data["status"] == "PROCESSING" and started is None:
                    started = _epoch(data["started_at"])
                if data["status"] in ("COMPLETED", "FAILED", "CANCELLED"):
                    if data["status"] != "COMPLETED" or started is None:
                        raise RuntimeError(f"pickup task ended {data['status']}: {data.get('error_message')}")
                    if record:
                        pickups.append(started - t0)
                        enqueues.append(enqueued)
                    return
            raise TimeoutError("pickup task did not finish within 30 s")

        for _ in range(3):  # warm-up: connections, planner caches
            await run_one(record=False)
        for _ in range(samples):
            # Let the worker finish its bookkeeping (run record, stats), then idle a random while.
            await asyncio.sleep(random.uniform(0.03, 0.03 + max(poll_delay, 0.05)))
            await run_one(record=True)
    finally:
        await pubsub.aclose()  # type: ignore[no-untyped-call]
        stack.stop(*workers)
    return pickups, enqueues


def _epoch(iso: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(iso).timestamp()


async def arq_pickup(stack: Stack, poll_delay: float, samples: int) -> list[float]:
    queue = unique("bench:arq-pickup")
    worker = stack.spawn_arq(queue, poll_delay, f"arq-pickup-{poll_delay:g}")
    pool = await create_pool(RedisSettings.from_dsn(stack.redis_url))
    pickups: list[float] = []
    try:

        async def run_one() -> float:
            job_id = uuid4().hex
            t0 = time.time()
            await pool.enqueue_job("stamp", queue, _job_id=job_id, _queue_name=queue)
            popped = await cast(Awaitable[Any], pool.blpop([started_key(queue)], timeout=60))
            if popped is None:
                raise TimeoutError(f"arq worker (poll {poll_delay}) did not start the job")
            got_id, started = popped[1].decode().split()
            if got_id != job_id:
                raise RuntimeError("arq started another job than the one enqueued")
            return float(started) - t0

        await run_one()  # warm-up; also waits for the worker process to be up
        for _ in range(samples):
            await asyncio.sleep(random.uniform(0.02, 0.02 + max(poll_delay, 0.05)))
            pickups.append(await run_one())
    finally:
        await pool.aclose()
        stack.stop(worker)
    return pickups


async def run(stack: Stack, sizes: Sizes) -> FigureResult:
    result = FigureResult(FIGURE, TITLE)
    poll_delay = stack.settings().worker_poll_delay
    pickups, enqueues = await chartq_pickup(stack, sizes.pickup_chartq)
    chartq = summary(ms(pickups))
    tuned = summary(ms(await arq_pickup(stack, 0.01, sizes.pickup_arq_tuned)))
    default = summary(ms(await arq_pickup(stack, 0.5, sizes.pickup_arq_default)))
    result.details = {
        "chartq_worker_poll_delay_s": poll_delay,
        "chartq_ms": chartq,
        "chartq_enqueue_call_ms": summary(ms(enqueues)),
        "arq_poll_0.01_ms": tuned,
        "arq_poll_0.5_ms": default,
    }
    for stat, limit in (("p50", 2.0), ("p99", 5.0)):
        for name, base in (("arq poll 0.5 s (default)", default), ("arq poll 0.01 s", tuned)):
            result.rows.append(
                Row(
                    FIGURE,
                    f"pickup {stat}",
                    "ms",
                    chartq[stat],
                    baseline_name=f"{name} {stat}",
                    baseline=base[stat],
                    target=f"<= {limit:g} ms",
                    target_op="<=",
                    target_value=limit,
                )
            )
    return result
