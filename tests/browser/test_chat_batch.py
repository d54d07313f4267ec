"""A chart for each of several messages, in a real browser: select the messages of a session, chart them
as one batch, watch its aggregate progress live over one stream, cancel one; the dashboard counts them."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from playwright.async_api import Locator, Page, expect

from tests.browser.page_helpers import ConsoleLog, Traffic, click_dev_sign_in, csp_violations, screenshot

pytestmark = pytest.mark.browser

QUESTIONS = [
    "life expectancy in Mexico and Canada since 1980",
    "gdp per capita of Brazil and Argentina since 1970",
    "what should I cook tonight",  # cannot be charted: the batch ends PARTIAL
]
BATCH_STREAM = "/api/v1/analytics/charts/batch/"
TASK_STREAM = "/api/v1/analytics/charts/stream/"
# Run in the page: a session holding `questions` as messages without charts, opened on reload.
MAKE_SESSION = """async (questions) => {
  const session = await api("POST", API + "/sessions", { title: "batch" });
  for (const content of questions) {
    await api("POST", API + "/sessions/" + session.id + "/messages", { content });
  }
  sessionStorage.setItem(SESSION_KEY, session.id);
}"""


async def open_session_with(page: Page, questions: list[str]) -> None:
    await page.evaluate(MAKE_SESSION, questions)
    await page.reload()
    await expect(page.locator("#messages > li")).to_have_count(len(questions))
    await expect(page.locator("#messages .task")).to_have_count(0)


async def batch_state(card: Locator) -> dict[str, Any]:
    state: dict[str, Any] = await card.evaluate(
        """(card) => ({
            status: card.dataset.status,
            progress: Number(card.querySelector('[role=progressbar]').getAttribute('aria-valuenow')),
            width: card.querySelector('.progress-fill').style.width,
            summary: card.querySelector('.batch-summary').textContent,
            counts: card.querySelector('.batch-counts').textContent,
        })"""
    )
    return state


async def follow(card: Locator, within_s: float = 60.0) -> list[dict[str, Any]]:
    """Every distinct state the batch card shows until it has ended, sampled every 25 ms."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        state = await batch_state(card)
        if not seen or state != seen[-1]:
            seen.append(state)
        if state["status"] in ("COMPLETED", "PARTIAL", "FAILED", "CANCELLED"):
            return seen
        await asyncio.sleep(0.025)
    raise AssertionError(f"the batch never ended: {seen}")


async def test_chart_selected_messages_as_one_batch_and_watch_it_live(page: Page) -> None:
    console = ConsoleLog(page)
    traffic = Traffic(page, stream_path=BATCH_STREAM, poll_suffix="/status")
    task_streams: list[str] = []
    page.on("request", lambda r: task_streams.append(r.url) if TASK_STREAM in r.url else None)
    await click_dev_sign_in(page, "/", heading="Sign in to chartq", button="Sign in as dev")
    await expect(page.locator("#user-name")).to_have_text("dev")
    await open_session_with(page, QUESTIONS)

    start = page.get_by_role("button", name="Chart selected")
    await expect(start).to_be_disabled()
    await page.get_by_role("button", name="Select all").click()
    await expect(page.locator(".batch-pick input:checked")).to_have_count(3)
    await expect(start).to_have_text("Chart selected (3)")
    await start.click()

    card = page.locator("#batch-status .batch")
    await expect(card).to_have_count(1)
    seen = await follow(card)
    final = seen[-1]
    assert final["status"] == "PARTIAL", seen
    assert final["progress"] == 100 and final["width"] == "100%"
    assert final["summary"] == "2 of 3 charts ready" and final["counts"] == "1 failed"
    progress = [s["progress"] for s in seen]
    assert progress == sorted(progress) and len(set(progress)) >= 3, f"the bar did not move: {seen}"
    await expect(card.locator(".status-badge")).to_have_text("Partly ready")
    await expect(card.get_by_role("button", name="Cancel all")).to_be_hidden()
    await expect(page.locator(".batch-pick input:checked")).to_have_count(0)

    # Each message shows its own task, drawn from the batch's frames: one stream for the whole batch.
    statuses = page.locator("#messages .task")
    await expect(statuses).to_have_count(3)
    await expect(statuses.nth(0).locator(".status-badge")).to_have_text("Ready")
    await expect(statuses.nth(2).locator(".status-badge")).to_have_text("Failed")
    assert traffic.streams == [200] and task_streams == [], (traffic.streams, task_streams)
    await expect(page.locator("#history > li")).to_have_count(2)  # the session's charts list both
    await screenshot(page, "chat-batch.png")
    assert console.errors == [] and await csp_violations(page) == []


async def test_cancel_all_stops_the_batch(page: Page) -> None:
    console = ConsoleLog(page)
    await click_dev_sign_in(page, "/", heading="Sign in to chartq", button="Sign in as dev")
    await expect(page.locator("#user-name")).to_have_text("dev")
    await open_session_with(page, [f"average tip by day for parties of {n}" for n in (2, 3, 4, 5)])
    await page.get_by_role("button", name="Select all").click()
    await page.get_by_role("button", name="Chart selected (4)").click()
    card = page.locator("#batch-status .batch")
    await card.get_by_role("button", name="Cancel all").click()

    await expect(card).to_have_attribute("data-status", "CANCELLED")
    await expect(card.locator(".batch-counts")).to_have_text("4 cancelled")
    await expect(page.locator('#messages .task[data-status="CANCELLED"]')).to_have_count(4)
    assert console.errors == [] and await csp_violations(page) == []

    # The operators' dashboard counts batches (the dev sign-in is an operator).
    await page.goto("/dashboard")
    await expect(page.locator("#batches-active")).to_have_text("0")
    await expect(page.locator("#batches-line")).to_contain_text("cancelled")
