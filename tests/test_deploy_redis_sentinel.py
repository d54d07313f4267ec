"""deploy/k8s/components/redis-sentinel: rendered into the prod overlay it replaces the single Redis with
three Redis + Sentinel pods that agree with the redis+sentinel:// URL operators are told to use, and its
init script writes configs that a real redis-server and redis-sentinel accept, password and all.

The checks every variant gets (locked-down containers, Secrets that exist, headless governing Service,
drainable budgets, pinned images, no password on a command line) run on it in tests/test_deploy.py."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

from shared.redis_url import parse_sentinel_url
from tests.test_deploy import K8S, Doc, containers, find, load_all, needs_kubectl, pod_spec, rendered_variant
from worker.cli.embedded_redis import free_port

COMPONENT = K8S / "components" / "redis-sentinel"
VARIANT = "prod+redis-sentinel"
SENTINEL_URL = re.compile(r"redis\+sentinel://\S+")
# A password that needs quoting in a config file and would do harm in a shell.
PASSWORD = "p\"a\\ss wo$rd'$(id)`x`"
needs_sentinel = pytest.mark.skipif(
    shutil.which("redis-sentinel") is None or shutil.which("redis-server") is None,
    reason="redis-server and redis-sentinel are not installed",
)


def init_env(stateful_set: Doc) -> dict[str, str]:
    """The init container's plain environment variables (those with a literal value)."""
    (init,) = pod_spec(stateful_set)["initContainers"]
    return {item["name"]: str(item["value"]) for item in init["env"] if "value" in item}


@needs_kubectl
def test_the_component_replaces_the_single_redis_and_matches_the_documented_url() -> None:
    docs = rendered_variant(VARIANT)
    names = {(d["kind"], d["metadata"]["name"]) for d in docs}
    for gone in [
        ("StatefulSet", "chartq-redis"),
        ("Service", "chartq-redis"),
        ("ConfigMap", "chartq-redis-config"),
    ]:
        assert gone not in names, f"{gone} of the single Redis is still there"
    stateful_set = find(docs, "StatefulSet", "chartq-redis-ha")
    env = init_env(stateful_set)
    pods = int(stateful_set["spec"]["replicas"])
    assert int(env["PODS"]) == pods
    assert pods // 2 < int(env["QUORUM"]) <= pods, "the quorum must be a majority of the sentinels"
    assert {c["name"] for c in containers(stateful_set)} == {"config", "redis", "sentinel"}
    service = find(docs, "Service", stateful_set["spec"]["serviceName"])["spec"]
    assert service["publishNotReadyAddresses"] is True, "pods must find each other before they are ready"
    assert {port["port"] for port in service["ports"]} == {6379, 26379}

    expected_hosts = tuple((f"{env['STATEFULSET']}-{i}.{env['SERVICE']}", 26379) for i in range(pods))
    shown = [
        *SENTINEL_URL.findall((K8S / "base" / "secret.example.yaml").read_text()),
        *SENTINEL_URL.findall((COMPONENT / "kustomization.yaml").read_text()),
    ]
    assert len(shown) == 2
    for url in shown:
        parsed = parse_sentinel_url(url)
        assert parsed.sentinels == expected_hosts
        assert parsed.service_name == env["MASTER_NAME"]
        assert parsed.password, "the sentinels and Redis ask for the password"


@contextmanager
def server(argv: list[str], log: Path, password: str) -> Iterator[redis.Redis]:
    """Runs `argv` (its config sets the port) and yields a client once it answers with the password."""
    port = int(re.findall(r"^port (\d+)$", Path(argv[-1]).read_text(), re.MULTILINE)[-1])
    with log.open("w") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=out)
    client = redis.Redis(port=port, password=password, decode_responses=True, socket_timeout=5)
    try:
        deadline = time.monotonic() + 10
        while True:
            assert process.poll() is None, log.read_text()
            try:
                client.ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, f"{argv[0]} did not start: {log.read_text()}"
                time.sleep(0.05)
        yield client
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


