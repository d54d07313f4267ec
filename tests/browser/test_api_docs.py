"""/docs (Swagger UI) and /redoc (ReDoc) in a real browser: they render the API from assets this server
serves, and not one request leaves for another host (this machine has no internet, like many do)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.async_api import Page, Request, expect

from tests.browser.page_helpers import ConsoleLog, csp_violations, screenshot

pytestmark = pytest.mark.browser

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
DOCS_ASSETS = "/static/docs/"


class Requests:
    """Every request a page makes, and those that went (or tried to go) to a non-loopback host."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        self.failed: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("requestfailed", self._failed)

    def _failed(self, request: Request) -> None:
        self.failed.append(f"{request.url}: {request.failure}")

    @property
    def external(self) -> list[str]:
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname not in LOOPBACK
        ]

    def paths(self) -> set[str]:
        return {urlsplit(url).path for url in self.urls}


async def test_swagger_ui_renders_the_api_offline(page: Page) -> None:
    console = ConsoleLog(page)
    requests = Requests(page)
    response = await page.goto("/docs")
    assert response is not None and response.status == 200
    ui = page.locator("#swagger-ui")
    # Swagger UI lays out the whole schema (40-odd operations) before it shows the title: on a loaded
    # machine that takes longer than the default 5 s.
    await expect(ui.locator(".info .title")).to_contain_text("chartq", timeout=30_000)
    await expect(ui.get_by_text("/api/v1/sessions", exact=True).first).to_be_visible()
    await expect(ui.get_by_text("/api/v1/analytics/charts/stream/{task_id}", exact=True)).to_be_visible()

    # "Try it out" works too: the request goes to this server, allowed by the page's policy.
    health = ui.locator(".opblock", has=page.get_by_text("/health", exact=True))
    await health.locator(".opblock-summary").click()
    await health.get_by_role("button", name="Try it out").click()
    await health.get_by_role("button", name="Execute").click()
    await expect(health.locator(".live-responses-table tr.response .response-col_status")).to_have_text("200")

    await screenshot(page, "docs-swagger.png")
    assert requests.external == []
    assert requests.failed == []
    assert {
        f"{DOCS_ASSETS}swagger-ui-bundle.js",
        f"{DOCS_ASSETS}swagger-ui.css",
        "/openapi.json",
    } <= requests.paths()
    assert await csp_violations(page) == []
    assert console.errors == []


async def test_redoc_renders_the_api_offline(page: Page) -> None:
    console = ConsoleLog(page)
    requests = Requests(page)
    response = await page.goto("/redoc")
    assert response is not None and response.status == 200
    await expect(page.get_by_role("heading", level=1)).to_contain_text("chartq")
    await expect(page.get_by_text("Asynchronous chart generation").first).to_be_visible()
    menu = page.locator(".menu-content")
    await expect(menu.get_by_text("live progress", exact=False).first).to_be_visible()
    # The search box works (ReDoc indexes the API in a Web Worker of its own).
    await page.get_by_placeholder("Search...").fill("sessions")
    await expect(page.locator("[data-role='search:results'] li").first).to_be_visible()

    await screenshot(page, "docs-redoc.png")
    assert requests.external == []
    assert requests.failed == []
    assert {f"{DOCS_ASSETS}redoc.standalone.js", "/openapi.json"} <= requests.paths()
    assert await csp_violations(page) == []
    assert console.errors == []
