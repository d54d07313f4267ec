"""Dependencies: a task posted with `depends_on` waits (PENDING, step `waiting`) until every task it names
has completed, then runs; if one fails or is cancelled it ends FAILED `dependency_failed`; an adjustment
posted while its message's chart is still being made waits for that chart by itself; bad lists answer
422. The release happens in the script that ends the last dependency, so no process dying in between
can lose it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from shared import keys
from shared.models import TaskStatus
from shared.redis import create_redis
from shared.settings import Settings
from shared.task_states import finished
from shared.task_store import TaskStore
from tests.conftest import inprocess_api, inprocess_worker, new_message, wait_for_status
from tests.worker_fixtures import TASKS

QUESTION = "average tip by day"
UNCHARTABLE = "what is the weather tomorrow?"


@pytest.fixture
async def slow_worker(isolated_settings: Settings) -> AsyncIterator[Settings]:
    """A worker on the test's queue whose steps take 0.3 s, so dependencies are still running when their
    dependents are posted."""
    slow = isolated_settings.model_copy(update={"step_delay_seconds": 0.3})
    worker = inprocess_worker(slow)
    running = asyncio.create_task(worker.async_run())
    yield slow
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)
    await worker.close()


async def post(http: httpx.AsyncClient, question: str, **extra: Any) -> dict[str, Any]:
    message = await new_message(http, question)
    response = await http.post(TASKS, json={"message_id": message["id"], **extra})
    assert response.status_code == 202, response.text
    return dict(response.json())


async def test_a_task_waits_for_its_dependencies_then_runs(
    slow_worker: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(slow_worker, make_token()) as http:
        first, second = await post(http, QUESTION), await post(http, "total bill by sex")
        waiting = await post(http, QUESTION, depends_on=[first["task_id"], second["task_id"]])
        assert (waiting["status"], waiting["current_step"]) == ("PENDING", "waiting")
        assert waiting["message"] == "Waiting for 2 charts it depends on."
        done = await wait_for_status(http, waiting["task_id"], within=60)
        deps = [await wait_for_status(http, t["task_id"]) for t in (first, second)]
    assert done["status"] == "COMPLETED" and [d["status"] for d in deps] == ["COMPLETED"] * 2
    started = datetime.fromisoformat(done["started_at"])
    assert all(started >= datetime.fromisoformat(d["completed_at"]) for d in deps), (done, deps)


@pytest.mark.parametrize("how", ["fails", "is cancelled"])
async def test_a_task_whose_dependency_does_not_complete_fails_dependency_failed(
    how: str, slow_worker: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(slow_worker, make_token()) as http:
        first = await post(http, UNCHARTABLE if how == "fails" else QUESTION)
        waiting = await post(http, QUESTION, depends_on=[first["task_id"]])
        if how == "is cancelled":
            assert (await http.delete(f"{TASKS}/{first['task_id']}")).status_code == 200
        done = await wait_for_status(http, waiting["task_id"], within=60)
    assert (done["status"], done["error_code"]) == ("FAILED", "dependency_failed"), done
    assert done["started_at"] is None


async def test_dependencies_that_already_ended_decide_at_once(
    slow_worker: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(slow_worker, make_token()) as http:
        completed, failed = await post(http, QUESTION), await post(http, UNCHARTABLE)
        for task in (completed, failed):
            await wait_for_status(http, task["task_id"], within=60)
        runs = await post(http, QUESTION, depends_on=[completed["task_id"]])
        assert runs["current_step"] == "queued"
        refused = await post(http, QUESTION, depends_on=[completed["task_id"], failed["task_id"]])
        # The 202 says what will happen, not "Waiting for a worker".
        assert "already failed or was cancelled" in refused["message"], refused
        finals = [await wait_for_status(http, t["task_id"], within=60) for t in (runs, refused)]
    assert finals[0]["status"] == "COMPLETED"
    assert (finals[1]["status"], finals[1]["error_code"]) == ("FAILED", "dependency_failed")


async def test_a_dependency_completed_past_its_redis_life_lets_the_task_run(
    slow_worker: Settings, make_token: Callable[..., str]
) -> None:
    """After CHARTQ_TASK_TTL_SECONDS (or a Redis that lost its data) a completed task is read from its SQL
    run record; a task depending on it was failed dependency_failed, its dependency taken for gone."""
    async with inprocess_api(slow_worker, make_token()) as http:
        done = await post(http, QUESTION)
        await wait_for_status(http, done["task_id"], within=60)
        redis = create_redis(slow_worker.redis_url)
        try:
            await redis.delete(keys.task(done["task_id"]), keys.task_events(done["task_id"]))
        finally:
            await redis.aclose()
        assert (await http.get(f"{TASKS}/{done['task_id']}/status")).json()["status"] == "COMPLETED"
        runs = await post(http, QUESTION, depends_on=[done["task_id"]])
        final = await wait_for_status(http, runs["task_id"], within=60)
    assert (final["status"], final["error_code"]) == ("COMPLETED", None), final


async def test_an_adjustment_waits_for_the_chart_it_changes(
    slow_worker: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(slow_worker, make_token()) as http:
        message = await new_message(http, QUESTION)
        base = (await http.post(TASKS, json={"message_id": message["id"]})).json()
        adjusted = (
            await http.post(TASKS, json={"message_id": message["id"], "adjustment_query": "as a pie chart"})
        ).json()
        assert adjusted["current_step"] == "waiting", adjusted
        done = await wait_for_status(http, adjusted["task_id"], within=60)
        base_done = await wait_for_status(http, base["task_id"])
        chart = (await http.get(f"{TASKS}/{adjusted['task_id']}/result")).json()
    assert done["status"] == "COMPLETED" and base_done["status"] == "COMPLETED"
    assert datetime.fromisoformat(done["started_at"]) >= datetime.fromisoformat(base_done["completed_at"])
    assert chart["spec"]["chart_type"] == "pie", chart["spec"]


async def test_bad_dependency_lists_answer_422(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token()) as other:
        foreign = await post(other, QUESTION)
    async with inprocess_api(isolated_settings, make_token()) as http:
        mine = await post(http, QUESTION)
        message = await new_message(http, QUESTION)
        later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
        cases = {
            "not yours": [foreign["task_id"]],
            "unknown": ["0" * 8 + "-0000-0000-0000-" + "0" * 12],
            "twice": [mine["task_id"], mine["task_id"]],
            "at most 10": [mine["task_id"]] * 11,
        }
        for reason, depends_on in cases.items():
            response = await http.post(TASKS, json={"message_id": message["id"], "depends_on": depends_on})
            assert response.status_code == 422, (reason, response.text)
        both = await http.post(
            TASKS, json={"message_id": message["id"], "depends_on": [mine["task_id"]], "run_at": later}
        )
        assert both.status_code == 422 and "not both" in both.text
        unknown = await http.post(TASKS, json={"message_id": message["id"], "depends_on": cases["not yours"]})
        assert unknown.json()["code"] == "unknown_dependencies"
        assert foreign["task_id"] in unknown.json()["detail"]


async def test_the_release_is_part_of_the_last_dependencys_end(
    isolated_settings: Settings, make_token: Callable[..., str], redis_client: Any
) -> None:
    """No worker runs here: the dependency is ended the way its worker would end it, and in that same
    write its dependent is in arq's queue with its job. Nothing is left for a process that could die."""
    store = TaskStore(create_redis(isolated_settings.redis_url), isolated_settings)
    try:
        async with inprocess_api(isolated_settings, make_token()) as http:
            first = await post(http, QUESTION)
            waiting = await post(http, QUESTION, depends_on=[first["task_id"]])
            queue = isolated_settings.queue_name
            assert await redis_client.zscore(queue, waiting["task_id"]) is None
            stored = await store.get(first["task_id"])
            assert stored is not None
            ended = finished(stored.dto, TaskStatus.COMPLETED, chart_id="c")
            assert (await store.transition(ended, stored.user_id)).applied
            assert await redis_client.zscore(queue, waiting["task_id"]) is not None
            assert await redis_client.exists(keys.arq_job(waiting["task_id"]))
    finally:
        await store.redis.aclose()