@needs_sentinel
def test_the_init_script_writes_configs_redis_and_sentinel_accept(tmp_path: Path) -> None:
    docs = load_all(COMPONENT / "redis-sentinel.yaml")
    data = find(docs, "ConfigMap", "chartq-redis-ha-config")["data"]
    env = init_env(find(docs, "StatefulSet", "chartq-redis-ha"))
    # The pod's mounts, here directories of the test.
    local = {
        p: tmp_path / p.strip("/").replace("/", "-")
        for p in ("/run/secrets/redis", "/run/redis", "/run/sentinel", "/data")
    }
    for path in local.values():
        path.mkdir()
    mounts = re.compile("|".join(re.escape(m) for m in sorted(local, key=len, reverse=True)))
    script, redis_conf = (
        mounts.sub(lambda m: str(local[m.group(0)]), data[name]) for name in ("init.sh", "redis.conf")
    )
    (local["/run/secrets/redis"] / "password").write_text(PASSWORD + "\n")
    (tmp_path / "init.sh").write_text(script)

    def init(pod: str) -> tuple[str, str]:
        # No sentinel answers (their names do not resolve here): a first start, so pod 0 is the primary.
        run_env = {"PATH": "/usr/bin:/bin", "POD_NAME": pod, "REDISCLI_AUTH": PASSWORD, **env}
        subprocess.run(
            ["sh", str(tmp_path / "init.sh")], env=run_env, check=True, timeout=60, capture_output=True
        )
        return (local["/run/redis"] / "pod.conf").read_text(), (
            local["/run/sentinel"] / "sentinel.conf"
        ).read_text()

    primary = f"{env['STATEFULSET']}-0.{env['SERVICE']}"
    pod_conf, _ = init(f"{env['STATEFULSET']}-1")
    assert f"replicaof {primary} 6379\n" in pod_conf
    pod_conf, sentinel_conf = init(f"{env['STATEFULSET']}-0")
    assert "replicaof" not in pod_conf
    assert f"sentinel monitor {env['MASTER_NAME']} {primary} 6379 {env['QUORUM']}\n" in sentinel_conf
    assert PASSWORD not in pod_conf + sentinel_conf, "the password is written quoted"
    assert [
        p.stat().st_mode & 0o077
        for p in (local["/run/redis"] / "pod.conf", local["/run/sentinel"] / "sentinel.conf")
    ] == [0, 0]

    redis_port, sentinel_port = free_port(), free_port()
    (tmp_path / "redis.conf").write_text(redis_conf + f"port {redis_port}\nbind 127.0.0.1\n")
    # The pod names do not resolve here: the sentinel watches the local server instead.
    sentinel_conf = sentinel_conf.replace(f"{primary} 6379", f"127.0.0.1 {redis_port}")
    sentinel_conf = sentinel_conf.replace("port 26379", f"port {sentinel_port}\nbind 127.0.0.1")
    (local["/run/sentinel"] / "sentinel.conf").write_text(sentinel_conf)

    with server(
        ["redis-server", str(tmp_path / "redis.conf")], tmp_path / "redis.log", PASSWORD
    ) as primary_client:
        with redis.Redis(port=redis_port) as anonymous, pytest.raises(redis.AuthenticationError):
            anonymous.ping()
        # min-replicas-to-write: a primary that hears from no replica refuses writes (chartq: 503).
        with pytest.raises(redis.ResponseError, match="NOREPLICAS"):
            primary_client.set("k", "v")
        sentinel_argv = ["redis-sentinel", str(local["/run/sentinel"] / "sentinel.conf")]
        with server(sentinel_argv, tmp_path / "sentinel.log", PASSWORD) as sentinel:
            with redis.Redis(port=sentinel_port) as anonymous, pytest.raises(redis.AuthenticationError):
                anonymous.ping()
            deadline = time.monotonic() + 30
            # Connected: a sentinel whose password Redis refuses keeps its link "disconnected".
            while not watching(sentinel.sentinel_master(env["MASTER_NAME"])):
                assert time.monotonic() < deadline, sentinel.sentinel_master(env["MASTER_NAME"])
                time.sleep(0.1)
            assert sentinel.sentinel_master(env["MASTER_NAME"])["port"] == redis_port


def watching(state: dict[str, object]) -> bool:
    return bool(state["is_master"]) and not state["is_disconnected"] and not state["is_sdown"]
