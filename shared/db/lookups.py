"""Small indexed reads on a hot path (the create endpoint's message lookup), without aiosqlite's thread.

aiosqlite runs every statement on a thread of its own: each read is a hand-off to that thread and a
wake-up of the event loop when it is done. Measured per lookup on the API's event loop, 32 at a time
(docs/performance.md, "c"): the ORM session 560-630 µs of CPU, a Core connection 400-460 µs, the same
statement on a plain sqlite3 connection in the loop 100-145 µs. With SQLite in WAL mode a reader never
waits for a writer, so such a read does not block the loop behind a write; the connection is read-only
and does not wait for a lock at all (busy timeout 0): in the rare moment a read finds the file locked
(a checkpoint that resets the WAL, recovery after a crash), it goes the usual way, on the thread, which
waits. Any other database (PostgreSQL) reads through a Core connection of its async engine.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Row
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.db.sqlite_file import watch_sqlite_file

__all__ = ["AnyRow", "Lookups"]

AnyRow = Row[*tuple[Any, ...]]


class Lookups:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._in_loop: sa.Engine | None = _sqlite_reader(engine.url)

    async def first(self, statement: sa.Executable, params: dict[str, Any]) -> AnyRow | None:
        """The first row of `statement`, or None."""
        if self._in_loop is not None:
            try:
                with self._in_loop.connect() as connection:
                    return connection.execute(statement, params).first()
            except OperationalError as exc:
                if not _locked(exc):
                    raise
        async with self.engine.connect() as connection:
            return (await connection.execute(statement, params)).first()

    def close(self) -> None:
        if self._in_loop is not None:
            self._in_loop.dispose()


def _sqlite_reader(url: sa.URL) -> sa.Engine | None:
    """A read-only engine on the same SQLite file that never waits for a lock; None for any other
    database, and for an in-memory SQLite (another connection would see another database)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    # Looked up at each call, as shared.db.engine does: with traces on, shared.otel has wrapped it.
    engine = sa.create_engine(
        url.set(drivername="sqlite"),
        connect_args={"timeout": 0, "check_same_thread": False},
        pool_size=1,
        max_overflow=4,
    )
    sa.event.listen(engine, "connect", _read_only)
    watch_sqlite_file(engine)  # a file deleted under it: 503, not a lookup in the deleted file
    return engine


def _read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _locked(exc: OperationalError) -> bool:
    text = str(exc.orig).lower()
    return "locked" in text or "busy" in text
