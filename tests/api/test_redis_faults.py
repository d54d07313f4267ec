"""Redis up but unable to serve: out of memory, a read-only replica (a failover), busy with a long script.

Every API request that meets one answers 503 with Retry-After and a JSON {"detail", "code"}, never a
500; /ready answers 503 and names what is wrong until Redis takes writes again. Each test has a Redis of
its own, since it changes that server's configuration.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
import redis.asyncio as aioredis
from redis.exceptions import BusyLoadingError
from redis.exceptions import ConnectionError as RedisConnectionError
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from shared.settings import Settings
from tests.conftest import auth, inprocess_api, new_message, start_api, stop
from worker.cli.embedded_redis import EmbeddedRedis, free_port, redis_server_binary

pytestmark = pytest.mark.db

TASKS = "/api/v1/analytics/charts/async"
# Runs for ARGV[1] ms without writing. Past busy-reply-threshold every other client is answered BUSY.
BUSY_SCRIPT = """
local function now_ms() local t = redis.call('TIME') return t[1] * 1000 + math.floor(t[2] / 1000) end
local start = now_ms()
while now_ms() - start < tonumber(ARGV[1]) do end
return 1
"""


@pytest.fixture
async def own_redis(tmp_path: Path) -> AsyncIterator[tuple[EmbeddedRedis, aioredis.Redis]]:
    """A Redis of this test's own, and an admin client to break and mend it."""
    server = EmbeddedRedis(tmp_path / "redis", port=free_port(), appendonly=False).start()
    admin = aioredis.Redis.from_url(server.url)
    try:
        yield server, admin
    finally:
        await admin.aclose()
        server.stop()


def refused_with(response: httpx.Response, code: str) -> None:
    assert response.status_code == 503, response.text
    assert response.json()["code"] == code and response.json()["detail"]
    assert int(response.headers["Retry-After"]) > 0


async def assert_ready(http: httpx.AsyncClient) -> None:
    ready = await http.get("/ready")
    assert ready.status_code == 200, ready.text
    assert ready.json()["redis"] == "ok"


async def test_out_of_memory_answers_503_and_ready_says_so_until_memory_is_freed(
    own_redis: tuple[EmbeddedRedis, aioredis.Redis],
    isolated_settings: Settings,
    make_token: Callable[..., str],
) -> None:
    server, admin = own_redis
    settings = isolated_settings.model_copy(update={"redis_url": server.url})
    async with inprocess_api(settings, make_token()) as http:
        await assert_ready(http)
        message = await new_message(http, "average tip by day")
        await admin.config_set("maxmemory-policy", "noeviction")
        await admin.config_set("maxmemory", 1)

        refused_with(await http.post(TASKS, json={"message_id": message["id"]}), "redis_out_of_memory")
        ready = await http.get("/ready")
        refused_with(ready, "not_ready")
        assert ready.json()["redis"].startswith("out_of_memory"), ready.json()
        assert ready.json()["database"] == "ok"
        assert "memory" in ready.json()["detail"]
        assert (await http.get("/health")).status_code == 200  # liveness only: nothing to restart

        await admin.config_set("maxmemory", 0)
        await assert_ready(http)
        assert (await http.post(TASKS, json={"message_id": message["id"]})).status_code == 202


