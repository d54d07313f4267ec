"""A chartq of its own for the browser tests: an API in dev mode (the page's "Sign in as dev" button)
and one worker in slow motion, on the session's Redis and database but on a queue no other worker
reads; plus a headless Chromium (Debian's, since `playwright install` cannot download here)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from uuid import uuid4

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright
from redis import Redis

from shared import keys
from tests.browser.page_helpers import CSP_PROBE
from tests.conftest import PROCESS_START_TIMEOUT_S, spawn, stop
from worker.cli.embedded_redis import free_port

CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium on a machine with no network hangs on background connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STEP_DELAY_SECONDS = "0.4"  # each pipeline step lasts this long, so the progress bar visibly moves


@pytest.fixture(scope="module")
def chat_queue() -> str:
    """The queue of the browser tests' worker (a test enqueues on it what no page can, e.g. a refresh)."""
    return f"arq:queue:browser-{uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def chat_server(base_env: dict[str, str], data_dir: Path, chat_queue: str) -> Iterator[str]:
    env = {
        **base_env,
        "CHARTQ_ENV": "dev",
        "CHARTQ_STEP_DELAY_SECONDS": STEP_DELAY_SECONDS,
        "CHARTQ_QUEUE_NAME": chat_queue,
    }
    port = free_port()
    logs = data_dir / "browser"
    logs.mkdir(exist_ok=True)
    processes = [
        spawn(["api", "--port", str(port)], env, logs / "api.log"),
        spawn(["worker", "--concurrency", "2"], env, logs / "worker.log"),
    ]
    url = f"http://127.0.0.1:{port}"
    redis = Redis.from_url(env["CHARTQ_REDIS_URL"])
    try:
        deadline = time.monotonic() + PROCESS_START_TIMEOUT_S
        while True:
            for process, name in zip(processes, ("api", "worker"), strict=True):
                assert process.poll() is None, (logs / f"{name}.log").read_text()
            try:
                # The pages show the worker, so it must have said it is there too, not just the API.
                ready = httpx.get(f"{url}/ready", timeout=1).status_code == 200
                if ready and redis.zcard(keys.workers(chat_queue)) > 0:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the API or the worker for the browser tests did not start"
            time.sleep(0.1)
        yield url
    finally:
        redis.close()
        stop(processes)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    return CHROMIUM


@pytest.fixture(scope="module")
async def browser(chromium_path: Path) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()


@pytest.fixture
async def page(browser: Browser, chat_server: str) -> AsyncIterator[Page]:
    """A fresh browser context (its own sessionStorage) on the test stack, recording CSP violations."""
    context = await browser.new_context(viewport={"width": 1440, "height": 900}, base_url=chat_server)
    await context.add_init_script(CSP_PROBE)
    page = await context.new_page()
    yield page
    await context.close()
