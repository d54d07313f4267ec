"""The chat page in a real browser: sign in, ask, watch the progress live, see the chart, cancel a task.

Works whether live updates come over SSE or, while the stream endpoint is absent, by polling.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from playwright.async_api import Locator, Page, Route, expect

from tests.browser.page_helpers import ConsoleLog, Traffic, click_dev_sign_in, csp_violations, screenshot

pytestmark = pytest.mark.browser

QUESTION = "life expectancy in Mexico and Canada since 1980"
SECOND_QUESTION = "gdp per capita of Brazil and Argentina since 1970"
UNCHARTABLE = "what should I cook tonight"
TASK_TIMEOUT_MS = 30_000
STREAM_PATH = "/api/v1/analytics/charts/stream/"


def console_log(page: Page) -> ConsoleLog:
    # Until the SSE gateway exists the stream answers 404 (and the polling test refuses it): the page
    # polls instead, but the browser itself logs the failed request.
    return ConsoleLog(page, failed_loads_to_ignore=STREAM_PATH)


async def sign_in_as_dev(page: Page) -> None:
    await click_dev_sign_in(page, "/", heading="Sign in to chartq", button="Sign in as dev")
    await expect(page.locator("#user-name")).to_have_text("dev")
    await expect(page.get_by_label("Your question")).to_be_focused()
    # A session of its own, whatever earlier runs left in the database for the user "dev".
    await page.get_by_role("button", name="New session").click()
    await expect(page.locator("#messages > li")).to_have_count(0)


async def ask(page: Page, question: str) -> Locator:
    """Types a question, sends it with Enter, and returns the card of the chart task it starts."""
    count = await page.locator("#messages > li").count()
    box = page.get_by_label("Your question")
    await box.fill(question)
    await box.press("Enter")
    item = page.locator("#messages > li").nth(count)
    await expect(item.locator(".bubble")).to_have_text(question)
    await expect(box).to_have_value("")
    task = item.locator(".task")
    await expect(task).to_have_count(1)
    return task


async def task_state(task: Locator) -> dict[str, Any]:
    state: dict[str, Any] = await task.evaluate(
        """(card) => ({
            status: card.dataset.status,
            progress: Number(card.querySelector('[role=progressbar]').getAttribute('aria-valuenow')),
            width: card.querySelector('.progress-fill').style.width,
            current: [...card.querySelectorAll('.steps li[aria-current=step]')].map((li) => li.dataset.step),
            message: card.querySelector('.task-message').textContent,
            eta: card.querySelector('.eta').textContent,
        })"""
    )
    return state


async def follow(task: Locator, until: set[str], within_s: float = 30.0) -> list[dict[str, Any]]:
    """Every distinct state the card shows until its status is one of `until`, sampled every 25 ms."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        state = await task_state(task)
        if not seen or state != seen[-1]:
            seen.append(state)
        if state["status"] in until:
            return seen
        await asyncio.sleep(0.025)
    raise AssertionError(f"the task never reached {until}: {seen}")


