"""Configuration from the environment (prefix CHARTQ_), shared by the API, the workers and the CLI."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from shared.redis_url import check_redis_url

MIN_SECRET_BYTES = 32
# Dev mode mints operator tokens for anyone who asks (POST /api/v1/dev/token): loopback only.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
DEV_SECRET_FILE = "dev-jwt-secret"


class Settings(BaseSettings):
    # Errors never repeat a value: a URL or secret may hold a password.
    model_config = SettingsConfigDict(env_prefix="CHARTQ_", extra="ignore", hide_input_in_errors=True)

    env: Literal["dev", "prod"] = "dev"
    data_dir: Path = Path(".data")

    # Unset means "start an embedded redis-server" for `chartq up`; the processes it starts get a URL.
    # `chartq api` and `chartq worker` started by hand with it unset join that embedded Redis of the data
    # dir when it answers, else use this default with a warning (worker.cli.config.load_redis_settings).
    # Also redis+sentinel://[:password@]host:port[,host:port...]/service_name[/db], or rediss+sentinel://
    # with TLS (shared.redis_url).
    redis_url: str = "redis://127.0.0.1:6379/0"
    # A new task is answered 202 only once a replica has it (WAIT), so a failover cannot lose it: "auto"
    # does so with a Sentinel URL. A replica that does not confirm within the timeout makes it a
    # 503 with Retry-After; with no live replica there is nothing to wait for (shared.replication).
    redis_replica_ack: Literal["auto", "on", "off"] = "auto"
    redis_replica_ack_timeout_seconds: float = Field(default=1.0, gt=0)
    database_url: str = ""
    warehouse_url: str = ""
    semantic_model_path: Path | None = None

    jwt_secret: str = ""
    jwt_ttl_seconds: int = 24 * 3600
    # Tokens living longer than this (exp - iat), or without exp or iat, are refused; minted ones are cut
    # to it. When set, tokens must carry this `aud` and this `iss` (`chartq token` sets them).
    jwt_max_ttl_seconds: int = Field(default=24 * 3600, ge=60)
    jwt_audience: str = ""
    jwt_issuer: str = ""

    host: str = "127.0.0.1"
    port: int = 8000
    # `chartq up`: API processes sharing the one port (SO_REUSEPORT), and worker processes.
    api_workers: int = Field(default=1, ge=1)
    workers: int = 2
    worker_concurrency: int = 8
    # Idle workers wake on a signal when a task is enqueued; this is only the fallback look at the
    # queue (deferred retries) and how often a running task's cancellation is checked.
    worker_poll_delay: float = 0.25

    queue_name: str = "arq:queue"
    task_ttl_seconds: int = 24 * 3600
    event_history_size: int = 200
    task_time_limit_seconds: float = 120.0
    # On SIGTERM a worker stops taking tasks and lets running ones finish for this long, then hands the
    # rest back to the queue. Give the orchestrator's grace period (Kubernetes
    # terminationGracePeriodSeconds, compose stop_grace_period) a few seconds more.
    worker_drain_seconds: float = 30.0
    # Attempts per task, counting retries after transient faults and after a worker crash.
    max_attempts: int = 5
    # A chart drawn while the SQL database is away waits this long for it, in its persisting step,
    # before its attempt counts as failed: a database restart of a minute fails no chart.
    database_wait_seconds: float = Field(default=60.0, ge=0)
    chart_ttl_days: int = 30
    # Backpressure: a user's active (PENDING or PROCESSING) tasks, and all queued tasks.
    max_active_tasks_per_user: int = 50
    max_queue_length: int = 100_000

    # Slow motion for demos and tests: every pipeline step lasts at least this long.
    step_delay_seconds: float = 0.0

    query_row_limit: int = 10_000
    query_timeout_seconds: float = 10.0

    # Live progress: SSE keep-alive comments (and WebSocket pings), and how many events a subscriber
    # may fall behind before it is cut off.
    sse_keepalive_seconds: float = 15.0
    subscriber_buffer: int = 256

    # The LLM planner: any OpenAI-compatible chat-completions endpoint ("http://127.0.0.1:11434/v1").
    # Empty keeps the offline rule planner. The key is a SecretStr so no repr or log ever shows it.
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: SecretStr = SecretStr("")
    # Per request; a correction round makes a second request, so planning waits at most twice this.
    llm_timeout_seconds: float = Field(default=20.0, gt=0)

    log_level: str = "INFO"
    log_json: bool = False
    cors_origins: list[str] = Field(default_factory=list)
    max_body_bytes: int = 64 * 1024
    # Connection hygiene in the server `chartq api` runs (a reverse proxy should set its own too): a
    # request's line and headers must arrive within this many seconds and bytes (else the connection
    # closes, or 431); more open connections than this answer 503; a WebSocket message from a client
    # may be this large, enforced by the server before it buffers the frame.
    header_timeout_seconds: float = Field(default=10.0, gt=0)
    max_header_bytes: int = Field(default=16 * 1024, ge=1024)
    max_connections: int = Field(default=10_000, ge=1)
    ws_max_message_bytes: int = Field(default=4096, ge=128)
    # Per user, across every API process (counted in Redis): open SSE and WebSocket streams (429 / close
    # 1008 past it), and writes (POST and DELETE of sessions, messages, tasks, charts) per minute (429).
    max_streams_per_user: int = Field(default=20, ge=1)
    writes_per_minute: int = Field(default=120, ge=1)

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str) -> str:
        return check_redis_url(value)

    @field_validator("llm_base_url")
    @classmethod
    def _http_base_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        parts = urlsplit(value)
        if value and (parts.scheme not in ("http", "https") or not parts.hostname or parts.query):
            raise ValueError(
                "CHARTQ_LLM_BASE_URL must be an http:// or https:// URL such as "
                "https://api.openai.com/v1 (or empty to use the rule planner)"
            )
        if parts.username or parts.password:
            # A URL is printed in logs and errors; the key belongs in CHARTQ_LLM_API_KEY, kept secret.
            raise ValueError("CHARTQ_LLM_BASE_URL must not carry credentials; set CHARTQ_LLM_API_KEY")
        return value

    @model_validator(mode="after")
    def _defaults_and_secret(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{self.data_dir / 'chartq.db'}"
        if not self.warehouse_url:
            self.warehouse_url = f"sqlite:///{self.data_dir / 'warehouse.db'}"
        if self.llm_base_url and not self.llm_model.strip():
            raise ValueError("CHARTQ_LLM_MODEL must name the model when CHARTQ_LLM_BASE_URL is set")
        if self.env == "prod" and len(self.jwt_secret.encode()) < MIN_SECRET_BYTES:
            raise ValueError(
                f"CHARTQ_JWT_SECRET must be set to at least {MIN_SECRET_BYTES} bytes outside dev mode "
                "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        if self.env == "dev" and (problem := dev_bind_problem(self.host)):
            raise ValueError(problem)
        return self

    @property
    def is_dev(self) -> bool:
        return self.env == "dev"

    @property
    def token_ttl_seconds(self) -> int:
        """The lifetime of tokens chartq mints: CHARTQ_JWT_TTL_SECONDS, at most the maximum accepted."""
        return min(self.jwt_ttl_seconds, self.jwt_max_ttl_seconds)

    def dev_secret_exists(self) -> bool:
        return (self.data_dir / DEV_SECRET_FILE).exists()

    def signing_secret(self) -> str:
        """The JWT secret; in dev mode without one, a random secret kept under data_dir.

        Keeping it in a file lets `chartq token`, the API and every worker agree on it without
        configuration, and it survives restarts so issued dev tokens stay valid.
        """
        if len(self.jwt_secret.encode()) >= MIN_SECRET_BYTES:
            return self.jwt_secret
        if not self.is_dev:
            raise ValueError("CHARTQ_JWT_SECRET is too short")
        path = self.data_dir / DEV_SECRET_FILE
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{secrets.token_hex(4)}")
            tmp.write_text(secrets.token_urlsafe(48))
            tmp.chmod(0o600)
            # Two processes may race here: link() fails for the loser, which then reads the winner's.
            try:
                path.hardlink_to(tmp)
            except FileExistsError:
                pass
            finally:
                tmp.unlink()
        return path.read_text().strip()


def dev_bind_problem(host: str) -> str | None:
    """Why dev mode may not listen on `host` (anything but loopback), or None."""
    if host.strip().strip("[]").lower() in LOOPBACK_HOSTS:
        return None
    return (
        f"CHARTQ_HOST={host} in dev mode would let anyone who reaches it mint operator tokens: "
        "set CHARTQ_HOST=127.0.0.1, or CHARTQ_ENV=prod with a CHARTQ_JWT_SECRET"
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
