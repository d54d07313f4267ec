"""A follow-up message changes the newest chart of an earlier message in its session. Sent while that
chart is still being made (typed without waiting, or charted in one batch with it), it waits for it: it
used to change the chart before it, and answer a different question without a word."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from shared.redis import create_redis
from shared.settings import Settings
from tests.conftest import inprocess_api, inprocess_worker, wait_for_status
from worker.runtime.context import WorkerContext
from worker.task.earlier_charts import EARLIER_CHART_PENDING
from worker.task.run import run_chart

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
QUESTION = "average life expectancy by country in 2007, top 10"
FOLLOW_UPS = ["now only for Europe", "make it a line"]


@asynccontextmanager
async def running_worker(settings: Settings) -> AsyncIterator[None]:
    worker = inprocess_worker(settings, concurrency=3)
    running = asyncio.create_task(worker.async_run())
    try:
        yield
    finally:
        await worker.close()
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)


async def messages(http: httpx.AsyncClient, contents: list[str]) -> list[str]:
    session = (await http.post("/api/v1/sessions", json={"title": "follow-ups"})).json()["id"]
    posted = [
        await http.post(f"/api/v1/sessions/{session}/messages", json={"content": content})
        for content in contents
    ]
    return [str(message.json()["id"]) for message in posted]


async def chart_of(http: httpx.AsyncClient, task_id: str) -> dict[str, Any]:
    final = await wait_for_status(http, task_id, within=60)
    assert final["status"] == "COMPLETED", final
    return dict((await http.get(f"{TASKS}/{task_id}/result")).json())


@pytest.mark.parametrize("how", ["one-by-one", "batch"])
async def test_follow_ups_sent_while_their_chart_is_made_change_that_chart(
    isolated_settings: Settings, make_token: Callable[..., str], how: str
) -> None:
    # Slow enough steps that all three tasks are running at once on the worker's three slots.
    settings = isolated_settings.model_copy(update={"step_delay_seconds": 0.5})
    async with inprocess_api(settings, make_token()) as http, running_worker(settings):
        message_ids = await messages(http, [QUESTION, *FOLLOW_UPS])
        if how == "batch":
            batch = await http.post(f"{TASKS[: -len('/async')]}/batch", json={"message_ids": message_ids})
            assert batch.status_code == 202, batch.text
            task_ids = [task["task_id"] for task in batch.json()["tasks"]]
        else:
            task_ids = [
                (await http.post(TASKS, json={"message_id": message_id})).json()["task_id"]
                for message_id in message_ids
            ]
        base, europe, line = [await chart_of(http, task_id) for task_id in task_ids]
    assert base["spec"]["filters"] == [] and base["spec"]["chart_type"] == "bar"
    assert europe["spec"]["filters"] == [{"column": "continent", "op": "eq", "value": "Europe"}], europe[
        "spec"
    ]
    # The line is of Europe: made from the follow-up's chart, not from the one before it.
    assert line["spec"]["chart_type"] == "line", line["spec"]
    assert line["spec"]["filters"] == europe["spec"]["filters"], line["spec"]


async def test_a_follow_up_whose_earlier_chart_does_not_come_fails_saying_so(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    """No worker takes the earlier message's task: the follow-up does not change an older chart, and
    does not wait past half its time limit either."""
    settings = isolated_settings.model_copy(update={"task_time_limit_seconds": 2.0})
    redis = create_redis(settings.redis_url)
    wctx = await WorkerContext.open(settings, redis, 1)
    try:
        async with inprocess_api(settings, make_token()) as http:
            first, follow_up = await messages(http, [QUESTION, FOLLOW_UPS[1]])
            await http.post(TASKS, json={"message_id": first})  # stays PENDING: no worker runs
            task_id = (await http.post(TASKS, json={"message_id": follow_up})).json()["task_id"]
            stored = await wctx.store.get(task_id)
            assert stored is not None
            await run_chart({"chartq": wctx, "job_try": 1, "job_id": task_id}, **stored.job)
            final = await wait_for_status(http, task_id, within=10)
    finally:
        await wctx.close()
        await redis.aclose()
    assert (final["status"], final["error_code"]) == ("FAILED", EARLIER_CHART_PENDING), final
    assert "earlier message" in final["error_message"]
