"""What the browser tests of both pages share: console and traffic recorders, sign-in, screenshots."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import ConsoleMessage, Page, Response, expect

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
# Records Content-Security-Policy violations, in case Chromium does not also log them to the console.
CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


class ConsoleLog:
    """Console errors, uncaught exceptions and CSP reports of a page.

    `failed_loads_to_ignore`: a URL part whose failed requests the browser logs by itself, but which
    the page handles (a stream it falls back from), so they are not counted."""

    def __init__(self, page: Page, failed_loads_to_ignore: str | None = None) -> None:
        self.errors: list[str] = []
        self.failed_loads_to_ignore = failed_loads_to_ignore
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error" and "Content Security Policy" not in message.text:
            return
        url = str(message.location.get("url", ""))
        ignored = self.failed_loads_to_ignore
        if ignored and ignored in url and "Failed to load resource" in message.text:
            return
        self.errors.append(f"{message.type}: {message.text} ({url})")


class Traffic:
    """How a page got its live data: stream requests (by status) and polls (URLs ending `poll_suffix`)."""

    def __init__(self, page: Page, stream_path: str, poll_suffix: str) -> None:
        self.streams: list[int] = []
        self.polls = 0
        self.stream_path = stream_path
        self.poll_suffix = poll_suffix
        page.on("response", self._response)

    def _response(self, response: Response) -> None:
        if self.stream_path in response.url:
            self.streams.append(response.status)
        elif response.url.endswith(self.poll_suffix):
            self.polls += 1


async def click_dev_sign_in(page: Page, path: str, heading: str, button: str) -> None:
    """Opens the page at `path`, checks its sign-in card is shown, and clicks its dev sign-in button."""
    await page.goto(path)
    await expect(page.get_by_role("heading", name=heading)).to_be_visible()
    await page.get_by_role("button", name=button).click()


async def screenshot(page: Page, name: str, *, full_page: bool = False) -> None:
    """Saves a screenshot as tests/artifacts/`name`, to look at after the run."""
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


async def csp_violations(page: Page) -> list[str]:
    violations: list[str] = await page.evaluate("window.__cspViolations")
    return violations