@pytest.mark.parametrize("transport", ["server", "polling"])
async def test_ask_watch_progress_see_chart_and_cancel(page: Page, transport: str) -> None:
    """`server`: whatever the API offers (SSE once the gateway exists, else polling after its 404).
    `polling`: the stream answers 503 as if a proxy refused it, so the page must poll."""
    console = console_log(page)
    traffic = Traffic(page, stream_path=STREAM_PATH, poll_suffix="/status")
    if transport == "polling":
        await page.route(f"**{STREAM_PATH}**", refuse_stream)
    await sign_in_as_dev(page)

    # 1. Asking posts the message and starts its chart at once; the progress bar moves live.
    first = await ask(page, QUESTION)
    seen = await follow(first, {"COMPLETED", "FAILED", "CANCELLED"})
    assert seen[-1]["status"] == "COMPLETED", seen
    assert seen[-1]["progress"] == 100 and seen[-1]["width"] == "100%"
    running = [s for s in seen if s["status"] in ("PENDING", "PROCESSING")]
    below_100 = {s["progress"] for s in running if s["progress"] < 100}
    assert len(below_100) >= 2 and max(below_100) > 0, f"the progress bar did not move: {seen}"
    assert all(s["width"] == f"{s['progress']}%" for s in seen)
    assert all(len(s["current"]) == 1 for s in seen), "exactly one step is highlighted"
    steps = [s["current"][0] for s in seen]
    assert steps[-1] == "done" and {"planning", "data_extraction", "schema_creation"} & set(steps)
    assert any("left" in s["eta"] or "almost" in s["eta"] for s in running), "an ETA was shown"
    assert any(s["message"] for s in running)
    await expect(first.locator(".status-badge")).to_have_text("Ready")
    await expect(first.get_by_role("button", name="Cancel")).to_be_hidden()

    # 2. The chart is drawn in the canvas with its title, interpretation and (collapsed) SQL.
    canvas = page.locator("#chart-view")
    await expect(canvas.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=TASK_TIMEOUT_MS)
    legend = canvas.locator(".legend .legendtext")
    await expect(legend.filter(has_text="Mexico")).to_have_count(1)
    await expect(legend.filter(has_text="Canada")).to_have_count(1)
    await expect(canvas.locator(".js-plotly-plot .scatterlayer .trace")).to_have_count(2)
    # No mode-bar button sends the figure (and its data) to Plotly's cloud or Chart Studio.
    await canvas.locator(".js-plotly-plot").first.hover()
    await expect(canvas.locator(".modebar-btn").first).to_be_attached()
    titles = await canvas.locator(".modebar-btn").evaluate_all("bs => bs.map(b => b.dataset.title || '')")
    assert not [t for t in titles if "Cloud" in t or "Chart Studio" in t], titles
    title = (await canvas.locator("#chart-title").text_content()) or ""
    assert "life expectancy" in title.lower(), title
    await expect(canvas.locator("#chart-interpretation")).not_to_be_empty()
    sql = canvas.locator("#chart-sql")
    await expect(sql).to_be_hidden()
    await canvas.locator("details.sql summary").click()
    await expect(sql).to_be_visible()
    await expect(sql).to_contain_text("SELECT")
    await canvas.locator("details.sql summary").click()

    history = page.locator("#history .history-item")
    await expect(history).to_have_count(1)
    await expect(history.first).to_have_attribute("aria-current", "true")
    await expect(page.locator("#session-select option:checked")).to_contain_text(QUESTION[:40])

    # 3. A second question, cancelled while its worker runs it.
    second = await ask(page, SECOND_QUESTION)
    await follow(second, {"PROCESSING", "COMPLETED", "FAILED", "CANCELLED"})
    await expect(second).to_have_attribute("data-status", "PROCESSING")
    await second.get_by_role("button", name="Cancel").click()
    await expect(second).to_have_attribute("data-status", "CANCELLED", timeout=10_000)
    await expect(second.locator(".status-badge")).to_have_text("Cancelled")
    await expect(second.locator(".task-message")).to_contain_text("Cancelled")
    await expect(second.get_by_role("button", name="Cancel")).to_be_hidden()
    await asyncio.sleep(1.5)  # a cancelled task stays cancelled: no chart arrives late
    await expect(second).to_have_attribute("data-status", "CANCELLED")
    await expect(history).to_have_count(1)

    # 4. A question that cannot be charted says why, and what can be asked.
    third = await ask(page, UNCHARTABLE)
    await expect(third).to_have_attribute("data-status", "FAILED", timeout=TASK_TIMEOUT_MS)
    error = third.locator(".task-error")
    await expect(error).to_be_visible()
    assert len((await error.text_content()) or "") > 40

    # 5. "Make chart" on the first message answers with its existing chart; history shows it again.
    await page.locator("#messages > li").first.get_by_role("button", name="Make chart").click()
    await expect(page.locator("#messages > li").first.locator(".task")).to_have_count(1)
    await history.first.click()
    await expect(canvas.locator("#chart-title")).to_have_text(title)

    await screenshot(page, "chat.png" if transport == "server" else "chat-polling.png")
    assert await csp_violations(page) == []
    assert console.errors == []
    assert traffic.streams, "the page tried the SSE stream first"
    if transport == "polling" or 200 not in traffic.streams:
        assert traffic.polls > 0, "without a stream the page polls"
    else:
        assert traffic.polls == 0, "with a working stream the page does not poll"


async def refuse_stream(route: Route) -> None:
    await route.fulfill(
        status=503,
        content_type="application/json",
        body='{"detail": "stream unavailable", "code": "unavailable"}',
    )


