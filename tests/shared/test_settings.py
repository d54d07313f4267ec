"""Settings refuse weak secrets outside dev mode; dev mode keeps one secret for all processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from shared.settings import Settings


def test_prod_refuses_a_missing_or_short_secret(tmp_path: Path) -> None:
    for secret in ("", "short-secret"):
        with pytest.raises(ValidationError, match="CHARTQ_JWT_SECRET"):
            Settings(env="prod", jwt_secret=secret, data_dir=tmp_path)
    strong = "x" * 32
    assert Settings(env="prod", jwt_secret=strong, data_dir=tmp_path).signing_secret() == strong


def test_dev_mode_generates_one_persistent_secret(tmp_path: Path) -> None:
    first = Settings(env="dev", data_dir=tmp_path).signing_secret()
    second = Settings(env="dev", data_dir=tmp_path).signing_secret()
    assert first == second and len(first) >= 32
    assert (tmp_path / "dev-jwt-secret").stat().st_mode & 0o077 == 0


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CHARTQ_PORT", "8123")
    monkeypatch.setenv("CHARTQ_WORKERS", "5")
    monkeypatch.setenv("CHARTQ_DATA_DIR", str(tmp_path))
    settings = Settings()
    assert (settings.port, settings.workers) == (8123, 5)
    assert settings.database_url == f"sqlite+aiosqlite:///{tmp_path / 'chartq.db'}"
