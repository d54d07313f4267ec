"""An SQLite database file deleted or replaced under a running engine: no connection goes on reading or
writing the unlinked file, none makes a new empty file in its place, and the first start still makes
the file. The free space of its disk is what /ready reports as disk_full."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.db.engine import create_engine, upgrade
from shared.db.lookups import Lookups
from shared.db.sqlite_file import MIN_FREE_BYTES, DatabaseFileGone, sqlite_file_path, sqlite_file_problem

VERSION = sa.text("SELECT version_num FROM alembic_version")


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def exists(path: Path) -> bool:
    return path.exists()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    # Characters that mean something in an SQLite URI (file:...), in the folder and the name.
    return tmp_path / "a dir#" / "chart%q.db"


@pytest.fixture
async def engine(path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    yield engine
    await engine.dispose()


async def version(engine: AsyncEngine) -> Any:
    async with engine.connect() as conn:
        return (await conn.execute(VERSION)).scalar()


async def test_the_first_start_makes_the_file_and_migrates_it(engine: AsyncEngine, path: Path) -> None:
    assert exists(path)  # made empty, as sqlite3 made it on the first connect
    assert sqlite_file_path(engine) == str(path)
    await upgrade(engine)
    assert await version(engine)
    assert sqlite_file_problem(engine) is None


async def test_a_deleted_file_fails_every_connection_and_is_not_made_again(
    engine: AsyncEngine, path: Path
) -> None:
    await upgrade(engine)
    async with engine.connect() as one, engine.connect() as two:  # two pooled connections to the file
        await one.execute(VERSION)
        await two.execute(VERSION)
    remove(path)
    for _ in range(4):  # the pooled ones, then new ones
        with pytest.raises(OperationalError) as failed:
            async with engine.begin() as conn:
                await conn.execute(sa.text("CREATE TABLE lost (x INTEGER)"))
        assert isinstance(failed.value.orig, DatabaseFileGone)
        assert str(path) in str(failed.value.orig)
    assert not exists(path)
    assert sqlite_file_problem(engine) == "missing: the SQLite database file was deleted"


async def test_a_replaced_file_drops_the_connections_to_the_old_one(
    engine: AsyncEngine, path: Path, tmp_path: Path
) -> None:
    await upgrade(engine)
    assert await version(engine)
    other = tmp_path / "other.db"
    other_engine = create_engine(f"sqlite+aiosqlite:///{other}")  # a file without the migrations
    async with other_engine.begin() as conn:
        await conn.execute(sa.text("CREATE TABLE marker (x INTEGER)"))
    await other_engine.dispose()
    remove(path)
    os.rename(other, path)
    with pytest.raises(OperationalError, match="replaced"):
        await version(engine)
    async with engine.connect() as conn:  # a new connection: the file that is there now
        assert (await conn.execute(sa.text("SELECT count(*) FROM marker"))).scalar() == 0


async def test_the_lookup_reader_made_from_the_engine_url_is_watched_too(
    engine: AsyncEngine, path: Path
) -> None:
    await upgrade(engine)
    lookups = Lookups(engine)
    try:
        assert (await lookups.first(VERSION, {})) is not None
        remove(path)
        with pytest.raises(OperationalError) as failed:
            await lookups.first(VERSION, {})
        assert isinstance(failed.value.orig, DatabaseFileGone)
        assert not exists(path)
    finally:
        lookups.close()


def test_a_disk_without_room_is_disk_full(
    engine: AsyncEngine, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.statvfs(path.parent)

    class Full:
        f_frsize = real.f_frsize
        f_bavail = f_bfree = (MIN_FREE_BYTES // real.f_frsize) - 1

    monkeypatch.setattr(os, "statvfs", lambda _: Full)
    problem = sqlite_file_problem(engine)
    assert problem is not None and problem.startswith("disk_full:")


def test_other_databases_are_left_alone() -> None:
    assert sqlite_file_path(create_engine("sqlite+aiosqlite:///:memory:").sync_engine) is None
