"""i. chartq's own overhead: N no-op tasks drained through the full tracking, against raw arq tuned.

chartq: `bench.tracking_worker` processes, the real worker and chart task with the pipeline's work taken
out (no planning, query, figure or chart row), so every task still passes through what tracking costs:
the task read, the fenced start (a new attempt), an event per step, the attempt check before persisting,
COMPLETED, the SQL run record and the statistics. Tasks are created as the API creates them
(`TaskStore.create` with a ChartJob). Raw arq: `bench.arq_worker`'s no-op at poll_delay 0.01. Both are
drained as in figure b (staged, released at once with RENAME, timed until the queue is empty), 1 and 2
processes, on the same Redis in the same run.

Each timed run also reads, per task, the CPU time the worker processes and redis-server spent (/proc)
and the Redis commands the drain took (INFO commandstats; bench.drain_cost). Last, one worker process
drains again with py-spy attached (not timed): where its CPU goes, per task (bench.overhead_profile).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from typing import Any

from arq import create_pool
from arq.connections import RedisSettings

from bench.drain import WAKE_TOKENS_PER_PROCESS
from bench.drain_cost import Drain, Fill, drain
from bench.overhead_profile import breakdown, table
from bench.profiles import attach, read_stacks
from bench.results import FigureResult, Row
from bench.sizes import Sizes
from bench.stack import Stack
from bench.workload import bench_store, create_tasks, task_statuses, unique

FIGURE = "i"
TITLE = "queue overhead: no-op tasks through full tracking vs raw arq"
QUESTION = "no-op"  # never planned: the no-op task does no chart work


async def start_tracking_workers(stack: Stack, count: int, queue: str) -> list[subprocess.Popen[bytes]]:
    name = f"overhead-{count}-{unique('w')}"
    env = {"CHARTQ_QUEUE_NAME": queue}
    argv = [sys.executable, "-m", "bench.tracking_worker"]
    started = [stack.spawn(argv, f"{name}-{i}", env) for i in range(count)]
    await stack.wait_workers_registered(queue, started, name)
    return started


def chartq_fill(stack: Stack, user: str) -> Fill:
    async def fill(staging: str, n: int) -> list[str]:
        return await create_tasks(bench_store(stack, staging), user, [QUESTION] * n)

    return fill


async def chartq_drain(
    stack: Stack, processes: int, tasks: int, repeats: int
) -> tuple[Drain, dict[str, int]]:
    queue = unique("bench:overhead")
    fill = chartq_fill(stack, unique("overhead"))
    workers = await start_tracking_workers(stack, processes, queue)
    tokens = WAKE_TOKENS_PER_PROCESS * processes
    pids = [worker.pid for worker in workers]
    try:
        # Warm-up: SQL connections, statement caches, every code path once per process.
        await drain(stack, queue, fill, pids, 20 * processes, 1, tokens)
        result = await drain(stack, queue, fill, pids, tasks, repeats, tokens)
    finally:
        stack.stop(*workers)
    return result, await task_statuses(stack, result.ids)


async def arq_drain(stack: Stack, processes: int, tasks: int, repeats: int) -> Drain:
    queue = unique("bench:arq-overhead")
    workers = [stack.spawn_arq(queue, 0.01, f"arq-overhead-{processes}-{i}") for i in range(processes)]
    pool = await create_pool(RedisSettings.from_dsn(stack.redis_url))
    pids = [worker.pid for worker in workers]
    try:

        async def fill(staging: str, n: int) -> list[str]:
            ids: list[str] = []
            for start in range(0, n, 64):
                batch = range(start, min(n, start + 64))
                jobs = await asyncio.gather(*(pool.enqueue_job("noop", _queue_name=staging) for _ in batch))
                ids += [job.job_id for job in jobs if job is not None]
            return ids

        await drain(stack, queue, fill, pids, 20 * processes, 1, 0)  # warm-up; waits for the processes
        return await drain(stack, queue, fill, pids, tasks, repeats, 0)
    finally:
        await pool.aclose()
        stack.stop(*workers)


def rows(processes: int, chartq: dict[str, float], arq: dict[str, float], repeats: int) -> list[Row]:
    processes_text = f"{processes} worker process{'es' if processes > 1 else ''}"
    baseline = "raw arq, poll 0.01 s, no-op"

    def cpu_row(who: str, key: str, note: str) -> Row:
        return Row(
            FIGURE,
            f"{who} CPU per task, {processes_text}",
            "ms",
            chartq[key],
            baseline_name=f"{baseline}, {who} CPU per job",
            baseline=arq[key],
            note=note,
        )

    loop_thread = chartq["loop_thread_cpu_ms_per_task"]
    return [
        Row(
            FIGURE,
            f"no-op drain, full tracking, {processes_text} (total)",
            "tasks/s",
            chartq["tasks_per_s"],
            baseline_name=baseline,
            baseline=arq["tasks_per_s"],
            better="higher",
            target=">= 1.0x baseline",
            target_on="ratio",
            target_op=">=",
            target_value=1.0,
            note=f"{chartq['tasks_per_s'] / processes:.0f} per process; median of {repeats} runs",
        ),
        cpu_row("worker", "worker_cpu_ms_per_task", f"of which the event-loop thread {loop_thread:.2f} ms"),
        cpu_row("Redis", "redis_cpu_ms_per_task", "redis-server's own CPU"),
    ]


async def run(stack: Stack, sizes: Sizes) -> FigureResult:
    result = FigureResult(FIGURE, TITLE)
    tasks, repeats = sizes.overhead_tasks, sizes.overhead_repeats
    for processes in (1, 2):
        chartq, statuses = await chartq_drain(stack, processes, tasks, repeats)
        if statuses.get("COMPLETED", 0) != tasks * repeats:
            raise RuntimeError(f"not every no-op task completed: {statuses}")
        arq = await arq_drain(stack, processes, tasks, repeats)
        result.details[f"{processes}_process"] = {
            "tasks": tasks,
            "chartq": chartq.as_dict(),
            "arq_tuned": arq.as_dict(),
            "chartq_statuses": statuses,
        }
        result.rows += rows(processes, chartq.medians(), arq.medians(), repeats)
    one = result.details["1_process"]["chartq"]
    started = time.perf_counter()
    threads = one["worker_cpu_ms_per_task"] - one["loop_thread_cpu_ms_per_task"]
    # Twice the tasks of a timed run: py-spy samples at 200 Hz, and a part needs a few hundred samples.
    profiled = profiled_drain(stack, 2 * tasks, one["loop_thread_cpu_ms_per_task"], threads)
    result.details["profile"] = await profiled
    result.details["profile_seconds"] = time.perf_counter() - started
    return result


async def profiled_drain(
    stack: Stack, tasks: int, loop_ms_per_task: float, threads_ms_per_task: float
) -> dict[str, Any]:
    """One worker process drains `tasks` with py-spy attached (after its warm-up): the shares of its
    event-loop thread's samples, applied to that thread's CPU per task measured without the profiler."""
    queue = unique("bench:overhead-profile")
    fill = chartq_fill(stack, unique("overhead-profile"))
    output = stack.workdir / f"{unique('overhead-profile')}.txt"
    workers = await start_tracking_workers(stack, 1, queue)
    pids, tokens = [workers[0].pid], WAKE_TOKENS_PER_PROCESS
    recorder = None
    try:
        await drain(stack, queue, fill, pids, 20, 1, tokens)
        recorder = attach(workers[0].pid, output)
        if recorder is None:
            return {"skipped": "py-spy is not installed"}
        await asyncio.sleep(1.0)  # py-spy takes a moment to attach
        await drain(stack, queue, fill, pids, tasks, 1, tokens)
    finally:
        stack.stop(*workers)
        if recorder is not None:
            wait_recorder(recorder)
    if not output.exists():
        return {"skipped": "py-spy recorded nothing (may it trace processes here?)"}
    profile = breakdown(read_stacks(output), tasks, loop_ms_per_task, threads_ms_per_task)
    print(f"[bench] i. where a no-op task's worker CPU goes ({output}):\n{table(profile)}", file=sys.stderr)
    return profile


def wait_recorder(recorder: subprocess.Popen[bytes]) -> None:
    """py-spy writes its file once the process it records has exited."""
    try:
        recorder.wait(timeout=20)
    except subprocess.TimeoutExpired:
        recorder.kill()
        recorder.wait()
