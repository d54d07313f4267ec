"""Real parts only: a redis-server per test session on a free port, a migrated SQL database (SQLite, or
PostgreSQL when CHARTQ_TEST_DATABASE_URL is set), and real API and worker processes."""

from __future__ import annotations

import asyncio
import gc
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest
import redis.asyncio as aioredis
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from api.app import create_app
from shared import keys
from shared.auth import create_token
from shared.db.engine import create_engine, upgrade
from shared.redis import create_redis
from shared.settings import Settings
from tests.postgres_server import PrivatePostgres
from worker.cli.embedded_redis import EmbeddedRedis, free_port
from worker.main import worker_options
from worker.runtime.arq_worker import ResilientWorker
from worker.warehouse.sample import build_sample_warehouse

ROOT = Path(__file__).resolve().parent.parent
TERMINAL = {"COMPLETED", "FAILED", "CANCELLED"}
PROCESS_START_TIMEOUT_S = 60.0


@pytest.fixture(autouse=True)
def collect_leaks() -> Iterator[None]:
    """Collect garbage after every test, so an unclosed connection or socket fails the test that
    leaked it instead of whichever later test the garbage collector happens to run in."""
    yield
    gc.collect()


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chartq-data")


@pytest.fixture(scope="session")
def redis_server(data_dir: Path) -> Iterator[EmbeddedRedis]:
    server = EmbeddedRedis(data_dir / "redis", port=free_port(), appendonly=False).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def database_url(data_dir: Path, worker_id: str) -> Iterator[str]:
    """SQLite in this session's folder, or (CHARTQ_TEST_DATABASE_URL) a PostgreSQL database of this
    pytest-xdist worker's own, made from the given one and dropped at the end."""
    shared_url = os.environ.get("CHARTQ_TEST_DATABASE_URL")
    if not shared_url:
        url = f"sqlite+aiosqlite:///{data_dir / 'chartq.db'}"
    elif worker_id == "master":
        url = shared_url
    else:
        url = asyncio.run(_own_postgres_database(shared_url, worker_id))

    async def migrate() -> None:
        engine = create_engine(url)
        await upgrade(engine)
        await engine.dispose()

    asyncio.run(migrate())
    yield url
    if url != shared_url and shared_url:
        asyncio.run(_drop_postgres_database(shared_url, url))


