"""The CLI client and the SSE gateway's 204 ("the task has ended, nothing follows, do not reconnect"),
against the real slow stack: a 204 has no content type, and is the end of the stream, not an error."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
import redis

from shared import keys
from shared.models import TaskStatus
from tests.worker.cli.test_client import FAST, CuttingProxy, start_task
from worker.cli.client import ApiClient, ApiHttpError
from worker.cli.embedded_redis import EmbeddedRedis


@pytest.fixture
def operator(slow_stack: str, make_token: Callable[..., str]) -> Iterator[ApiClient]:
    with ApiClient(slow_stack, make_token(roles=["operator"])) as client:
        yield client


def wait_until_done(client: ApiClient, task_id: str) -> None:
    deadline = time.monotonic() + 30
    while not client.task_status(task_id).status.is_terminal:
        assert time.monotonic() < deadline, "the task did not end"
        time.sleep(0.05)


def test_a_stream_resumed_after_the_terminal_event_is_over(operator: ApiClient) -> None:
    task_id = start_task(operator)
    updates = list(operator.stream_task(task_id))
    terminal = updates[-1].seq
    assert terminal is not None and updates[-1].task.status == TaskStatus.COMPLETED
    assert list(operator.stream_task(task_id, after_seq=terminal)) == []  # the server answered 204
    assert [u.seq for u in operator.stream_task(task_id, after_seq=terminal - 1)] == [terminal]


def test_follow_asks_the_status_when_a_resumed_stream_answers_204(
    slow_stack: str, make_token: Callable[..., str], redis_server: EmbeddedRedis
) -> None:
    """The stream drops after two events; before the client resumes, the task ends and its live
    history expires. The resumed stream answers 204, and the status endpoint (the run record) says
    how the task ended: no reconnect loop, no fallback to polling a task that has ended."""
    token = make_token()
    proxy = CuttingProxy(slow_stack, frames=2, cuts=1)
    notes: list[str] = []
    store = redis.Redis.from_url(redis_server.url)

    def expire_when_done(note: str) -> None:
        notes.append(note)
        wait_until_done(direct, task_id)
        store.delete(keys.task(task_id), keys.task_events(task_id))
        deadline = time.monotonic() + 10
        while True:  # the worker writes the run record just after the terminal event
            try:
                direct.task_status(task_id)
                return
            except ApiHttpError:
                assert time.monotonic() < deadline, "no run record"
                time.sleep(0.05)

    try:
        with ApiClient(proxy.url, token) as client, ApiClient(slow_stack, token) as direct:
            task_id = start_task(client)
            updates = list(client.follow_task(task_id, reconnect_delays=FAST, notify=expire_when_done))
    finally:
        proxy.close()
        store.close()
    *streamed, last = updates
    assert [u.seq for u in streamed] == list(range(1, len(streamed) + 1)) and len(streamed) >= 2
    assert last.seq is None and last.task.status == TaskStatus.COMPLETED  # from the status endpoint
    assert len(proxy.stream_requests) == 2, "one resume, answered 204, and no more"
    resumed = proxy.stream_requests[1]
    assert f"Last-Event-ID: {streamed[-1].seq}\r\n" in resumed
    assert len(notes) == 1 and "polling" not in notes[0]
