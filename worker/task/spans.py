"""The spans of a chart task in its worker (shared.tracing): its wait in the queue, the run of one pickup
(`chartq.task`, a child of the POST that accepted it) and one per pipeline step. Off, each is a no-op."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from arq import Retry

from shared import tracing
from shared.job import ChartJob
from shared.models import Step, TaskStatus, utcnow


@dataclass(frozen=True)
class _Running:
    job: ChartJob
    span: Any
    picked_up: datetime


# The task this coroutine runs, while its span is open: its start, steps and end find it here.
_running: ContextVar[_Running | None] = ContextVar("chartq_task_span", default=None)


def task_span(job: ChartJob) -> AbstractContextManager[Any]:
    """The run of one pickup of `job`, in the trace of the request that made it."""
    if not tracing.enabled():
        return tracing.OFF
    return _traced_run(job)


@contextmanager
def _traced_run(job: ChartJob) -> Iterator[None]:
    attributes = {
        "chartq.task_id": job.task_id,
        "chartq.user_id": job.user_id,
        "chartq.priority": job.priority.value,
    }
    picked_up = utcnow()
    with tracing.span(
        "chartq.task", parent=job.trace_context, attributes=attributes, record_errors=False
    ) as span:
        token = _running.set(_Running(job, span, picked_up))
        try:
            yield
        except Retry:  # a transient fault: this pickup ends, and a later one runs the task again
            span.set_attribute("chartq.outcome", "retry")
            raise
        except Exception as exc:
            tracing.record_error(span, exc)
            raise
        finally:
            _running.reset(token)


def task_started(attempt: int) -> None:
    """The running task's attempt began; the first one's wait in the queue becomes a span beside it.
    (A later attempt's wait follows an earlier attempt, which the trace shows already.)"""
    running = _running.get()
    if running is None:
        return
    running.span.set_attribute("chartq.attempt", attempt)
    if attempt == 1:
        tracing.record_span(
            "chartq.queue_wait",
            start=running.job.created_at,
            end=running.picked_up,
            parent=running.job.trace_context,
            attributes={"chartq.task_id": running.job.task_id},
        )


def step_span(step: Step) -> AbstractContextManager[Any]:
    """One pipeline step of the running task (worker.task.progress.StepTimer opens it)."""
    running = _running.get()
    if running is None:
        return tracing.OFF
    return tracing.span(
        f"chartq.{step.value}", attributes={"chartq.task_id": running.job.task_id, "chartq.step": step.value}
    )


def task_ended(status: TaskStatus, error_code: str | None, attempt: int) -> None:
    """How the running task ended, on its span: status, error code, and chartq's attempt number."""
    running = _running.get()
    if running is None:
        return
    running.span.set_attributes({"chartq.status": status.value, "chartq.attempt": attempt})
    if error_code is not None:
        running.span.set_attribute("chartq.error_code", error_code)
    if status == TaskStatus.FAILED:
        tracing.record_error(running.span, error_code or "failed")
