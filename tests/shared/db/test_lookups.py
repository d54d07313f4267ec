"""Hot-path lookups (the create endpoint's message lookup): they read what was committed, on SQLite and
PostgreSQL; on SQLite (files of the tests' own) they answer beside an open write, and a file locked
against readers is read the usual way, waiting for the lock instead of failing."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from uuid import uuid4

import pytest
import sqlalchemy as sa

from shared.db.charts import save_chart
from shared.db.engine import create_engine, session_factory, upgrade
from shared.db.lookups import Lookups
from shared.db.tables import Chart
from tests.shared.db.rows import a_chart

pytestmark = pytest.mark.db

TITLE_OF_TASK = sa.select(Chart.title).where(Chart.task_id == sa.bindparam("task_id"))


async def private_sqlite(folder: Path) -> tuple[str, str]:
    """(URL, file) of a migrated SQLite database of the test's own: the locks below would stall other
    tests' writes to the shared one, and an exclusive lock needs a file no other connection holds."""
    path = folder / "lookups.db"
    url = f"sqlite+aiosqlite:///{path}"
    engine = create_engine(url)
    await upgrade(engine)
    await engine.dispose()
    return url, str(path)


async def test_a_lookup_reads_what_was_committed(database_url: str) -> None:
    engine = create_engine(database_url)
    lookups = Lookups(engine)
    task_id = str(uuid4())
    try:
        assert await lookups.first(TITLE_OF_TASK, {"task_id": task_id}) is None
        async with session_factory(engine)() as db:
            await save_chart(db, a_chart(task_id, "committed"))
        row = await lookups.first(TITLE_OF_TASK, {"task_id": task_id})
        assert row is not None and row[0] == "committed"
    finally:
        lookups.close()
        await engine.dispose()


async def test_a_lookup_answers_beside_an_open_write_with_the_committed_rows(tmp_path: Path) -> None:
    database_url, path = await private_sqlite(tmp_path)
    engine = create_engine(database_url)
    lookups = Lookups(engine)
    task_id = str(uuid4())
    writer = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        async with session_factory(engine)() as db:
            await save_chart(db, a_chart(task_id, "before"))
        writer.execute("BEGIN IMMEDIATE")  # the write lock, held until the end of the test
        writer.execute("UPDATE charts SET title = 'uncommitted' WHERE task_id = ?", (task_id,))
        row = await asyncio.wait_for(lookups.first(TITLE_OF_TASK, {"task_id": task_id}), timeout=30)
        assert row is not None and row[0] == "before"
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        lookups.close()
        await engine.dispose()


async def test_a_file_locked_against_readers_is_read_once_the_lock_is_gone(tmp_path: Path) -> None:
    """A connection in exclusive locking mode keeps even WAL readers out: the lookup does not fail
    (nor hold the event loop); it waits on the usual path, as every other statement does."""
    database_url, path = await private_sqlite(tmp_path)
    task_id = str(uuid4())
    writer = create_engine(database_url)
    async with session_factory(writer)() as db:
        await save_chart(db, a_chart(task_id, "behind a lock"))
    await writer.dispose()  # the lock below needs the file to itself
    locker = sqlite3.connect(path, timeout=10, isolation_level=None)
    locker.execute("PRAGMA locking_mode=EXCLUSIVE")
    locker.execute("BEGIN EXCLUSIVE")
    locker.execute("UPDATE charts SET title = title WHERE task_id = ?", (task_id,))
    engine = create_engine(database_url)
    lookups = Lookups(engine)
    try:
        lookup = asyncio.create_task(lookups.first(TITLE_OF_TASK, {"task_id": task_id}))
        await asyncio.sleep(0.5)
        assert not lookup.done()  # waiting for the lock, and the loop runs meanwhile
        locker.execute("COMMIT")
        locker.close()  # in WAL mode, an exclusive lock lasts as long as its connection
        row = await asyncio.wait_for(lookup, timeout=30)
        assert row is not None and row[0] == "behind a lock"
    finally:
        locker.close()
        lookups.close()
        await engine.dispose()
