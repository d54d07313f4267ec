"""`chartq up`: embedded Redis, migrated database, sample warehouse, the API and N workers, supervised.

This module prepares what the processes need, starts them and prints how to use them; the supervisor
(worker/cli/supervisor.py) restarts any that dies. Ctrl-C (or SIGTERM) stops the API, then the workers
(they drain), then Redis.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import time

import httpx

from shared.auth import OPERATOR_ROLE, mint_token
from shared.db.engine import create_engine, upgrade
from shared.redis_url import redact
from shared.settings import Settings
from worker.cli.embedded_redis import EmbeddedRedis
from worker.cli.errors import CliError
from worker.cli.supervisor import ChildSpec, Supervisor, say

READY_TIMEOUT_S = 60.0
SAMPLE_QUESTION = "life expectancy in Mexico and Canada since 1980"
SAMPLE_SESSION_TITLE = "Getting started"
# The order children are stopped in: no new requests first, then the workers drain, Redis last.
API_STAGE, WORKER_STAGE, REDIS_STAGE = 0, 1, 2
# `chartq api` gives open streams 5 s after SIGTERM; workers get their drain and this much more.
API_STOP_S = 10.0
WORKER_STOP_MARGIN_S = 10.0


class Launcher:
    def __init__(self, settings: Settings, workers: int | None, api_workers: int | None = None) -> None:
        self.settings = settings
        self.workers = workers or settings.workers
        self.api_workers = api_workers or settings.api_workers
        self.supervisor = Supervisor()

    def run(self) -> int:
        self.supervisor.catch_signals()
        try:
            env = self._prepare()
            self._spawn(env)
            self._announce(env)
            self.supervisor.run()
        except KeyboardInterrupt:
            return 0
        finally:
            self.supervisor.stop()

    def _prepare(self) -> dict[str, str]:
        host, port = self.settings.host, self.settings.port
        if not _port_is_free(host, port):
            raise CliError(f"port {port} on {host} is in use: stop what holds it, or set CHARTQ_PORT")
        # Unbuffered, so a child's last lines reach the supervisor before it dies.
        env = dict(os.environ) | {"PYTHONUNBUFFERED": "1"}
        # A Redis of the operator's (a redis+sentinel:// URL too) is used as it is: no embedded one.
        if "CHARTQ_REDIS_URL" not in os.environ:
            env["CHARTQ_REDIS_URL"] = self._start_redis()
            self.settings = self.settings.model_copy(update={"redis_url": env["CHARTQ_REDIS_URL"]})
        self.settings.signing_secret()  # creates the dev secret once, before the children race for it
        asyncio.run(_migrate(self.settings.database_url))
        from worker.runtime.context import ensure_sample_warehouse

        ensure_sample_warehouse(self.settings)
        return env

    def _start_redis(self) -> str:
        """Redis on a Unix socket in the data dir; restarted on the same data (AOF) and socket if it dies."""
        redis = EmbeddedRedis.of_data_dir(self.settings.data_dir)
        redis.data_dir.mkdir(parents=True, exist_ok=True)
        spec = ChildSpec("redis", redis.command(), stage=REDIS_STAGE, log_file=redis.log_path)
        child = self.supervisor.start(spec)
        assert child.process is not None
        redis.wait_ready(child.process)
        return redis.url

    def _spawn(self, env: dict[str, str]) -> None:
        chartq = [sys.executable, "-m", "worker.cli"]
        # Several API processes share the port through SO_REUSEPORT, each restarted on its own.
        api = [*chartq, "api", "--reuse-port"] if self.api_workers > 1 else [*chartq, "api"]
        for n in range(1, self.api_workers + 1):
            self.supervisor.start(ChildSpec(f"api-{n}", api, env, API_STAGE, API_STOP_S))
        worker_stop_s = self.settings.worker_drain_seconds + WORKER_STOP_MARGIN_S
        for n in range(1, self.workers + 1):
            self.supervisor.start(
                ChildSpec(f"worker-{n}", [*chartq, "worker"], env, WORKER_STAGE, worker_stop_s)
            )

    def _announce(self, env: dict[str, str]) -> None:
        base = f"http://{self.settings.host}:{self.settings.port}"
        self._wait_ready(base)
        token = mint_token(self.settings, "dev", roles=[OPERATOR_ROLE])
        message_id = _create_sample_message(base, token)
        post = f"{base}/api/v1/analytics/charts/async"
        say(
            f"""
chartq is running: API {base} ({self.api_workers} process(es)), {self.workers} worker(s), \
Redis {redact(env["CHARTQ_REDIS_URL"])}
  chat page    {base}/
  dashboard    {base}/dashboard
  API docs     {base}/docs

A dev token (user "dev", role operator):
  export CHARTQ_TOKEN={token}

Ask for a chart of the sample message "{SAMPLE_QUESTION}":
  curl -s -X POST {post} -H "Authorization: Bearer $CHARTQ_TOKEN" \\
       -H 'Content-Type: application/json' -d '{{"message_id": "{message_id}"}}'
then read its charts and tasks:
  curl -s {base}/api/v1/analytics/charts/by-message/{message_id} -H "Authorization: Bearer $CHARTQ_TOKEN"

A process that dies is restarted. Press Ctrl-C to stop everything.
""",
            err=False,
        )

    def _wait_ready(self, base: str) -> None:
        """Waits for GET /ready, supervising meanwhile (a child that dies now is restarted too)."""
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            self.supervisor.tick()
            try:
                if httpx.get(f"{base}/ready", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the API did not become ready at {base} within {READY_TIMEOUT_S:g} s")


def _port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


async def _migrate(url: str) -> None:
    engine = create_engine(url, statement_timeout_s=None)  # migrations may take long
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


def _create_sample_message(base: str, token: str) -> str:
    """The sample message of the dev user's "Getting started" session, made on the first run only."""
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=10) as client:
        for session in client.get("/api/v1/sessions", params={"limit": 200}).raise_for_status().json():
            if session["title"] == SAMPLE_SESSION_TITLE:
                messages = client.get(f"/api/v1/sessions/{session['id']}/messages").raise_for_status().json()
                for message in messages:
                    if message["content"] == SAMPLE_QUESTION:
                        return str(message["id"])
        session = (
            client.post("/api/v1/sessions", json={"title": SAMPLE_SESSION_TITLE}).raise_for_status().json()
        )
        message = (
            client.post(f"/api/v1/sessions/{session['id']}/messages", json={"content": SAMPLE_QUESTION})
            .raise_for_status()
            .json()
        )
    return str(message["id"])
