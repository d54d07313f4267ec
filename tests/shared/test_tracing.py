"""Traces (shared.tracing): with OTEL_EXPORTER_OTLP_ENDPOINT set, a real API and a real worker process
export one trace per task to a real OTLP/HTTP receiver on loopback; without it, nothing of
OpenTelemetry is loaded or started."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest

from tests.conftest import ROOT, auth, new_message, spawn, start_api, stop, wait_for_status
from tests.otlp_receiver import CLIENT_KIND, ERROR_STATUS, SERVER_KIND, OtlpReceiver, ReceivedSpan
from tests.worker_fixtures import QUESTION, TASKS

STEPS = ("planning", "data_extraction", "schema_creation", "persisting")


@pytest.fixture(scope="module")
def receiver() -> Iterator[OtlpReceiver]:
    receiver = OtlpReceiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("traced")


@pytest.fixture(scope="module")
def traced_stack(base_env: dict[str, str], receiver: OtlpReceiver, logs: Path) -> Iterator[str]:
    """An API and a worker of their own queue, both exporting to `receiver`. Yields the API's URL."""
    env = base_env | {
        "CHARTQ_QUEUE_NAME": f"arq:queue:traced-{uuid4().hex[:8]}",
        "CHARTQ_LOG_LEVEL": "INFO",
        "CHARTQ_LOG_JSON": "true",
        "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
        "OTEL_BSP_SCHEDULE_DELAY": "100",  # milliseconds: export soon after each span ends
    }
    url, api = start_api(env, logs / "api.log")
    worker = spawn(["worker"], env, logs / "worker.log")
    yield url
    stop([api, worker])


def trace_of(task_id: str, spans: list[ReceivedSpan]) -> list[ReceivedSpan]:
    """The spans of the trace whose `chartq.task` span ran `task_id` (none before that span arrived)."""
    runs = [s for s in spans if s.name == "chartq.task" and s.attributes.get("chartq.task_id") == task_id]
    return [s for s in spans if runs and s.trace_id == runs[0].trace_id]


def one(spans: list[ReceivedSpan], name: str) -> ReceivedSpan:
    named = [s for s in spans if s.name == name]
    assert len(named) == 1, (name, [s.name for s in spans])
    return named[0]


async def ask(api_url: str, token: str, question: str) -> dict[str, Any]:
    """Posts a chart task for `question` and waits until it ends; the task as it ended."""
    async with httpx.AsyncClient(base_url=api_url, headers=auth(token), timeout=30) as http:
        message = await new_message(http, question)
        response = await http.post(TASKS, json={"message_id": message["id"]})
        assert response.status_code == 202, response.text
        return await wait_for_status(http, response.json()["task_id"])


def received_trace(receiver: OtlpReceiver, task_id: str, names: set[str]) -> list[ReceivedSpan]:
    """The trace of `task_id` once its POST span and every span named in `names` have arrived."""

    def complete(spans: list[ReceivedSpan]) -> bool:
        traced = trace_of(task_id, spans)
        return names <= {s.name for s in traced} and any(s.kind == SERVER_KIND for s in traced)

    spans = trace_of(task_id, receiver.wait_for(complete))
    assert complete(spans), sorted({s.name for s in spans})
    return spans


