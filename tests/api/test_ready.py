"""/ready says ready only when every endpoint could answer: here, the database schema must be migrated."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from shared.db.engine import create_engine, upgrade
from shared.settings import Settings
from tests.conftest import inprocess_api


async def test_an_unmigrated_database_is_not_ready_until_upgraded(
    isolated_settings: Settings, make_token: Callable[..., str], tmp_path: Path
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}"
    settings = isolated_settings.model_copy(update={"database_url": url})
    async with inprocess_api(settings, make_token()) as http:
        unready = await http.get("/ready")
        assert unready.status_code == 503 and unready.headers["Retry-After"]
        body = unready.json()
        assert body["code"] == "not_ready" and "schema" in body["detail"]
        assert "chartq db upgrade" in body["database"]
        assert body["redis"] == "ok"
        engine = create_engine(url)
        await upgrade(engine)
        await engine.dispose()
        ready = await http.get("/ready")
        assert ready.status_code == 200 and ready.json()["database"] == "ok"


async def test_a_full_disk_under_the_sqlite_file_is_not_ready(
    isolated_settings: Settings,
    make_token: Callable[..., str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Writes that need room answer 503 on a full disk while a read still works: /ready said ok."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'full.db'}"
    engine = create_engine(url)
    await upgrade(engine)
    await engine.dispose()
    settings = isolated_settings.model_copy(update={"database_url": url})
    async with inprocess_api(settings, make_token()) as http:
        assert (await http.get("/ready")).status_code == 200
        real = os.statvfs(tmp_path)

        class Full:
            f_frsize = real.f_frsize
            f_bavail = f_bfree = 0

        monkeypatch.setattr(os, "statvfs", lambda _: Full)
        full = await http.get("/ready")
        assert full.status_code == 503 and full.headers["Retry-After"]
        body = full.json()
        assert body["database"].startswith("disk_full") and "disk is full" in body["detail"]
        monkeypatch.undo()
        assert (await http.get("/ready")).status_code == 200
