"""`chartq worker` (and `chartq api`) started by hand beside `make run`, without CHARTQ_REDIS_URL: they
join the embedded Redis of the data dir, not redis://127.0.0.1:6379/0 (some other Redis, such as the
operator's own), and say which Redis they use. Nothing here connects to port 6379."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.settings import Settings, get_settings
from worker.cli import app as cli
from worker.cli.embedded_redis import EmbeddedRedis

DEFAULT_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("make-run")  # short: a Unix socket path has at most 107 bytes


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Iterator[dict[str, str]]:
    """A process environment of its own, as a shell in the folder of `make run` has it: no CHARTQ_*
    but the data dir. Whatever the command sets in it is gone after the test."""
    env = {name: value for name, value in os.environ.items() if not name.upper().startswith("CHARTQ_")}
    env["CHARTQ_DATA_DIR"] = str(data_dir)
    monkeypatch.setattr(os, "environ", env)
    get_settings.cache_clear()
    yield env
    get_settings.cache_clear()


@pytest.fixture
def embedded(data_dir: Path) -> Iterator[EmbeddedRedis]:
    """What `make run` runs: redis-server on the Unix socket of the data dir."""
    server = EmbeddedRedis.of_data_dir(data_dir)
    server.appendonly = False
    server.start()
    yield server
    server.stop()


def settings_of_worker(monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The settings `chartq worker` hands its worker."""
    started: list[Settings] = []
    monkeypatch.setattr("worker.main.run_worker", lambda settings, _: started.append(settings))
    cli.worker(concurrency=None)
    (settings,) = started
    return settings


def settings_of_api(monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The settings `chartq api` serves with: the app (api.app:app_factory) reads get_settings()."""
    monkeypatch.setattr("worker.cli.serve_api.serve_api", lambda *_, **__: True)
    cli.api(host=None, port=None, reuse_port=False)
    return get_settings()


def test_the_worker_and_the_api_join_the_embedded_redis_of_the_data_dir(
    environ: dict[str, str],
    embedded: EmbeddedRedis,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert settings_of_worker(monkeypatch).redis_url == embedded.url
    said = capsys.readouterr().err
    assert f"using the embedded Redis of `make run` at {embedded.url}" in said
    assert said.count("\n") == 1
    environ.pop("CHARTQ_REDIS_URL")
    get_settings.cache_clear()
    assert settings_of_api(monkeypatch).redis_url == embedded.url
    assert "using the embedded Redis" in capsys.readouterr().err


def test_chartq_redis_url_set_is_used_as_it_is(
    environ: dict[str, str],
    embedded: EmbeddedRedis,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    environ["CHARTQ_REDIS_URL"] = "redis://127.0.0.1:1/3"  # never connected to here
    assert settings_of_worker(monkeypatch).redis_url == "redis://127.0.0.1:1/3"
    assert settings_of_api(monkeypatch).redis_url == "redis://127.0.0.1:1/3"
    assert capsys.readouterr().err == ""


def test_without_an_embedded_redis_the_default_is_used_with_a_warning(
    environ: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert settings_of_worker(monkeypatch).redis_url == DEFAULT_URL
    said = capsys.readouterr().err
    assert "warning" in said and "CHARTQ_REDIS_URL is not set" in said and DEFAULT_URL in said
    assert "CHARTQ_REDIS_URL" not in environ


def test_a_socket_left_by_a_stopped_make_run_is_not_used(
    environ: dict[str, str],
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stale = EmbeddedRedis.of_data_dir(data_dir).socket_path
    stale.parent.mkdir()
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(stale))  # the file stays; nothing listens on it
    assert settings_of_worker(monkeypatch).redis_url == DEFAULT_URL
    assert "warning" in capsys.readouterr().err
