"""The chart job: what the API hands a worker, defined once (as arq's `JobDef` and Superset's
`build_job_metadata` are). The API builds it; the job function validates it once, on arrival. It travels
as JSON inside arq's own job envelope (`arq.jobs.serialize_job`), never pickle."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from arq.jobs import deserialize_job, serialize_job
from pydantic import BaseModel, ConfigDict

from shared import tracing
from shared.models import Priority, TaskDTO, Visibility
from shared.redis import dumps, loads

# The arq function name every chart job runs under (worker.main registers it).
CHART_FUNCTION = "run_chart"


def request_key(adjustment_query: str | None) -> str:
    """Identifies "the same request" for one message: the normalised adjustment text."""
    text = " ".join((adjustment_query or "").lower().split())
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class ChartJob(BaseModel):
    # Keys a newer API adds are ignored by an older worker during a rolling upgrade, not fatal.
    model_config = ConfigDict(extra="ignore", frozen=True)

    task_id: str
    user_id: str
    org: str = ""
    message_id: str
    session_id: str
    question: str
    adjustment_query: str | None = None
    visibility: Visibility = Visibility.PRIVATE
    # The normalised adjustment (shared.task_store.request_key): "the same request" for one message.
    request_key: str
    priority: Priority = Priority.NORMAL
    created_at: datetime
    # The W3C trace context of the request that made the job (shared.tracing): the worker's spans join
    # its trace. Empty when the API does not trace.
    trace_context: dict[str, str] = {}
    # A refresh (a chart's schedule fired): redraw this chart's stored plan on current data, without
    # planning, and add a version to it instead of storing a new chart (worker.task.refresh).
    refresh_chart_id: str | None = None

    @classmethod
    def for_task(
        cls,
        task: TaskDTO,
        *,
        user_id: str,
        question: str,
        org: str = "",
        adjustment_query: str | None = None,
        visibility: Visibility = Visibility.PRIVATE,
    ) -> ChartJob:
        """The job of a task just accepted: its ids, priority and time come from the task itself."""
        return cls(
            task_id=task.task_id,
            user_id=user_id,
            org=org,
            message_id=task.message_id,
            session_id=task.session_id,
            question=question,
            adjustment_query=adjustment_query,
            visibility=visibility,
            request_key=request_key(adjustment_query),
            priority=task.priority,
            created_at=task.created_at,
            trace_context=_trace_context(task),
        )

    @property
    def question_with_adjustment(self) -> str:
        return f"{self.question} {self.adjustment_query}" if self.adjustment_query else self.question

    def kwargs(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _trace_context(task: TaskDTO) -> dict[str, str]:
    """The trace context of the request making the job, which the worker's spans continue; the
    request's span records each task it made (a batch makes several)."""
    tracing.add_event("chartq.job", {"chartq.task_id": task.task_id, "chartq.priority": task.priority.value})
    return tracing.inject()


def job_payload(job: ChartJob, enqueue_time_ms: int) -> bytes:
    """arq's serialised job for `job`, as the worker's arq reads it (JSON, not arq's default pickle)."""
    return serialize_job(CHART_FUNCTION, (), job.kwargs(), None, enqueue_time_ms, serializer=dumps)


def job_kwargs(payload: bytes) -> dict[str, Any]:
    """The keyword arguments of a serialised arq job, unvalidated (it may predate this contract)."""
    kwargs: dict[str, Any] = deserialize_job(payload, deserializer=loads).kwargs
    return kwargs
