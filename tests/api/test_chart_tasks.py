"""The chart-task lifecycle over HTTP against a real API process, real workers, Redis and SQL."""

from __future__ import annotations

import asyncio
import csv
import gzip
from collections.abc import Callable

import httpx
import pytest

from shared.settings import Settings
from tests.conftest import auth, inprocess_api, inprocess_worker, new_message, wait_for_status
from worker.warehouse.sample import sample_datasets_dir

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
QUESTION = "life expectancy in Mexico and Canada since 1980"


def gapminder_life_expectancy(country: str, since: int) -> dict[int, float]:
    with gzip.open(sample_datasets_dir() / "gapminder.csv.gz", "rt") as handle:
        return {
            int(row["year"]): float(row["lifeExp"])
            for row in csv.DictReader(handle)
            if row["country"] == country and int(row["year"]) >= since
        }


async def test_a_message_becomes_a_stored_chart(client: httpx.AsyncClient) -> None:
    message = await new_message(client, QUESTION)
    response = await client.post(TASKS, json={"message_id": message["id"]})
    assert response.status_code == 202, response.text
    task = response.json()
    assert task["status"] in {"PENDING", "PROCESSING", "COMPLETED"}
    assert task["message_id"] == message["id"] and task["session_id"] == message["session_id"]
    assert response.headers["Location"] == f"{TASKS}/{task['task_id']}/status"

    done = await wait_for_status(client, task["task_id"])
    assert done["status"] == "COMPLETED", done
    assert done["progress"] == 100 and done["current_step"] == "done"
    assert set(done["step_progress"].values()) == {100}
    assert done["attempt"] == 1 and done["started_at"] and done["completed_at"]

    chart = (await client.get(f"{TASKS}/{task['task_id']}/result")).json()
    assert chart["id"] == done["chart_id"] and chart["task_id"] == task["task_id"]
    traces = {trace["name"]: trace for trace in chart["figure"]["data"]}
    assert set(traces) == {"Mexico", "Canada"}
    for country, trace in traces.items():
        expected = gapminder_life_expectancy(country, 1980)
        shown = dict(zip((int(x) for x in trace["x"]), trace["y"], strict=True))
        assert shown == pytest.approx(expected)
    assert "years" in chart["figure"]["layout"]["yaxis"]["title"]["text"].lower()
    assert chart["interpretation"] and chart["sql"].lower().startswith("select")
    assert chart["time_range"]["start"].startswith("1982")
    assert chart["row_count"] == sum(len(t["x"]) for t in traces.values())
    assert (await client.get(f"/api/v1/charts/{chart['id']}")).json()["figure"] == chart["figure"]
    history = (await client.get(f"/api/v1/sessions/{message['session_id']}/charts")).json()
    assert [c["id"] for c in history] == [chart["id"]]


async def test_a_question_that_cannot_be_charted_fails_with_advice(client: httpx.AsyncClient) -> None:
    message = await new_message(client, "what is the weather tomorrow?")
    task = (await client.post(TASKS, json={"message_id": message["id"]})).json()
    done = await wait_for_status(client, task["task_id"])
    assert done["status"] == "FAILED" and done["error_code"] == "unchartable"
    assert "life expectancy" in done["error_message"].lower()
    result = await client.get(f"{TASKS}/{task['task_id']}/result")
    assert result.status_code == 409 and result.json()["code"] == "unchartable"


async def test_by_message_lists_charts_and_active_tasks(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token()) as http:
        message = await new_message(http, QUESTION)
        task = (await http.post(TASKS, json={"message_id": message["id"]})).json()
        listing = (await http.get(f"/api/v1/analytics/charts/by-message/{message['id']}")).json()
        assert listing["has_active_tasks"] is True and listing["charts"] == []
        assert [t["task_id"] for t in listing["active_tasks"]] == [task["task_id"]]

        worker = inprocess_worker(isolated_settings, burst=True)
        await worker.async_run()
        await worker.close()
        listing = (await http.get(f"/api/v1/analytics/charts/by-message/{message['id']}")).json()
        assert listing["has_active_tasks"] is False and listing["active_tasks"] == []
        assert [c["task_id"] for c in listing["charts"]] == [task["task_id"]]


async def test_reposting_an_active_request_returns_the_same_task(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token()) as http:
        message = await new_message(http, QUESTION)
        first = await http.post(TASKS, json={"message_id": message["id"]})
        again = await http.post(TASKS, json={"message_id": message["id"]})
        assert first.status_code == 202 and again.status_code == 200
        assert again.json()["task_id"] == first.json()["task_id"]
        other = await http.post(
            TASKS, json={"message_id": message["id"], "adjustment_query": "as a bar chart"}
        )
        assert other.status_code == 202 and other.json()["task_id"] != first.json()["task_id"]


