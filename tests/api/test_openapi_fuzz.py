"""Property-based fuzzing of every endpoint in /openapi.json (schemathesis) against a real API process,
with every check schemathesis has (the CLI's `--checks all`), server-sent event streams included.

Each operation gets schema-valid and schema-violating requests with an operator's bearer token; every
response must be documented (status code, content type, headers) and match its schema, and no request may
yield a 5xx. Half of the valid requests name real resources of the fuzzing user (a session, a message, a
completed task, its chart and a batch) instead of random ids, so success bodies are checked too, not only
404s; every valid batch names a real message.
Streams that never end (every task of the caller, live queue statistics) are read up to their first
frame and then closed, as a client that leaves would (`FirstFrameAdapter`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from requests.adapters import HTTPAdapter
from schemathesis.checks import CHECKS, load_all_checks

from api.app import create_app
from shared.auth import create_token
from shared.settings import Settings
from tests.conftest import TERMINAL, auth, start_api, stop

pytestmark = pytest.mark.db

FUZZ_USER = "schemathesis-fuzzer"
QUESTION = "life expectancy in Mexico and Canada since 1980"

# The document the app serves (test_the_served_document_is_the_one_fuzzed checks they are the same).
schema = schemathesis.openapi.from_dict(create_app(Settings()).openapi())
load_all_checks()
ALL_CHECKS = CHECKS.get_all()  # `schemathesis run --checks all`
# A stream's first frame comes within this (the fuzzed API sends keep-alives this often).
KEEPALIVE_SECONDS = 0.2


class FirstFrameAdapter(HTTPAdapter):
    """Reads a text/event-stream answer up to its first frame, then closes the connection; reads any
    other answer whole. A stream that never ends can then be fuzzed like any other operation."""

    def send(self, request: Any, stream: bool = False, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        response = super().send(request, stream=True, **kwargs)
        if not response.headers.get("content-type", "").startswith("text/event-stream"):
            if not stream:
                response.content  # noqa: B018 (read it all, as requests does without stream=True)
            return response
        received = b""
        for chunk in response.iter_content(chunk_size=None):
            received += chunk
            if b"\n\n" in received:
                break
        response._content = received
        response.close()
        return response


def first_frame_session() -> requests.Session:
    session = requests.Session()
    session.mount("http://", FirstFrameAdapter())
    return session


class FuzzerToken:
    """The bearer token as schemathesis auth, so its negative cases and `ignored_auth` probes know it."""

    token = ""

    def get(self, case: schemathesis.Case, ctx: Any) -> str | None:
        return self.token or None

    def set(self, case: schemathesis.Case, data: str, ctx: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


schema.auth(refresh_interval=None)(FuzzerToken)


@pytest.fixture(scope="module")
def fuzzer_token(jwt_secret: str) -> Iterator[str]:
    FuzzerToken.token = create_token(jwt_secret, FUZZ_USER, roles=["operator"])
    yield FuzzerToken.token
    FuzzerToken.token = ""


def _session_and_message(http: httpx.Client) -> dict[str, str]:
    session = http.post("/api/v1/sessions", json={"title": "fuzz"}).json()
    message = http.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": QUESTION})
    return {"session_id": session["id"], "message_id": message.json()["id"]}


@pytest.fixture(scope="module")
def completed_task(api_url: str, worker_processes: list[Any], fuzzer_token: str) -> dict[str, str]:
    """A chart made by the real workers, shared by every operation (after its DELETE, 404s)."""
    with httpx.Client(base_url=api_url, headers=auth(fuzzer_token), timeout=30) as http:
        message_id = _session_and_message(http)["message_id"]
        task = http.post("/api/v1/analytics/charts/async", json={"message_id": message_id}).json()
        deadline = time.monotonic() + 60
        while task["status"] not in TERMINAL and time.monotonic() < deadline:
            time.sleep(0.05)
            task = http.get(f"/api/v1/analytics/charts/async/{task['task_id']}/status").json()
        assert task["status"] == "COMPLETED", task
        batch = http.post("/api/v1/analytics/charts/batch", json={"message_ids": [message_id]}).json()
        return {"task_id": task["task_id"], "chart_id": task["chart_id"], "batch_id": batch["batch_id"]}


@pytest.fixture(scope="module")
def fuzzed_api(base_env: dict[str, str], data_dir: Path) -> Iterator[str]:
    """An API of the session's stack (its workers, queue, Redis and database) with frequent keep-alives."""
    url, process = start_api(
        base_env | {"CHARTQ_SSE_KEEPALIVE_SECONDS": str(KEEPALIVE_SECONDS)}, data_dir / "fuzzed-api.log"
    )
    yield url
    stop([process])


