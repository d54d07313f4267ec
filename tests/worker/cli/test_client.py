"""The CLI's HTTP client against the real slow stack: SSE parsing, resuming a dropped stream with
Last-Event-ID, and falling back to polling. Dropped connections come from a real TCP proxy that cuts
the stream connections it forwards, not from a fake server."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest

from shared.models import TaskStatus
from worker.cli.client import ApiClient, ApiHttpError, ApiUnreachable, TaskUpdate
from worker.cli.embedded_redis import free_port

STREAM_REQUEST = b"GET /api/v1/analytics/charts/stream/"
QUESTION = "life expectancy in Japan since 1990"
FAST = (0.05, 0.05, 0.05)


class CuttingProxy:
    """Forwards TCP to the API. The first `cuts` SSE connections are closed after `frames` events have
    passed through (0: before the request reaches the API). Records every stream request's head."""

    def __init__(self, target_url: str, *, frames: int, cuts: int) -> None:
        target = urlsplit(target_url)
        self.target = (target.hostname or "127.0.0.1", target.port or 80)
        self.frames, self.cuts = frames, cuts
        self.stream_requests: list[str] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._threads: list[threading.Thread] = []
        self._sockets: list[socket.socket] = []
        self._spawn(self._accept)

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._sockets += [client, upstream]
            cut = threading.Event()  # set once this connection carries a stream that is to be cut
            self._spawn(self._client_to_api, client, upstream, cut)
            self._spawn(self._api_to_client, upstream, client, cut)

    def _client_to_api(self, client: socket.socket, upstream: socket.socket, cut: threading.Event) -> None:
        try:
            while chunk := client.recv(65536):
                if chunk.startswith(STREAM_REQUEST):
                    with self._lock:
                        self.stream_requests.append(chunk.decode("latin-1"))
                        to_cut = len(self.stream_requests) <= self.cuts
                    if to_cut:
                        cut.set()
                        if self.frames == 0:
                            _close(client, upstream)
                            return
                upstream.sendall(chunk)
        except OSError:
            pass
        _close(client, upstream)

    def _api_to_client(self, upstream: socket.socket, client: socket.socket, cut: threading.Event) -> None:
        frames = 0
        try:
            while chunk := upstream.recv(65536):
                client.sendall(chunk)
                if cut.is_set():
                    frames += chunk.count(b"data: ")
                    if frames >= self.frames:
                        break
        except OSError:
            pass
        _close(client, upstream)

    def close(self) -> None:
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                sock.close()
        for thread in self._threads:
            thread.join(timeout=5)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def operator(slow_stack: str, make_token: Callable[..., str]) -> Iterator[ApiClient]:
    with ApiClient(slow_stack, make_token(roles=["operator"])) as client:
        yield client


def start_task(client: ApiClient, question: str = QUESTION) -> str:
    session = client.create_session("api client test")
    message = client.create_message(session["id"], question)
    return client.create_task(message["id"]).task_id


def assert_every_event_once(updates: list[TaskUpdate]) -> None:
    seqs = [u.seq for u in updates]
    assert seqs == list(range(1, len(seqs) + 1)), seqs
    assert updates[-1].task.status == TaskStatus.COMPLETED
    assert [u.task.status.is_terminal for u in updates].count(True) == 1


def test_stream_carries_every_event_and_resumes_after_a_seq(operator: ApiClient) -> None:
    task_id = start_task(operator)
    updates = list(operator.stream_task(task_id))  # ends by itself after the terminal status
    assert_every_event_once(updates)
    steps = {u.task.current_step.value for u in updates}
    assert {"planning", "data_extraction", "schema_creation", "persisting"} <= steps
    resumed = list(operator.stream_task(task_id, after_seq=3))
    assert [u.seq for u in resumed] == [u.seq for u in updates[3:]]


def test_follow_resumes_a_dropped_stream_with_last_event_id(
    slow_stack: str, make_token: Callable[..., str]
) -> None:
    proxy = CuttingProxy(slow_stack, frames=2, cuts=2)
    notes: list[str] = []
    try:
        with ApiClient(proxy.url, make_token()) as client:
            task_id = start_task(client)
            updates = list(client.follow_task(task_id, reconnect_delays=FAST, notify=notes.append))
    finally:
        proxy.close()
    assert_every_event_once(updates)  # nothing lost, nothing twice, across the cuts
    first, *reconnects = proxy.stream_requests
    assert "Last-Event-ID" not in first and 1 <= len(reconnects) <= 2
    resumed = [int(r.split("Last-Event-ID: ")[1].split("\r\n")[0]) for r in reconnects]
    assert resumed[0] >= 2 and resumed == sorted(set(resumed))
    assert all(f"resuming after event {seq}" in note for seq, note in zip(resumed, notes, strict=True))


def test_follow_falls_back_to_polling_when_the_stream_keeps_failing(
    slow_stack: str, make_token: Callable[..., str]
) -> None:
    proxy = CuttingProxy(slow_stack, frames=0, cuts=1000)
    notes: list[str] = []
    try:
        with ApiClient(proxy.url, make_token()) as client:
            task_id = start_task(client)
            updates = list(
                client.follow_task(task_id, reconnect_delays=FAST, poll_interval=0.05, notify=notes.append)
            )
    finally:
        proxy.close()
    assert len(proxy.stream_requests) == len(FAST)
    assert "polling" in notes[-1]
    assert all(u.seq is None for u in updates) and updates[-1].task.status == TaskStatus.COMPLETED
    assert len({u.task.current_step for u in updates}) >= 2  # polled while it ran, not only at the end


def test_refusals_are_not_retried(slow_stack: str, make_token: Callable[..., str]) -> None:
    with ApiClient(slow_stack, make_token()) as client:
        with pytest.raises(ApiHttpError) as caught:
            list(client.follow_task("no-such-task", reconnect_delays=FAST))
        assert caught.value.status == 404 and caught.value.code == "not_found"
    with ApiClient(slow_stack, "not-a-jwt") as client, pytest.raises(ApiHttpError) as refused:
        client.queue_stats()
    assert refused.value.status == 401 and "\n" not in str(refused.value)


def test_an_unreachable_api_is_one_clear_error() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with ApiClient(url, "token") as client, pytest.raises(ApiUnreachable) as caught:
        client.create_session()
    assert str(caught.value) == f"cannot reach the API at {url} (is `make run` running?)"
