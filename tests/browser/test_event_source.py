"""A real EventSource on a task's SSE stream stops once it has the terminal event.

The stream ends after the terminal status; EventSource, as the spec says, reconnects (3 s later, with
Last-Event-ID). The server answers 204, the spec's "do not reconnect", and the source closes for good
instead of reconnecting every 3 s for ever."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from playwright.async_api import Page

from tests.browser.page_helpers import ConsoleLog, Traffic, csp_violations
from tests.conftest import auth, new_message, wait_for_status

pytestmark = pytest.mark.browser

STREAM_PATH = "/api/v1/analytics/charts/stream/"
QUIET_SECONDS = 8  # past two more of EventSource's default 3 s reconnection delays
OPEN_SOURCE = """([url]) => {
  window.__source = { events: [], errors: [] };
  const source = new EventSource(url);
  window.__source.handle = source;
  source.onmessage = (event) =>
    window.__source.events.push({ id: event.lastEventId, data: JSON.parse(event.data) });
  source.onerror = () => window.__source.errors.push(source.readyState);
}"""


async def finished_task(chat_server: str) -> tuple[str, str, int]:
    """A task of the dev user that has completed: its id, a token, and its terminal event's seq."""
    async with httpx.AsyncClient(base_url=chat_server, timeout=30) as http:
        token = (await http.post("/api/v1/dev/token", json={"user": "eventsource"})).json()["access_token"]
        http.headers.update(auth(token))
        message = await new_message(http, "average tip by day")
        task = await http.post("/api/v1/analytics/charts/async", json={"message_id": message["id"]})
        task_id = str(task.json()["task_id"])
        done = await wait_for_status(http, task_id)
        assert done["status"] == "COMPLETED", done
        async with http.stream("GET", f"{STREAM_PATH}{task_id}", params={"last_event_id": 0}) as stream:
            ids = [line async for line in stream.aiter_lines() if line.startswith("id: ")]
    return task_id, token, int(ids[-1].removeprefix("id: "))


async def test_event_source_stops_after_the_terminal_event(page: Page, chat_server: str) -> None:
    task_id, token, terminal_seq = await finished_task(chat_server)
    console = ConsoleLog(page)
    traffic = Traffic(page, stream_path=STREAM_PATH, poll_suffix="/status")
    await page.goto("/")  # any page of this server, with the pages' Content-Security-Policy
    await page.evaluate(OPEN_SOURCE, [f"{STREAM_PATH}{task_id}?access_token={token}"])

    # The first connection gets the terminal status; the reconnect after it is told to stop.
    await page.wait_for_function(
        "() => window.__source.handle.readyState === EventSource.CLOSED", timeout=15_000
    )
    source = await page.evaluate("({ events: window.__source.events, errors: window.__source.errors })")
    assert [(e["id"], e["data"]["data"]["status"]) for e in source["events"]] == [
        (str(terminal_seq), "COMPLETED")
    ]
    assert source["errors"] == [0, 2], "one reconnect (CONNECTING), then CLOSED"
    assert traffic.streams == [200, 204]

    await asyncio.sleep(QUIET_SECONDS)
    assert traffic.streams == [200, 204], "no request to the stream after the 204"
    assert await page.evaluate("window.__source.handle.readyState") == 2
    assert await csp_violations(page) == []
    assert console.errors == []
