"""Signing in to the pages of a chartq outside dev mode (the session's prod API): no dev sign-in button
is rendered, and a pasted token signs in as before."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from playwright.async_api import Browser, Page, expect

from tests.browser.page_helpers import CSP_PROBE, ConsoleLog, csp_violations


@pytest.fixture
async def prod_page(browser: Browser, api_url: str) -> AsyncIterator[Page]:
    context = await browser.new_context(viewport={"width": 1280, "height": 800}, base_url=api_url)
    await context.add_init_script(CSP_PROBE)
    page = await context.new_page()
    yield page
    await context.close()


@pytest.mark.parametrize(
    ("path", "heading", "roles"),
    [("/", "Sign in to chartq", None), ("/dashboard", "Sign in to the queue dashboard", ["operator"])],
)
async def test_outside_dev_mode_only_a_token_signs_in(
    prod_page: Page,
    make_token: Callable[..., str],
    path: str,
    heading: str,
    roles: list[str] | None,
) -> None:
    console = ConsoleLog(prod_page)
    await prod_page.goto(path)
    await expect(prod_page.get_by_role("heading", name=heading)).to_be_visible()
    await expect(prod_page.get_by_label("Access token (JWT)")).to_be_visible()
    await expect(prod_page.get_by_role("button", name="Sign in as dev")).to_have_count(0)
    await expect(prod_page.get_by_text("Development mode only")).to_have_count(0)

    await prod_page.get_by_label("Access token (JWT)").fill(make_token("grace", roles=roles))
    await prod_page.get_by_role("button", name="Sign in with token").click()
    await expect(prod_page.locator("#user-name")).to_have_text("grace")
    assert console.errors == []
    assert await csp_violations(prod_page) == []
