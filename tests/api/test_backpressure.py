"""Backpressure: a per-user cap on active tasks (429) and a global queue cap (503), both with Retry-After."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from shared.settings import Settings
from tests.conftest import auth, inprocess_api, new_message

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"


async def test_a_user_over_their_active_task_cap_gets_429_and_others_do_not(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    capped = isolated_settings.model_copy(update={"max_active_tasks_per_user": 2})
    async with inprocess_api(capped, make_token()) as http:
        messages = [await new_message(http, f"life expectancy in Japan since {1960 + i}") for i in range(4)]
        statuses = [(await http.post(TASKS, json={"message_id": m["id"]})).status_code for m in messages[:3]]
        assert statuses == [202, 202, 429]
        refused = await http.post(TASKS, json={"message_id": messages[3]["id"]})
        assert refused.json()["code"] == "too_many_active_tasks" and int(refused.headers["Retry-After"]) > 0
        # Cancelling one frees a slot.
        first = (await http.get(f"/api/v1/analytics/charts/by-message/{messages[0]['id']}")).json()
        await http.delete(f"{TASKS}/{first['active_tasks'][0]['task_id']}")
        assert (await http.post(TASKS, json={"message_id": messages[3]["id"]})).status_code == 202

        other = auth(make_token())  # the cap is per user: someone else is not affected
        session = (await http.post("/api/v1/sessions", json={}, headers=other)).json()
        message = (
            await http.post(
                f"/api/v1/sessions/{session['id']}/messages", json={"content": "tip by day"}, headers=other
            )
        ).json()
        assert (await http.post(TASKS, json={"message_id": message["id"]}, headers=other)).status_code == 202


async def test_a_full_queue_answers_503(isolated_settings: Settings, make_token: Callable[..., str]) -> None:
    capped = isolated_settings.model_copy(update={"max_queue_length": 2})
    async with inprocess_api(capped, make_token()) as http:
        messages = [await new_message(http, "average tip by day") for _ in range(3)]
        statuses = [(await http.post(TASKS, json={"message_id": m["id"]})).status_code for m in messages]
        assert statuses == [202, 202, 503]
        full = await http.post(TASKS, json={"message_id": messages[2]["id"]})
        assert full.json()["code"] == "queue_full" and int(full.headers["Retry-After"]) > 0
