"""The queue dashboard in a real browser: an operator signs in and watches the queue live (workers, counts,
failures, one task's detail, cancelling); a user without the operator role is told what is needed; and
the page keeps to one redraw a second whatever the queue's size or the rate of frames."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson
import pytest
from playwright.async_api import Locator, Page, Route, expect

from tests.browser.page_helpers import ConsoleLog, Traffic, click_dev_sign_in, csp_violations, screenshot
from tests.conftest import TERMINAL, auth

pytestmark = pytest.mark.browser

QUEUE = "/api/v1/analytics/queue"
STREAM_PATH = QUEUE + "/stats/stream"
QUESTIONS = ("life expectancy in Mexico and Canada since 1980", "average tip by day")
UNCHARTABLE = "what is the weather tomorrow"
LIVE_TIMEOUT_MS = 15_000


@pytest.fixture
async def operator(chat_server: str, make_token: Callable[..., str]) -> AsyncIterator[httpx.AsyncClient]:
    """The API of the browser stack, as an operator."""
    token = make_token(user="ops-test", roles=["operator"])
    async with httpx.AsyncClient(base_url=chat_server, headers=auth(token), timeout=30) as http:
        yield http


async def sign_in_as_dev(page: Page) -> None:
    await click_dev_sign_in(
        page, "/dashboard", heading="Sign in to the queue dashboard", button="Sign in as dev (operator)"
    )
    await expect(page.locator("#app")).to_be_visible()
    await expect(page.locator("#user-name")).to_have_text("dev")


async def number(locator: Locator) -> int:
    return int(((await locator.text_content()) or "").replace(",", "").strip())


async def until_number(locator: Locator, check: Callable[[int], bool], within_s: float = 15.0) -> int:
    deadline = time.monotonic() + within_s
    while True:
        text = ((await locator.text_content()) or "").replace(",", "").strip()
        if text.isdigit() and check(int(text)):
            return int(text)
        assert time.monotonic() < deadline, f"the number stayed at {text!r}"
        await asyncio.sleep(0.1)


async def start_chart(http: httpx.AsyncClient, session_id: str, question: str) -> dict[str, Any]:
    message = await http.post(f"/api/v1/sessions/{session_id}/messages", json={"content": question})
    assert message.status_code == 201, message.text
    task = await http.post(
        "/api/v1/analytics/charts/async", json={"message_id": message.json()["id"], "force_create": True}
    )
    assert task.status_code in (200, 202), task.text
    return dict(task.json())


async def finish(http: httpx.AsyncClient, task_id: str, within_s: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + within_s
    while True:
        task = (await http.get(f"/api/v1/analytics/charts/async/{task_id}/status")).json()
        if task["status"] in TERMINAL:
            return dict(task)
        assert time.monotonic() < deadline, task
        await asyncio.sleep(0.1)


async def test_operator_watches_the_queue_live_opens_a_failure_and_cancels_a_task(
    page: Page, operator: httpx.AsyncClient, make_token: Callable[..., str]
) -> None:
    console = ConsoleLog(page)
    traffic = Traffic(page, stream_path=STREAM_PATH, poll_suffix=QUEUE + "/stats")
    await sign_in_as_dev(page)

    # 1. Live over the stream; the stack's worker is listed, with its host and pid, seen just now.
    await expect(page.locator("#connection")).to_have_attribute("data-state", "live", timeout=LIVE_TIMEOUT_MS)
    await expect(page.locator("#connection")).to_have_text("Live")
    stats = (await operator.get(f"{QUEUE}/stats")).json()
    assert len(stats["workers"]) == 1, stats["workers"]
    worker = stats["workers"][0]
    row = page.locator("#workers-body tr")
    await expect(row).to_have_count(1)
    await expect(row).to_have_attribute("data-worker-id", worker["id"])
    await expect(row.locator("td").nth(1)).to_have_text(worker["host"])
    await expect(row.locator("td").nth(2)).to_have_text(str(worker["pid"]))
    await expect(row.locator("td").nth(3)).to_have_text(re.compile(rf"^\d+ / {worker['concurrency']}$"))
    await expect(row.locator(".last-seen")).to_have_text(re.compile(r"just now|\d(\.\d)? s ago"))
    await expect(page.locator("#kpi-workers")).to_have_text("1")
    completed = page.locator('#outcomes tr[data-window="1h"] .completed')
    before = await until_number(completed, lambda n: n >= 0)
    failed_before = await number(page.locator('#outcomes tr[data-window="1h"] .failed'))

    # 2. A user's tasks run through the API: two charts and a question that cannot be charted.
    user = f"dash-{int(time.time())}"
    async with httpx.AsyncClient(
        base_url=operator.base_url, headers=auth(make_token(user=user)), timeout=30
    ) as http:
        session = (await http.post("/api/v1/sessions", json={"title": "dashboard test"})).json()
        started = [await start_chart(http, session["id"], q) for q in (*QUESTIONS, UNCHARTABLE)]
        ended = [await finish(http, task["task_id"]) for task in started]
    assert [t["status"] for t in ended] == ["COMPLETED", "COMPLETED", "FAILED"], ended
    failure = ended[2]
    assert failure["error_code"] == "unchartable"

    # 3. The numbers on the page follow, with no reload.
    await until_number(completed, lambda n: n >= before + 2)
    await until_number(
        page.locator('#outcomes tr[data-window="1h"] .failed'), lambda n: n >= failed_before + 1
    )
    await until_number(page.locator('#durations-body tr[data-series="end_to_end"] .count'), lambda n: n >= 2)
    await expect(page.locator('#durations-body tr[data-series="end_to_end"] .p50')).not_to_have_text("-")
    await expect(page.locator("#kpi-throughput")).not_to_have_text("0")
    await expect(row.locator("td").nth(4)).not_to_have_text(str(worker["completed"]))

    # 4. The failure is listed with its code; its Details button opens the task in the detail panel.
    failed_row = page.locator(f'#failures-body tr[data-task-id="{failure["task_id"]}"]')
    await expect(failed_row).to_have_count(1, timeout=LIVE_TIMEOUT_MS)
    await expect(failed_row.locator(".error-code")).to_have_text("unchartable")
    await expect(failed_row.locator("td").nth(2)).to_have_text(user)
    await failed_row.get_by_role("button", name=f"Details of task {failure['task_id']}").click()
    detail = page.locator("#task-detail")
    await expect(detail).to_be_visible()
    await expect(detail).to_have_attribute("data-task-id", failure["task_id"])
    await expect(page.locator("#task-status")).to_have_text("Failed")
    await expect(page.locator("#task-error")).to_contain_text("unchartable")
    await expect(page.locator("#task-facts")).to_contain_text(user)
    await expect(page.locator("#task-facts")).to_contain_text(worker["id"])
    await expect(page.locator("#task-id")).to_have_value(failure["task_id"])
    await expect(failed_row).to_have_class("is-open")
    await expect(page.get_by_role("button", name="Cancel task")).to_be_disabled()

    # 5. Cancelling any user's task by its id, while a worker runs it.
    async with httpx.AsyncClient(
        base_url=operator.base_url, headers=auth(make_token(user=user)), timeout=30
    ) as http:
        victim = await start_chart(http, session["id"], "gdp per capita of Brazil and Argentina since 1970")
    await page.get_by_label("Task id").fill(victim["task_id"])
    await page.get_by_role("button", name="Open", exact=True).click()
    await expect(detail).to_have_attribute("data-task-id", victim["task_id"])
    await expect(page.locator("#task-status")).not_to_have_text("Failed")
    await page.get_by_role("button", name="Cancel task").click()
    await expect(page.locator("#task-status")).to_have_text("Cancelled", timeout=10_000)
    await expect(page.locator("#task-feedback")).to_contain_text("is cancelled")
    assert (await operator.get(f"{QUEUE}/tasks/{victim['task_id']}")).json()["task"]["status"] == "CANCELLED"
    await until_number(page.locator('#outcomes tr[data-window="1h"] .cancelled'), lambda n: n >= 1)

    # 6. An unknown id says so.
    await page.get_by_label("Task id").fill("no-such-task")
    await page.get_by_role("button", name="Open", exact=True).click()
    await expect(page.locator("#task-feedback")).to_contain_text("No task no-such-task")

    # 7. The depth chart draws the server's history (recorded every 5 s) plus the live samples.
    await expect(page.locator("#depth-chart .scatterlayer .trace")).to_have_count(5)
    await expect(page.locator("#throughput-chart .scatterlayer .trace")).to_have_count(2)
    await expect(page.locator("#durations-chart .barlayer .trace")).to_have_count(2)

    await failed_row.get_by_role("button", name=f"Details of task {failure['task_id']}").click()
    await expect(detail).to_have_attribute("data-task-id", failure["task_id"])
    await screenshot(page, "dashboard.png", full_page=True)

    assert await csp_violations(page) == []
    # The 404 of the unknown task id is logged by the browser itself; nothing else may be.
    assert [e for e in console.errors if "status of 404" not in e] == []
    assert 200 in traffic.streams, "the page followed the live stream"
    assert traffic.polls == 1, "with a working stream, the only plain read is the sign-in check"


async def test_history_survives_a_reload(page: Page, operator: httpx.AsyncClient) -> None:
    """The depth chart starts from the server's recorded hour, not from an empty page."""
    console = ConsoleLog(page)
    await sign_in_as_dev(page)
    deadline = time.monotonic() + 15
    while not (history := (await operator.get(f"{QUEUE}/history")).json()):
        assert time.monotonic() < deadline, "the workers record a depth sample every 5 s"
        await asyncio.sleep(0.5)
    await page.reload()
    await expect(page.locator("#depth-chart .scatterlayer .trace")).to_have_count(5)
    # A live sample can draw the chart before the recorded hour arrives; the hour must follow,
    # so the chart reaches back to the oldest recorded sample (x is the browser's local time).
    await page.wait_for_function(
        """t => {
            const x = document.getElementById('depth-chart').data?.[0]?.x ?? [];
            return x.length > 0 && new Date(x[0].replace(' ', 'T')).getTime() / 1000 <= t + 0.001;
        }""",
        arg=history[0]["t"],
        timeout=10_000,
    )

    # A narrow window gets one column; nothing spills out sideways.
    await page.set_viewport_size({"width": 760, "height": 1000})
    await expect(page.locator("#workers-body tr")).to_have_count(1)
    overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    await screenshot(page, "dashboard-narrow.png")
    assert console.errors == []


