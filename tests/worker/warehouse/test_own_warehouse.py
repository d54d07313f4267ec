"""chartq on a user's own warehouse, the whole way: `chartq semantic init` drafts a model, the user
edits it, `chartq semantic check` passes it, and a real worker and API chart a question from it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest

from shared.settings import Settings
from tests.conftest import inprocess_api, inprocess_worker, new_message, wait_for_status
from tests.warehouse_fixtures import (
    REGIONS,
    create_postgres_sales,
    create_sqlite_sales,
    drop_postgres_table,
    revenue_by_region,
)
from tests.worker.cli.test_app import chartq

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
MEANING = "Revenue is what customers paid for an order, before tax"


def draft_and_edit(url: str, out: Path, *tables: str) -> None:
    """What a user does: draft, fill in the TODOs that matter, check."""
    only = ["--tables", ",".join(tables)] if tables else []
    drafted = chartq("semantic", "init", "--url", url, "--out", str(out), *only)
    assert drafted.returncode == 0, drafted.stderr
    text = out.read_text()
    revenue = text.index("label: Revenue")
    text = text[:revenue] + text[revenue:].replace(
        "unit:  # TODO: e.g. US$, people, kg; leave empty for a plain count", "unit: US$", 1
    ).replace("'TODO: what revenue means, in one sentence'", MEANING, 1)
    out.write_text(text)
    checked = chartq("semantic", "check", "--model", str(out), "--url", url)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "revenue (sum, US$)" in checked.stdout and "4 rows" in checked.stdout


async def chart_from(settings: Settings, token: str, question: str) -> dict[str, Any]:
    async with inprocess_api(settings, token) as http:
        message = await new_message(http, question)
        task = (await http.post(TASKS, json={"message_id": message["id"]})).json()
        worker = inprocess_worker(settings, burst=True)
        try:
            await worker.async_run()
        finally:
            await worker.close()
        done = await wait_for_status(http, task["task_id"])
        assert done["status"] == "COMPLETED", done
        return dict((await http.get(f"{TASKS}/{task['task_id']}/result")).json())


def assert_revenue_by_region(chart: dict[str, Any], table: str) -> None:
    assert chart["title"] == "Total revenue by region"
    assert f"FROM {table}" in chart["sql"] and "sum(" in chart["sql"].lower()
    (trace,) = chart["figure"]["data"]
    expected = revenue_by_region()
    assert set(trace["x"]) == set(REGIONS)
    assert trace["y"] == pytest.approx([expected[region] for region in trace["x"]])
    assert trace["y"] == sorted(trace["y"], reverse=True)
    assert "US$" in chart["figure"]["layout"]["yaxis"]["title"]["text"]
    assert MEANING.lower() in chart["interpretation"].lower()
    assert chart["data_as_of"] == "2024-03-31"


async def test_a_drafted_model_of_an_sqlite_warehouse_charts_questions(
    isolated_settings: Settings, make_token: Callable[..., str], tmp_path: Path
) -> None:
    database, model = tmp_path / "shop.db", tmp_path / "shop.yaml"
    create_sqlite_sales(database)
    url = f"sqlite:///{database}"
    draft_and_edit(url, model)

    settings = isolated_settings.model_copy(update={"warehouse_url": url, "semantic_model_path": model})
    chart = await chart_from(settings, make_token(), "revenue by region")
    assert_revenue_by_region(chart, "sales")
    # The default sample warehouse was neither built nor read.
    assert "gapminder" not in chart["sql"]


async def test_a_drafted_model_of_a_postgres_warehouse_charts_questions(
    isolated_settings: Settings,
    make_token: Callable[..., str],
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    # CI's PostgreSQL pass names its database; otherwise the test starts a cluster of its own.
    url = os.environ.get("CHARTQ_TEST_WAREHOUSE_PG_URL") or request.getfixturevalue("postgres").url
    table = f"sales_{uuid4().hex[:8]}"
    await create_postgres_sales(url, table)
    try:
        model = tmp_path / "shop.yaml"
        draft_and_edit(url, model, table)
        settings = isolated_settings.model_copy(update={"warehouse_url": url, "semantic_model_path": model})
        chart = await chart_from(settings, make_token(), "revenue by region")
        assert_revenue_by_region(chart, table)
        # A DATE column compared with the dates a question names (PostgreSQL refuses text for them).
        march = await chart_from(settings, make_token(), "revenue by region since 2024-03-01")
        assert march["time_range"]["start"] == "2024-03-01"
        assert sum(march["figure"]["data"][0]["y"]) < sum(chart["figure"]["data"][0]["y"])
    finally:
        await drop_postgres_table(url, table)
