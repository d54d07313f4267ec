"""A real Redis Sentinel deployment on loopback for tests: a primary, one replica and three sentinels
(Debian's redis-server and redis-sentinel) on free ports in a directory of the test's own.

Sentinels call a primary down after SENTINEL_DOWN_AFTER_MS without an answer and need two of the three
to agree, as in production, only faster. Every wait is on a condition with a generous deadline.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import redis
import trustme

from worker.cli.embedded_redis import free_port, redis_server_binary

SERVICE = "mymaster"
SENTINELS = 3
QUORUM = 2
SENTINEL_DOWN_AFTER_MS = 1000
SENTINEL_FAILOVER_TIMEOUT_MS = 5000
READY_TIMEOUT_S = 60.0
FAILOVER_TIMEOUT_S = 60.0

needs_sentinel = pytest.mark.skipif(
    shutil.which("redis-sentinel") is None,
    reason="redis-sentinel is not installed (apt-get install redis-sentinel; scripts/system-packages)",
)


@dataclass(frozen=True)
class TlsFiles:
    """A test CA and one certificate it issued for 127.0.0.1, used by every node as its server and its
    client certificate (Redis asks clients for one by default: tls-auth-clients yes)."""

    ca: Path
    cert: Path
    key: Path

    @classmethod
    def issue(cls, directory: Path) -> TlsFiles:
        directory.mkdir(parents=True, exist_ok=True)
        authority = trustme.CA()
        issued = authority.issue_cert("127.0.0.1", "localhost")
        files = cls(directory / "ca.crt", directory / "node.crt", directory / "node.key")
        authority.cert_pem.write_to_path(str(files.ca))
        issued.cert_chain_pems[0].write_to_path(str(files.cert))
        issued.private_key_pem.write_to_path(str(files.key))
        return files

    def client_options(self) -> dict[str, Any]:
        return {
            "ssl": True,
            "ssl_ca_certs": str(self.ca),
            "ssl_certfile": str(self.cert),
            "ssl_keyfile": str(self.key),
        }

    def settings(self) -> list[tuple[str, str]]:
        """The TLS settings of a redis-server or redis-sentinel: its certificates, and TLS to the others."""
        return [
            ("tls-cert-file", str(self.cert)),
            ("tls-key-file", str(self.key)),
            ("tls-ca-cert-file", str(self.ca)),
            ("tls-replication", "yes"),
        ]


@dataclass
class Node:
    """One redis-server or redis-sentinel process."""

    name: str
    port: int
    directory: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def log(self) -> Path:
        return self.directory / f"{self.name}.log"

    # The node's certificates, when it speaks only TLS (SentinelDeployment's tls).
    tls: TlsFiles | None = None

    def client(self, password: str | None = None, username: str | None = None) -> redis.Redis:
        return redis.Redis(
            port=self.port,
            username=username,
            password=password,
            socket_timeout=5,
            socket_connect_timeout=2,
            **(self.tls.client_options() if self.tls else {}),
        )

    def start(self, argv: list[str]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        if self.alive():
            assert self.process is not None
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if not self.alive():
            return
        assert self.process is not None
        self.process.terminate()
        self.process.send_signal(signal.SIGCONT)  # a paused process acts on SIGTERM once resumed
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class SentinelDeployment:
    root: Path
    password: str | None = None
    # With a username, the servers and the sentinels take only that ACL user (their default user is off).
    username: str | None = None
    down_after_ms: int = SENTINEL_DOWN_AFTER_MS
    # With TLS files, every node speaks only TLS (its plain port is off), to clients and to each other.
    tls: TlsFiles | None = None
    servers: list[Node] = field(default_factory=list)
    sentinels: list[Node] = field(default_factory=list)
    # Killed on purpose: not reported as having died.
    _killed: set[str] = field(default_factory=set)

    @property
    def url(self) -> str:
        user = quote(self.username, safe="") if self.username else ""
        auth = f"{user}:{quote(self.password, safe='')}@" if self.password else ""
        hosts = ",".join(f"127.0.0.1:{node.port}" for node in self.sentinels)
        if self.tls is None:
            return f"redis+sentinel://{auth}{hosts}/{SERVICE}/0"
        files = f"ssl_ca_certs={self.tls.ca}&ssl_certfile={self.tls.cert}&ssl_keyfile={self.tls.key}"
        return f"rediss+sentinel://{auth}{hosts}/{SERVICE}/0?{files}"

    def start(self) -> SentinelDeployment:
        primary = self._server("primary")
        primary.start(self._server_argv(primary))
        replica = self._server("replica")
        replica.start([*self._server_argv(replica), "--replicaof", "127.0.0.1", str(primary.port)])
        self.until(lambda: self._replicating(replica), "the replica did not sync with the primary")
        for n in range(SENTINELS):
            sentinel = Node(f"sentinel-{n}", free_port(), self.root / f"sentinel-{n}", tls=self.tls)
            self.sentinels.append(sentinel)
            sentinel.start(["redis-sentinel", str(self._sentinel_config(sentinel, primary.port))])
        self.until(self._sentinels_agree, "the sentinels did not find the replica and each other")
        return self

    def stop(self) -> None:
        for node in [*self.sentinels, *self.servers]:
            node.stop()

    def __enter__(self) -> SentinelDeployment:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *_: object) -> None:
        self.stop()

    def primary(self) -> Node:
        """The server the sentinels name as the primary now."""
        port = self.primary_port()
        return next(node for node in self.servers if node.port == port)

    def primary_port(self) -> int:
        for sentinel in self.sentinels:
            if sentinel.alive() and (port := self._named_by(sentinel)) is not None:
                return port
        raise AssertionError("no sentinel answered")

    def failover(self) -> None:
        """SENTINEL FAILOVER: the replica is promoted while the old primary still runs."""
        with self.sentinels[0].client(self.password, self.username) as client:
            client.execute_command("SENTINEL", "FAILOVER", SERVICE)

    def wait_for_new_primary(self, old_port: int, within: float = FAILOVER_TIMEOUT_S) -> Node:
        """The new primary, once every sentinel names it and it answers as one."""

        def promoted() -> bool:
            ports = {self._named_by(sentinel) for sentinel in self.sentinels}
            if len(ports) != 1 or old_port in ports or None in ports:
                return False
            return self._role(self.primary()) == "master"

        self.until(promoted, "no replica was promoted", within)
        return self.primary()

    def _named_by(self, sentinel: Node) -> int | None:
        with sentinel.client(self.password, self.username) as client:
            try:
                _host, port = client.sentinel_get_master_addr_by_name(SERVICE)
            except redis.ConnectionError:
                return None
            return int(port)

    def _server(self, name: str) -> Node:
        node = Node(name, free_port(), self.root / name, tls=self.tls)
        self.servers.append(node)
        return node

    def _server_argv(self, node: Node) -> list[str]:
        ports = ["--port", "0", "--tls-port", str(node.port)] if self.tls else ["--port", str(node.port)]
        argv = [redis_server_binary(), *ports, "--bind", "127.0.0.1", "--dir"]
        argv += [str(node.directory), "--save", "", "--appendonly", "no", "--logfile", str(node.log)]
        if self.username:
            argv += ["--user", "default", "off"]
            argv += ["--user", self.username, "on", f">{self.password}", "~*", "&*", "+@all"]
            argv += ["--masteruser", self.username, "--masterauth", str(self.password)]
        elif self.password:
            argv += ["--requirepass", self.password, "--masterauth", self.password]
        if self.tls:
            argv += [part for name, value in self.tls.settings() for part in (f"--{name}", value)]
        return argv

    def _sentinel_config(self, sentinel: Node, primary_port: int) -> Path:
        lines = [
            *(["port 0", f"tls-port {sentinel.port}"] if self.tls else [f"port {sentinel.port}"]),
            "bind 127.0.0.1",
            "daemonize no",
            f"dir {sentinel.directory}",
            f"logfile {sentinel.log}",
            f"sentinel monitor {SERVICE} 127.0.0.1 {primary_port} {QUORUM}",
            f"sentinel down-after-milliseconds {SERVICE} {self.down_after_ms}",
            f"sentinel failover-timeout {SERVICE} {SENTINEL_FAILOVER_TIMEOUT_MS}",
        ]
        if self.username:
            lines += [
                "user default off",
                f"user {self.username} on >{self.password} ~* &* +@all",
                f"sentinel auth-user {SERVICE} {self.username}",
                f"sentinel auth-pass {SERVICE} {self.password}",
                f"sentinel sentinel-user {self.username}",
                f"sentinel sentinel-pass {self.password}",
            ]
        elif self.password:
            lines += [
                f"requirepass {self.password}",
                f"sentinel auth-pass {SERVICE} {self.password}",
                f"sentinel sentinel-pass {self.password}",
            ]
        if self.tls:
            lines += [f"{name} {value}" for name, value in self.tls.settings()]
        path = sentinel.directory / "sentinel.conf"  # Sentinel rewrites it: a file of its own
        sentinel.directory.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n")
        return path

    def _replicating(self, replica: Node) -> bool:
        with replica.client(self.password, self.username) as client:
            try:
                return bool(client.info("replication").get("master_link_status") == "up")
            except redis.ConnectionError:
                return False

    def _sentinels_agree(self) -> bool:
        for sentinel in self.sentinels:
            with sentinel.client(self.password, self.username) as client:
                try:
                    master = client.sentinel_master(SERVICE)
                    replicas = client.sentinel_slaves(SERVICE)
                except redis.ConnectionError:
                    return False
            if master["num-other-sentinels"] < SENTINELS - 1 or not any(
                not (r["is_sdown"] or r["is_odown"]) and r["master-link-status"] == "ok" for r in replicas
            ):
                return False
        return True

    def _role(self, node: Node) -> str | None:
        with node.client(self.password, self.username) as client:
            try:
                role = client.role()
            except redis.ConnectionError:
                return None
        return str(role[0].decode() if isinstance(role[0], bytes) else role[0])

    def until(self, condition: Callable[[], bool], what: str, within: float = READY_TIMEOUT_S) -> None:
        """Waits for `condition`, failing if a process died meanwhile or `within` seconds passed."""
        deadline = time.monotonic() + within
        while not condition():
            for node in [*self.servers, *self.sentinels]:
                assert node.process is None or node.alive() or node.name in self._killed, (
                    f"{node.name} exited; see {node.log}"
                )
            assert time.monotonic() < deadline, f"{what} within {within:g} s"
            time.sleep(0.1)

    def replica(self) -> Node:
        """The server the sentinels do not name as the primary."""
        (replica,) = [node for node in self.servers if node.port != self.primary_port()]
        return replica

    def replica_down(self) -> bool:
        """Whether every sentinel considers the replica down."""
        port = str(self.replica().port)
        for sentinel in self.sentinels:
            with sentinel.client(self.password, self.username) as client:
                replicas = client.sentinel_slaves(SERVICE)
            if not any(str(r["port"]) == port and r["is_sdown"] for r in replicas):
                return False
        return True

    def kill(self, node: Node) -> None:
        self._killed.add(node.name)
        node.kill()

    @staticmethod
    def pause(node: Node) -> None:
        """SIGSTOP: the process holds its connections but answers nothing, as a hung server."""
        assert node.process is not None
        node.process.send_signal(signal.SIGSTOP)

    @staticmethod
    def resume(node: Node) -> None:
        assert node.process is not None
        node.process.send_signal(signal.SIGCONT)
