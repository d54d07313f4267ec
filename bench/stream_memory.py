"""Where an idle event stream's memory goes: `python -m bench.stream_memory [N] [sse|ws]`.

Figure g measures the API process's RSS per idle subscriber. This runs the same API (create_app, uvicorn
with chartq's HTTP protocol, uvloop) inside this process with tracemalloc on, opens N idle SSE streams
(each following its own PENDING task), and prints the Python allocations the streams added, by source
file and by the line that allocated them, next to the RSS the process gained. What tracemalloc does not
see (uvloop's and libuv's own buffers, the allocator's slack) is the difference.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import tempfile
import tracemalloc
from collections import Counter
from pathlib import Path

import uvicorn

from api.app import create_app
from api.http_protocol import GuardedHttpToolsProtocol
from api.ws_protocol import LeanWebSocketProtocol
from bench.stack import Stack, rss_kib
from bench.wire import SseClient, StreamClient, WsClient, close_many, open_many
from bench.workload import NOOP_QUESTION, bench_store, create_tasks, unique
from worker.cli.embedded_redis import free_port

TOP = 20
ROOT = str(Path(__file__).resolve().parent.parent)
PACKAGES = ("uvicorn", "starlette", "fastapi", "anyio", "asyncio", "redis", "pydantic")


def _ignore(_seq: int, _arrival: float, _payload: bytes) -> None:
    pass


def _by(stats: list[tracemalloc.StatisticDiff], n: int) -> list[str]:
    return [
        f"{s.size_diff / n / 1024:8.2f} KiB  {s.count_diff / n:7.1f} blocks  {s.traceback}" for s in stats
    ]


def _by_package(stats: list[tracemalloc.StatisticDiff], n: int) -> list[str]:
    sizes: Counter[str] = Counter()
    for stat in stats:
        path = stat.traceback[-1].filename  # the frame that allocated
        parts = Path(path).parts
        package = next(
            (p for p in ("uvicorn", "starlette", "fastapi", "anyio", "asyncio", "redis") if p in parts), None
        )
        sizes[
            package or ("chartq" if "/work/" in path and "site-packages" not in path else Path(path).name)
        ] += stat.size_diff
    return [f"{size / n / 1024:8.2f} KiB  {name}" for name, size in sizes.most_common(TOP)]


async def measure(n: int, kind: str = "sse") -> None:
    with tempfile.TemporaryDirectory(prefix="chartq-stream-memory-") as folder:
        stack = await Stack(Path(folder)).start()
        os.environ.update(stack.env)
        settings = stack.settings(queue_name=unique("bench:stream-memory"))
        port = free_port()
        config = uvicorn.Config(
            create_app(settings, freeze_after_start=True),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            http=GuardedHttpToolsProtocol,
            ws=LeanWebSocketProtocol,
            loop="none",
            ws_ping_interval=settings.sse_keepalive_seconds,  # as `chartq api` serves WebSockets
            ws_ping_timeout=settings.sse_keepalive_seconds,
        )
        server = uvicorn.Server(config)
        serving = asyncio.create_task(server.serve())
        for _ in range(200):
            if server.started:
                break
            await asyncio.sleep(0.05)
        user = unique("memory")
        token = stack.token(user)
        store = bench_store(stack, settings.queue_name)
        task_ids = await create_tasks(store, user, [NOOP_QUESTION] * (n + 20))

        def sse(task_id: str) -> StreamClient:
            if kind == "ws":
                path = f"/api/v1/analytics/charts/ws/{task_id}?access_token={token}"
                return WsClient("127.0.0.1", port, path, _ignore)
            path = f"/api/v1/analytics/charts/stream/{task_id}?access_token={token}"
            return SseClient("127.0.0.1", port, path, _ignore)

        warm = [sse(t) for t in task_ids[n:]]
        await open_many(warm, "127.0.0.1", port)
        await close_many(warm)
        gc.collect()
        tracemalloc.start(8)
        before, rss_before = tracemalloc.take_snapshot(), rss_kib(os.getpid())
        clients = [sse(t) for t in task_ids[:n]]
        await open_many(clients, "127.0.0.1", port)
        await asyncio.sleep(1.0)
        gc.collect()
        after, rss_after = tracemalloc.take_snapshot(), rss_kib(os.getpid())
        # The clients live in this process too: their allocations are in bench/wire.py, left out below.
        diff = [s for s in after.compare_to(before, "traceback") if "bench/wire.py" not in str(s.traceback)]
        traced = sum(s.size_diff for s in diff)
        print(
            f"{n} idle {kind.upper()} streams: RSS +{(rss_after - rss_before) / n:.1f} KiB each "
            f"(clients included), Python allocations of the server side +{traced / n / 1024:.1f} KiB each"
        )
        print("\nby package (KiB per stream):")
        print("\n".join(_by_package(diff, n)))
        lines = [s for s in after.compare_to(before, "lineno") if "bench/wire.py" not in str(s.traceback)]
        print("\nby line (per stream):")
        print("\n".join(_by(lines[:TOP], n)))
        tracemalloc.stop()
        await close_many(clients)
        server.should_exit = True
        await serving
        await stack.close()


if __name__ == "__main__":
    asyncio.run(
        measure(int(sys.argv[1]) if len(sys.argv) > 1 else 500, sys.argv[2] if len(sys.argv) > 2 else "sse")
    )