async def test_polls_when_the_stream_is_refused(page: Page, operator: httpx.AsyncClient) -> None:
    console = ConsoleLog(page)
    traffic = Traffic(page, stream_path=STREAM_PATH, poll_suffix=QUEUE + "/stats")
    await page.route(f"**{STREAM_PATH}**", refuse)
    await sign_in_as_dev(page)
    await expect(page.locator("#connection")).to_have_attribute("data-state", "polling")
    await expect(page.locator("#connection")).to_contain_text("Polling")
    await expect(page.locator("#workers-body tr")).to_have_count(1)
    first = await page.locator("#kpi-updated").get_attribute("datetime")
    await expect(page.locator("#kpi-updated")).not_to_have_attribute("datetime", first or "")
    assert traffic.polls >= 2
    assert len(traffic.streams) >= 1, "the page kept trying the stream"
    assert [e for e in console.errors if "status of 503" not in e] == []


async def refuse(route: Route) -> None:
    await route.fulfill(
        status=503, content_type="application/json", body='{"detail": "no", "code": "unavailable"}'
    )


async def test_a_token_without_the_operator_role_is_told_what_it_needs(
    page: Page, make_token: Callable[..., str]
) -> None:
    console = ConsoleLog(page)
    await page.goto("/dashboard")
    await page.get_by_label("Access token (JWT)").fill(make_token(user="plain-user"))
    await page.get_by_role("button", name="Sign in with token").click()
    await expect(page.get_by_role("heading", name="This needs the operator role")).to_be_visible()
    await expect(page.locator("#forbidden")).to_contain_text("chartq token --user U --role operator")
    await expect(page.locator("#forbidden-user")).to_have_text("plain-user")
    await expect(page.locator("#app")).to_be_hidden()
    await screenshot(page, "dashboard-forbidden.png")

    # A reload remembers who is signed in, and says the same; another token can be tried.
    await page.reload()
    await expect(page.get_by_role("heading", name="This needs the operator role")).to_be_visible()
    await page.get_by_role("button", name="Sign in with another token").click()
    await expect(page.get_by_role("heading", name="Sign in to the queue dashboard")).to_be_visible()
    await expect(page.get_by_label("Access token (JWT)")).to_be_focused()
    assert await csp_violations(page) == []
    assert [e for e in console.errors if "status of 403" not in e] == []