@pytest.fixture(scope="module")
def http_session() -> Iterator[requests.Session]:
    with first_frame_session() as session:
        yield session


@pytest.fixture
def real_ids(api_url: str, fuzzer_token: str, completed_task: dict[str, str]) -> dict[str, str]:
    """A fresh session and message per operation (DELETE /sessions/{id} removes them), and the chart."""
    with httpx.Client(base_url=api_url, headers=auth(fuzzer_token), timeout=30) as http:
        return {**_session_and_message(http), **completed_task}


def use_real_ids(case: schemathesis.Case, ids: dict[str, str]) -> None:
    """Point a schema-valid case at existing resources: ids are plain strings, so it stays valid."""
    if case.path_parameters:
        case.path_parameters = {k: ids.get(k, v) for k, v in case.path_parameters.items()}
    if isinstance(case.body, dict) and "message_id" in case.body:
        case.body = {**case.body, "message_id": ids["message_id"]}
    if isinstance(case.body, dict) and "message_ids" in case.body:
        case.body = {**case.body, "message_ids": [ids["message_id"]]}


def names_messages(case: schemathesis.Case) -> bool:
    """A batch of messages that are not the caller's is refused whole (422 naming them), so a valid
    batch always names real ones."""
    return isinstance(case.body, dict) and "message_ids" in case.body


def within_scheduling_window(case: schemathesis.Case) -> None:
    """`run_at` must lie between now and 30 days ahead, a window the schema cannot state (it moves
    with the clock), and excludes `delay_seconds` (which the schema does not say either): a schema-valid
    start time is moved into the window, and stands alone."""
    if isinstance(case.body, dict) and case.body.get("run_at") is not None:
        start = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
        case.body = {**case.body, "run_at": start, "delay_seconds": None}
    # Dependencies must be the caller's own tasks, and exclude a start time (neither can a schema say):
    # a schema-valid list is dropped (bad lists are 422s, tested in tests/api/test_task_dependencies.py).
    if isinstance(case.body, dict) and case.body.get("depends_on"):
        case.body = {**case.body, "depends_on": []}


def firing_schedule(case: schemathesis.Case) -> None:
    """Which 5-field cron expressions can fire, and which time zone names exist, is more than a schema
    says: a schema-valid schedule is given one that does (bad ones are 422s, tested on their own)."""
    if isinstance(case.body, dict) and "cron" in case.body:
        case.body = {**case.body, "cron": "0 8 * * 1-5", "timezone": "Europe/Berlin"}


@schema.parametrize()
@schema.given(real=st.booleans())
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same cases on every run, so CI never flakes on a new draw
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_documented(
    case: schemathesis.Case,
    real: bool,
    fuzzed_api: str,
    http_session: requests.Session,
    real_ids: dict[str, str],
) -> None:
    if (real or names_messages(case)) and case.meta is not None and case.meta.generation.mode.is_positive:
        use_real_ids(case, real_ids)
    if case.meta is not None and case.meta.generation.mode.is_positive:
        within_scheduling_window(case)
        firing_schedule(case)
    response = case.call_and_validate(
        base_url=fuzzed_api, session=http_session, checks=ALL_CHECKS, timeout=15
    )
    assert response.status_code < 500, response.text


def test_the_served_document_is_the_one_fuzzed(api_url: str) -> None:
    served = httpx.get(f"{api_url}/openapi.json").json()
    assert served == create_app(Settings()).openapi()


def test_errors_are_documented_as_error_dtos() -> None:
    """Every documented 4xx/5xx body is {"detail", "code"} as the handlers send, never FastAPI's list."""
    document = create_app(Settings()).openapi()
    assert "HTTPValidationError" not in str(document)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            for status, response in responses.items():
                if status[0] in "45":
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorDTO"), (method, path, status)
            if operation.get("security"):
                assert {"401", "503"} <= set(responses), (method, path)
            if "requestBody" in operation:
                assert {"413", "422"} <= set(responses), (method, path)


def _ops(predicate: Callable[[str, str], bool]) -> list[tuple[str, str]]:
    document = create_app(Settings()).openapi()
    return [(m, p) for p, ops in document["paths"].items() for m in ops if predicate(m, p)]


@pytest.mark.parametrize(("method", "path"), _ops(lambda m, p: "{" in p))
def test_resources_of_others_are_documented_404s(method: str, path: str) -> None:
    document = create_app(Settings()).openapi()
    assert "404" in document["paths"][path][method]["responses"]