async def _admin(shared_url: str, statement: str) -> None:
    engine = create_async_engine(shared_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(sa.text(statement))
    finally:
        await engine.dispose()


async def _own_postgres_database(shared_url: str, worker_id: str) -> str:
    url = sa.engine.make_url(shared_url)
    name = f"{url.database}_{worker_id}"
    await _admin(shared_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await _admin(shared_url, f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)


async def _drop_postgres_database(shared_url: str, url: str) -> None:
    name = sa.engine.make_url(url).database
    await _admin(shared_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def jwt_secret() -> str:
    return secrets.token_urlsafe(48)


@pytest.fixture(scope="session")
def base_env(
    redis_server: EmbeddedRedis, database_url: str, data_dir: Path, jwt_secret: str
) -> dict[str, str]:
    warehouse = data_dir / "warehouse.db"
    build_sample_warehouse(warehouse)
    return {
        "CHARTQ_ENV": "prod",
        "CHARTQ_REDIS_URL": redis_server.url,
        "CHARTQ_DATABASE_URL": database_url,
        "CHARTQ_WAREHOUSE_URL": f"sqlite:///{warehouse}",
        "CHARTQ_DATA_DIR": str(data_dir),
        "CHARTQ_JWT_SECRET": jwt_secret,
        "CHARTQ_MAX_ACTIVE_TASKS_PER_USER": "1000",
        # Tests post hundreds of writes a minute as one user; the limit itself is tested on its own API.
        "CHARTQ_WRITES_PER_MINUTE": "100000",
        "CHARTQ_LOG_LEVEL": "WARNING",
    }


@pytest.fixture(scope="session")
def settings(base_env: dict[str, str]) -> Settings:
    return Settings(**{key.removeprefix("CHARTQ_").lower(): value for key, value in base_env.items()})


def spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as handle:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "worker.cli", *args],
            env={**os.environ, **env},
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_api(env: dict[str, str], log: Path) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    process = spawn(["api", "--port", str(port)], env, log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + PROCESS_START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        try:
            if httpx.get(f"{url}/ready", timeout=1).status_code == 200:
                return url, process
        except httpx.HTTPError:
            time.sleep(0.1)
    stop([process])
    raise RuntimeError("API did not start: " + log.read_text())


@pytest.fixture(scope="session")
def api_url(base_env: dict[str, str], data_dir: Path) -> Iterator[str]:
    url, process = start_api(base_env, data_dir / "api.log")
    yield url
    stop([process])


@pytest.fixture(scope="session")
def slow_stack(base_env: dict[str, str], data_dir: Path) -> Iterator[str]:
    """An API and one worker of their own queue, in slow motion (0.3 s a step, keep-alive every 0.3 s),
    so tests can connect while a task is half done. Yields the API's URL."""
    env = base_env | {
        "CHARTQ_QUEUE_NAME": "arq:queue:slow",
        "CHARTQ_STEP_DELAY_SECONDS": "0.3",
        "CHARTQ_SSE_KEEPALIVE_SECONDS": "0.3",
    }
    url, api = start_api(env, data_dir / "slow-api.log")
    worker = spawn(["worker"], env, data_dir / "slow-worker.log")
    yield url
    stop([api, worker])


@pytest.fixture(scope="session")
def worker_processes(base_env: dict[str, str], data_dir: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    processes = [spawn(["worker"], base_env, data_dir / f"worker-{i}.log") for i in range(2)]
    yield processes
    stop(processes)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def make_token(jwt_secret: str) -> Callable[..., str]:
    def make(user: str | None = None, org: str = "", roles: list[str] | None = None) -> str:
        return create_token(jwt_secret, user or f"user-{uuid4().hex[:8]}", org=org, roles=roles)

    return make


@pytest.fixture
async def client(
    api_url: str, worker_processes: list[Any], make_token: Callable[..., str]
) -> AsyncIterator[httpx.AsyncClient]:
    """A fresh user talking to the real API server, with the two real workers running."""
    async with httpx.AsyncClient(base_url=api_url, headers=auth(make_token()), timeout=30) as http:
        yield http


@pytest.fixture
async def redis_client(redis_server: EmbeddedRedis) -> AsyncIterator[aioredis.Redis]:
    client = aioredis.from_url(redis_server.url)
    yield client
    await client.aclose()


@pytest.fixture
def isolated_settings(settings: Settings) -> Settings:
    """Settings with a queue of its own that no worker process consumes (tests start workers on it)."""
    return settings.model_copy(update={"queue_name": f"arq:queue:test-{uuid4().hex[:8]}"})


@asynccontextmanager
async def inprocess_api(settings: Settings, token: str) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://chartq", headers=auth(token)
        ) as http:
            yield http


def inprocess_worker(settings: Settings, *, concurrency: int = 4, burst: bool = False) -> ResilientWorker:
    options = worker_options(settings, concurrency)
    return ResilientWorker(
        redis_pool=create_redis(settings.redis_url),
        burst=burst,
        handle_signals=False,
        wake_key=keys.wake(settings.queue_name),
        **options,
    )


async def new_message(http: httpx.AsyncClient, content: str) -> dict[str, Any]:
    session = (await http.post("/api/v1/sessions", json={"title": "test"})).json()
    response = await http.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": content})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def wait_for_status(
    http: httpx.AsyncClient, task_id: str, statuses: set[str] = TERMINAL, within: float = 30.0
) -> dict[str, Any]:
    deadline = time.monotonic() + within
    while True:
        task = (await http.get(f"/api/v1/analytics/charts/async/{task_id}/status")).json()
        if task["status"] in statuses or time.monotonic() > deadline:
            return dict(task)
        await asyncio.sleep(0.02)


async def until_logged(log: Path, text: str, process: subprocess.Popen[bytes], within: float = 60.0) -> None:
    """Waits until `process` writes `text` to `log`; fails at once, with the log, if it exits first."""
    deadline = time.monotonic() + within
    while text not in (written := await asyncio.to_thread(log.read_text, errors="replace")):
        assert process.poll() is None, written
        assert time.monotonic() < deadline, f"never logged {text!r}"
        await asyncio.sleep(0.1)


@pytest.fixture
def postgres() -> Iterator[PrivatePostgres]:
    # Not under pytest's tmp_path: that is private to root, and the server runs as postgres.
    root = Path(tempfile.mkdtemp(prefix="chartq-pg-"))
    server = PrivatePostgres(root)
    server.start()
    yield server
    if (server.data / "postmaster.pid").exists():
        server.stop()
    shutil.rmtree(root, ignore_errors=True)
