"""The command line's settings: CHARTQ_* from the environment, a bad value reported as one line."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from pydantic import ValidationError

from shared.redis_url import redact
from shared.settings import Settings, get_settings
from worker.cli.errors import CliError

if TYPE_CHECKING:
    from worker.cli.embedded_redis import EmbeddedRedis

REDIS_URL_VARIABLE = "CHARTQ_REDIS_URL"
PING_TIMEOUT_S = 0.5


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CliError(f"configuration: {first['msg']}") from exc


def load_redis_settings() -> Settings:
    """load_settings() for a command that connects to Redis itself (`chartq api`, `chartq worker`).

    Without CHARTQ_REDIS_URL, the default redis://127.0.0.1:6379/0 is some other Redis (the operator's
    own, say), not the embedded one `make run` (`chartq up`) runs on a socket in CHARTQ_DATA_DIR: a
    worker started by hand beside `make run` joined it silently. The embedded Redis of the data dir is
    used when it answers, and either way one stderr line says which Redis it is. CHARTQ_REDIS_URL, when
    set, is used as it is, with nothing said.
    """
    from worker.cli.embedded_redis import EmbeddedRedis  # not for the commands that never need it

    settings = load_settings()
    if _redis_url_is_set():
        return settings
    embedded = EmbeddedRedis.of_data_dir(settings.data_dir)
    if not _answers(embedded):
        print(
            f"chartq: warning: CHARTQ_REDIS_URL is not set and no embedded Redis of `make run` answers at "
            f"{embedded.socket_path}: using {redact(settings.redis_url)}",
            file=sys.stderr,
        )
        return settings
    print(f"chartq: using the embedded Redis of `make run` at {embedded.url}", file=sys.stderr)
    # The API process reads its settings anew (api.app:app_factory, by import string): it must see it.
    os.environ[REDIS_URL_VARIABLE] = embedded.url
    get_settings.cache_clear()
    return settings.model_copy(update={"redis_url": embedded.url})


def _redis_url_is_set() -> bool:
    # As pydantic-settings reads it: the name in any case.
    return any(name.upper() == REDIS_URL_VARIABLE for name in os.environ)


def _answers(embedded: EmbeddedRedis) -> bool:
    """Whether a Redis answers PING on the embedded socket (a stale socket file does not)."""
    import redis

    if not embedded.socket_path.exists():
        return False
    client = redis.Redis(
        unix_socket_path=str(embedded.socket_path),
        socket_connect_timeout=PING_TIMEOUT_S,
        socket_timeout=PING_TIMEOUT_S,
    )
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()
