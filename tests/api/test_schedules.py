"""The schedule endpoints: the owner sets, reads, lists and removes a chart's schedule; anyone else
gets 404 (even for a chart they may view); malformed or never-firing cron expressions and unknown time
zones answer 422; operators see due and failing schedules, and Prometheus counts them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from shared.models import utcnow
from shared.settings import Settings
from tests.conftest import auth
from tests.schedule_fixtures import Parts, api, frozen, make_chart, parts, running_worker, schedule_settings

pytestmark = pytest.mark.db
__all__ = ["parts", "schedule_settings"]  # fixtures


async def test_the_owner_sets_reads_lists_and_removes_a_schedule(
    schedule_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart = await make_chart(http)
        path = f"/api/v1/charts/{chart['id']}/schedule"
        assert (await http.get(path)).status_code == 404
        put = await http.put(path, json={"cron": "30  7 * * 1-5", "timezone": "America/New_York"})
        assert put.status_code == 200, put.text
        shown = put.json()
        assert shown["cron"] == "30 7 * * 1-5" and shown["timezone"] == "America/New_York"
        assert (shown["last_run_at"], shown["last_task_id"], shown["last_status"], shown["paused"]) == (
            None, None, None, False,
        )  # fmt: skip
        local = datetime.fromisoformat(shown["next_run_at"]).astimezone(ZoneInfo("America/New_York"))
        assert (local.hour, local.minute) == (7, 30) and local.weekday() < 5
        assert datetime.fromisoformat(shown["next_run_at"]) - datetime.now(UTC) <= timedelta(days=4)
        assert (await http.get(path)).json() == shown
        assert (await http.get("/api/v1/schedules")).json() == {"schedules": [shown]}

        replaced = (await http.put(path, json={"cron": "0 * * * *"})).json()
        assert (replaced["timezone"], datetime.fromisoformat(replaced["next_run_at"]).minute) == ("UTC", 0)
        assert (await http.delete(path)).status_code == 204
        assert (await http.get(path)).status_code == 404
        assert (await http.delete(path)).status_code == 404
        assert (await http.get("/api/v1/schedules")).json() == {"schedules": []}


async def test_only_the_charts_owner_may_schedule_it(
    schedule_settings: Settings, make_token: Callable[..., str]
) -> None:
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart_id = (await make_chart(http, "PUBLIC"))["id"]
        path = f"/api/v1/charts/{chart_id}/schedule"
        assert (await http.put(path, json={"cron": "0 8 * * *"})).status_code == 200
        other = auth(make_token())
        assert (await http.get(f"/api/v1/charts/{chart_id}", headers=other)).status_code == 200  # may view
        for method in ("GET", "DELETE"):
            assert (await http.request(method, path, headers=other)).status_code == 404
        refused = await http.put(path, json={"cron": "* * * * *"}, headers=other)
        assert (refused.status_code, refused.json()["code"]) == (404, "not_found")
        assert (await http.get("/api/v1/schedules", headers=other)).json() == {"schedules": []}
        assert (await http.get(path)).json()["cron"] == "0 8 * * *"


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"cron": "0 0 30 2 *"}, "day-of-month"),  # 30 February: never fires
        ({"cron": "0 8 * *  "}, "5 fields"),
        ({"cron": "0 8 * * * *"}, "5 fields"),
        ({"cron": "bad"}, "5 fields"),  # short: still told what a cron expression is
        ({"cron": "@daily"}, "5 fields"),
        ({"cron": "61 8 * * *"}, "minute"),
        ({"cron": "0 8 * * *", "timezone": "Mars/Olympus_Mons"}, "time zone"),
        ({"cron": "0 8 * * *", "timezone": "../../etc/passwd"}, "time zone"),
    ],
)
async def test_a_bad_schedule_answers_422_and_changes_nothing(
    schedule_settings: Settings, make_token: Callable[..., str], body: dict[str, str], says: str
) -> None:
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart = await make_chart(http)
        path = f"/api/v1/charts/{chart['id']}/schedule"
        response = await http.put(path, json=body)
        assert (response.status_code, response.json()["code"]) == (422, "invalid_schedule"), response.text
        assert says in response.json()["detail"]
        assert (await http.get(path)).status_code == 404


async def test_operators_see_due_and_failing_schedules_and_their_metrics(
    schedule_settings: Settings, parts: Parts, make_token: Callable[..., str]
) -> None:
    async with running_worker(schedule_settings), api(schedule_settings, make_token()) as http:
        chart = await make_chart(http)
        path = f"/api/v1/charts/{chart['id']}/schedule"
        await http.put(path, json={"cron": "* * * * *"})
        operator = auth(make_token(roles=["operator"]))
        assert (await http.get("/api/v1/schedules/overview")).status_code == 403
        overview = (await http.get("/api/v1/schedules/overview", headers=operator)).json()
        assert chart["id"] in [s["chart_id"] for s in overview["due"]]
        assert chart["id"] not in [s["chart_id"] for s in overview["failing"]]

        assert (await http.delete(f"/api/v1/charts/{chart['id']}")).status_code == 204
        await parts.scheduler(frozen(utcnow() + timedelta(minutes=2))).tick()
        overview = (await http.get("/api/v1/schedules/overview", headers=operator)).json()
        paused = [s for s in overview["failing"] if s["chart_id"] == chart["id"]]
        assert [(s["paused"], s["paused_reason"]) for s in paused] == [(True, "chart_deleted")]
        owner_view = (await http.get(path)).json()
        assert owner_view["paused_reason"] == "chart_deleted"  # the owner sees why
        assert owner_view["next_run_at"] is None  # and no due time that will not come
        assert chart["id"] not in [s["chart_id"] for s in overview["due"]]
        metrics = (await http.get("/metrics", headers=operator)).text
        assert (await http.delete(path)).status_code == 204  # and removes it
        for series in (
            "chartq_schedules_due",
            "chartq_schedule_runs_fired_total",
            "chartq_schedule_runs_failed_total",
        ):
            assert f"\n{series} " in metrics, series
