"""Adjustments and follow-ups across a chat session, through the real API, Redis, SQL and worker processes:
each change builds on the user's previous chart, and never on another user's."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any
from uuid import uuid4

import httpx
import pytest

from shared.db.charts import latest_chart_before_message, latest_chart_of_message
from shared.db.engine import create_engine, session_factory
from tests.conftest import auth, wait_for_status

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
QUESTION = "life expectancy in Mexico and Canada since 1980"


@pytest.fixture
async def user_client(
    api_url: str, worker_processes: list[Any], make_token: Callable[..., str]
) -> AsyncIterator[Callable[[str], httpx.AsyncClient]]:
    """Clients of the real API for named users, all closed at the end."""
    clients: list[httpx.AsyncClient] = []

    def make(user: str) -> httpx.AsyncClient:
        clients.append(httpx.AsyncClient(base_url=api_url, headers=auth(make_token(user)), timeout=30))
        return clients[-1]

    yield make
    for http in clients:
        await http.aclose()


async def say(http: httpx.AsyncClient, session_id: str, content: str) -> dict[str, Any]:
    response = await http.post(f"/api/v1/sessions/{session_id}/messages", json={"content": content})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def chart_of(http: httpx.AsyncClient, body: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(final task, chart or {}) of a chart request."""
    created = await http.post(TASKS, json=body)
    assert created.status_code in (200, 202), created.text
    task = await wait_for_status(http, created.json()["task_id"], within=60)
    if task["status"] != "COMPLETED":
        return task, {}
    return task, dict((await http.get(f"{TASKS}/{task['task_id']}/result")).json())


def filters_of(spec: dict[str, Any]) -> dict[str, Any]:
    return {f["column"]: (f["op"], f["value"]) for f in spec["filters"]}


async def test_adjustments_and_follow_ups_across_a_session(
    user_client: Callable[[str], httpx.AsyncClient], database_url: str
) -> None:
    alice, bob = f"alice-{uuid4().hex[:8]}", f"bob-{uuid4().hex[:8]}"
    http = user_client(alice)
    session = (await http.post("/api/v1/sessions", json={"title": "life expectancy"})).json()
    first = await say(http, session["id"], QUESTION)
    task, line = await chart_of(http, {"message_id": first["id"]})
    assert task["status"] == "COMPLETED", task
    assert line["spec"]["chart_type"] == "line"

    task, bar = await chart_of(
        http, {"message_id": first["id"], "adjustment_query": "make it a bar chart", "force_create": True}
    )
    assert task["status"] == "COMPLETED", task
    assert bar["spec"]["chart_type"] == "bar"
    assert {t["type"] for t in bar["figure"]["data"]} == {"bar"}
    # The same data: measures, countries, period and rows are those of the line chart.
    for field in ("dataset", "measures", "series", "use_time", "time_range", "filters"):
        assert bar["spec"][field] == line["spec"][field], field
    assert bar["row_count"] == line["row_count"]
    assert bar["message_id"] == first["id"]

    follow_up = await say(http, session["id"], "add Brazil")
    task, added = await chart_of(http, {"message_id": follow_up["id"]})
    assert task["status"] == "COMPLETED", task
    assert filters_of(added["spec"]) == {"country": ("in", ["Mexico", "Canada", "Brazil"])}
    # It builds on the latest chart of the session: the bar chart, not the first line chart.
    assert added["spec"]["chart_type"] == "bar"
    assert "Brazil" in added["title"]
    assert {t["name"] for t in added["figure"]["data"]} == {"Mexico", "Canada", "Brazil"}

    # Bob's own follow-up has no chart of his to change, and never sees Alice's.
    other = user_client(bob)
    bob_session = (await other.post("/api/v1/sessions", json={"title": "mine"})).json()
    bob_message = await say(other, bob_session["id"], "add Brazil")
    task, _ = await chart_of(other, {"message_id": bob_message["id"]})
    assert task["status"] == "FAILED" and task["error_code"] == "unchartable", task

    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as db:
            mine = await latest_chart_before_message(db, alice, session["id"], follow_up["id"])
            assert mine is not None and mine.id == bar["id"]
            assert await latest_chart_before_message(db, bob, session["id"], follow_up["id"]) is None
            assert await latest_chart_of_message(db, bob, first["id"]) is None
            latest = await latest_chart_of_message(db, alice, first["id"])
            assert latest is not None and latest.id == bar["id"]
    finally:
        await engine.dispose()


async def test_an_adjustment_that_is_not_understood_fails_with_what_can_be_asked(
    user_client: Callable[[str], httpx.AsyncClient],
) -> None:
    http = user_client(f"carol-{uuid4().hex[:8]}")
    session = (await http.post("/api/v1/sessions", json={"title": "t"})).json()
    message = await say(http, session["id"], QUESTION)
    task, _ = await chart_of(http, {"message_id": message["id"]})
    assert task["status"] == "COMPLETED", task

    task, _ = await chart_of(http, {"message_id": message["id"], "adjustment_query": "frobnicate the wibble"})
    assert task["status"] == "FAILED" and task["error_code"] == "unchartable", task
    assert "could not read \u201cfrobnicate the wibble\u201d as a change" in task["error_message"]
    assert "make it a bar chart" in task["error_message"] and "add " in task["error_message"]


async def test_a_deleted_chart_is_not_adjusted(user_client: Callable[[str], httpx.AsyncClient]) -> None:
    http = user_client(f"dave-{uuid4().hex[:8]}")
    session = (await http.post("/api/v1/sessions", json={"title": "t"})).json()
    message = await say(http, session["id"], QUESTION)
    _, line = await chart_of(http, {"message_id": message["id"]})
    _, bar = await chart_of(http, {"message_id": message["id"], "adjustment_query": "as a bar chart"})
    assert bar["spec"]["chart_type"] == "bar"
    assert (await http.delete(f"/api/v1/charts/{bar['id']}")).status_code in (200, 204)

    # With the bar chart deleted, "add Brazil" changes the line chart it came from.
    task, added = await chart_of(http, {"message_id": message["id"], "adjustment_query": "add Brazil"})
    assert task["status"] == "COMPLETED", task
    assert added["spec"]["chart_type"] == line["spec"]["chart_type"] == "line"
    assert filters_of(added["spec"]) == {"country": ("in", ["Mexico", "Canada", "Brazil"])}
