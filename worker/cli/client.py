"""A small synchronous client of the chartq HTTP API for the command line.

Every failure is an `ApiClientError` whose text is one line fit for stderr. `follow_task` follows a
task's SSE stream, resumes it with `Last-Event-ID` after a dropped connection, and falls back to
polling the status endpoint when the stream keeps failing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from httpx_sse import EventSource

from shared.models import Priority, TaskDTO

API_PREFIX = "/api/v1"
TASKS_PATH = f"{API_PREFIX}/analytics/charts"
REQUEST_TIMEOUT_S = 10.0
# The server sends a keep-alive comment every 15 s; three missed ones mean the stream is dead.
STREAM_READ_TIMEOUT_S = 45.0
RECONNECT_DELAYS_S = (0.2, 0.5, 1.0)
POLL_INTERVAL_S = 0.5
POLL_FAILURES_ALLOWED = 10


class ApiClientError(Exception):
    """A failure to report as one line."""


class ApiUnreachable(ApiClientError):
    pass


class ApiHttpError(ApiClientError):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(f"{detail} ({code}, HTTP {status})")
        self.status, self.code, self.detail = status, code, detail


class StreamInterrupted(Exception):
    """The server ended the stream early (e.g. `slow_consumer`): resume from the last seq."""


class StreamOver(Exception):
    """The server answered 204: the task has ended and no event follows the seq sent; do not reconnect."""


def one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class TaskUpdate:
    task: TaskDTO
    seq: int | None  # None when the update came from polling


def _error_from(response: httpx.Response) -> ApiHttpError:
    try:
        body = response.json()
        detail, code = str(body["detail"]), str(body["code"])
    except (ValueError, KeyError, TypeError):
        detail = one_line(response.text)[:200] or response.reason_phrase
        code = "http_error"
    return ApiHttpError(response.status_code, code, one_line(detail))


class ApiClient:
    def __init__(self, base_url: str, token: str, *, timeout: float = REQUEST_TIMEOUT_S) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=timeout
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def _transport_error(self, exc: httpx.TransportError) -> ApiClientError:
        if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
            return ApiUnreachable(f"cannot reach the API at {self.base_url} (is `make run` running?)")
        if isinstance(exc, httpx.TimeoutException):
            return ApiClientError(f"the API at {self.base_url} did not answer in time")
        return ApiClientError(f"lost the connection to the API at {self.base_url}: {one_line(str(exc))}")

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise self._transport_error(exc) from exc
        except httpx.InvalidURL as exc:
            raise ApiClientError(f"invalid API URL {self.base_url}: {exc}") from exc
        if response.status_code >= 400:
            raise _error_from(response)
        try:
            return response.json()
        except ValueError as exc:
            raise ApiClientError(f"the API answered {path} with something other than JSON") from exc

    # --- chat and chart tasks -------------------------------------------------------------------

    def create_session(self, title: str | None = None) -> dict[str, Any]:
        return dict(self.request("POST", f"{API_PREFIX}/sessions", json={"title": title}))

    def create_message(self, session_id: str, content: str) -> dict[str, Any]:
        path = f"{API_PREFIX}/sessions/{session_id}/messages"
        return dict(self.request("POST", path, json={"content": content}))

    def create_task(self, message_id: str, priority: Priority = Priority.NORMAL) -> TaskDTO:
        body = {"message_id": message_id, "priority": priority.value}
        return TaskDTO.model_validate(self.request("POST", f"{TASKS_PATH}/async", json=body))

    def status_path(self, task_id: str) -> str:
        return f"{TASKS_PATH}/async/{task_id}/status"

    def result_path(self, task_id: str) -> str:
        return f"{TASKS_PATH}/async/{task_id}/result"

    def task_status(self, task_id: str) -> TaskDTO:
        return TaskDTO.model_validate(self.request("GET", self.status_path(task_id)))

    def chart_result(self, task_id: str) -> dict[str, Any]:
        return dict(self.request("GET", self.result_path(task_id)))

    def queue_stats(self) -> dict[str, Any]:
        return dict(self.request("GET", f"{API_PREFIX}/analytics/queue/stats"))

    # --- live progress --------------------------------------------------------------------------

    def stream_task(self, task_id: str, after_seq: int = 0) -> Iterator[TaskUpdate]:
        """One SSE connection: the events after `after_seq`, until the server ends the stream.

        A 204 answer (the task has ended and nothing follows `after_seq`) ends it at once. Raises
        httpx.TransportError when the connection drops, StreamInterrupted when the server asks the
        client to reconnect, ApiHttpError when the stream is refused."""
        try:
            yield from self._stream(task_id, after_seq)
        except StreamOver:
            return

    def _stream(self, task_id: str, after_seq: int) -> Iterator[TaskUpdate]:
        """stream_task, raising StreamOver on a 204 (which has no content type, so is no event stream)."""
        headers = {"Accept": "text/event-stream"}
        if after_seq:
            headers["Last-Event-ID"] = str(after_seq)
        timeout = httpx.Timeout(REQUEST_TIMEOUT_S, read=STREAM_READ_TIMEOUT_S)
        path = f"{TASKS_PATH}/stream/{task_id}"
        params = {"last_event_id": after_seq}
        with self._http.stream("GET", path, params=params, headers=headers, timeout=timeout) as response:
            if response.status_code >= 400:
                response.read()
                raise _error_from(response)
            if response.status_code == 204:
                raise StreamOver
            for frame in EventSource(response).iter_sse():
                try:
                    envelope = json.loads(frame.data)
                except ValueError:
                    continue
                if envelope.get("type") == "error":
                    raise StreamInterrupted(str(envelope.get("code", "error")))
                if envelope.get("type") == "status_update":
                    yield TaskUpdate(TaskDTO.model_validate(envelope["data"]), int(envelope["seq"]))

    def follow_task(
        self,
        task_id: str,
        *,
        reconnect_delays: tuple[float, ...] = RECONNECT_DELAYS_S,
        poll_interval: float = POLL_INTERVAL_S,
        notify: Callable[[str], None] | None = None,
    ) -> Iterator[TaskUpdate]:
        """Every change of a task until its terminal status, each event once and in order.

        A dropped stream is resumed after the last seq seen; after `len(reconnect_delays)`
        reconnects in a row without a new event, the status endpoint is polled instead. When a resumed
        stream answers 204 (the task has ended, but its live history with the terminal event has
        expired), the status endpoint says how it ended."""
        last_seq = 0
        failures = 0
        while failures < len(reconnect_delays):
            try:
                for update in self._stream(task_id, last_seq):
                    if update.seq is not None and update.seq <= last_seq:
                        continue  # already seen before the reconnect
                    last_seq, failures = update.seq or last_seq, 0
                    yield update
                    if update.task.status.is_terminal:
                        return
                reason = "the stream ended early"
            except StreamOver:
                yield from self.poll_task(task_id, poll_interval=poll_interval)
                return
            except (httpx.TransportError, StreamInterrupted) as exc:
                reason = f"the stream broke ({one_line(str(exc)) or type(exc).__name__})"
            except ApiHttpError as exc:
                if exc.status < 500:
                    raise
                reason = str(exc)
            delay = reconnect_delays[failures]
            failures += 1
            if notify:
                notify(f"{reason}; resuming after event {last_seq} ({failures}/{len(reconnect_delays)})")
            time.sleep(delay)
        if notify:
            notify("live progress is unavailable; polling the task's status instead")
        yield from self.poll_task(task_id, poll_interval=poll_interval)

    def poll_task(self, task_id: str, *, poll_interval: float = POLL_INTERVAL_S) -> Iterator[TaskUpdate]:
        """The task's status whenever it changes, until it is terminal."""
        previous: TaskDTO | None = None
        failures = 0
        while True:
            try:
                task = self.task_status(task_id)
                failures = 0
            except ApiClientError as exc:
                if isinstance(exc, ApiHttpError) and exc.status < 500:
                    raise
                failures += 1
                if failures > POLL_FAILURES_ALLOWED:
                    raise
                time.sleep(poll_interval)
                continue
            if task != previous:
                previous = task
                yield TaskUpdate(task, None)
            if task.status.is_terminal:
                return
            time.sleep(poll_interval)