async def test_reload_keeps_the_session_and_a_bad_token_goes_back_to_sign_in(page: Page) -> None:
    console = console_log(page)
    await sign_in_as_dev(page)
    task = await ask(page, "average tip by day")
    await expect(task).to_have_attribute("data-status", "COMPLETED", timeout=TASK_TIMEOUT_MS)
    await expect(page.locator("#chart-view .js-plotly-plot .main-svg").first).to_be_visible()

    # The token lives in sessionStorage: a reload stays signed in, in the same session, chart shown.
    await page.reload()
    await expect(page.locator("#user-name")).to_have_text("dev")
    await expect(page.locator("#messages > li .bubble")).to_have_text(["average tip by day"])
    await expect(page.locator("#messages .chart-link")).to_have_count(1)
    await expect(page.locator("#chart-view .js-plotly-plot .main-svg").first).to_be_visible()

    # An API answer of 401 signs out, back to the sign-in form, with the reason.
    await page.evaluate("sessionStorage.setItem('chartq.token', 'not-a-jwt')")
    await page.reload()
    await expect(page.get_by_role("heading", name="Sign in to chartq")).to_be_visible()
    await expect(page.locator("#signin-error")).to_contain_text("sign in again")
    # A pasted token that the server refuses is reported on the form.
    await page.get_by_label("Access token (JWT)").fill("still-not-a-jwt")
    await page.get_by_role("button", name="Sign in with token").click()
    await expect(page.locator("#signin-error")).to_contain_text("refused")
    await expect(page.locator("#app")).to_be_hidden()

    # 401 answers are logged by the browser itself; nothing else may be.
    assert [e for e in console.errors if "status of 401" not in e] == []


async def test_a_question_waiting_for_a_slow_answer_shows_it_is_being_sent(page: Page) -> None:
    """A database busy for seconds held the message's POST with nothing to show for it: the box stayed
    editable and the page looked as if the question went nowhere."""
    console = console_log(page)
    await sign_in_as_dev(page)
    held = asyncio.Event()

    async def slow_message(route: Route) -> None:
        if route.request.method == "POST":
            await held.wait()
        await route.continue_()

    await page.route("**/api/v1/sessions/*/messages", slow_message)
    box, button = page.get_by_label("Your question"), page.locator("#ask-button")
    await box.fill("average tip by day")
    await box.press("Enter")
    await expect(button).to_have_text("Sending…")
    await expect(button).to_be_disabled()
    await expect(box).to_have_js_property("readOnly", True)
    held.set()
    await expect(page.locator("#messages > li .bubble")).to_have_text(["average tip by day"])
    await expect(button).to_have_text("Ask")
    await expect(box).to_have_js_property("readOnly", False)
    await expect(box).to_have_value("")
    assert console.errors == []


async def test_dev_sign_in_hides_itself_outside_dev_mode(page: Page) -> None:
    """Outside dev mode POST /api/v1/dev/token answers 404: the button goes, the token field stays."""
    console = console_log(page)

    async def prod_answer(route: Route) -> None:
        body = '{"detail": "Page not found", "code": "not_found"}'
        await route.fulfill(status=404, content_type="application/json", body=body)

    await page.route("**/api/v1/dev/token", prod_answer)
    await page.goto("/")
    await page.get_by_role("button", name="Sign in as dev").click()
    await expect(page.get_by_role("button", name="Sign in as dev")).to_be_hidden()
    await expect(page.locator("#signin-error")).to_contain_text("only available")
    await expect(page.get_by_label("Access token (JWT)")).to_be_visible()
    await page.reload()
    await expect(page.get_by_label("Access token (JWT)")).to_be_visible()
    await expect(page.get_by_role("button", name="Sign in as dev")).to_be_hidden()
    assert [e for e in console.errors if "status of 404" not in e] == []


async def test_a_second_tab_of_the_session_shows_what_the_first_asks_live(page: Page) -> None:
    """A question asked in one tab used to appear in another tab of the same session only on reload."""
    await sign_in_as_dev(page)
    first = await ask(page, "average tip by day")
    await expect(first).to_have_attribute("data-status", "COMPLETED", timeout=TASK_TIMEOUT_MS)

    other = await page.context.new_page()
    console = console_log(other)
    await click_dev_sign_in(other, "/", heading="Sign in to chartq", button="Sign in as dev")
    # The newest session opens: the one the first tab asked in.
    await expect(other.locator("#messages > li .bubble")).to_have_text(["average tip by day"])

    await ask(page, SECOND_QUESTION)
    bubbles = other.locator("#messages > li .bubble")
    await expect(bubbles).to_have_text(["average tip by day", SECOND_QUESTION], timeout=TASK_TIMEOUT_MS)
    card = other.locator("#messages > li").nth(1).locator(".task")
    await expect(card).to_have_count(1)
    await expect(card).to_have_attribute("data-status", "COMPLETED", timeout=TASK_TIMEOUT_MS)
    # Its chart opens from the card, as it does in the tab that asked.
    await card.locator("button.show-chart").click()
    await expect(other.locator("#chart-view .js-plotly-plot .main-svg").first).to_be_visible()
    assert console.errors == []
    await other.close()
