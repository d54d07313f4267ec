"""Delayed start: a task posted with `delay_seconds` or `run_at` waits (PENDING, step `scheduled`,
counted as deferred, an estimated completion after its start) and no worker takes it before its time;
it can be cancelled like any PENDING task; bad start times answer 422."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from shared import keys
from shared.settings import Settings
from tests.conftest import inprocess_api, inprocess_worker, new_message, wait_for_status
from tests.worker_fixtures import TASKS

QUESTION = "average tip by day"


async def test_a_delayed_task_waits_for_its_time_then_runs(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    worker = inprocess_worker(isolated_settings)
    running = asyncio.create_task(worker.async_run())
    try:
        async with inprocess_api(isolated_settings, make_token(roles=["operator"])) as http:
            message = await new_message(http, QUESTION)
            posted = await http.post(TASKS, json={"message_id": message["id"], "delay_seconds": 2})
            assert posted.status_code == 202, posted.text
            task = posted.json()
            created = datetime.fromisoformat(task["created_at"])
            assert (task["status"], task["current_step"]) == ("PENDING", "scheduled")
            assert datetime.fromisoformat(task["estimated_completion"]) > created + timedelta(seconds=2)
            assert "Scheduled to start at" in task["message"]
            stats = (await http.get("/api/v1/analytics/queue/stats")).json()
            assert stats["deferred"] == 1 and stats["queued_total"] == 0, stats

            await asyncio.sleep(1)  # the worker is idle and looking: it must not take the task yet
            early = (await http.get(f"{TASKS}/{task['task_id']}/status")).json()
            assert (early["status"], early["current_step"]) == ("PENDING", "scheduled")

            done = await wait_for_status(http, task["task_id"], within=30)
            assert done["status"] == "COMPLETED", done
            assert datetime.fromisoformat(done["started_at"]) >= created + timedelta(seconds=2)
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        await worker.close()


async def test_a_scheduled_task_can_be_cancelled_and_never_runs(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token(roles=["operator"])) as http:
        message = await new_message(http, QUESTION)
        run_at = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
        task = (await http.post(TASKS, json={"message_id": message["id"], "run_at": run_at})).json()
        assert task["current_step"] == "scheduled"
        cancelled = await http.delete(f"{TASKS}/{task['task_id']}")
        assert cancelled.status_code == 200 and cancelled.json()["status"] == "CANCELLED"
        # No longer waiting for its time: the operator's "deferred" count does not keep it until then.
        stats = (await http.get("/api/v1/analytics/queue/stats")).json()
        assert stats["deferred"] == 0, stats
        await asyncio.sleep(1.5)  # past its start time
        worker = inprocess_worker(isolated_settings, burst=True)
        await worker.async_run()
        await worker.close()
        final = (await http.get(f"{TASKS}/{task['task_id']}/status")).json()
        assert final["status"] == "CANCELLED" and final["started_at"] is None


async def test_bad_start_times_answer_422_with_the_reason(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    now = datetime.now(UTC)
    cases = {
        "in the past": {"run_at": (now - timedelta(hours=1)).isoformat()},
        "more than 30 days ahead": {"run_at": (now + timedelta(days=31)).isoformat()},
        "not both": {"run_at": (now + timedelta(hours=1)).isoformat(), "delay_seconds": 5},
        "timezone": {"run_at": (now + timedelta(hours=1)).replace(tzinfo=None).isoformat()},
        "greater than 0": {"delay_seconds": 0},
        "less than or equal to 2592000": {"delay_seconds": 31 * 86400},
    }
    async with inprocess_api(isolated_settings, make_token()) as http:
        message = await new_message(http, QUESTION)
        for reason, start in cases.items():
            response = await http.post(TASKS, json={"message_id": message["id"], **start})
            assert response.status_code == 422, (reason, response.text)
            assert reason in response.text, (reason, response.text)


async def test_a_task_scheduled_days_ahead_outlives_the_usual_task_ttl(
    isolated_settings: Settings, make_token: Callable[..., str], redis_client: Any
) -> None:
    """Its live state must last until its start and a day after, not the usual day from now."""
    async with inprocess_api(isolated_settings, make_token()) as http:
        message = await new_message(http, QUESTION)
        run_at = (datetime.now(UTC) + timedelta(days=10)).isoformat()
        task = (await http.post(TASKS, json={"message_id": message["id"], "run_at": run_at})).json()
    ttl = await redis_client.ttl(keys.task(task["task_id"]))
    assert ttl > 10 * 86400 + isolated_settings.task_ttl_seconds - 60, ttl
    assert await redis_client.ttl(keys.deferred(isolated_settings.queue_name)) > 30 * 86400