async def test_a_read_only_redis_answers_503_and_ready_says_so_until_it_is_primary_again(
    own_redis: tuple[EmbeddedRedis, aioredis.Redis],
    isolated_settings: Settings,
    make_token: Callable[..., str],
) -> None:
    server, admin = own_redis
    settings = isolated_settings.model_copy(update={"redis_url": server.url})
    async with inprocess_api(settings, make_token()) as http:
        first, second = [await new_message(http, "average tip by day") for _ in range(2)]
        accepted = await http.post(TASKS, json={"message_id": first["id"]})
        assert accepted.status_code == 202
        task_id = accepted.json()["task_id"]
        # What a failover does to the old primary: it becomes a replica (here of a server that is not
        # there, so it keeps its data and refuses every write).
        await admin.replicaof("127.0.0.1", free_port())

        refused_with(await http.post(TASKS, json={"message_id": second["id"]}), "redis_read_only")
        refused_with(await http.delete(f"{TASKS}/{task_id}"), "redis_read_only")
        status = await http.get(f"{TASKS}/{task_id}/status")  # reads still work
        assert status.status_code == 200 and status.json()["status"] == "PENDING"
        ready = await http.get("/ready")
        refused_with(ready, "not_ready")
        assert ready.json()["redis"].startswith("read_only"), ready.json()

        await admin.replicaof("NO", "ONE")
        await assert_ready(http)
        assert (await http.post(TASKS, json={"message_id": second["id"]})).status_code == 202
        assert (await http.delete(f"{TASKS}/{task_id}")).json()["status"] == "CANCELLED"


