"""g. Memory per idle subscriber, and the stats endpoint's latency with 100k queued tasks.

Memory: the API process's RSS before and after N idle SSE subscribers, then N idle WebSocket
subscribers (each following its own PENDING task, all connections kept open, so freed memory is
never reused between steps), divided by N. Baseline: N idle keep-alive HTTP connections (each made
one GET /health), taken first on the same process.

Stats: GET /api/v1/analytics/queue/stats with an operator token, one request at a time; baseline the
same endpoint on the same (empty) queue before 100k tasks are ZADDed straight into it (as
tests/shared/stats/test_store.py does), so the ratio shows what queue size costs.
"""

from __future__ import annotations

import asyncio
import gc
import time

from bench.results import FigureResult, Row, ms, summary
from bench.sizes import Sizes
from bench.stack import Stack, rss_kib
from bench.wire import HttpConnection, SseClient, StreamClient, WsClient, close_many, open_many
from bench.workload import NOOP_QUESTION, bench_store, create_tasks, unique
from shared.auth import OPERATOR_ROLE
from shared.fairness import band_base
from shared.models import Priority

FIGURE = "g"
TITLE = "memory per idle subscriber; stats latency at 100k queued"
SETTLE_S = 1.0


async def settled_rss(pid: int) -> int:
    await asyncio.sleep(SETTLE_S)
    gc.collect()
    return rss_kib(pid)


def _ignore(_seq: int, _arrival: float, _payload: bytes) -> None:
    pass


async def memory(stack: Stack, sizes: Sizes) -> dict[str, float]:
    n = sizes.memory_subscribers
    user = unique("memory")
    token = stack.token(user)
    api = await stack.start_api("memory-api", {"CHARTQ_QUEUE_NAME": unique("bench:memory-api")})
    store = bench_store(stack, unique("bench:memory"))
    task_ids = await create_tasks(store, user, [NOOP_QUESTION] * (2 * n + 10))
    host, port, pid = api.host, api.port, api.process.pid
    held: list[StreamClient] = []
    plain: list[HttpConnection] = []

    def sse(task_id: str) -> StreamClient:
        return SseClient(
            host, port, f"/api/v1/analytics/charts/stream/{task_id}?access_token={token}", _ignore
        )

    def ws(task_id: str) -> StreamClient:
        return WsClient(host, port, f"/api/v1/analytics/charts/ws/{task_id}?access_token={token}", _ignore)

    try:
        # Warm-up: the first streams of each kind load code and fill caches; they are not counted.
        warm = [sse(t) for t in task_ids[-10:-5]] + [ws(t) for t in task_ids[-5:]]
        await open_many(warm, host, port)
        await close_many(warm)
        for _ in range(3):
            connection = await HttpConnection(host, port).connect()
            await connection.request("GET", "/health")
            await connection.close()

        before = await settled_rss(pid)
        for _ in range(n):
            connection = await HttpConnection(host, port).connect()
            status, _ = await connection.request("GET", "/health")
            if status != 200:
                raise RuntimeError(f"/health answered {status}")
            plain.append(connection)
        after_plain = await settled_rss(pid)

        sse_clients = [sse(t) for t in task_ids[:n]]
        held += sse_clients
        await open_many(sse_clients, host, port)
        after_sse = await settled_rss(pid)

        ws_clients = [ws(t) for t in task_ids[n : 2 * n]]
        held += ws_clients
        await open_many(ws_clients, host, port)
        after_ws = await settled_rss(pid)
    finally:
        await close_many(held)
        for connection in plain:
            await connection.close()
        stack.stop(api.process)
        await stack.r.delete(store.settings.queue_name)
    return {
        "subscribers": n,
        "rss_before_kib": before,
        "plain_kib_each": (after_plain - before) / n,
        "sse_kib_each": (after_sse - after_plain) / n,
        "ws_kib_each": (after_ws - after_sse) / n,
        "rss_after_kib": after_ws,
    }


async def stats_latency(stack: Stack, sizes: Sizes) -> dict[str, dict[str, float]]:
    queue = unique("bench:stats")
    api = await stack.start_api("stats-api", {"CHARTQ_QUEUE_NAME": queue})
    headers = {"Authorization": f"Bearer {stack.token(unique('operator'), roles=[OPERATOR_ROLE])}"}
    http = await HttpConnection(api.host, api.port).connect()

    async def sample(count: int) -> list[float]:
        latencies: list[float] = []
        for i in range(count + 10):
            t0 = time.perf_counter()
            status, body = await http.request("GET", "/api/v1/analytics/queue/stats", headers=headers)
            elapsed = time.perf_counter() - t0
            if status != 200:
                raise RuntimeError(f"stats answered {status}: {body[:200]!r}")
            if i >= 10:
                latencies.append(elapsed)
            await asyncio.sleep(0.002)
        return latencies

    try:
        empty = await sample(sizes.stats_samples)
        await fill_queue(stack, queue, sizes.stats_queued)
        full = await sample(sizes.stats_samples)
        depth = await stack.r.zcard(queue)
    finally:
        await http.close()
        stack.stop(api.process)
        await stack.r.delete(queue)
    if depth != sizes.stats_queued:
        raise RuntimeError(f"the queue held {depth} tasks, not {sizes.stats_queued}")
    return {"empty_ms": summary(ms(empty)), "queued_ms": summary(ms(full))}


async def fill_queue(stack: Stack, queue: str, count: int) -> None:
    """`count` queued tasks in three priority bands, written straight into arq's sorted set."""
    shares = {Priority.HIGH: 0.2, Priority.NORMAL: 0.5, Priority.LOW: 0.3}
    async with stack.r.pipeline(transaction=False) as pipe:
        made = 0
        for priority, share in shares.items():
            n = count - made if priority == Priority.LOW else int(count * share)
            for start in range(0, n, 10_000):
                members = {
                    f"{priority.value}-{i}": band_base(priority) + i
                    for i in range(start, min(n, start + 10_000))
                }
                pipe.zadd(queue, members)
            made += n
        await pipe.execute()


async def run(stack: Stack, sizes: Sizes) -> FigureResult:
    result = FigureResult(FIGURE, TITLE)
    mem = await memory(stack, sizes)
    stats = await stats_latency(stack, sizes)
    result.details = {"memory": mem, "stats": stats, "stats_queued": sizes.stats_queued}
    n = sizes.memory_subscribers
    for kind, label in (("sse", "SSE"), ("ws", "WebSocket")):
        result.rows.append(
            Row(
                FIGURE,
                f"memory per idle {label} subscriber",
                "KiB",
                mem[f"{kind}_kib_each"],
                baseline_name="idle keep-alive HTTP connection",
                baseline=mem["plain_kib_each"],
                target="<= 20 KiB",  # issue 14: 10,000 idle connections at 20 KiB each
                target_op="<=",
                target_value=20.0,
                note=f"API RSS delta over {n} subscribers",
            )
        )
    for stat in ("p50", "p99"):
        result.rows.append(
            Row(
                FIGURE,
                f"stats {stat}, {sizes.stats_queued:,} queued",
                "ms",
                stats["queued_ms"][stat],
                baseline_name=f"same endpoint {stat}, empty queue",
                baseline=stats["empty_ms"][stat],
                target="<= 20 ms" if stat == "p99" else "",
                target_op="<=" if stat == "p99" else "",
                target_value=20.0 if stat == "p99" else None,
                note=f"{stats['queued_ms']['n']} requests, one at a time",
            )
        )
    return result
