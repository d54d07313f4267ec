"""What a worker process opens at start (worker.runtime.context): a warehouse that cannot be reached yet is
waited for, as Redis is, instead of ending the process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from tests.conftest import auth, new_message, spawn, start_api, stop, until_logged, wait_for_status
from tests.postgres_server import PrivatePostgres
from tests.warehouse_fixtures import REGIONS, create_postgres_sales, revenue_by_region

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
MODEL = """\
datasets:
  - name: sales
    table: {table}
    description: A shop's orders.
    measures:
      - name: revenue
        column: revenue
        agg: sum
        additive: true
        label: Revenue
        description: What customers paid for an order.
    dimensions:
      - name: region
        column: region
        label: Region
"""


async def test_a_worker_started_before_its_warehouse_waits_for_it_and_then_charts(
    postgres: PrivatePostgres, base_env: dict[str, str], tmp_path: Path, make_token: Callable[..., str]
) -> None:
    table = f"sales_{uuid4().hex[:8]}"
    await create_postgres_sales(postgres.url, table)
    model = tmp_path / "shop.yaml"
    model.write_text(MODEL.format(table=table))
    postgres.stop()
    env = base_env | {
        "CHARTQ_WAREHOUSE_URL": postgres.url,
        "CHARTQ_SEMANTIC_MODEL_PATH": str(model),
        "CHARTQ_QUEUE_NAME": f"arq:queue:warehouse-{table}",
    }
    worker_log = tmp_path / "worker.log"
    worker = spawn(["worker"], env, worker_log)
    processes = [worker]
    try:
        await until_logged(worker_log, "the warehouse cannot be reached", worker)
        postgres.start()
        api_url, api = start_api(env, tmp_path / "api.log")
        processes.append(api)
        async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=30) as http:
            message = await new_message(http, "revenue by region")
            task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
            final = await wait_for_status(http, task_id, within=90)
            assert final["status"] == "COMPLETED", (final, worker_log.read_text(errors="replace"))
            chart = (await http.get(f"{TASKS}/{task_id}/result")).json()
        (trace,) = chart["figure"]["data"]
        assert set(trace["x"]) == set(REGIONS)
        expected = revenue_by_region()
        assert trace["y"] == pytest.approx([expected[region] for region in trace["x"]])
        assert worker.poll() is None
    finally:
        stop(processes)
