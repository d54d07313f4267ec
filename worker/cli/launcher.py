"""`chartq up`: embedded Redis, migrated database, sample warehouse, one API and N workers.

Ctrl-C (or SIGTERM) stops every process it started; if any of them dies, the rest are stopped too.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import httpx

from shared.auth import OPERATOR_ROLE, create_token
from shared.db.engine import create_engine, upgrade
from shared.settings import Settings
from worker.cli.embedded_redis import EmbeddedRedis

READY_TIMEOUT_S = 60.0
SAMPLE_QUESTION = "life expectancy in Mexico and Canada since 1980"
SAMPLE_SESSION_TITLE = "Getting started"


class Launcher:
    def __init__(self, settings: Settings, workers: int | None) -> None:
        self.settings = settings
        self.workers = workers or settings.workers
        self.redis: EmbeddedRedis | None = None
        self.children: list[subprocess.Popen[bytes]] = []

    def run(self) -> int:
        # Installed explicitly: a shell that starts us in the background hands down SIGINT as ignored,
        # and a closed terminal sends SIGHUP; each must still stop everything.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _interrupt)
        try:
            env = self._prepare()
            self._spawn(env)
            self._announce(env)
            return self._supervise()
        except KeyboardInterrupt:
            return 0
        finally:
            self._stop_all()

    def _prepare(self) -> dict[str, str]:
        env = dict(os.environ)
        if "CHARTQ_REDIS_URL" not in os.environ:
            self.redis = EmbeddedRedis(self.settings.data_dir / "redis").start()
            env["CHARTQ_REDIS_URL"] = self.redis.url
            self.settings = self.settings.model_copy(update={"redis_url": self.redis.url})
        self.settings.signing_secret()  # creates the dev secret once, before the children race for it
        asyncio.run(_migrate(self.settings.database_url))
        from worker.runtime.context import ensure_sample_warehouse

        ensure_sample_warehouse(self.settings)
        return env

    def _spawn(self, env: dict[str, str]) -> None:
        chartq = [sys.executable, "-m", "worker.cli"]
        self.children.append(subprocess.Popen([*chartq, "api"], env=env))
        for _ in range(self.workers):
            self.children.append(subprocess.Popen([*chartq, "worker"], env=env))

    def _announce(self, env: dict[str, str]) -> None:
        base = f"http://{self.settings.host}:{self.settings.port}"
        _wait_ready(base, self.children[0])
        token = create_token(self.settings.signing_secret(), "dev", roles=[OPERATOR_ROLE])
        message_id = _create_sample_message(base, token)
        post = f"{base}/api/v1/analytics/charts/async"
        print(
            f"""
chartq is running: API {base}, {self.workers} worker(s), Redis {env["CHARTQ_REDIS_URL"]}
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

Press Ctrl-C to stop everything.
""",
            flush=True,
        )

    def _supervise(self) -> int:
        while True:
            for child in self.children:
                if child.poll() is not None:
                    print(
                        f"chartq: a child process exited with {child.returncode}; stopping", file=sys.stderr
                    )
                    return 1
            time.sleep(0.5)

    def _stop_all(self) -> None:
        for child in self.children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        for child in self.children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        if self.redis is not None:
            self.redis.stop()


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


def _wait_ready(base: str, api: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if api.poll() is not None:
            raise RuntimeError("the API process exited during start-up (is the port in use?)")
        try:
            if httpx.get(f"{base}/ready", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the API did not become ready at {base} within {READY_TIMEOUT_S:g} s")


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
