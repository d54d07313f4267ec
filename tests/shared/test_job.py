"""The chart job contract: what the API enqueues is what arq hands the worker, and what is not a job
says which fields are wrong."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import pytest
from arq.jobs import deserialize_job
from pydantic import ValidationError

from shared.job import CHART_FUNCTION, ChartJob, job_kwargs, job_payload, request_key
from shared.models import Priority, Visibility
from shared.redis import dumps, loads
from shared.task_states import accepted


def a_job(adjustment: str | None = None) -> ChartJob:
    task = accepted(str(uuid4()), "m1", "s1", Priority.HIGH)
    return ChartJob.for_task(
        task,
        user_id="ada",
        org="acme",
        question="gdp of Chile",
        adjustment_query=adjustment,
        visibility=Visibility.ORG,
    )


def test_a_job_travels_through_arqs_envelope_unchanged() -> None:
    job = a_job("as a bar chart")
    payload = job_payload(job, enqueue_time_ms=1234)
    definition = deserialize_job(payload, deserializer=loads)
    assert (definition.function, definition.enqueue_time.timestamp()) == (CHART_FUNCTION, 1.234)
    assert ChartJob.model_validate(definition.kwargs) == job
    assert ChartJob.model_validate(job_kwargs(payload)) == job


def test_for_task_takes_ids_priority_and_time_from_the_task() -> None:
    task = accepted(str(uuid4()), "m9", "s9", Priority.LOW)
    job = ChartJob.for_task(task, user_id="u", question="q", adjustment_query="  As a BAR chart ")
    assert (job.task_id, job.message_id, job.session_id) == (task.task_id, "m9", "s9")
    assert (job.priority, job.created_at, job.visibility) == (
        Priority.LOW,
        task.created_at,
        Visibility.PRIVATE,
    )
    assert job.request_key == request_key("as a bar chart")
    assert job.question_with_adjustment == "q   As a BAR chart "


def test_a_malformed_job_names_every_missing_field() -> None:
    with pytest.raises(ValidationError) as caught:
        ChartJob.model_validate({"task_id": "t1"})
    missing = {error["loc"][0] for error in caught.value.errors()}
    assert missing == {"user_id", "message_id", "session_id", "question", "request_key", "created_at"}


def test_keys_a_newer_api_adds_do_not_break_an_older_worker() -> None:
    job = a_job()
    read = ChartJob.model_validate(job.kwargs() | {"added_in_a_later_version": 1})
    assert read == job and "added_in_a_later_version" not in read.kwargs()


def test_a_job_from_an_api_that_predates_traces_runs_untraced() -> None:
    job = a_job()
    older = {key: value for key, value in job.kwargs().items() if key != "trace_context"}
    read = ChartJob.model_validate(older)
    assert read == job and read.trace_context == {}


def test_an_aborted_jobs_outcome_serializes_and_anything_else_not_json_does_not() -> None:
    """arq stores an aborted job's outcome (a CancelledError) through the job serializer."""
    assert loads(dumps({"result": asyncio.CancelledError()})) == {"result": "CancelledError()"}
    with pytest.raises(TypeError):
        dumps({"when": object()})
