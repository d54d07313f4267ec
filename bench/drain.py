"""b. Drain throughput: N queued tasks through warm, idle workers, 1 and 2 processes.

The N tasks are enqueued first into a staging queue that no worker reads (chartq: TaskStore.create,
with its status, index, event and history; arq: enqueue_job), then released at once with RENAME onto
the workers' queue. The clock runs from the RENAME until the queue is empty (arq removes a job from
its queue when the job function has returned, which for chartq is after COMPLETED was published, the
chart and the run record were written and the statistics recorded).

chartq runs the real chart task on a trivial question (bench.workload.NOOP_QUESTION); arq runs a no-op
function with poll_delay 0.01 (tuned), everything else at arq's defaults.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import time
from collections.abc import Awaitable, Callable

from arq import create_pool
from arq.connections import RedisSettings

from bench.results import FigureResult, Row
from bench.sizes import Sizes
from bench.stack import Stack
from bench.workload import NOOP_QUESTION, bench_store, create_tasks, task_statuses, unique
from shared import keys

FIGURE = "b"
TITLE = "drain throughput of trivial real charts, full tracking"
WAKE_TOKENS_PER_PROCESS = 4


async def release(stack: Stack, staging: str, queue: str, wake_tokens: int) -> float:
    """Moves every staged job onto the live queue in one step; returns the time it happened."""
    wake = getattr(keys, "wake", None)
    async with stack.r.pipeline(transaction=True) as pipe:
        pipe.rename(staging, queue)
        if wake is not None and wake_tokens:
            # What TaskStore.create does per task: wake idle workers blocked on the queue's wake list.
            pipe.lpush(wake(queue), *["1"] * wake_tokens)
            pipe.pexpire(wake(queue), 60_000)
        await pipe.execute()
    return time.perf_counter()


async def wait_empty(stack: Stack, queue: str, within: float) -> float:
    deadline = time.monotonic() + within
    while await stack.r.zcard(queue):
        if time.monotonic() > deadline:
            raise TimeoutError(f"queue {queue} did not drain within {within:g} s")
        await asyncio.sleep(0.003)
    return time.perf_counter()


async def measure(
    stack: Stack,
    queue: str,
    fill: Callable[[str, int], Awaitable[list[str]]],
    tasks: int,
    repeats: int,
    wake_tokens: int,
) -> tuple[list[float], list[str]]:
    rates: list[float] = []
    all_ids: list[str] = []
    for _ in range(repeats):
        staging = unique("bench:staging")
        ids = await fill(staging, tasks)
        all_ids += ids
        await asyncio.sleep(0.3)  # let the fill's Redis traffic settle
        t0 = await release(stack, staging, queue, wake_tokens)
        t1 = await wait_empty(stack, queue, within=max(60.0, tasks / 20))
        rates.append(tasks / (t1 - t0))
    return rates, all_ids


async def chartq_drain(stack: Stack, processes: int, sizes: Sizes) -> tuple[list[float], dict[str, int]]:
    queue = unique("bench:drain")
    user = unique("drain")
    workers: list[subprocess.Popen[bytes]] = await stack.start_workers(processes, queue, f"drain-{processes}")
    try:

        async def fill(staging: str, n: int) -> list[str]:
            return await create_tasks(bench_store(stack, staging), user, [NOOP_QUESTION] * n)

        tokens = WAKE_TOKENS_PER_PROCESS * processes
        # Warm-up: every process makes a few charts (SQL connections, planner and figure code paths).
        await measure(stack, queue, fill, 8 * processes, 1, tokens)
        rates, ids = await measure(stack, queue, fill, sizes.drain_tasks, sizes.drain_repeats, tokens)
    finally:
        stack.stop(*workers)
    return rates, await task_statuses(stack, ids)


async def arq_drain(stack: Stack, processes: int, sizes: Sizes) -> list[float]:
    queue = unique("bench:arq-drain")
    workers = [stack.spawn_arq(queue, 0.01, f"arq-drain-{processes}-{i}") for i in range(processes)]
    pool = await create_pool(RedisSettings.from_dsn(stack.redis_url))
    try:

        async def fill(staging: str, n: int) -> list[str]:
            ids: list[str] = []
            for start in range(0, n, 64):
                jobs = await asyncio.gather(
                    *(pool.enqueue_job("noop", _queue_name=staging) for _ in range(start, min(n, start + 64)))
                )
                ids += [job.job_id for job in jobs if job is not None]
            return ids

        await measure(stack, queue, fill, 20 * processes, 1, 0)  # warm-up, and waits for the processes
        rates, _ = await measure(stack, queue, fill, sizes.drain_tasks, sizes.drain_repeats, 0)
    finally:
        await pool.aclose()
        stack.stop(*workers)
    return rates


async def run(stack: Stack, sizes: Sizes) -> FigureResult:
    result = FigureResult(FIGURE, TITLE)
    for processes in (1, 2):
        chartq_rates, statuses = await chartq_drain(stack, processes, sizes)
        arq_rates = await arq_drain(stack, processes, sizes)
        chartq, arq = statistics.median(chartq_rates), statistics.median(arq_rates)
        result.details[f"{processes}_process"] = {
            "tasks": sizes.drain_tasks,
            "chartq_tasks_per_s": chartq_rates,
            "arq_tuned_jobs_per_s": arq_rates,
            "chartq_statuses": statuses,
        }
        if statuses.get("COMPLETED", 0) != sizes.drain_tasks * sizes.drain_repeats:
            raise RuntimeError(f"not every drained chartq task completed: {statuses}")
        result.rows.append(
            Row(
                FIGURE,
                f"drain, {processes} worker process{'es' if processes > 1 else ''} (total)",
                "tasks/s",
                chartq,
                baseline_name="raw arq, poll 0.01 s, no-op",
                baseline=arq,
                better="higher",
                target=">= 1.0x baseline",
                target_on="ratio",
                target_op=">=",
                target_value=1.0,
                note=f"{chartq / processes:.0f} per process; median of {sizes.drain_repeats} runs",
            )
        )
    return result
