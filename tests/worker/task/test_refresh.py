"""A refresh task redraws a chart's stored plan on current data and adds a version to the same chart:
the chart keeps its id, GET shows the newest version, `/versions` lists them newest first, and
`?version=N` reads an older one; a refresh of a deleted chart fails with `chart_gone`."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest

from shared.db.engine import create_engine, session_factory
from shared.db.tables import Chart
from shared.redis import create_redis
from shared.refresh_jobs import submit_refresh
from shared.settings import Settings
from shared.task_store import TaskStore
from tests.conftest import inprocess_api, inprocess_worker, new_message, wait_for_status
from tests.worker_fixtures import TASKS
from worker.warehouse.sample import build_sample_warehouse

pytestmark = pytest.mark.db


@pytest.fixture
def own_warehouse(isolated_settings: Settings, tmp_path: Path) -> tuple[Settings, Path]:
    """Settings on a warehouse of the test's own, whose data the test changes between two drawings."""
    path = tmp_path / "warehouse.db"
    build_sample_warehouse(path)
    return isolated_settings.model_copy(update={"warehouse_url": f"sqlite:///{path}"}), path


@pytest.fixture
async def stack(
    own_warehouse: tuple[Settings, Path], make_token: Callable[..., str]
) -> AsyncIterator[httpx.AsyncClient]:
    settings, _ = own_warehouse
    worker = inprocess_worker(settings)
    running = asyncio.create_task(worker.async_run())
    try:
        async with inprocess_api(settings, make_token()) as http:
            yield http
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        await worker.close()


async def make_chart(http: httpx.AsyncClient, question: str) -> dict[str, Any]:
    message = await new_message(http, question)
    task = (await http.post(TASKS, json={"message_id": message["id"]})).json()
    done = await wait_for_status(http, task["task_id"])
    assert done["status"] == "COMPLETED", done
    return dict((await http.get(f"/api/v1/charts/{done['chart_id']}")).json())


async def refresh(settings: Settings, chart_id: str) -> str:
    """Submits a refresh task of the chart, as its schedule does when it fires."""
    engine = create_engine(settings.database_url)
    redis = create_redis(settings.redis_url)
    try:
        async with session_factory(engine)() as db:
            chart = await db.get(Chart, chart_id)
        assert chart is not None
        task_id = str(uuid4())
        _, result = await submit_refresh(TaskStore(redis, settings), chart, task_id)
        assert result.outcome == "created", result
        return task_id
    finally:
        await redis.aclose()
        await engine.dispose()


async def test_a_refresh_adds_a_version_drawn_from_current_data(
    stack: httpx.AsyncClient, own_warehouse: tuple[Settings, Path]
) -> None:
    settings, warehouse = own_warehouse
    first = await make_chart(stack, "average tip by day")
    assert (first["version"], first["refreshed_at"]) == (1, None)
    with sqlite3.connect(warehouse) as conn:  # new data arrives: a day the first drawing did not have
        conn.execute("INSERT INTO tips (total_bill, tip, sex, smoker, day, time, size) "
                     "VALUES (20.0, 3.0, 'Female', 'No', 'Mon', 'Lunch', 2)")  # fmt: skip

    task_id = await refresh(settings, first["id"])
    done = await wait_for_status(stack, task_id)
    assert done["status"] == "COMPLETED" and done["chart_id"] == first["id"], done

    newest = (await stack.get(f"/api/v1/charts/{first['id']}")).json()
    assert (newest["version"], newest["task_id"]) == (2, task_id)
    assert newest["row_count"] == first["row_count"] + 1 and newest["refreshed_at"] is not None
    assert (newest["title"], newest["spec"]) == (first["title"], first["spec"])  # the same plan, no planning
    listing = (await stack.get(f"/api/v1/charts/{first['id']}/versions")).json()["versions"]
    assert [(v["version"], v["task_id"], v["row_count"]) for v in listing] == [
        (2, task_id, first["row_count"] + 1),
        (1, first["task_id"], first["row_count"]),
    ]
    older = (await stack.get(f"/api/v1/charts/{first['id']}", params={"version": 1})).json()
    assert (older["version"], older["figure"], older["row_count"]) == (1, first["figure"], first["row_count"])
    missing = await stack.get(f"/api/v1/charts/{first['id']}", params={"version": 3})
    assert missing.status_code == 404
    by_message = (await stack.get(f"/api/v1/analytics/charts/by-message/{first['message_id']}")).json()
    assert [c["id"] for c in by_message["charts"]] == [first["id"]]
    assert by_message["charts"][0]["version"] == 2


async def test_a_chart_never_refreshed_lists_its_one_version(stack: httpx.AsyncClient) -> None:
    chart = await make_chart(stack, "average tip by day")
    listing = (await stack.get(f"/api/v1/charts/{chart['id']}/versions")).json()
    assert listing == {
        "chart_id": chart["id"],
        "versions": [
            {"version": 1, "task_id": chart["task_id"], "row_count": chart["row_count"],
             "data_as_of": chart["data_as_of"], "created_at": chart["created_at"]}
        ],
    }  # fmt: skip
    same = (await stack.get(f"/api/v1/charts/{chart['id']}", params={"version": 1})).json()
    assert same == chart


async def test_refreshing_a_deleted_chart_fails_and_adds_nothing(
    stack: httpx.AsyncClient, own_warehouse: tuple[Settings, Path]
) -> None:
    chart = await make_chart(stack, "average tip by day")
    assert (await stack.delete(f"/api/v1/charts/{chart['id']}")).status_code == 204
    done = await wait_for_status(stack, await refresh(own_warehouse[0], chart["id"]))
    assert (done["status"], done["error_code"]) == ("FAILED", "chart_gone"), done
    assert (await stack.get(f"/api/v1/charts/{chart['id']}/versions")).status_code == 404