async def test_existing_chart_is_reused_unless_force_create(client: httpx.AsyncClient) -> None:
    message = await new_message(client, QUESTION)
    task = (await client.post(TASKS, json={"message_id": message["id"]})).json()
    done = await wait_for_status(client, task["task_id"])
    assert done["status"] == "COMPLETED"

    reused = await client.post(TASKS, json={"message_id": message["id"]})
    assert reused.status_code == 200
    assert reused.json()["status"] == "COMPLETED" and reused.json()["chart_id"] == done["chart_id"]

    forced = await client.post(TASKS, json={"message_id": message["id"], "force_create": True})
    assert forced.status_code == 202 and forced.json()["task_id"] != task["task_id"]
    second = await wait_for_status(client, forced.json()["task_id"])
    assert second["status"] == "COMPLETED" and second["chart_id"] != done["chart_id"]
    charts = (await client.get(f"/api/v1/analytics/charts/by-message/{message['id']}")).json()["charts"]
    assert {c["id"] for c in charts} == {done["chart_id"], second["chart_id"]}


async def test_cancelled_pending_task_never_runs(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token()) as http:
        message = await new_message(http, QUESTION)
        task = (await http.post(TASKS, json={"message_id": message["id"]})).json()
        cancelled = await http.delete(f"{TASKS}/{task['task_id']}")
        assert cancelled.status_code == 200 and cancelled.json()["status"] == "CANCELLED"

        worker = inprocess_worker(isolated_settings, burst=True)
        await worker.async_run()
        await worker.close()
        final = (await http.get(f"{TASKS}/{task['task_id']}/status")).json()
        assert final["status"] == "CANCELLED" and final["started_at"] is None and final["attempt"] == 0
        listing = (await http.get(f"/api/v1/analytics/charts/by-message/{message['id']}")).json()
        assert listing["charts"] == [] and listing["active_tasks"] == []


async def test_cancelling_a_processing_task_stops_it(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    slow = isolated_settings.model_copy(update={"step_delay_seconds": 5.0})
    worker = inprocess_worker(slow)
    running = asyncio.create_task(worker.async_run())
    try:
        async with inprocess_api(slow, make_token()) as http:
            message = await new_message(http, QUESTION)
            task = (await http.post(TASKS, json={"message_id": message["id"]})).json()
            processing = await wait_for_status(http, task["task_id"], {"PROCESSING"}, within=10)
            assert processing["status"] == "PROCESSING"

            # DELETE waits up to two seconds for the worker to stop the task.
            cancelled = (await http.delete(f"{TASKS}/{task['task_id']}")).json()
            assert cancelled["status"] == "CANCELLED", cancelled
            assert cancelled["chart_id"] is None
            result = await http.get(f"{TASKS}/{task['task_id']}/result")
            assert result.status_code == 409
    finally:
        running.cancel()
        await worker.close()


async def test_high_priority_runs_before_normal_and_low(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with inprocess_api(isolated_settings, make_token(roles=["priority"])) as http:
        order = ["low", "normal", "low", "high", "normal", "high"]
        tasks = []
        for priority in order:
            message = await new_message(http, QUESTION)
            created = await http.post(TASKS, json={"message_id": message["id"], "priority": priority})
            assert created.json()["priority"] == priority
            tasks.append(created.json()["task_id"])

        worker = inprocess_worker(isolated_settings, concurrency=1, burst=True)
        await worker.async_run()
        await worker.close()
        finished = [(await http.get(f"{TASKS}/{t}/status")).json() for t in tasks]
        by_start = [t["priority"] for t in sorted(finished, key=lambda t: t["started_at"])]
        assert by_start == ["high", "high", "normal", "normal", "low", "low"]


async def test_another_user_sees_nothing(client: httpx.AsyncClient, make_token: Callable[..., str]) -> None:
    message = await new_message(client, QUESTION)
    task = (await client.post(TASKS, json={"message_id": message["id"]})).json()
    done = await wait_for_status(client, task["task_id"])
    stranger = auth(make_token())
    urls = [
        f"{TASKS}/{task['task_id']}/status",
        f"{TASKS}/{task['task_id']}/result",
        f"/api/v1/analytics/charts/by-message/{message['id']}",
        f"/api/v1/charts/{done['chart_id']}",
        f"/api/v1/sessions/{message['session_id']}",
        f"/api/v1/sessions/{message['session_id']}/messages",
        f"/api/v1/sessions/{message['session_id']}/charts",
    ]
    for url in urls:
        response = await client.get(url, headers=stranger)
        assert response.status_code == 404, url
        assert response.json()["code"] == "not_found"
    assert (await client.delete(f"{TASKS}/{task['task_id']}", headers=stranger)).status_code == 404
    assert (await client.delete(f"/api/v1/charts/{done['chart_id']}", headers=stranger)).status_code == 404
    stolen = await client.post(TASKS, json={"message_id": message["id"]}, headers=stranger)
    assert stolen.status_code == 404


async def test_requests_without_a_valid_token_get_401(client: httpx.AsyncClient) -> None:
    bad = await client.get("/api/v1/sessions", headers={"Authorization": "Bearer not-a-jwt"})
    assert bad.status_code == 401 and bad.json()["code"] == "invalid_token"
    async with httpx.AsyncClient(base_url=str(client.base_url)) as anonymous:
        missing = await anonymous.get("/api/v1/sessions")
        assert missing.status_code == 401 and missing.json()["code"] == "not_authenticated"
        assert missing.headers["WWW-Authenticate"] == "Bearer"
        assert (await anonymous.post(TASKS, json={"message_id": "x"})).status_code == 401
        assert (await anonymous.get("/health")).status_code == 200


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({}, 422),
        ({"message_id": "m", "priority": "urgent"}, 422),
        ({"message_id": "m", "visibility": "EVERYONE"}, 422),
        ({"message_id": "m", "unexpected": 1}, 422),
        ({"message_id": "no-such-message"}, 404),
    ],
)
async def test_bad_task_requests_get_clear_errors(
    client: httpx.AsyncClient, body: dict[str, object], status: int
) -> None:
    response = await client.post(TASKS, json=body)
    assert response.status_code == status
    assert set(response.json()) == {"detail", "code"}