def synthetic_stats(t: float, queued: int) -> dict[str, Any]:
    when = datetime.fromtimestamp(t, UTC).isoformat()
    outcome = {"completed": 600, "failed": 6, "cancelled": 1}
    return {
        "queued": {"high": queued // 10, "normal": queued - queued // 10 - queued // 5, "low": queued // 5},
        "queued_total": queued,
        "deferred": 12,
        "processing": 64,
        "workers": [
            {
                "id": f"worker-{i}",
                "host": "node-a",
                "pid": 1000 + i,
                "started_at": when,
                "last_seen": when,
                "concurrency": 8,
                "running": 8,
                "completed": 100,
                "failed": 1,
            }
            for i in range(8)
        ],
        "outcomes": {"1m": outcome, "5m": outcome, "1h": outcome},
        "throughput_per_minute": 600.0,
        "durations": {
            s: {"count": 500, "p50_ms": 900.0, "p95_ms": 2400.0}
            for s in (
                "planning",
                "data_extraction",
                "schema_creation",
                "persisting",
                "queue_wait",
                "end_to_end",
            )
        },
        "oldest_queued_age_seconds": 1500.0,
        "estimated_wait_seconds": 10000.0,
        "recent_failures": [],
        "top_users": [{"user_id": "bulk-loader", "queued": queued - 3}, {"user_id": "ann", "queued": 3}],
        "updated_at": when,
    }


async def test_a_huge_queue_and_a_flood_of_frames_redraw_at_most_once_a_second(page: Page) -> None:
    """100k queued tasks and a full hour of history: the page shows aggregates, keeps one hour, and
    coalesces frames into at most one redraw a second."""
    console = ConsoleLog(page)
    now = time.time()
    history = [
        {
            "t": now - 3600 + 5 * i,
            "high": 10_000,
            "normal": 70_000,
            "low": 20_000,
            "deferred": 5,
            "processing": 64,
        }
        for i in range(720)
    ]
    # Ten minutes of frames at once (what a client that fell behind might receive), then the stream ends.
    frames = b"".join(
        b"data: " + orjson.dumps(synthetic_stats(now - 600 + i, 100_000)) + b"\n\n" for i in range(600)
    )

    async def stream(route: Route) -> None:
        await route.fulfill(status=200, content_type="text/event-stream", body=frames)

    async def stats(route: Route) -> None:
        await route.fulfill(
            status=200,
            content_type="application/json",
            body=orjson.dumps(synthetic_stats(time.time(), 100_000)),
        )

    async def depth(route: Route) -> None:
        await route.fulfill(status=200, content_type="application/json", body=orjson.dumps(history))

    await page.route(f"**{STREAM_PATH}**", stream)
    await page.route(f"**{QUEUE}/stats", stats)
    await page.route(f"**{QUEUE}/history", depth)
    await sign_in_as_dev(page)
    await expect(page.locator("#kpi-queued")).to_have_text("100K")
    await expect(page.locator("#kpi-queued")).to_have_attribute("title", "100,000")
    await expect(page.locator("#kpi-queued-split")).to_have_text("high 10,000 · normal 70,000 · low 20,000")
    await expect(page.locator("#workers-body tr")).to_have_count(8)
    # Who fills the queue: the users with the most tasks waiting to start (queued, scheduled or waiting for
    # other charts, so more than the Queued tile may show), most first.
    await expect(page.locator("#top-users thead")).to_contain_text("Waiting")
    top = page.locator("#top-users-body tr")
    await expect(top).to_have_count(2)
    await expect(top.nth(0)).to_have_text(re.compile(r"bulk-loader\s*99997"))
    await expect(page.locator("#top-users-empty")).to_be_hidden()
    await page.evaluate(
        """() => {
            window.__redraws = 0;
            const react = window.Plotly.react;
            window.Plotly.react = function (node, ...rest) {
                if (node.id === 'depth-chart') window.__redraws += 1;
                return react.call(this, node, ...rest);
            };
        }"""
    )
    started = time.monotonic()
    await asyncio.sleep(4)
    redraws = await page.evaluate("window.__redraws")
    elapsed = time.monotonic() - started
    assert 1 <= redraws <= elapsed + 1, redraws
    points = await page.evaluate("document.getElementById('depth-chart').data[0].x.length")
    assert points <= 720 + 3600 + 5, points  # one hour at most: 5 s history, then 1 s live samples
    await screenshot(page, "dashboard-100k.png")
    assert console.errors == []


async def test_last_seen_ticks_in_the_browser_and_flags_a_silent_worker(page: Page) -> None:
    """A worker's "last seen" is computed on the page, on the server's clock, and counts between frames."""
    console = ConsoleLog(page)
    seen_at = time.time() - 20

    async def stats(route: Route) -> None:
        body = synthetic_stats(time.time(), 3)
        for worker in body["workers"]:
            worker["last_seen"] = datetime.fromtimestamp(seen_at, UTC).isoformat()
        await route.fulfill(status=200, content_type="application/json", body=orjson.dumps(body))

    await page.route(f"**{STREAM_PATH}**", refuse)
    await page.route(f"**{QUEUE}/stats", stats)
    await sign_in_as_dev(page)
    last_seen = page.locator("#workers-body tr").first.locator(".last-seen")
    await expect(last_seen).to_have_text(re.compile(r"^2\d s ago$"))
    await expect(last_seen).to_have_attribute("data-level", "bad")
    first = int(((await last_seen.text_content()) or "").split()[0])
    await expect(last_seen).to_have_text(f"{first + 2} s ago", timeout=5_000)
    assert [e for e in console.errors if "status of 503" not in e] == []
