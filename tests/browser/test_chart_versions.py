"""A refreshed chart in the chat page: it says when it was refreshed, and the user steps back to the
version first drawn and forward again."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from uuid import uuid4

import httpx
import pytest
from playwright.async_api import Page, expect

from shared.db.engine import create_engine, session_factory
from shared.db.tables import Chart
from shared.redis import create_redis
from shared.refresh_jobs import submit_refresh
from shared.settings import Settings
from shared.task_store import TaskStore
from tests.browser.test_chat_page import TASK_TIMEOUT_MS, ask, follow, sign_in_as_dev
from tests.conftest import auth

pytestmark = pytest.mark.browser

QUESTION = "average tip by day"


async def refresh_as_scheduled(settings: Settings, chart_id: str) -> str:
    engine, redis = create_engine(settings.database_url), create_redis(settings.redis_url)
    try:
        async with session_factory(engine)() as db:
            chart = await db.get(Chart, chart_id)
        assert chart is not None
        task_id = str(uuid4())
        await submit_refresh(TaskStore(redis, settings), chart, task_id)
        return task_id
    finally:
        await redis.aclose()
        await engine.dispose()


async def test_a_refreshed_chart_says_so_and_steps_back_through_versions(
    page: Page, chat_server: str, chat_queue: str, settings: Settings, make_token: Callable[..., str]
) -> None:
    await sign_in_as_dev(page)
    card = await ask(page, QUESTION)
    assert (await follow(card, {"COMPLETED", "FAILED", "CANCELLED"}))[-1]["status"] == "COMPLETED"
    meta = page.locator("#chart-meta")
    await expect(meta).to_contain_text("made ", timeout=TASK_TIMEOUT_MS)
    assert "refreshed" not in (await meta.text_content() or "")
    await expect(page.locator("#chart-versions")).to_be_hidden()

    async with httpx.AsyncClient(base_url=chat_server, headers=auth(make_token(user="dev"))) as http:
        session_id = await page.evaluate("sessionStorage.getItem('chartq.session')")
        chart_id = (await http.get(f"/api/v1/sessions/{session_id}/charts")).json()[0]["id"]
        task_id = await refresh_as_scheduled(settings.model_copy(update={"queue_name": chat_queue}), chart_id)
        deadline = time.monotonic() + 30
        while (await http.get(f"/api/v1/charts/{chart_id}")).json()["version"] < 2:
            assert time.monotonic() < deadline, f"refresh {task_id} never added a version"
            await asyncio.sleep(0.1)

    await page.reload()
    await page.locator("#history .history-item").first.click()
    await expect(meta).to_contain_text("refreshed at")
    label = page.locator("#version-label")
    await expect(label).to_have_text("Version 2 of 2")
    await expect(page.get_by_role("button", name="Newer version")).to_be_disabled()
    await page.get_by_role("button", name="Older version").click()
    await expect(label).to_have_text("Version 1 of 2")
    await expect(meta).not_to_contain_text("refreshed")
    await expect(page.get_by_role("button", name="Older version")).to_be_disabled()
    await page.get_by_role("button", name="Newer version").click()
    await expect(label).to_have_text("Version 2 of 2")
    await expect(meta).to_contain_text("refreshed at")
