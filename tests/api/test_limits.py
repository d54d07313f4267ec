"""The per-user write limit on chart tasks: a creation is counted by the create script itself, so what is
refused past the limit creates nothing, and a request answered without creating is not a write."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from uuid import uuid4

import pytest

from shared.settings import Settings
from tests.conftest import inprocess_api

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"


async def test_chart_tasks_past_the_write_limit_are_refused_and_create_nothing(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    if 60 - time.time() % 60 < 5:  # the count starts again each clock minute: not on its edge
        await asyncio.sleep(60 - time.time() % 60 + 0.1)
    limited = isolated_settings.model_copy(update={"writes_per_minute": 5})
    async with inprocess_api(limited, make_token()) as http:
        session = (await http.post("/api/v1/sessions", json={})).json()
        path = f"/api/v1/sessions/{session['id']}/messages"
        first, second = [(await http.post(path, json={"content": "tips by day"})).json()["id"] for _ in "ab"]
        # 3 writes so far. Asking for a message that does not exist creates nothing and is not counted.
        for _ in range(4):
            assert (await http.post(TASKS, json={"message_id": str(uuid4())})).status_code == 404
        created = await http.post(TASKS, json={"message_id": first})
        assert created.status_code == 202, created.text  # 4
        again = await http.post(TASKS, json={"message_id": first})
        assert again.status_code == 200 and again.json()["task_id"] == created.json()["task_id"]  # 5
        refused = await http.post(TASKS, json={"message_id": second})
        assert refused.status_code == 429 and refused.json()["code"] == "too_many_writes", refused.text
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        assert "5 writes in a minute" in refused.json()["detail"]
        charts = (await http.get(f"/api/v1/analytics/charts/by-message/{second}")).json()
        assert charts["active_tasks"] == [], "a refused creation leaves no task behind"


async def test_operators_are_not_limited_on_chart_tasks(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    limited = isolated_settings.model_copy(update={"writes_per_minute": 2})
    async with inprocess_api(limited, make_token(roles=["operator"])) as http:
        session = (await http.post("/api/v1/sessions", json={})).json()
        path = f"/api/v1/sessions/{session['id']}/messages"
        ids = [(await http.post(path, json={"content": "tips by day"})).json()["id"] for _ in range(3)]
        statuses = [(await http.post(TASKS, json={"message_id": i})).status_code for i in ids]
        assert statuses == [202, 202, 202]


async def test_a_creation_naming_dependencies_is_counted_before_they_are_looked_up(
    isolated_settings: Settings, make_token: Callable[..., str]
) -> None:
    # Each named dependency costs reads: the attempt counts even when the names are not the caller's.
    if 60 - time.time() % 60 < 5:
        await asyncio.sleep(60 - time.time() % 60 + 0.1)
    limited = isolated_settings.model_copy(update={"writes_per_minute": 4})
    async with inprocess_api(limited, make_token()) as http:
        session = (await http.post("/api/v1/sessions", json={})).json()
        path = f"/api/v1/sessions/{session['id']}/messages"
        message = (await http.post(path, json={"content": "tips by day"})).json()["id"]  # 2 writes
        unknown = {"message_id": message, "depends_on": [str(uuid4()) for _ in range(3)]}
        statuses = [(await http.post(TASKS, json=unknown)).status_code for _ in range(3)]
        assert statuses == [422, 422, 429]
