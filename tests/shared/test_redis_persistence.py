"""Each API and worker process says at start when its Redis keeps nothing on disk (a restart would lose
every queued task): told apart by what the server itself reports, with real servers."""

from __future__ import annotations

from pathlib import Path

import redis.asyncio as aioredis
from structlog.testing import capture_logs

from shared.redis_persistence import VOLATILE, volatile, warn_if_volatile
from worker.cli.embedded_redis import EmbeddedRedis, free_port


async def test_a_redis_keeping_nothing_on_disk_is_reported_and_a_durable_one_is_not(tmp_path: Path) -> None:
    server = EmbeddedRedis(tmp_path / "redis", port=free_port(), appendonly=False).start()
    client = aioredis.Redis.from_url(server.url)
    try:
        with capture_logs() as logs:
            await warn_if_volatile(client)
        assert [entry["event"] for entry in logs] == [VOLATILE]
        await client.config_set("save", "3600 1")  # snapshots
        assert await volatile(client) is False
        await client.config_set("save", "")
        await client.config_set("appendonly", "yes")  # the append-only file make run uses
        assert await volatile(client) is False
    finally:
        await client.aclose()
        server.stop()
