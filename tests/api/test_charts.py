"""Stored charts: PRIVATE, ORG and PUBLIC visibility, and soft delete by the owner only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import auth, new_message, wait_for_status

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"


async def make_chart(http: httpx.AsyncClient, visibility: str) -> dict[str, Any]:
    message = await new_message(http, "average tip by day")
    task = (await http.post(TASKS, json={"message_id": message["id"], "visibility": visibility})).json()
    done = await wait_for_status(http, task["task_id"])
    assert done["status"] == "COMPLETED", done
    chart = (await http.get(f"/api/v1/charts/{done['chart_id']}")).json()
    assert chart["visibility"] == visibility
    return dict(chart)


@pytest.mark.parametrize(
    ("visibility", "same_org_sees", "other_org_sees"),
    [("PRIVATE", False, False), ("ORG", True, False), ("PUBLIC", True, True)],
)
async def test_visibility_decides_who_reads_a_chart(
    api_url: str,
    worker_processes: list[Any],
    make_token: Callable[..., str],
    visibility: str,
    same_org_sees: bool,
    other_org_sees: bool,
) -> None:
    async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token(org="acme"))) as owner:
        chart = await make_chart(owner, visibility)
        colleague = await owner.get(f"/api/v1/charts/{chart['id']}", headers=auth(make_token(org="acme")))
        outsider = await owner.get(f"/api/v1/charts/{chart['id']}", headers=auth(make_token(org="globex")))
    assert (colleague.status_code == 200) is same_org_sees
    assert (outsider.status_code == 200) is other_org_sees
    if not same_org_sees:
        assert colleague.status_code == 404


async def test_only_the_owner_deletes_and_deleted_charts_disappear(
    client: httpx.AsyncClient, make_token: Callable[..., str]
) -> None:
    chart = await make_chart(client, "PUBLIC")
    reader = auth(make_token())
    assert (await client.delete(f"/api/v1/charts/{chart['id']}", headers=reader)).status_code == 404
    assert (await client.delete(f"/api/v1/charts/{chart['id']}")).status_code == 204
    assert (await client.get(f"/api/v1/charts/{chart['id']}")).status_code == 404
    assert (await client.get(f"/api/v1/charts/{chart['id']}", headers=reader)).status_code == 404
    listing = (await client.get(f"/api/v1/analytics/charts/by-message/{chart['message_id']}")).json()
    assert listing["charts"] == []
    assert (await client.get(f"/api/v1/sessions/{chart['session_id']}/charts")).json() == []


async def test_session_chart_history_is_newest_first_and_limited(client: httpx.AsyncClient) -> None:
    message = await new_message(client, "life expectancy in Japan since 1990")
    ids = []
    for _ in range(3):
        task = (await client.post(TASKS, json={"message_id": message["id"], "force_create": True})).json()
        ids.append((await wait_for_status(client, task["task_id"]))["chart_id"])
    history = (
        await client.get(f"/api/v1/sessions/{message['session_id']}/charts", params={"limit": 2})
    ).json()
    assert [c["id"] for c in history] == ids[::-1][:2]
    assert (
        await client.get(f"/api/v1/sessions/{message['session_id']}/charts", params={"limit": 0})
    ).status_code == 422
