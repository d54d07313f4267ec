"""`chartq schedules`: the caller's schedules as a table or JSON; --all is for operators."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import httpx
import pytest

from tests.conftest import auth
from tests.worker.cli.test_app import chartq, on

pytestmark = pytest.mark.db


def scheduled_chart(api: str, token: str) -> str:
    with httpx.Client(base_url=api, headers=auth(token), timeout=30) as http:
        session = http.post("/api/v1/sessions", json={}).json()
        message = http.post(
            f"/api/v1/sessions/{session['id']}/messages", json={"content": "average tip by day"}
        )
        task = http.post("/api/v1/analytics/charts/async", json={"message_id": message.json()["id"]}).json()
        deadline = time.monotonic() + 30
        while (status := http.get(f"/api/v1/analytics/charts/async/{task['task_id']}/status").json())[
            "status"
        ] != "COMPLETED":
            assert time.monotonic() < deadline and status["status"] in ("PENDING", "PROCESSING"), status
            time.sleep(0.1)
        put = http.put(
            f"/api/v1/charts/{status['chart_id']}/schedule",
            json={"cron": "0 8 1 1 *", "timezone": "Europe/Berlin"},
        )
        assert put.status_code == 200, put.text
        return str(status["chart_id"])


def test_schedules_lists_the_callers_schedules(slow_stack: str, make_token: Callable[..., str]) -> None:
    token = make_token()
    chart_id = scheduled_chart(slow_stack, token)
    try:
        result = chartq("schedules", *on(slow_stack, token))
        assert result.returncode == 0, result.stderr
        for shown in (chart_id, "0 8 1 1 *", "Europe/Berlin", "active", "Schedules: 1"):
            assert shown in result.stdout, result.stdout
        as_json = json.loads(chartq("schedules", "--json", *on(slow_stack, token)).stdout)
        assert [s["chart_id"] for s in as_json["schedules"]] == [chart_id]
        assert "Schedules: 0" in chartq("schedules", *on(slow_stack, make_token())).stdout

        refused = chartq("schedules", "--all", *on(slow_stack, token))
        assert refused.returncode == 1 and "403" in refused.stderr
        everyone = chartq("schedules", "--all", "--json", *on(slow_stack, make_token(roles=["operator"])))
        assert set(json.loads(everyone.stdout)) == {"due", "failing"}
    finally:
        httpx.delete(f"{slow_stack}/api/v1/charts/{chart_id}/schedule", headers=auth(token))
