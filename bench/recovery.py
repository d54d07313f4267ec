"""f. Crash recovery: SIGKILL a worker that holds running tasks; time until each of them starts again
in another worker (the new attempt's `started_at` minus the moment of the kill).

Two workers serve the queue in slow motion (each step lasts CHARTQ_STEP_DELAY_SECONDS) so tasks are
still running when the kill comes. The baseline is what arq alone would wait: its in-progress key
lives for the job timeout + 10 s (chartq's job timeout is the task time limit + 30 s); it is derived
from the settings, not measured (measuring it would take minutes per sample).
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Awaitable
from typing import Any, cast

import orjson

from bench.results import FigureResult, Row, summary
from bench.sizes import Sizes
from bench.stack import Stack
from bench.workload import NOOP_QUESTION, bench_store, create_task, unique
from shared import keys
from shared.models import TaskStatus
from worker.main import ARQ_TIMEOUT_MARGIN_S

FIGURE = "f"
TITLE = "crash recovery after SIGKILL of a worker holding tasks"
SLOW_ENV = {"CHARTQ_STEP_DELAY_SECONDS": "2", "CHARTQ_WORKER_DRAIN_SECONDS": "1"}


async def task_fields(stack: Stack, task_id: str) -> tuple[dict[str, object], str]:
    dto, worker = await cast(Awaitable[list[Any]], stack.r.hmget(keys.task(task_id), ["dto", "worker"]))
    return orjson.loads(dto), (worker or b"").decode()


async def one_round(stack: Stack, queue: str, name: str, tasks: int) -> list[float]:
    user = unique("recovery")
    store = bench_store(stack, queue)
    workers = await stack.start_workers(2, queue, name, SLOW_ENV)
    by_pid = {process.pid: process for process in workers}
    try:
        dtos = [await create_task(store, user, NOOP_QUESTION) for _ in range(tasks)]
        holders: dict[str, int] = {}
        deadline = time.monotonic() + 30
        while len(holders) < tasks:
            if time.monotonic() > deadline:
                raise TimeoutError("tasks did not all start")
            for dto in dtos:
                data, worker = await task_fields(stack, dto.task_id)
                if data["status"] == "PROCESSING" and worker:
                    holders[dto.task_id] = int(worker.split(":")[-2])
            await asyncio.sleep(0.02)
        counts = {pid: list(holders.values()).count(pid) for pid in by_pid}
        victim_pid = max(counts, key=lambda pid: counts[pid])
        victims = [task_id for task_id, pid in holders.items() if pid == victim_pid]
        by_pid[victim_pid].send_signal(signal.SIGKILL)
        killed_at = time.time()
        by_pid[victim_pid].wait()
        recovered: dict[str, float] = {}
        deadline = time.monotonic() + 60
        while len(recovered) < len(victims):
            if time.monotonic() > deadline:
                raise TimeoutError(f"only {len(recovered)} of {len(victims)} tasks started again within 60 s")
            for task_id in victims:
                if task_id in recovered:
                    continue
                data, worker = await task_fields(stack, task_id)
                started = data.get("started_at")
                if int(str(data["attempt"])) >= 2 and isinstance(started, str):
                    recovered[task_id] = _epoch(started) - killed_at
            await asyncio.sleep(0.02)
        for dto in dtos:  # end them: terminal is sticky, the survivor stops at its next step
            await store.transition(dto.model_copy(update={"status": TaskStatus.CANCELLED}), user)
        return list(recovered.values())
    finally:
        stack.stop(*workers, timeout=20)


def _epoch(iso: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(iso).timestamp()


async def run(stack: Stack, sizes: Sizes) -> FigureResult:
    result = FigureResult(FIGURE, TITLE)
    samples: list[float] = []
    for i in range(sizes.recovery_rounds):
        samples += await one_round(stack, unique("bench:recovery"), f"recovery-{i}", sizes.recovery_tasks)
    settings = stack.settings()
    arq_alone = settings.task_time_limit_seconds + ARQ_TIMEOUT_MARGIN_S + 10
    recovery = summary(samples)
    result.details = {"recovery_s": recovery, "samples_s": samples, "arq_alone_s": arq_alone}
    for stat in ("p50", "max"):
        result.rows.append(
            Row(
                FIGURE,
                f"crash recovery {stat}",
                "s",
                recovery[stat],
                baseline_name="arq alone: job timeout + 10 s (derived)",
                baseline=arq_alone,
                target="<= 15 s",
                target_op="<=",
                target_value=15.0,
                note=f"{len(samples)} tasks over {sizes.recovery_rounds} kills",
            )
        )
    return result
