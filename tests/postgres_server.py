"""A PostgreSQL cluster of the test's own, on a free port: Debian's server binaries run as the postgres
user (initdb refuses root), in a folder under /tmp (pytest's tmp_path is private to root)."""

from __future__ import annotations

import asyncio
import glob
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from worker.cli.embedded_redis import free_port


class PrivatePostgres:
    def __init__(self, root: Path) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not found or shutil.which("runuser") is None:
            pytest.fail("PostgreSQL server binaries are missing: apt-get install postgresql")
        self.bin = Path(found[-1])
        self.data = root / "pgdata"
        self.port = free_port()
        root.mkdir(parents=True, exist_ok=True)
        shutil.chown(root, "postgres", "postgres")
        self._as_postgres("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def _as_postgres(self, tool: str, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bin / tool), *args],
            check=True,
            capture_output=True,
            timeout=120,
        )

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = f"-p {self.port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off"
        self._as_postgres(
            "pg_ctl", "-D", str(self.data), "-o", options, "-w", "-l", str(self.data / "log"), "start"
        )

    def signal_all(self, signum: int) -> None:
        """Sends `signum` to the server and its backends: SIGSTOP freezes it as a hung host would."""
        main_pid = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(["pgrep", "-P", str(main_pid)], capture_output=True, text=True).stdout
        for pid in [main_pid, *(int(p) for p in children.split())]:
            os.kill(pid, signum)

    def stop(self) -> None:
        self._as_postgres("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")


async def migrate(env: dict[str, str]) -> None:
    """`chartq db upgrade` with `env` (a private cluster's CHARTQ_DATABASE_URL), as an operator runs it."""
    await asyncio.to_thread(
        subprocess.run,
        [".venv/bin/python", "-m", "worker.cli", "db", "upgrade"],
        env=os.environ | env,
        check=True,
        capture_output=True,
        timeout=120,
    )
