"""The dashboard's schedules panel: an operator sees a schedule due within the hour, and a schedule
paused because its chart was deleted, flagged as failing."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from playwright.async_api import Page, expect

from shared.db.engine import create_engine, session_factory
from shared.models import utcnow
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_store import TaskStore
from tests.browser.test_dashboard import LIVE_TIMEOUT_MS, finish, operator, sign_in_as_dev, start_chart
from worker.runtime.scheduler import Scheduler

pytestmark = pytest.mark.browser
__all__ = ["operator"]  # fixture


async def scheduled_chart(http: httpx.AsyncClient, cron: str) -> str:
    session = (await http.post("/api/v1/sessions", json={})).json()
    task = await finish(http, (await start_chart(http, session["id"], "average tip by day"))["task_id"])
    put = await http.put(f"/api/v1/charts/{task['chart_id']}/schedule", json={"cron": cron})
    assert put.status_code == 200, put.text
    return str(task["chart_id"])


async def fire_due_schedules(settings: Settings) -> None:
    """One pass of a scheduler two minutes ahead of the clock: every schedule set above is due."""
    engine, redis = create_engine(settings.database_url), create_redis(settings.redis_url)
    try:
        ahead = utcnow() + timedelta(minutes=2)
        await Scheduler(TaskStore(redis, settings), session_factory(engine), clock=lambda: ahead).tick()
    finally:
        await redis.aclose()
        await engine.dispose()


async def test_operators_see_due_and_paused_schedules(
    page: Page, operator: httpx.AsyncClient, settings: Settings, chat_queue: str
) -> None:
    deleted_id = await scheduled_chart(operator, "* * * * *")
    assert (await operator.delete(f"/api/v1/charts/{deleted_id}")).status_code == 204
    await fire_due_schedules(settings.model_copy(update={"queue_name": chat_queue}))
    due_id = await scheduled_chart(operator, "0 * * * *")  # set after that pass: not fired yet
    try:
        await sign_in_as_dev(page)
        rows = page.locator("#schedules-body tr")
        due = rows.and_(page.locator(f'[data-chart-id="{due_id}"]'))
        paused = rows.and_(page.locator(f'[data-chart-id="{deleted_id}"]'))
        await expect(due).to_contain_text("0 * * * * (UTC)", timeout=LIVE_TIMEOUT_MS)
        await expect(due).to_contain_text("due")
        await expect(paused).to_contain_text("paused: chart deleted")
        await expect(paused).to_have_class("is-failing")
        await expect(page.locator("#schedules-empty")).to_be_hidden()
    finally:
        await operator.delete(f"/api/v1/charts/{due_id}/schedule")
        await operator.delete(f"/api/v1/charts/{deleted_id}/schedule")