async def test_a_task_is_one_trace_from_the_post_through_every_step(
    traced_stack: str, receiver: OtlpReceiver, make_token: Callable[..., str], logs: Path
) -> None:
    user = f"user-{uuid4().hex[:8]}"
    task = await ask(traced_stack, make_token(user), QUESTION)
    assert task["status"] == "COMPLETED"
    task_id = task["task_id"]
    names = {"chartq.task", "chartq.queue_wait", *(f"chartq.{step}" for step in STEPS)}
    spans = received_trace(receiver, task_id, names)

    post = next(s for s in spans if s.kind == SERVER_KIND and s.name.startswith("POST"))
    assert post.service == "chartq-api" and post.parent_id == ""  # the trace starts at the POST
    assert post.events["chartq.job"]["chartq.task_id"] == task_id
    run = one(spans, "chartq.task")
    assert (run.service, run.parent_id) == ("chartq-worker", post.span_id)
    named = ("chartq.task_id", "chartq.user_id", "chartq.priority", "chartq.attempt")
    assert {k: run.attributes.get(k) for k in named} == {
        "chartq.task_id": task_id,
        "chartq.user_id": user,
        "chartq.priority": "normal",
        "chartq.attempt": 1,
    }
    assert run.attributes["chartq.status"] == "COMPLETED" and "chartq.error_code" not in run.attributes
    wait = one(spans, "chartq.queue_wait")
    assert wait.parent_id == post.span_id and post.start_ns <= wait.start_ns <= wait.end_ns <= run.start_ns
    steps = [one(spans, f"chartq.{step}") for step in STEPS]
    for step_name, step in zip(STEPS, steps, strict=True):
        assert step.parent_id == run.span_id
        assert step.attributes == {"chartq.task_id": task_id, "chartq.step": step_name}
        assert run.start_ns <= step.start_ns <= step.end_ns <= run.end_ns
    assert [s.start_ns for s in steps] == sorted(s.start_ns for s in steps)

    # The Redis commands and SQL statements of the task are in its trace, beneath its spans.
    clients = [s for s in spans if s.kind == CLIENT_KIND]
    systems = {str(s.attributes.get("db.system.name", s.attributes.get("db.system"))) for s in clients}
    assert {"redis", "sqlite"} <= systems, systems
    by_id = {s.span_id: s for s in spans}
    assert all(s.parent_id in by_id for s in clients)

    # Nothing else makes traces of its own: the worker polls its queue and beats its heartbeat several
    # times a second, and the API answered probes on /ready while it started.
    everything = receiver.received()
    assert [s.name for s in everything if s.kind == CLIENT_KIND and s.parent_id == ""] == []
    assert [s.name for s in everything if s.kind == SERVER_KIND and "/ready" in s.name] == []

    # The worker's log lines of the task name its trace.
    lines = [
        json.loads(line) for line in (logs / "worker.log").read_text().splitlines() if '"task ended"' in line
    ]
    ended = [line for line in lines if line.get("task_id") == task_id]
    assert ended and ended[0]["trace_id"] == run.trace_id


async def test_a_failed_task_says_why_on_its_span_and_on_the_failing_step(
    traced_stack: str, receiver: OtlpReceiver, make_token: Callable[..., str]
) -> None:
    task = await ask(traced_stack, make_token(), "what is the weather tomorrow?")
    assert (task["status"], task["error_code"]) == ("FAILED", "unchartable")
    spans = received_trace(receiver, task["task_id"], {"chartq.task", "chartq.planning"})

    run = one(spans, "chartq.task")
    assert (run.attributes["chartq.status"], run.attributes["chartq.error_code"]) == ("FAILED", "unchartable")
    assert run.status_code == ERROR_STATUS
    planning = one(spans, "chartq.planning")
    assert planning.parent_id == run.span_id and planning.status_code == ERROR_STATUS
    assert planning.events["exception"]["exception.type"].endswith("TaskFailure")
    assert not {f"chartq.{step}" for step in STEPS[1:]} & {s.name for s in spans}


OFF_PROBE = """
import json, sys, threading
from opentelemetry import trace
from api.app import create_app
from shared import tracing
from shared.job import ChartJob
from shared.models import Priority, Step
from shared.task_states import accepted
from worker.task.progress import StepTimer
from worker.task.spans import task_span

create_app()
job = ChartJob.for_task(accepted("t", "m", "s", Priority.NORMAL), user_id="u", question="q")
with task_span(job), StepTimer({}, Step.PLANNING):
    pass
print(json.dumps({
    "configured": tracing.configure_tracing("probe"),
    "loaded": sorted({m for m in sys.modules if m.startswith(("opentelemetry.sdk", "opentelemetry.exporter",
                                                             "opentelemetry.instrumentation"))}),
    "provider": type(trace.get_tracer_provider()).__name__,
    "threads": [t.name for t in threading.enumerate()],
    "trace_context": job.trace_context,
}))
"""


@pytest.mark.parametrize(
    "otel_env",
    [{}, {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:9", "OTEL_SDK_DISABLED": "true"}],
    ids=["no endpoint", "sdk disabled"],
)
def test_without_an_endpoint_nothing_is_loaded_or_started(
    base_env: dict[str, str], otel_env: dict[str, str]
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")} | base_env | otel_env
    probe = subprocess.run(
        [sys.executable, "-c", OFF_PROBE], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert probe.returncode == 0, probe.stderr
    assert json.loads(probe.stdout.splitlines()[-1]) == {
        "configured": False,
        "loaded": [],
        "provider": "ProxyTracerProvider",
        "threads": ["MainThread"],
        "trace_context": {},
    }
