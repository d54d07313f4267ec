"""e. End to end for real sample-warehouse questions: POST .../charts/async -> COMPLETED seen over SSE,
with one API process and one worker process (default settings), one question at a time, the way the
chat page does it (POST, then open the task's SSE stream, read until COMPLETED).

Baseline: the pipeline's own work for the same tasks (planning + data extraction + figure + persisting,
the step durations the worker records in the task's run record), so the ratio is what queueing,
tracking and delivery add. Charts per second per worker: a batch of tasks with the same question mix,
released at once onto the worker's queue (as in figure b), vs the serial capacity 1 / mean(work).
"""

from __future__ import annotations

import asyncio
import time

import orjson
import sqlalchemy as sa

from bench.drain import release, wait_empty
from bench.drain_cost import cpu_seconds
from bench.results import FigureResult, Row, ms, summary
from bench.sizes import Sizes
from bench.stack import Stack
from bench.wire import HttpConnection, SseClient, open_stream
from bench.workload import REAL_QUESTIONS, bench_store, create_messages, create_tasks, task_statuses, unique
from shared.db.engine import create_engine
from shared.db.tables import TaskRun

FIGURE = "e"
TITLE = "end to end, real questions: POST -> COMPLETED over SSE"


async def one_chart(
    stack: Stack, http: HttpConnection, host: str, port: int, token: str, message_id: str
) -> tuple[float, str]:
    done: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def on_event(_seq: int, _arrival: float, payload: bytes) -> None:
        data = orjson.loads(payload)["data"]
        if data["status"] in ("COMPLETED", "FAILED", "CANCELLED") and not done.done():
            done.set_result(data["status"])

    t0 = time.perf_counter()
    status, body = await http.request(
        "POST",
        "/api/v1/analytics/charts/async",
        body=orjson.dumps({"message_id": message_id}),
        headers={"Authorization": f"Bearer {token}"},
    )
    if status != 202:
        raise RuntimeError(f"POST answered {status}: {body[:200]!r}")
    task_id = orjson.loads(body)["task_id"]
    client = SseClient(
        host, port, f"/api/v1/analytics/charts/stream/{task_id}?access_token={token}", on_event
    )
    await open_stream(client, host, port)
    try:
        final = await asyncio.wait_for(done, 30)
    finally:
        client.close()
    elapsed = time.perf_counter() - t0
    if final != "COMPLETED":
        raise RuntimeError(f"task {task_id} ended {final}")
    return elapsed, task_id


async def work_ms(stack: Stack, task_ids: list[str]) -> list[float]:
    """Sum of the pipeline step durations the worker recorded for each task."""
    engine = create_engine(stack.database_url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                sa.select(TaskRun.step_durations_ms).where(TaskRun.task_id.in_(task_ids))
            )
            return [float(sum(durations.values())) for (durations,) in rows]
    finally:
        await engine.dispose()


async def run(stack: Stack, sizes: Sizes) -> FigureResult:
    result = FigureResult(FIGURE, TITLE)
    queue = unique("bench:e2e")
    user = unique("e2e")
    token = stack.token(user)
    questions = [
        REAL_QUESTIONS[i % len(REAL_QUESTIONS)] for i in range(sizes.e2e_samples + 2 * len(REAL_QUESTIONS))
    ]
    message_ids = await create_messages(stack, user, questions)
    api = await stack.start_api("e2e-api", {"CHARTQ_QUEUE_NAME": queue})
    workers = await stack.start_workers(1, queue, "e2e-worker")
    http = await HttpConnection(api.host, api.port).connect()
    latencies: list[float] = []
    task_ids: list[str] = []
    try:
        warmup = 2 * len(REAL_QUESTIONS)  # every question once per warm-up pass: caches, connections
        for i, message_id in enumerate(message_ids):
            elapsed, task_id = await one_chart(stack, http, api.host, api.port, token, message_id)
            if i >= warmup:
                latencies.append(elapsed)
                task_ids.append(task_id)
            await asyncio.sleep(0.02)
        work = await work_ms(stack, task_ids)

        batch = [REAL_QUESTIONS[i % len(REAL_QUESTIONS)] for i in range(sizes.e2e_throughput_tasks)]
        staging = unique("bench:staging")
        batch_ids = await create_tasks(bench_store(stack, staging), user, batch)
        await asyncio.sleep(0.3)
        pid = workers[0].pid
        cpu0, loop0 = cpu_seconds(pid), cpu_seconds(pid, pid)
        t0 = await release(stack, staging, queue, wake_tokens=4)
        t1 = await wait_empty(stack, queue, within=120)
        charts_per_s = len(batch) / (t1 - t0)
        # Where the batch's time went in the worker: CPU per chart, and how busy its event loop was.
        cpu_ms = 1000 * (cpu_seconds(pid) - cpu0) / len(batch)
        loop_busy = (cpu_seconds(pid, pid) - loop0) / (t1 - t0)
        statuses = await task_statuses(stack, batch_ids)
    finally:
        await http.close()
        stack.stop(api.process, *workers)
    if statuses.get("COMPLETED", 0) != len(batch):
        raise RuntimeError(f"not every batch task completed: {statuses}")
    e2e = summary(ms(latencies))
    work_summary = summary(work)
    serial_capacity = 1000 / work_summary["mean"] if work else float("nan")
    result.details = {
        "questions": list(REAL_QUESTIONS),
        "end_to_end_ms": e2e,
        "pipeline_work_ms": work_summary,
        "batch_tasks": len(batch),
        "charts_per_s_one_worker": charts_per_s,
        "serial_capacity_per_s": serial_capacity,
        "batch_statuses": statuses,
        "worker_cpu_ms_per_chart": cpu_ms,
        "event_loop_busy_share": loop_busy,
    }
    for stat in ("p50", "p99"):
        result.rows.append(
            Row(
                FIGURE,
                f"end to end {stat}",
                "ms",
                e2e[stat],
                baseline_name=f"pipeline work {stat} (step durations)",
                baseline=work_summary[stat],
                target="<= 100 ms" if stat == "p50" else "",
                target_op="<=" if stat == "p50" else "",
                target_value=100.0 if stat == "p50" else None,
                note=f"{e2e['n']} charts, {len(REAL_QUESTIONS)} questions",
            )
        )
    result.rows.append(
        Row(
            FIGURE,
            "charts per second, one worker",
            "charts/s",
            charts_per_s,
            baseline_name="serial capacity 1 / mean(pipeline work)",
            baseline=serial_capacity,
            better="higher",
            target=">= 0.8x baseline",
            target_on="ratio",
            target_op=">=",
            target_value=0.8,
            note=f"{len(batch)} tasks released at once, concurrency {stack.settings().worker_concurrency}; "
            f"worker CPU {cpu_ms:.2f} ms per chart, event loop busy {100 * loop_busy:.0f}% of the batch",
        )
    )
    return result