async def test_malformed_json_is_422(client: httpx.AsyncClient) -> None:
    response = await client.post(TASKS, content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and response.json()["code"] == "validation_error"
    assert response.json()["detail"] == "The request body is not valid JSON"


async def test_high_priority_is_a_privilege(api_url: str, make_token: Callable[..., str]) -> None:
    async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=30) as http:
        message = await new_message(http, QUESTION)
        refused = await http.post(TASKS, json={"message_id": message["id"], "priority": "high"})
        assert refused.status_code == 403 and refused.json()["code"] == "priority_not_allowed"
        assert (await http.get(f"/api/v1/analytics/charts/by-message/{message['id']}")).json()[
            "active_tasks"
        ] == []
    for role in ("priority", "operator"):
        async with httpx.AsyncClient(
            base_url=api_url, headers=auth(make_token(roles=[role])), timeout=30
        ) as http:
            message = await new_message(http, QUESTION)
            accepted = await http.post(TASKS, json={"message_id": message["id"], "priority": "high"})
            assert accepted.status_code == 202 and accepted.json()["priority"] == "high"


async def test_a_chart_says_what_it_shows_and_a_partial_answer_what_it_left_out(
    client: httpx.AsyncClient,
) -> None:
    # A whole answer: the chart carries its plan in plain words, and the task ends as usual.
    message = await new_message(client, QUESTION)
    task = (await client.post(TASKS, json={"message_id": message["id"]})).json()
    done = await wait_for_status(client, task["task_id"])
    assert done["status"] == "COMPLETED" and done["message"] == "The chart is ready."
    chart = (await client.get(f"{TASKS}/{task['task_id']}/result")).json()
    assert chart["description"] == (
        "Life expectancy over time, one line per country, in Mexico and Canada, since 1980."
    )
    assert (await client.get(f"/api/v1/charts/{chart['id']}")).json()["description"] == chart["description"]

    # A partial answer: the election data has no dates, so the days and months are left out, and said so.
    message = await new_message(client, "Votes for Joly by district on Sundays in March")
    task = (await client.post(TASKS, json={"message_id": message["id"]})).json()
    done = await wait_for_status(client, task["task_id"])
    assert done["status"] == "COMPLETED", done
    assert done["message"].startswith("The chart is ready, but it leaves out")
    assert "\u201cSundays\u201d" in done["message"] and "no dates" in done["message"]
    chart = (await client.get(f"{TASKS}/{task['task_id']}/result")).json()
    assert chart["description"].startswith("Votes per district, for Joly")
    assert "Left out: \u201cSundays\u201d and \u201cMarch\u201d" in chart["description"]
