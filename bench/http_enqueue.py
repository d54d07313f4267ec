"""c. HTTP enqueue throughput: POST /api/v1/analytics/charts/async from 32 concurrent keep-alive clients
against one API process (no worker on its queue), vs raw arq `enqueue_job` from one process with 32
concurrent coroutines. Each POST names its own chat message (created beforehand), so every request
does the full work: JWT, message lookup, chart-for-request lookup, the create script, the TaskDTO.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator

import orjson
from arq import create_pool
from arq.connections import RedisSettings

from bench.drain_cost import cpu_seconds
from bench.results import FigureResult, Row, ms, summary
from bench.sizes import Sizes
from bench.stack import Stack
from bench.wire import HttpConnection
from bench.workload import create_messages, unique

FIGURE = "c"
TITLE = "HTTP enqueue throughput (32 concurrent clients, one API process)"
WARMUP_REQUESTS = 200


async def closed_loop(
    clients: int, seconds: float, call: Callable[[int], Awaitable[None]]
) -> tuple[float, list[float]]:
    """`clients` coroutines call back to back for `seconds`; returns (calls/s, per-call latencies)."""
    latencies: list[float] = []
    stop_at = time.perf_counter() + seconds

    async def loop(worker: int) -> None:
        while (start := time.perf_counter()) < stop_at:
            await call(worker)
            latencies.append(time.perf_counter() - start)

    t0 = time.perf_counter()
    await asyncio.gather(*(loop(i) for i in range(clients)))
    return len(latencies) / (time.perf_counter() - t0), latencies


async def chartq_enqueue(stack: Stack, sizes: Sizes) -> tuple[float, list[float], dict[str, int], float]:
    """POSTs per second, their latencies, their status codes, and the API process's CPU ms per POST."""
    user = unique("http")
    queue = unique("bench:http")
    api = await stack.start_api("http-api", {"CHARTQ_QUEUE_NAME": queue})
    message_ids = await create_messages(stack, user, ["average tip by day"] * sizes.http_messages)
    headers = {"Authorization": f"Bearer {stack.token(user)}"}
    connections = [await HttpConnection(api.host, api.port).connect() for _ in range(sizes.http_clients)]
    next_message: Iterator[str] = iter(message_ids)
    codes: dict[str, int] = {}

    async def post(worker: int) -> None:
        try:
            message_id = next(next_message)
        except StopIteration:
            raise RuntimeError("ran out of messages: raise Sizes.http_messages") from None
        body = orjson.dumps({"message_id": message_id})
        status, _ = await connections[worker].request(
            "POST", "/api/v1/analytics/charts/async", body=body, headers=headers
        )
        codes[str(status)] = codes.get(str(status), 0) + 1

    try:
        for i in range(WARMUP_REQUESTS if sizes.http_seconds >= 2 else 10):
            await post(i % sizes.http_clients)
        codes.clear()
        cpu_before = cpu_seconds(api.process.pid)
        rate, latencies = await closed_loop(sizes.http_clients, sizes.http_seconds, post)
        # Steadier than the rate on a shared machine: what one POST costs the API process.
        cpu_ms = (cpu_seconds(api.process.pid) - cpu_before) * 1000 / len(latencies)
    finally:
        for connection in connections:
            await connection.close()
        stack.stop(api.process)
        await stack.r.delete(queue)
    if set(codes) != {"202"}:
        raise RuntimeError(f"POSTs answered {codes}")
    return rate, latencies, codes, cpu_ms


async def arq_enqueue(stack: Stack, sizes: Sizes) -> tuple[float, list[float]]:
    queue = unique("bench:arq-enqueue")
    pool = await create_pool(RedisSettings.from_dsn(stack.redis_url), default_queue_name=queue)

    async def enqueue(_: int) -> None:
        await pool.enqueue_job("noop")

    try:
        await closed_loop(sizes.http_clients, min(1.0, sizes.http_seconds), enqueue)  # warm-up
        return await closed_loop(sizes.http_clients, sizes.http_seconds, enqueue)
    finally:
        await pool.delete(queue)
        await pool.aclose()


async def run(stack: Stack, sizes: Sizes) -> FigureResult:
    result = FigureResult(FIGURE, TITLE)
    chartq_rate, chartq_latencies, codes, cpu_ms = await chartq_enqueue(stack, sizes)
    arq_rate, arq_latencies = await arq_enqueue(stack, sizes)
    result.details = {
        "clients": sizes.http_clients,
        "seconds": sizes.http_seconds,
        "chartq_tasks_per_s": chartq_rate,
        "chartq_latency_ms": summary(ms(chartq_latencies)),
        "chartq_status_codes": codes,
        "api_cpu_ms_per_post": cpu_ms,
        "arq_enqueue_per_s": arq_rate,
        "arq_latency_ms": summary(ms(arq_latencies)),
    }
    result.rows.append(
        Row(
            FIGURE,
            "HTTP enqueue, one API process",
            "tasks/s",
            chartq_rate,
            baseline_name="raw arq enqueue_job, 32 coroutines",
            baseline=arq_rate,
            better="higher",
            target=">= 1,000 tasks/s",
            target_op=">=",
            target_value=1000.0,
            note=f"POST p50 {result.details['chartq_latency_ms']['p50']:.1f} ms, "
            f"p99 {result.details['chartq_latency_ms']['p99']:.1f} ms; API CPU {cpu_ms:.2f} ms per POST",
        )
    )
    return result
