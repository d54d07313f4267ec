"""The SQL database: async engine, sessions, and migrations (Alembic) run from code."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlalchemy.ext.asyncio
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker

from shared.db.sqlite_file import open_existing_only, plain_sqlite_path, watch_sqlite_file

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # The API and several workers write the same file: WAL lets readers run beside a writer, and
    # busy_timeout makes a writer wait for the lock instead of failing at once.
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


# PostgreSQL: how long a connection may take to open, a statement to answer, a request to wait for a
# pooled connection. Without them a database host that hangs (a dead VM, a partition) held every request
# 60 s (asyncpg's connect timeout) or for ever (a statement); with them it is a 503 within seconds.
CONNECT_TIMEOUT_S = 5.0
STATEMENT_TIMEOUT_S = 10.0
POOL_TIMEOUT_S = 5.0


def create_engine(url: str, *, statement_timeout_s: float | None = STATEMENT_TIMEOUT_S) -> AsyncEngine:
    """The engine for `url`. `statement_timeout_s` None for work that may take long (migrations)."""
    # Looked up at each call: with traces on, shared.otel has wrapped it to trace the engine's SQL.
    create_async_engine = sqlalchemy.ext.asyncio.create_async_engine
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = plain_sqlite_path(parsed)
        if path is not None:
            parsed = open_existing_only(parsed, path)
        elif parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(parsed, connect_args={"timeout": 10})
        sa.event.listen(engine.sync_engine, "connect", _on_sqlite_connect)
        watch_sqlite_file(engine.sync_engine)
        return engine
    connect_args: dict[str, Any] = {"timeout": CONNECT_TIMEOUT_S}
    if parsed.get_driver_name() == "asyncpg" and statement_timeout_s is not None:
        connect_args["command_timeout"] = statement_timeout_s
    return create_async_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        pool_timeout=POOL_TIMEOUT_S,
        connect_args=connect_args,
    )


def session_factory(engine: AsyncEngine) -> async_sessionmaker[Any]:
    return async_sessionmaker(engine, expire_on_commit=False)


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _upgrade(connection: sa.Connection) -> None:
    config = _alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


async def upgrade(engine: AsyncEngine) -> None:
    """Brings the schema to the newest migration; safe to run on every start."""
    async with engine.begin() as conn:
        await _run_sync(conn)


async def _run_sync(conn: AsyncConnection) -> None:
    await conn.run_sync(_upgrade)


@functools.cache
def _known_revisions() -> tuple[str, frozenset[str]]:
    """(the newest migration, every migration) of this code."""
    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head, frozenset(rev.revision for rev in script.walk_revisions())


async def schema_behind(engine: AsyncEngine) -> str | None:
    """Why the schema is older than this code needs (None when it is not). A revision this code does
    not know is newer (migrated for the next release during a rolling upgrade): not behind."""
    head, known = _known_revisions()
    async with engine.connect() as conn:
        exists = await conn.run_sync(lambda sync: sa.inspect(sync).has_table("alembic_version"))
        current = (
            (await conn.execute(sa.text("SELECT version_num FROM alembic_version"))).scalar()
            if exists
            else None
        )
    if current is None:
        return f"no migrations applied (needs {head}; run `chartq db upgrade`)"
    if current in known and current != head:
        return f"at migration {current}, needs {head} (run `chartq db upgrade`)"
    return None
