"""h. What traces cost when they are off (OTEL_EXPORTER_OTLP_ENDPOINT unset; docs/operations.md,
"Traces"): every tracing hook one chart task passes through, in the API and in its worker, called in
this process with tracing off, against one Redis round trip (PING) from the same process in the same
run. A task makes more than ten round trips, so a small fraction of one is lost in their noise.

The hooks: the job's trace context (`shared.job.ChartJob.for_task`), the task's span, its start, a
span per pipeline step (`worker.task.progress.StepTimer`), its end, and the trace ids looked up for
each of its log lines.
"""

from __future__ import annotations

import time
from uuid import uuid4

from bench.results import FigureResult, Row, percentile
from bench.sizes import Sizes
from bench.stack import Stack
from shared import tracing
from shared.job import ChartJob
from shared.models import PIPELINE_STEPS, Priority, TaskStatus
from shared.task_states import accepted
from worker.task.spans import step_span, task_ended, task_span, task_started

FIGURE = "h"
TITLE = "traces off: the tracing hooks of one task vs one Redis round trip"
REPEATS = 5
# The worker's log lines of a task that goes well (started, ended), and the API's (none at INFO).
LOG_LINES = 2


def hooks_of_one_task(job: ChartJob) -> None:
    tracing.add_event("chartq.job", {"chartq.task_id": job.task_id})
    tracing.inject()
    with task_span(job):
        task_started(1)
        for step in PIPELINE_STEPS:
            with step_span(step):
                pass
        task_ended(TaskStatus.COMPLETED, None, 1)
    for _ in range(LOG_LINES):
        tracing.add_trace_ids(None, "info", {})


def hooks_us(tasks: int) -> float:
    """Microseconds per task: the fastest of a few timed loops (the others met the scheduler)."""
    job = ChartJob.for_task(accepted(str(uuid4()), "m", "s", Priority.NORMAL), user_id="u", question="q")
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        for _ in range(tasks):
            hooks_of_one_task(job)
        best = min(best, (time.perf_counter() - started) / tasks)
    return best * 1e6


async def ping_us(stack: Stack, pings: int) -> float:
    """The median of `pings` PINGs, one at a time, in microseconds."""
    for _ in range(min(pings, 50)):  # warm-up: the connection and the loop
        await stack.r.ping()
    samples = []
    for _ in range(pings):
        started = time.perf_counter()
        await stack.r.ping()
        samples.append((time.perf_counter() - started) * 1e6)
    return percentile(samples, 50)


async def run(stack: Stack, sizes: Sizes) -> FigureResult:
    if tracing.enabled():  # nothing in the bench process turns it on; the figure is of the off path
        raise RuntimeError("tracing is on in the bench process")
    result = FigureResult(FIGURE, TITLE)
    hooks = hooks_us(sizes.tracing_tasks)
    ping = await ping_us(stack, sizes.tracing_pings)
    result.details = {"tasks": sizes.tracing_tasks, "repeats": REPEATS, "hooks_us": hooks, "ping_us": ping}
    result.rows.append(
        Row(
            FIGURE,
            "tracing hooks per task, traces off",
            "µs",
            hooks,
            baseline_name="one Redis round trip (PING p50), same process",
            baseline=ping,
            target="<= 0.1 of one round trip",
            target_on="ratio",
            target_op="<=",
            target_value=0.1,
            note=f"{len(PIPELINE_STEPS)} steps and {LOG_LINES} log lines a task; best of {REPEATS} loops",
        )
    )
    return result
