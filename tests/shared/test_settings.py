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


@pytest.mark.parametrize(
    "url",
    [
        "localhost:11434/v1",
        "ftp://models.example.com/v1",
        "file:///etc/passwd",
        "http://",
        "https://x/v1?k=1",
    ],
)
def test_an_llm_base_url_that_is_not_http_is_refused(url: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="CHARTQ_LLM_BASE_URL must be an http"):
        Settings(llm_base_url=url, llm_model="m", data_dir=tmp_path)


def test_llm_settings_keep_the_key_secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    key = "sk-live-do-not-print-me"
    monkeypatch.setenv("CHARTQ_LLM_BASE_URL", "https://llm.example.com/v1/")
    monkeypatch.setenv("CHARTQ_LLM_MODEL", "gpt-4o-mini")
    monkeypatch.setenv("CHARTQ_LLM_API_KEY", key)
    monkeypatch.setenv("CHARTQ_DATA_DIR", str(tmp_path))
    settings = Settings()
    assert settings.llm_base_url == "https://llm.example.com/v1"
    assert settings.llm_api_key.get_secret_value() == key
    assert key not in repr(settings) and key not in str(settings.model_dump())


def test_an_llm_needs_a_model_name_and_no_credentials_in_its_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CHARTQ_LLM_BASE_URL", raising=False)
    with pytest.raises(ValidationError, match="CHARTQ_LLM_MODEL"):
        Settings(llm_base_url="http://127.0.0.1:11434/v1", data_dir=tmp_path)
    with pytest.raises(ValidationError, match="must not carry credentials"):
        Settings(llm_base_url="https://user:sk-123@llm.example.com/v1", llm_model="m", data_dir=tmp_path)
    assert Settings(data_dir=tmp_path).llm_base_url == ""  # the rule planner alone, by default


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "chartq.example.com"])
def test_dev_mode_refuses_to_listen_beyond_loopback(host: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=f"CHARTQ_HOST={host} in dev mode"):
        Settings(env="dev", host=host, data_dir=tmp_path)
    # prod (with a strong secret) may listen anywhere; dev on loopback is the default.
    assert Settings(env="prod", host=host, jwt_secret="x" * 32, data_dir=tmp_path).host == host


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "[::1]"])
def test_dev_mode_listens_on_loopback(host: str, tmp_path: Path) -> None:
    assert Settings(env="dev", host=host, data_dir=tmp_path).host == host


def test_minted_tokens_never_outlive_the_maximum_lifetime(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path).token_ttl_seconds == 86400
    settings = Settings(data_dir=tmp_path, jwt_ttl_seconds=7 * 86400)
    assert settings.jwt_ttl_seconds > settings.jwt_max_ttl_seconds == 86400
    assert settings.token_ttl_seconds == 86400
    assert Settings(data_dir=tmp_path, jwt_ttl_seconds=600).token_ttl_seconds == 600
