"""Operators' view of the queue: statistics and /metrics match a known workload exactly."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from shared.settings import Settings
from tests.conftest import auth, inprocess_api, inprocess_worker, new_message

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
STATS = "/api/v1/analytics/queue/stats"
GOOD, BAD = "life expectancy in Japan since 1990", "what is the weather tomorrow"


async def post_task(http: httpx.AsyncClient, question: str, priority: str = "normal") -> str:
    message = await new_message(http, question)
    response = await http.post(TASKS, json={"message_id": message["id"], "priority": priority})
    assert response.status_code == 202, response.text
    return str(response.json()["task_id"])


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def wait_for_stats(http: httpx.AsyncClient, ready: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    deadline = time.monotonic() + 20
    while True:
        stats = dict((await http.get(STATS)).json())
        if ready(stats) or time.monotonic() > deadline:
            return stats
        await asyncio.sleep(0.1)


async def test_stats_and_metrics_match_a_known_workload(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    completed, failed, workers = 4, 2, 2
    async with inprocess_api(isolated_settings, make_token(roles=["operator"])) as http:
        for question in [GOOD] * completed + [BAD] * failed:
            await post_task(http, question)
        burst = inprocess_worker(isolated_settings, burst=True)
        await burst.async_run()
        await burst.close()

        # Two slow single-slot workers each hold the two highest-priority tasks; five stay queued.
        priorities = ["low", "normal", "high", "normal", "low", "normal", "low"]
        held = [await post_task(http, GOOD, p) for p in priorities]
        slow = isolated_settings.model_copy(update={"step_delay_seconds": 60.0})
        running = [inprocess_worker(slow, concurrency=1) for _ in range(workers)]
        runs = [asyncio.create_task(worker.async_run()) for worker in running]
        try:
            stats = await wait_for_stats(
                http, lambda s: s["processing"] == workers and [w["running"] for w in s["workers"]] == [1, 1]
            )
            assert stats["outcomes"]["1m"] == {"completed": completed, "failed": failed, "cancelled": 0}
            assert stats["outcomes"]["5m"] == stats["outcomes"]["1h"] == stats["outcomes"]["1m"]
            assert stats["queued"] == {"high": 0, "normal": 2, "low": 3} and stats["queued_total"] == 5
            assert (stats["processing"], stats["deferred"]) == (workers, 0)
            assert [w["running"] for w in stats["workers"]] == [1, 1]
            assert {w["concurrency"] for w in stats["workers"]} == {1}
            assert stats["throughput_per_minute"] == completed
            assert stats["durations"]["end_to_end"]["count"] == completed
            assert stats["durations"]["end_to_end"]["p50_ms"] >= stats["durations"]["planning"]["p50_ms"]
            assert [f["error_code"] for f in stats["recent_failures"]] == ["unchartable"] * failed
            assert stats["oldest_queued_age_seconds"] > 0 and stats["estimated_wait_seconds"] > 0

            metrics = samples((await http.get("/metrics")).text)
            assert metrics[("chartq_tasks_total", (("outcome", "completed"),))] == completed
            assert metrics[("chartq_tasks_total", (("outcome", "failed"),))] == failed
            assert sum(v for (name, _), v in metrics.items() if name == "chartq_queue_depth") == 5
            assert metrics[("chartq_queue_depth", (("priority", "low"),))] == 3
            assert metrics[("chartq_tasks_processing", ())] == workers
            assert metrics[("chartq_workers_alive", ())] == workers
            assert metrics[("chartq_task_duration_seconds_count", (("step", "end_to_end"),))] == completed
            assert metrics[("chartq_events_published_total", ())] >= (completed + failed) * 4
            assert ("chartq_stream_subscribers", ()) in metrics
            assert any(name == "chartq_http_requests_total" for name, _ in metrics)
        finally:
            for task_id in held:  # operators may cancel anyone's task
                cancelled = await http.delete(f"/api/v1/analytics/queue/tasks/{task_id}")
                assert cancelled.status_code == 200
            for run in runs:
                run.cancel()
            for worker in running:
                await worker.close()
        final = await wait_for_stats(http, lambda s: s["queued_total"] == 0 and s["processing"] == 0)
        assert final["outcomes"]["1m"]["cancelled"] == len(held)


async def test_operators_see_any_task_and_others_get_403(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token(user="analyst")) as http:
        task_id = await post_task(http, GOOD)
        for url in (
            STATS,
            f"{STATS}/stream",
            "/api/v1/analytics/queue/history",
            "/metrics",
            f"/api/v1/analytics/queue/tasks/{task_id}",
        ):
            response = await http.get(url)
            assert response.status_code == 403, url
            assert "operator" in response.json()["detail"]
        operator = auth(make_token(user="ops", roles=["operator"]))
        view = (await http.get(f"/api/v1/analytics/queue/tasks/{task_id}", headers=operator)).json()
        assert view["user_id"] == "analyst" and view["task"]["status"] == "PENDING"
        assert (await http.get("/api/v1/analytics/queue/tasks/nope", headers=operator)).status_code == 404
        cancelled = await http.delete(f"/api/v1/analytics/queue/tasks/{task_id}", headers=operator)
        assert cancelled.json()["status"] == "CANCELLED"
        assert (await http.get(f"{TASKS}/{task_id}/status")).json()["status"] == "CANCELLED"


async def test_depth_history_is_recorded_by_workers(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token(roles=["operator"])) as http:
        await post_task(http, GOOD, "high")
        worker = inprocess_worker(isolated_settings, burst=True)
        await worker.async_run()
        await worker.close()
        history = (await http.get("/api/v1/analytics/queue/history")).json()
    assert history and set(history[0]) == {"t", "high", "normal", "low", "deferred", "processing"}
    assert history[0]["t"] <= time.time()
