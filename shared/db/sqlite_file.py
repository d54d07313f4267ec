"""An SQLite database file deleted (or replaced) under a running process.

Every open connection kept reading and writing the unlinked file, so each write was answered 201 and
lost at the next start, and a new connection made a fresh empty file in its place. Each connection now
opens the file only if it exists (URI `mode=rw`; the engine makes the file once, when it is created, as
sqlite3 did on the first connect), and notes which file it opened (device and inode); each checkout
compares that with the path (one os.stat). A connection whose file is gone or replaced is dropped, and
the request fails with DatabaseFileGone, an sqlite3.OperationalError: a DBAPIError to SQLAlchemy, so a
503 to the API. Every engine on the file is watched: the async one (shared.db.engine) and the lookups'
reader (shared.db.lookups).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine

_FILE_IDENTITY = "chartq_sqlite_file"
# A file system with less free space than this answers /ready's database check "disk_full": a write
# that needs a page more would fail (SQLITE_FULL), and most writes do.
MIN_FREE_BYTES = 1024 * 1024


class DatabaseFileGone(sqlite3.OperationalError):
    """The SQLite database file a connection would use is missing, or not the file it opened."""


def plain_sqlite_path(url: URL) -> str | None:
    """The absolute path of an SQLite file database given as a path; None for :memory:, for a URL that
    is already an SQLite URI (the operator chose its options) or that has other options."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:") or url.query:
        return None
    return os.path.abspath(database)


def open_existing_only(url: URL, path: str) -> URL:
    """`url` as an SQLite URI that opens the file without ever creating it; the file is made here,
    empty (a valid empty database), when it does not exist yet, so the first start still works."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if not os.path.exists(path):
        with open(path, "ab"):
            pass
    return url.set(database=f"file:{quote(path)}", query={"mode": "rw", "uri": "true"})


def sqlite_file_path(engine: AsyncEngine | sa.Engine) -> str | None:
    """The SQLite file `engine` uses, or None (another database, in memory, or an URI of the operator)."""
    url = engine.url
    if url.get_backend_name() != "sqlite":
        return None
    return _opened_existing_only(url) or plain_sqlite_path(url)


def _opened_existing_only(url: URL) -> str | None:
    """The path of an SQLite URI that opens the file only if it exists (open_existing_only), or None."""
    database = url.database or ""
    if (
        url.get_backend_name() != "sqlite"
        or not database.startswith("file:")
        or url.query.get("mode") != "rw"
    ):
        return None
    return unquote(database.removeprefix("file:"))


def watch_sqlite_file(engine: sa.Engine) -> None:
    """Makes every connection of `engine` refuse to work on a file no longer at its path."""
    url = engine.url
    database = url.database or ""
    if (
        url.get_backend_name() != "sqlite"
        or not database.startswith("file:")
        or url.query.get("mode") != "rw"
    ):
        return
    path = unquote(database.removeprefix("file:"))

    def before_connect(*_: Any) -> None:
        # mode=rw refuses to create the file anyway; this says why in words.
        if not os.path.exists(path):
            raise DatabaseFileGone(f"the database file {path} does not exist (deleted?)")

    def on_connect(_dbapi_conn: Any, record: Any) -> None:
        record.info[_FILE_IDENTITY] = _identity(path)

    def on_checkout(_dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        try:
            now = _identity(path)
        except OSError as exc:  # the folder unreadable, say: whichever file it is, it cannot be checked
            raise DatabaseFileGone(f"the database file {path} cannot be checked: {exc}") from exc
        if now is None:
            raise DatabaseFileGone(f"the database file {path} was deleted while the connection was open")
        if now != record.info.get(_FILE_IDENTITY):
            raise DatabaseFileGone(f"the database file {path} was replaced while the connection was open")

    sa.event.listen(engine, "do_connect", before_connect)
    sa.event.listen(engine, "connect", on_connect)
    # Raising here makes the pool drop this connection; a later one opens whatever file is there then.
    sa.event.listen(engine, "checkout", on_checkout)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


def sqlite_file_problem(engine: AsyncEngine) -> str | None:
    """What makes the SQLite file of `engine` unusable, as `fault: why` (no path: /ready shows it), or
    None (fine, or not an SQLite file). Two system calls: cheap enough for every /ready."""
    path = sqlite_file_path(engine)
    if path is None:
        return None
    if not os.path.exists(path):
        return "missing: the SQLite database file was deleted"
    try:
        fs = os.statvfs(os.path.dirname(path))
        # root may use the blocks reserved for it, anyone else only the available ones.
        free = (fs.f_bfree if os.geteuid() == 0 else fs.f_bavail) * fs.f_frsize
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return None
    if free < MIN_FREE_BYTES:
        return f"disk_full: {free} bytes free where the SQLite database file is"
    return None