def restart_slowly(server: EmbeddedRedis) -> subprocess.Popen[bytes]:
    """`server`'s redis-server again, on its data, taking 20 ms a key to load it."""
    return subprocess.Popen(
        [
            *(redis_server_binary(), "--port", str(server.port), "--bind", "127.0.0.1"),
            *("--dir", str(server.data_dir), "--appendonly", "no", "--save", ""),
            *("--key-load-delay", "20000", "--loading-process-events-interval-bytes", "1024"),
            *("--logfile", str(server.data_dir / "loading.log")),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def test_a_redis_loading_its_data_answers_503_until_it_is_done(
    own_redis: tuple[EmbeddedRedis, aioredis.Redis],
    isolated_settings: Settings,
    make_token: Callable[..., str],
) -> None:
    """A restarted Redis answers LOADING until its data set is in memory; key-load-delay (a Redis test
    setting) makes 20 MB take 4 s."""
    server, admin = own_redis
    settings = isolated_settings.model_copy(update={"redis_url": server.url})
    async with admin.pipeline(transaction=False) as pipe:
        for i in range(200):
            pipe.set(f"ballast:{i}", b"x" * 100_000)
        await pipe.execute()
    await admin.save()
    loading: subprocess.Popen[bytes] | None = None
    try:
        async with inprocess_api(settings, make_token()) as http:
            message = await new_message(http, "average tip by day")
            server.stop()
            loading = restart_slowly(server)
            deadline = time.monotonic() + 10
            while True:  # until it listens, and is still loading
                try:
                    await admin.ping()
                except BusyLoadingError:
                    break
                except RedisConnectionError:
                    assert time.monotonic() < deadline, "redis-server did not start"
                    await asyncio.sleep(0.02)
                else:
                    pytest.fail("Redis loaded its data before the test could look")
            refused_with(await http.post(TASKS, json={"message_id": message["id"]}), "redis_unavailable")
            ready = await http.get("/ready")
            refused_with(ready, "not_ready")
            assert ready.json()["redis"].startswith("unavailable"), ready.json()
            while (await http.get("/ready")).status_code != 200:
                assert time.monotonic() < deadline + 20, "Redis never finished loading"
                await asyncio.sleep(0.1)
            assert (await http.post(TASKS, json={"message_id": message["id"]})).status_code == 202
    finally:
        if loading is not None:
            loading.terminate()
            loading.wait(timeout=10)


async def test_a_busy_redis_answers_503_on_requests_streams_and_websockets(
    own_redis: tuple[EmbeddedRedis, aioredis.Redis],
    base_env: dict[str, str],
    data_dir: Path,
    make_token: Callable[..., str],
) -> None:
    """A script that runs too long makes Redis answer BUSY to everyone, reads included: a real API
    process (the WebSocket needs one) answers 503 everywhere, including the streams' setup."""
    server, admin = own_redis
    token = make_token()
    env = base_env | {"CHARTQ_REDIS_URL": server.url, "CHARTQ_QUEUE_NAME": "arq:queue:busy"}
    api_url, api = start_api(env, data_dir / f"busy-api-{server.port}.log")
    try:
        async with httpx.AsyncClient(base_url=api_url, headers=auth(token), timeout=30) as http:
            message = await new_message(http, "average tip by day")
            task_id = (await http.post(TASKS, json={"message_id": message["id"]})).json()["task_id"]
            await admin.config_set("lua-time-limit", 100)
            busy = asyncio.create_task(admin.eval(BUSY_SCRIPT, 0, "4000"))
            try:
                await asyncio.sleep(0.5)
                refused_with(await http.get(f"{TASKS}/{task_id}/status"), "redis_unavailable")
                refused_with(await http.post(TASKS, json={"message_id": message["id"]}), "redis_unavailable")
                stream = f"/api/v1/analytics/charts/stream/{task_id}?access_token={token}"
                refused_with(await http.get(stream), "redis_unavailable")
                ws = api_url.replace("http://", "ws://") + f"/api/v1/analytics/charts/ws/{task_id}"
                with pytest.raises(InvalidStatus) as denied:
                    async with connect(f"{ws}?access_token={token}"):
                        pass
                assert denied.value.response.status_code == 503
                ready = await http.get("/ready")
                refused_with(ready, "not_ready")
                assert ready.json()["redis"].startswith("unavailable"), ready.json()
            finally:
                await busy
            await assert_ready(http)
            assert (await http.get(f"{TASKS}/{task_id}/status")).json()["status"] == "PENDING"
    finally:
        stop([api])


@pytest.mark.parametrize("fault", ["out_of_memory", "read_only"])
async def test_operators_still_see_the_queue_while_redis_refuses_writes(
    own_redis: tuple[EmbeddedRedis, aioredis.Redis],
    base_env: dict[str, str],
    data_dir: Path,
    make_token: Callable[..., str],
    fault: str,
) -> None:
    """The queue statistics, their live stream and /metrics only read: a Redis memory incident or a
    failover must not blind the dashboard and the autoscaler (KEDA scales on these numbers) exactly when
    they matter. A real API process, for the stream."""
    server, admin = own_redis
    env = base_env | {"CHARTQ_REDIS_URL": server.url, "CHARTQ_QUEUE_NAME": f"arq:queue:{fault}"}
    api_url, api = start_api(env, data_dir / f"{fault}-api-{server.port}.log")
    headers = auth(make_token(roles=["operator"]))
    try:
        async with httpx.AsyncClient(base_url=api_url, headers=headers, timeout=30) as http:
            message = await new_message(http, "average tip by day")
            assert (await http.post(TASKS, json={"message_id": message["id"]})).status_code == 202
            async with http.stream("GET", "/api/v1/analytics/queue/stats/stream?interval=0.2") as live:
                frames = data_lines(live)
                await anext(frames)
                await break_writes(admin, fault)
                try:
                    stats = await http.get("/api/v1/analytics/queue/stats")
                    metrics = await http.get("/metrics")
                    # The dashboard's live view goes on: frames written after the fault.
                    for _ in range(3):
                        frame = await asyncio.wait_for(anext(frames), 10)
                finally:
                    await admin.config_set("maxmemory", 0)
                    await admin.replicaof("NO", "ONE")
    finally:
        stop([api])
    assert '"queued_total":1' in frame, frame
    assert stats.status_code == 200, stats.text
    assert stats.json()["queued"]["normal"] == 1, stats.json()
    assert metrics.status_code == 200, metrics.text
    assert "chartq_queue_depth" in metrics.text


async def break_writes(admin: aioredis.Redis, fault: str) -> None:
    if fault == "out_of_memory":
        await admin.config_set("maxmemory-policy", "noeviction")
        await admin.config_set("maxmemory", 1)
    else:  # what a failover does to the old primary
        await admin.replicaof("127.0.0.1", free_port())


async def data_lines(response: httpx.Response) -> AsyncIterator[str]:
    """The data lines of a server-sent event stream."""
    async for line in response.aiter_lines():
        if line.startswith("data: "):
            yield line
