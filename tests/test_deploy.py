"""The deployment files (deploy/: Dockerfile, docker-compose.yml, the Kubernetes kustomize tree) agree with
the code: real commands, real settings, real metrics and stats fields, drain shorter than the grace period.

Static checks with pyyaml. When `kubectl` is on PATH, the overlays are also rendered with
`kubectl kustomize` (offline), as shipped and with the optional components enabled the way their comments
say, and the rendered objects are checked too: Secrets that exist, locked-down containers, headless
Services, budgets that let nodes drain, pinned images, no password on a command line.
"""

from __future__ import annotations

import fnmatch
import math
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from shared.settings import Settings
from shared.stats.report import QueueStats

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
COMPOSE = DEPLOY / "docker-compose.yml"
DOCKERFILE = DEPLOY / "Dockerfile"
METRICS_SOURCE = ROOT / "api" / "metrics.py"
STATS_PATH = "/api/v1/analytics/queue/stats"
DATA_DIR = "/home/chartq/data"
OVERLAYS = sorted(p.parent for p in (K8S / "overlays").glob("*/kustomization.yaml"))
KUSTOMIZATIONS = sorted(K8S.rglob("kustomization.yaml"))
WORKLOAD_KINDS = {"Deployment", "StatefulSet", "Job", "DaemonSet"}

Doc = dict[str, Any]


# ---------------------------------------------------------------------------------------------- helpers


def load_all(path: Path) -> list[Any]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc is not None]


def yaml_files() -> list[Path]:
    return sorted(DEPLOY.rglob("*.yaml")) + sorted(DEPLOY.rglob("*.yml"))


@cache
def compose() -> Doc:
    doc = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(doc, dict)
    return doc


def k8s_docs() -> Iterator[tuple[Path, Doc]]:
    """Every Kubernetes object in the tree (kustomizations themselves excluded)."""
    for path in sorted(K8S.rglob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for doc in load_all(path):
            if isinstance(doc, dict) and "kind" in doc:
                yield path, doc


def base_objects() -> list[Doc]:
    """The objects that base/kustomization.yaml lists."""
    kustomization = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())
    docs: list[Doc] = []
    for entry in kustomization["resources"]:
        docs.extend(load_all(K8S / "base" / entry))
    return docs


def find(docs: list[Doc], kind: str, name: str) -> Doc:
    matches = [d for d in docs if d.get("kind") == kind and d["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind} {name}, found {len(matches)}"
    return matches[0]


def pod_spec(doc: Doc) -> Doc:
    spec: Doc = doc["spec"]["template"]["spec"]
    return spec


def containers(doc: Doc) -> list[Doc]:
    spec = pod_spec(doc)
    return list(spec.get("initContainers", [])) + list(spec["containers"])


def env_value(container: Doc, name: str) -> str | None:
    for item in container.get("env", []):
        if item["name"] == name:
            value = item.get("value")
            return None if value is None else str(value)
    return None


def worker_deployment(docs: list[Doc]) -> Doc:
    workers = [
        d
        for d in docs
        if d.get("kind") == "Deployment" and command_of(containers(d)[-1])[:2] == ["chartq", "worker"]
    ]
    assert len(workers) == 1, "expected exactly one Deployment running `chartq worker`"
    return workers[0]


def command_of(container: Doc) -> list[str]:
    return [str(part) for part in container.get("command", []) + container.get("args", [])]


def kustomize_patches(kustomization: Doc) -> list[Any]:
    """The `patches` entries of a kustomization (`path` to a file, or an inline `patch`)."""
    return list(kustomization.get("patches", []))


def parse_patch(directory: Path, patch: Doc) -> Any:
    text = (directory / patch["path"]).read_text() if "path" in patch else patch["patch"]
    return yaml.safe_load(text)


def chartq_commands() -> list[tuple[str, list[str]]]:
    """(where, argv) for every `chartq ...` that compose, Kubernetes and the Dockerfile run."""
    found: list[tuple[str, list[str]]] = []
    for name, service in compose()["services"].items():
        command = service.get("command")
        if isinstance(command, str):
            command = shlex.split(command)
        if command and command[0] == "chartq":
            found.append((f"compose service {name}", [str(c) for c in command]))
    for path, doc in k8s_docs():
        if doc["kind"] in WORKLOAD_KINDS:
            for container in containers(doc):
                argv = command_of(container)
                if argv and argv[0] == "chartq":
                    found.append((f"{path.relative_to(ROOT)} {doc['metadata']['name']}", argv))
    found.append(("Dockerfile CMD", dockerfile_cmd()))
    return found


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    lines: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        instruction, _, rest = line.partition(" ")
        lines.append((instruction.upper(), rest.strip()))
    return lines


def dockerfile_stages() -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for instruction, rest in dockerfile_instructions():
        if instruction == "FROM":
            stages.append([])
        if stages:
            stages[-1].append((instruction, rest))
    return stages


def dockerfile_cmd() -> list[str]:
    cmds = [rest for instruction, rest in dockerfile_stages()[-1] if instruction == "CMD"]
    assert cmds, "the runtime stage has no CMD"
    argv = yaml.safe_load(cmds[-1])  # exec form: a JSON list
    assert isinstance(argv, list), "CMD should be in exec form: a JSON list"
    return [str(part) for part in argv]


def dockerfile_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for instruction, rest in dockerfile_stages()[-1]:
        if instruction == "ENV":
            for token in shlex.split(rest):
                key, sep, value = token.partition("=")
                if sep:
                    env[key] = value
    return env


def chartq_variables() -> Iterator[tuple[str, str]]:
    """(where, NAME) for every CHARTQ_* variable the deployment files set."""
    for key in dockerfile_env():
        yield "Dockerfile ENV", key
    for name, service in compose()["services"].items():
        environment = service.get("environment") or {}
        keys = environment if isinstance(environment, dict) else [e.split("=", 1)[0] for e in environment]
        for key in keys:
            yield f"compose service {name}", key
    for path, doc in k8s_docs():
        where = f"{path.relative_to(ROOT)} {doc['kind']} {doc.get('metadata', {}).get('name')}"
        if doc["kind"] in ("ConfigMap", "Secret"):
            for section in ("data", "stringData"):
                yield from ((where, key) for key in (doc.get(section) or {}))
        if doc["kind"] in WORKLOAD_KINDS:
            for container in containers(doc):
                yield from ((where, item["name"]) for item in container.get("env", []))
    for path in KUSTOMIZATIONS:
        kustomization = yaml.safe_load(path.read_text())
        for generator in kustomization.get("secretGenerator", []) + kustomization.get(
            "configMapGenerator", []
        ):
            for literal in generator.get("literals", []):
                yield f"{path.relative_to(ROOT)} generator {generator['name']}", literal.split("=", 1)[0]
        for patch in kustomize_patches(kustomization):
            parsed = parse_patch(path.parent, patch)
            if isinstance(parsed, dict) and parsed.get("kind") == "ConfigMap":
                where = f"{path.relative_to(ROOT)} ConfigMap patch"
                yield from ((where, key) for key in parsed.get("data") or {})


def seconds(value: Any) -> float:
    """A compose duration ("40s", "1m30s", 45) in seconds."""
    if isinstance(value, int | float):
        return float(value)
    total, units = 0.0, {"h": 3600, "m": 60, "s": 1, "ms": 0.001}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|h|m|s)", str(value))
    assert parts, f"not a duration: {value!r}"
    for number, unit in parts:
        total += float(number) * units[unit]
    return total


@cache
def rendered(overlay: Path) -> list[Doc]:
    kubectl = shutil.which("kubectl")
    assert kubectl is not None
    result = subprocess.run(
        [kubectl, "kustomize", str(overlay)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    return [d for d in yaml.safe_load_all(result.stdout) if d]


needs_kubectl = pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")

# What operators are told to apply: each overlay as shipped, and the prod overlay with the components its
# kustomization.yaml lists commented out, uncommented as its comment says.
VARIANTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "dev": ("dev", ()),
    "prod": ("prod", ()),
    "prod+keda-prometheus": ("prod", ("keda-prometheus",)),
    "prod+keda-prometheus+auth": ("prod", ("keda-prometheus", "keda-prometheus-auth")),
    "prod+redis-sentinel": ("prod", ("redis-sentinel",)),
}


def enable_components(kustomization: str, components: tuple[str, ...]) -> str:
    """Uncomments `# components:` and the `#   - ../../components/NAME` lines of `components`."""
    lines = kustomization.splitlines()
    wanted = {f"#   - ../../components/{name}" for name in components} | {"# components:"}
    found = {line for line in lines if line in wanted}
    assert found == wanted, f"commented lines to enable not found: {sorted(wanted - found)}"
    return "\n".join(line[2:] if line in wanted else line for line in lines) + "\n"


@cache
def rendered_variant(variant: str) -> list[Doc]:
    overlay, components = VARIANTS[variant]
    if not components:
        return rendered(K8S / "overlays" / overlay)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "k8s"
        shutil.copytree(K8S, copy)
        kustomization = copy / "overlays" / overlay / "kustomization.yaml"
        kustomization.write_text(enable_components(kustomization.read_text(), components))
        return rendered(copy / "overlays" / overlay)


def workloads(docs: list[Doc]) -> list[Doc]:
    return [d for d in docs if d["kind"] in WORKLOAD_KINDS]


def container_where(doc: Doc, container: Doc) -> str:
    return f"{doc['kind']} {doc['metadata']['name']} container {container['name']}"


def split_image(image: str) -> tuple[str, str | None, str | None]:
    """(repository, tag, digest) of an image reference."""
    name, _, digest = image.partition("@")
    repository, tag = name, None
    if ":" in name.rsplit("/", 1)[-1]:
        repository, tag = name.rsplit(":", 1)
    return repository, tag, digest or None


OWN_IMAGE = "chartq"
EXACT_VERSION = re.compile(r"^v?\d+\.\d+\.\d+(?:[-.+][\w.-]+)?$")
# Projects whose every release is MAJOR.MINOR (PostgreSQL since 10: 16.6 is a release, 16 floats).
TWO_PART_VERSIONS = {"postgres"}
EXACT_TWO_PART_VERSION = re.compile(r"^\d+\.\d+(?:-[\w.-]+)?$")


def floating_tag(image: str) -> str | None:
    """Why `image` may change under the same reference, or None when it is pinned. Third-party images
    need an exact release (or a digest); chartq's own image needs a tag, never `latest`."""
    repository, tag, digest = split_image(image)
    name = repository.rsplit("/", 1)[-1]
    if name == OWN_IMAGE:
        return "chartq's image has no tag per release" if tag in (None, "latest") else None
    if digest:
        return None
    if tag is None or tag == "latest":
        return "no tag, or `latest`"
    exact = EXACT_TWO_PART_VERSION if name in TWO_PART_VERSIONS else EXACT_VERSION
    if not exact.match(tag):
        return f"tag {tag!r} is not an exact release (it moves to each new patch release)"
    return None


SECRET_VARIABLE = re.compile(r"PASS|SECRET|TOKEN|AUTH", re.IGNORECASE)


def password_in_argv(argv: list[str], secret_variables: set[str]) -> list[str]:
    """The parts of a command line that would show a password in `ps` or /proc/PID/cmdline."""
    problems = []
    for part in argv:
        if "requirepass" in part.lower():
            problems.append(f"{part!r}: requirepass on a command line")
        # Kubernetes expands $(VAR) into the argument itself; compose expands ${VAR} and $VAR.
        for variable in re.findall(r"\$\((\w+)\)|\$\{?(\w+)", part):
            name = next(v for v in variable if v)
            if name in secret_variables or SECRET_VARIABLE.search(name):
                problems.append(f"{part!r}: expands {name} into the arguments")
        if re.search(r"\bredis-cli\b.*\s(-a|--pass|--user)\b", part):
            problems.append(f"{part!r}: redis-cli -a (use REDISCLI_AUTH)")
    return problems


def container_argvs(container: Doc) -> Iterator[tuple[str, list[str]]]:
    """(what, argv) of everything a container runs: its command and args, exec probes and hooks."""
    yield "command", command_of(container)
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        command = container.get(probe, {}).get("exec", {}).get("command")
        if command:
            yield probe, [str(part) for part in command]
    for hook, handler in (container.get("lifecycle") or {}).items():
        command = handler.get("exec", {}).get("command")
        if command:
            yield f"lifecycle {hook}", [str(part) for part in command]


def secret_references(doc: Doc) -> Iterator[tuple[str, str, str | None]]:
    """(where, Secret name, key or None) for every Secret an object reads."""
    where = f"{doc['kind']} {doc['metadata']['name']}"
    if doc["kind"] in WORKLOAD_KINDS:
        for container in containers(doc):
            at = container_where(doc, container)
            for ref in container.get("envFrom", []):
                if "secretRef" in ref:
                    yield f"{at} envFrom", ref["secretRef"]["name"], None
            for item in container.get("env", []):
                key_ref = item.get("valueFrom", {}).get("secretKeyRef")
                if key_ref:
                    yield f"{at} env {item['name']}", key_ref["name"], key_ref["key"]
        for volume in pod_spec(doc).get("volumes", []):
            sources = [volume, *volume.get("projected", {}).get("sources", [])]
            for source in sources:
                secret = source.get("secret")
                if secret:
                    name = secret.get("secretName", secret.get("name"))
                    for item in secret.get("items") or [{"key": None}]:
                        yield f"{where} volume {volume['name']}", name, item["key"]
    elif doc["kind"] in ("TriggerAuthentication", "ClusterTriggerAuthentication"):
        for ref in doc["spec"].get("secretTargetRef", []):
            yield where, ref["name"], ref["key"]
    elif doc["kind"] in ("ServiceMonitor", "PodMonitor"):
        spec = doc["spec"]
        for endpoint in spec.get("endpoints", []) + spec.get("podMetricsEndpoints", []):
            for ref in (
                endpoint.get("authorization", {}).get("credentials"),
                endpoint.get("bearerTokenSecret"),
            ):
                if ref:
                    yield f"{where} endpoint {endpoint.get('port')}", ref["name"], ref["key"]


def secret_keys(docs: list[Any]) -> dict[str, set[str]]:
    return {
        d["metadata"]["name"]: set(d.get("stringData") or {}) | set(d.get("data") or {})
        for d in docs
        if isinstance(d, dict) and d.get("kind") == "Secret"
    }


def replicas_floor(docs: list[Doc], workload: Doc) -> int:
    """The fewest replicas a workload runs with: its `replicas`, or its autoscaler's minimum."""
    if "replicas" in workload["spec"]:
        return int(workload["spec"]["replicas"])
    for doc in docs:
        ref = doc.get("spec", {}).get("scaleTargetRef", {})
        if (
            ref.get("name") != workload["metadata"]["name"]
            or ref.get("kind", "Deployment") != workload["kind"]
        ):
            continue
        if doc["kind"] == "HorizontalPodAutoscaler":
            return int(doc["spec"].get("minReplicas", 1))
        if doc["kind"] == "ScaledObject":
            return int(doc["spec"].get("minReplicaCount", 0))
    return 1  # the Kubernetes default


def budget_count(value: int | str, replicas: int) -> int:
    """A PodDisruptionBudget's minAvailable or maxUnavailable in pods (percentages round up)."""
    if isinstance(value, str) and value.endswith("%"):
        return math.ceil(int(value[:-1]) * replicas / 100)
    return int(value)


# ---------------------------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: str(p.relative_to(DEPLOY)))
def test_every_yaml_file_parses(path: Path) -> None:
    docs = load_all(path)
    assert docs, f"{path} is empty"
    for doc in docs:
        assert isinstance(doc, dict | list), f"{path}: a document is neither a mapping nor a list"


def test_k8s_objects_have_api_version_kind_and_name() -> None:
    for path, doc in k8s_docs():
        assert doc.get("apiVersion"), f"{path}: {doc['kind']} without apiVersion"
        if doc["kind"] not in ("Kustomization", "Component"):
            assert doc.get("metadata", {}).get("name"), f"{path}: {doc['kind']} without a name"


# ---------------------------------------------------------------------------------------------- commands


@cache
def help_exit_code(argv: tuple[str, ...]) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "worker.cli", *argv, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    return result.returncode, result.stderr


def subcommand(argv: list[str]) -> tuple[str, ...]:
    """The subcommand words of a `chartq ...` argv (options and their values dropped)."""
    words: list[str] = []
    for part in argv[1:]:
        if part.startswith("-"):
            break
        words.append(part)
    return tuple(words)


def test_the_deployment_runs_the_api_the_worker_and_the_migration() -> None:
    commands = {subcommand(argv) for _, argv in chartq_commands()}
    assert {("api",), ("worker",), ("db", "upgrade")} <= commands


@pytest.mark.parametrize(
    "where,argv", chartq_commands(), ids=lambda v: v if isinstance(v, str) else " ".join(v)
)
def test_every_chartq_command_is_a_real_subcommand(where: str, argv: list[str]) -> None:
    words = subcommand(argv)
    assert words, f"{where}: `chartq` without a subcommand"
    code, stderr = help_exit_code(words)
    assert code == 0, f"{where}: `chartq {' '.join(words)} --help` exited {code}: {stderr}"


# ---------------------------------------------------------------------------------------------- settings


def test_every_chartq_variable_is_a_setting() -> None:
    known = {f"CHARTQ_{name.upper()}" for name in Settings.model_fields}
    seen = list(chartq_variables())
    assert any(name == "CHARTQ_WORKER_DRAIN_SECONDS" for _, name in seen)
    unknown = sorted(
        {(where, name) for where, name in seen if name.startswith("CHARTQ_") and name not in known}
    )
    assert not unknown, f"not fields of shared.settings.Settings: {unknown}"


def test_every_configmap_value_parses_as_its_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ConfigMap's values, read from the environment as the pods read them, make valid Settings
    (numbers, booleans, JSON lists)."""
    for key in list(os.environ):
        if key.startswith("CHARTQ_"):
            monkeypatch.delenv(key)
    config = find(base_objects(), "ConfigMap", "chartq-config")
    for key, value in config["data"].items():
        assert isinstance(value, str), f"{key}: ConfigMap values must be strings (quote them)"
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("CHARTQ_JWT_SECRET", "x" * 40)
    settings = Settings()
    assert settings.env == "prod" and settings.port == 8000 and str(settings.data_dir) == DATA_DIR


# ---------------------------------------------------------------------------------------------- Dockerfile


def test_dockerfile_is_multi_stage_slim_non_root_and_prod() -> None:
    stages = dockerfile_stages()
    assert len(stages) >= 2, "a builder stage and a runtime stage"
    instructions = [i for i, _ in dockerfile_instructions()]
    assert "HEALTHCHECK" not in instructions, "orchestrators probe /health and /ready themselves"
    args = {
        rest.split("=", 1)[0]: rest.split("=", 1)[1]
        for i, rest in dockerfile_instructions()
        if i == "ARG" and "=" in rest
    }
    runtime_from = stages[-1][0][1].split()[0]
    runtime_image = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), runtime_from)
    repository, tag, _ = split_image(runtime_image)
    assert repository == "python" and tag and tag.startswith("3.11.") and "-slim" in tag, runtime_image
    users = [rest for i, rest in stages[-1] if i == "USER"]
    assert users, "the runtime stage must switch to a non-root USER"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0") and user.isdigit(), f"USER {users[-1]}: use a fixed numeric non-root UID"
    runtime_text = " ".join(rest for _, rest in stages[-1])
    assert f"--uid {user}" in runtime_text or f"CHARTQ_UID={user}" in runtime_text
    assert "[dev]" not in DOCKERFILE.read_text() and ".[dev]" not in DOCKERFILE.read_text()
    env = dockerfile_env()
    assert env.get("CHARTQ_ENV") == "prod" and env.get("CHARTQ_HOST") == "0.0.0.0"
    assert env.get("CHARTQ_DATA_DIR") == DATA_DIR
    assert ("EXPOSE", "8000") in stages[-1]


def test_dockerfile_cmd_is_chartq_api() -> None:
    argv = dockerfile_cmd()
    assert argv == ["chartq", "api"]
    assert help_exit_code(subcommand(argv))[0] == 0


def test_package_data_covers_every_non_python_file_of_the_packages() -> None:
    """The image installs a wheel: a static asset, YAML or migration template not matched by
    [tool.setuptools.package-data] would silently be missing from it."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns: list[str] = pyproject["tool"]["setuptools"]["package-data"]["*"]
    missing = []
    for package in ("api", "worker", "shared"):
        for path in (ROOT / package).rglob("*"):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".py", ".pyc", ".pyi"):
                continue
            if not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns):
                missing.append(str(path.relative_to(ROOT)))
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"
    assert (ROOT / "shared" / "db" / "migrations" / "versions").is_dir()
    find_config = pyproject["tool"]["setuptools"]["packages"]["find"]
    # shared/db/migrations/versions has no __init__.py: only namespace discovery (the default) includes it.
    assert find_config.get("namespaces", True) is True


def test_dockerignore_keeps_the_build_context_small() -> None:
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    assert "**" in ignore and "!shared/**" in ignore


# ---------------------------------------------------------------------------------------------- compose


def test_compose_redis_is_durable() -> None:
    redis = compose()["services"]["redis"]
    assert redis["image"].startswith("redis:7")
    command = " ".join(str(c) for c in redis["command"])
    assert "--appendonly yes" in command and "--appendfsync everysec" in command
    assert "--maxmemory-policy noeviction" in command
    assert any(str(v).endswith(":/data") for v in redis["volumes"])


def test_compose_postgres_has_a_volume_and_a_healthcheck() -> None:
    postgres = compose()["services"]["postgres"]
    assert postgres["image"].startswith("postgres:16")
    assert postgres["healthcheck"]["test"]
    assert any("/var/lib/postgresql/data" in str(v) for v in postgres["volumes"])


def test_compose_migrates_before_the_api_and_workers_start() -> None:
    services = compose()["services"]
    assert services["migrate"]["command"] == ["chartq", "db", "upgrade"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in ("api", "worker"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert "healthcheck" not in services[name]


def test_compose_requires_the_jwt_secret_from_the_environment() -> None:
    text = COMPOSE.read_text()
    assert "${CHARTQ_JWT_SECRET:?" in text
    for name in ("migrate", "api", "worker"):
        secret = compose()["services"][name]["environment"]["CHARTQ_JWT_SECRET"]
        assert secret.startswith("${CHARTQ_JWT_SECRET:?")


def test_compose_worker_scales_and_outlives_its_drain() -> None:
    worker = compose()["services"]["worker"]
    assert "container_name" not in worker and "ports" not in worker, "`--scale worker=N` needs neither"
    drain = float(worker["environment"]["CHARTQ_WORKER_DRAIN_SECONDS"])
    grace = seconds(worker["stop_grace_period"])
    assert drain + 3 <= grace <= drain + 30, f"stop_grace_period {grace}s vs drain {drain}s"
    assert compose()["services"]["api"]["ports"]


def test_compose_and_dockerfile_images_are_pinned() -> None:
    images = [
        (f"compose service {name}", service["image"])
        for name, service in compose()["services"].items()
        if "image" in service
    ]
    for name, service in compose()["services"].items():
        if "build" in service:
            assert split_image(service["image"])[0] == OWN_IMAGE, f"compose service {name} builds chartq"
    args = {
        rest.split("=", 1)[0]: rest.split("=", 1)[1]
        for i, rest in dockerfile_instructions()
        if i == "ARG" and "=" in rest
    }
    stages: set[str] = set()
    for instruction, rest in dockerfile_instructions():
        if instruction == "FROM":
            words = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), rest).split()
            if words[0] not in stages:
                images.append(("Dockerfile FROM", words[0]))
            if len(words) == 3 and words[1].upper() == "AS":
                stages.add(words[2])
    syntax = re.match(r"#\s*syntax=(\S+)", DOCKERFILE.read_text())
    if syntax:
        images.append(("Dockerfile syntax", syntax.group(1)))
    assert len(images) >= 4
    for where, image in images:
        reason = floating_tag(image)
        assert reason is None, f"{where}: {image}: {reason}"


def test_compose_puts_no_password_on_a_command_line() -> None:
    for name, service in compose()["services"].items():
        argvs = {"command": service.get("command"), "healthcheck": service.get("healthcheck", {}).get("test")}
        for what, argv in argvs.items():
            if isinstance(argv, str):
                argv = shlex.split(argv)
            problems = password_in_argv([str(part) for part in argv or []], set())
            assert not problems, f"compose service {name} {what}: {problems}"


# ---------------------------------------------------------------------------------------------- kustomize


@pytest.mark.parametrize("path", KUSTOMIZATIONS, ids=lambda p: str(p.parent.relative_to(K8S)))
def test_kustomization_references_exist(path: Path) -> None:
    kustomization = yaml.safe_load(path.read_text())
    directory = path.parent
    for entry in kustomization.get("resources", []) + kustomization.get("components", []):
        target = (directory / entry).resolve()
        assert target.exists(), f"{path}: {entry} does not exist"
        if target.is_dir():
            assert (target / "kustomization.yaml").exists(), f"{path}: {entry} has no kustomization.yaml"
    for patch in kustomize_patches(kustomization):
        assert "path" in patch or "patch" in patch
        if "path" in patch:
            assert (directory / patch["path"]).is_file(), f"{path}: patch {patch['path']} does not exist"
        assert parse_patch(directory, patch) is not None
    # Every Kubernetes file of a directory is used by its kustomization, except the Secret example.
    listed = {Path(e).name for e in kustomization.get("resources", [])}
    listed |= {Path(p["path"]).name for p in kustomize_patches(kustomization) if "path" in p}
    for candidate in directory.glob("*.yaml"):
        if candidate.name in ("kustomization.yaml", "secret.example.yaml"):
            continue
        assert candidate.name in listed, f"{candidate} is not referenced by {path}"


def test_the_secret_example_holds_only_placeholders_and_is_never_applied() -> None:
    example = K8S / "base" / "secret.example.yaml"
    for path in KUSTOMIZATIONS:
        kustomization = yaml.safe_load(path.read_text())
        assert "secret.example.yaml" not in [Path(e).name for e in kustomization.get("resources", [])]
    secrets = load_all(example)
    app = find(secrets, "Secret", "chartq-secrets")["stringData"]
    assert {"CHARTQ_JWT_SECRET", "CHARTQ_DATABASE_URL", "CHARTQ_REDIS_URL"} <= set(app)
    for secret in secrets:
        for value in secret["stringData"].values():
            assert "CHANGE-ME" in value
    # Too short on purpose: an unedited copy makes the API and workers refuse to start in prod.
    assert len(app["CHARTQ_JWT_SECRET"].encode()) < 32


def test_base_api_deployment() -> None:
    docs = base_objects()
    api = find(docs, "Deployment", "chartq-api")
    assert api["spec"]["replicas"] == 2
    (container,) = containers(api)
    assert command_of(container) == ["chartq", "api"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/health"
    assert container["resources"]["requests"] and container["resources"]["limits"]
    service = find(docs, "Service", "chartq-api")
    assert service["spec"]["selector"].items() <= api["spec"]["template"]["metadata"]["labels"].items()
    assert service["spec"]["ports"][0]["port"] == 8000


@pytest.mark.parametrize(
    "kind,name", [("Deployment", "chartq-api"), ("Deployment", "chartq-worker"), ("Job", "chartq-migrate")]
)
def test_chartq_pods_are_locked_down(kind: str, name: str) -> None:
    doc = find(base_objects(), kind, name)
    spec = pod_spec(doc)
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] != 0
    assert spec.get("enableServiceLinks") is False, "service links inject CHARTQ_*-prefixed variables"
    volumes = {v["name"]: v for v in spec["volumes"]}
    for container in containers(doc):
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        assert DATA_DIR in mounts and "emptyDir" in volumes[mounts[DATA_DIR]]
        assert container["resources"]["requests"]
        refs = {next(iter(e.values()))["name"] for e in container["envFrom"]}
        assert refs == {"chartq-config", "chartq-secrets"}


def test_migration_job_runs_db_upgrade() -> None:
    job = find(base_objects(), "Job", "chartq-migrate")
    assert command_of(containers(job)[0]) == ["chartq", "db", "upgrade"]
    assert pod_spec(job)["restartPolicy"] in ("Never", "OnFailure")


def check_worker_grace(worker: Doc, where: str) -> None:
    (container,) = containers(worker)
    drain = env_value(container, "CHARTQ_WORKER_DRAIN_SECONDS")
    assert drain is not None, (
        f"{where}: the worker must set CHARTQ_WORKER_DRAIN_SECONDS next to its grace period"
    )
    grace = pod_spec(worker)["terminationGracePeriodSeconds"]
    assert grace > float(drain), f"{where}: terminationGracePeriodSeconds {grace} <= drain {drain}"
    assert grace - float(drain) >= 5, f"{where}: leave a few seconds over the drain for the hand-back"


def test_base_worker_grace_period_exceeds_its_drain() -> None:
    worker = worker_deployment(base_objects())
    check_worker_grace(worker, "base")
    assert "replicas" not in worker["spec"], "KEDA owns the worker replica count"


def merge_worker_patch(worker: Doc, patch: Any, where: str) -> None:
    """Applies the parts of an overlay patch that matter here (grace period, env) to the worker."""
    spec = pod_spec(worker)
    (container,) = spec["containers"]
    if isinstance(patch, list):  # JSON 6902
        for op in patch:
            if op["path"].endswith("/terminationGracePeriodSeconds"):
                spec["terminationGracePeriodSeconds"] = op["value"]
            assert "/env" not in op["path"], f"{where}: change the worker env with a strategic merge patch"
        return
    if patch.get("kind") != "Deployment" or patch["metadata"]["name"] != worker["metadata"]["name"]:
        return
    patch_spec = patch.get("spec", {}).get("template", {}).get("spec", {})
    if "terminationGracePeriodSeconds" in patch_spec:
        spec["terminationGracePeriodSeconds"] = patch_spec["terminationGracePeriodSeconds"]
    for patched in patch_spec.get("containers", []):
        if patched["name"] != container["name"]:
            continue
        env = {item["name"]: item for item in container.get("env", [])}
        env.update({item["name"]: item for item in patched.get("env", [])})
        container["env"] = list(env.values())


@pytest.mark.parametrize("overlay", OVERLAYS, ids=lambda p: p.name)
def test_overlay_worker_grace_period_exceeds_its_drain(overlay: Path) -> None:
    worker = worker_deployment(base_objects())
    kustomization = yaml.safe_load((overlay / "kustomization.yaml").read_text())
    for patch in kustomize_patches(kustomization):
        target = patch.get("target", {})
        if target and (target.get("kind"), target.get("name")) != ("Deployment", worker["metadata"]["name"]):
            continue
        merge_worker_patch(worker, parse_patch(overlay, patch), str(overlay.relative_to(ROOT)))
    check_worker_grace(worker, str(overlay.relative_to(ROOT)))


def test_the_configmap_leaves_the_drain_to_the_worker_deployment() -> None:
    """One place for the drain: the worker's env, beside its grace period. A ConfigMap value would be
    overridden by it anyway, and could only mislead whoever changes one without the other."""
    for where, name in chartq_variables():
        if name == "CHARTQ_WORKER_DRAIN_SECONDS":
            from_config = " ConfigMap " in where or " generator " in where
            assert not from_config, f"{where} sets CHARTQ_WORKER_DRAIN_SECONDS"


def test_pod_disruption_budgets_select_real_pods() -> None:
    docs = base_objects()
    budgets = [d for d in docs if d["kind"] == "PodDisruptionBudget"]
    assert budgets
    pods = [d["spec"]["template"]["metadata"]["labels"] for d in docs if d["kind"] == "Deployment"]
    for budget in budgets:
        selector = budget["spec"]["selector"]["matchLabels"]
        assert any(selector.items() <= labels.items() for labels in pods), budget["metadata"]["name"]


# ---------------------------------------------------------------------------------------------- KEDA


def scaled_objects() -> Iterator[tuple[Path, Doc]]:
    for path, doc in k8s_docs():
        if doc["kind"] == "ScaledObject":
            yield path, doc


def trigger_sources() -> list[tuple[str, Doc]]:
    """Every KEDA trigger in the tree: the ScaledObject's, and those an overlay or component patches in."""
    triggers = [(str(path), t) for path, doc in scaled_objects() for t in doc["spec"]["triggers"]]
    for path in KUSTOMIZATIONS:
        kustomization = yaml.safe_load(path.read_text())
        for patch in kustomize_patches(kustomization):
            parsed = parse_patch(path.parent, patch)
            if isinstance(parsed, list):
                for op in parsed:
                    if op["path"] == "/spec/triggers":
                        triggers.extend((str(path), t) for t in op["value"])
    return triggers


def test_scaled_object_targets_the_worker_deployment() -> None:
    docs = base_objects()
    worker = worker_deployment(docs)
    scaled = find(docs, "ScaledObject", "chartq-worker")
    ref = scaled["spec"]["scaleTargetRef"]
    assert ref["name"] == worker["metadata"]["name"] and ref.get("kind", "Deployment") == "Deployment"
    assert scaled["spec"]["minReplicaCount"] == 1 and scaled["spec"]["maxReplicaCount"] >= 10
    modifiers = scaled["spec"].get("advanced", {}).get("scalingModifiers")
    if modifiers:
        names = {t["name"] for t in scaled["spec"]["triggers"]}
        words = set(re.findall(r"[A-Za-z_]\w*", modifiers["formula"]))
        assert words <= names, f"the formula names triggers that do not exist: {words - names}"
        assert float(modifiers["target"]) > 0


def test_every_trigger_reads_a_signal_that_exists() -> None:
    triggers = trigger_sources()
    assert {t["type"] for _, t in triggers} == {"metrics-api", "prometheus"}, (
        "the default and the alternative"
    )
    metrics_source = METRICS_SOURCE.read_text()
    for where, trigger in triggers:
        metadata = trigger["metadata"]
        if trigger["type"] == "metrics-api":
            assert metadata["url"].endswith(STATS_PATH), where
            assert metadata["valueLocation"] in QueueStats.model_fields, (
                f"{where}: {metadata['valueLocation']}"
            )
            assert metadata["authMode"] == "bearer"
        elif trigger["type"] == "prometheus":
            series = set(re.findall(r"\bchartq_\w+", metadata["query"]))
            assert "chartq_queue_depth" in series
            for name in series:
                assert f'"{name}"' in metrics_source, f"{where}: {name} is not exported by api/metrics.py"
            # Queue series are cluster-wide and identical on every API pod: sum() across pods would
            # count them once per pod.
            assert "max" in metadata["query"]
        else:
            pytest.fail(f"{where}: unexpected trigger type {trigger['type']}")


def test_the_stats_endpoint_keda_calls_exists() -> None:
    from api.routers.queue import router

    paths = {getattr(route, "path", None) for route in router.routes}
    assert STATS_PATH in paths


def test_trigger_authentications_exist_with_the_scalers_parameter_names() -> None:
    auths: dict[str, Doc] = {
        doc["metadata"]["name"]: doc for _, doc in k8s_docs() if doc["kind"] == "TriggerAuthentication"
    }
    expected = {"metrics-api": "token", "prometheus": "bearerToken"}
    for where, trigger in trigger_sources():
        ref = trigger.get("authenticationRef")
        if ref is None:
            continue
        assert ref["name"] in auths, f"{where}: no TriggerAuthentication {ref['name']}"
        parameters = {item["parameter"] for item in auths[ref["name"]]["spec"]["secretTargetRef"]}
        assert expected[trigger["type"]] in parameters, (
            f"{where}: {trigger['type']} bearer needs {expected[trigger['type']]}"
        )


# ---------------------------------------------------------------------------------------------- rendered


@needs_kubectl
@pytest.mark.parametrize("overlay", OVERLAYS, ids=lambda p: p.name)
def test_overlay_renders_and_stays_consistent(overlay: Path) -> None:
    docs = rendered(overlay)
    worker = worker_deployment(docs)
    check_worker_grace(worker, f"rendered {overlay.name}")
    scaled = find(docs, "ScaledObject", "chartq-worker")
    assert scaled["spec"]["scaleTargetRef"]["name"] == worker["metadata"]["name"]
    namespaces = {d["metadata"].get("namespace") for d in docs if d["kind"] != "Namespace"}
    assert namespaces == {"chartq"}, "KEDA's url names the namespace: keep every object in it"
    for trigger in scaled["spec"]["triggers"]:
        if trigger["type"] == "metrics-api":
            assert ".chartq.svc" in trigger["metadata"]["url"]
    names = {(d["kind"], d["metadata"]["name"]) for d in docs}
    for doc in docs:
        if doc["kind"] in WORKLOAD_KINDS:
            for container in containers(doc):
                for ref in container.get("envFrom", []):
                    if "configMapRef" in ref:
                        assert ("ConfigMap", ref["configMapRef"]["name"]) in names
                    if "secretRef" in ref and ref["secretRef"]["name"] != "chartq-secrets":
                        assert ("Secret", ref["secretRef"]["name"]) in names


@needs_kubectl
def test_prod_overlay_scales_further_than_dev() -> None:
    dev, prod = (rendered(K8S / "overlays" / name) for name in ("dev", "prod"))
    assert (
        find(prod, "ScaledObject", "chartq-worker")["spec"]["maxReplicaCount"]
        > find(dev, "ScaledObject", "chartq-worker")["spec"]["maxReplicaCount"]
    )
    hpa = find(prod, "HorizontalPodAutoscaler", "chartq-api")
    assert hpa["spec"]["minReplicas"] > 2
    redis = find(prod, "StatefulSet", "chartq-redis")
    (server,) = pod_spec(redis)["containers"]
    argv = command_of(server)
    assert argv[0] == "redis-server" and len(argv) == 2, "redis-server reads everything from its config file"
    config = config_file_of(prod, redis, server, argv[1]).splitlines()
    for line in ("appendonly yes", "appendfsync everysec", "maxmemory-policy noeviction"):
        assert line in config, f"prod redis.conf lacks {line!r}"
    assert any(line.startswith("maxmemory ") for line in config)
    assert config[-1].startswith("include "), "the password file, included last"
    assert redis["spec"]["volumeClaimTemplates"]
    # chartq's own image: a released version in prod, set by the overlay's `images:`.
    for doc in workloads(prod):
        for container in containers(doc):
            repository, tag, _ = split_image(container["image"])
            if repository.rsplit("/", 1)[-1] == OWN_IMAGE:
                assert tag and EXACT_VERSION.match(tag), f"{container_where(doc, container)}: {tag}"


def config_file_of(docs: list[Doc], workload: Doc, container: Doc, path: str) -> str:
    """The text of a file a container reads from a mounted ConfigMap."""
    volumes = {v["name"]: v for v in pod_spec(workload).get("volumes", [])}
    for mount in container.get("volumeMounts", []):
        prefix = mount["mountPath"].rstrip("/") + "/"
        volume = volumes.get(mount["name"], {})
        if path.startswith(prefix) and "configMap" in volume:
            config_map = find(docs, "ConfigMap", volume["configMap"]["name"])
            text: str = config_map["data"][path[len(prefix) :]]
            return text
    raise AssertionError(f"{path} is not in a ConfigMap mounted into {container['name']}")


@needs_kubectl
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_referenced_secret_exists(variant: str) -> None:
    """Every Secret a rendered object reads (env, envFrom, volumes, KEDA TriggerAuthentication, Prometheus
    ServiceMonitor) is one the operator creates from secret.example.yaml, or one the overlay generates."""
    docs = rendered_variant(variant)
    known = secret_keys(load_all(K8S / "base" / "secret.example.yaml")) | secret_keys(docs)
    references = [ref for doc in docs for ref in secret_references(doc)]
    assert references
    for where, name, key in references:
        assert name in known, f"{variant}: {where} reads the Secret {name}, which nothing defines"
        assert key is None or key in known[name], f"{variant}: {where} reads {name}/{key}: no such key"


@needs_kubectl
@pytest.mark.parametrize("variant", VARIANTS)
def test_scaled_object_authentication_resolves(variant: str) -> None:
    docs = rendered_variant(variant)
    auths = {d["metadata"]["name"]: d for d in docs if d["kind"] == "TriggerAuthentication"}
    modes = {"metrics-api": ("authMode", "token"), "prometheus": ("authModes", "bearerToken")}
    triggers = find(docs, "ScaledObject", "chartq-worker")["spec"]["triggers"]
    for trigger in triggers:
        mode_key, parameter = modes[trigger["type"]]
        ref, mode = trigger.get("authenticationRef"), trigger["metadata"].get(mode_key)
        if ref is None:
            assert mode is None, f"{variant}: {mode_key} without an authenticationRef"
            continue
        assert ref.get("kind", "TriggerAuthentication") == "TriggerAuthentication"
        assert ref["name"] in auths, f"{variant}: no TriggerAuthentication {ref['name']}"
        assert mode == "bearer"
        assert parameter in {item["parameter"] for item in auths[ref["name"]]["spec"]["secretTargetRef"]}
    _, components = VARIANTS[variant]
    if "keda-prometheus" in components:
        (trigger,) = triggers
        assert trigger["type"] == "prometheus"
        # prometheus-operated needs no auth: the token is an opt-in component of its own.
        with_auth = "keda-prometheus-auth" in components
        assert ("authenticationRef" in trigger) is with_auth
        assert ("chartq-prometheus-auth" in auths) is with_auth
    else:
        assert {t["type"] for t in triggers} == {"metrics-api"}


@needs_kubectl
def test_the_prometheus_auth_component_fails_without_the_prometheus_trigger(tmp_path: Path) -> None:
    copy = tmp_path / "k8s"
    shutil.copytree(K8S, copy)
    kustomization = copy / "overlays" / "prod" / "kustomization.yaml"
    text = kustomization.read_text().replace("#   - ../../components/keda-prometheus\n", "")
    kustomization.write_text(enable_components(text, ("keda-prometheus-auth",)))
    kubectl = shutil.which("kubectl")
    assert kubectl is not None
    result = subprocess.run(
        [kubectl, "kustomize", str(kustomization.parent)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0 and "/spec/triggers/0/type" in result.stderr


# What each image writes, which must be a writable volume under its read-only root filesystem.
WRITABLE_PATHS = {
    OWN_IMAGE: {DATA_DIR, "/tmp"},
    "redis": {"/data"},
    "postgres": {"/var/lib/postgresql/data", "/var/run/postgresql", "/tmp"},
}


@needs_kubectl
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_container_is_locked_down(variant: str) -> None:
    """The namespace enforces the `restricted` Pod Security Standard and the docs promise a read-only root
    filesystem everywhere: chartq's pods, and the Redis and PostgreSQL the overlays run."""
    docs = rendered_variant(variant)
    assert workloads(docs)
    for doc in workloads(docs):
        spec = pod_spec(doc)
        pod_security = spec.get("securityContext", {})
        for container in containers(doc):
            where = f"{variant}: {container_where(doc, container)}"
            security = container.get("securityContext", {})
            effective = {**pod_security, **security}  # a container's settings override the pod's
            assert security.get("readOnlyRootFilesystem") is True, f"{where}: readOnlyRootFilesystem"
            assert security.get("allowPrivilegeEscalation") is False, f"{where}: allowPrivilegeEscalation"
            assert "ALL" in security.get("capabilities", {}).get("drop", []), f"{where}: drop ALL"
            assert effective.get("runAsNonRoot") is True, f"{where}: runAsNonRoot"
            assert effective.get("runAsUser") not in (None, 0), f"{where}: a non-root runAsUser"
            assert (effective.get("seccompProfile") or {}).get("type") == "RuntimeDefault", (
                f"{where}: seccomp"
            )
        for container in spec["containers"]:
            image = split_image(container["image"])[0].rsplit("/", 1)[-1]
            assert image in WRITABLE_PATHS, f"{variant}: what does {container['image']} write?"
            writable = {m["mountPath"] for m in container.get("volumeMounts", []) if not m.get("readOnly")}
            missing = WRITABLE_PATHS[image] - writable
            assert not missing, f"{variant}: {container_where(doc, container)} cannot write {missing}"


@needs_kubectl
@pytest.mark.parametrize("variant", VARIANTS)
def test_stateful_sets_are_governed_by_headless_services(variant: str) -> None:
    docs = rendered_variant(variant)
    services = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Service"}
    for stateful_set in (d for d in docs if d["kind"] == "StatefulSet"):
        name = stateful_set["spec"]["serviceName"]
        assert name in services, (
            f"{variant}: StatefulSet {stateful_set['metadata']['name']}: no Service {name}"
        )
        service = services[name]["spec"]
        assert service.get("clusterIP") == "None", f"{variant}: Service {name} is not headless"
        labels = stateful_set["spec"]["template"]["metadata"]["labels"]
        assert service["selector"].items() <= labels.items()


@needs_kubectl
@pytest.mark.parametrize("variant", VARIANTS)
def test_disruption_budgets_let_nodes_drain(variant: str) -> None:
    """A budget that can never allow one eviction (minAvailable >= replicas) blocks every node drain."""
    docs = rendered_variant(variant)
    budgets = [d for d in docs if d["kind"] == "PodDisruptionBudget"]
    assert budgets
    for budget in budgets:
        where = f"{variant}: PodDisruptionBudget {budget['metadata']['name']}"
        selector = budget["spec"]["selector"]["matchLabels"]
        targets = [
            d
            for d in workloads(docs)
            if selector.items() <= d["spec"]["template"]["metadata"]["labels"].items()
        ]
        assert targets, f"{where} selects no pods"
        replicas = sum(replicas_floor(docs, target) for target in targets)
        if "minAvailable" in budget["spec"]:
            min_available = budget_count(budget["spec"]["minAvailable"], replicas)
            assert min_available < replicas, f"{where}: minAvailable {min_available} of {replicas} replicas"
        if "maxUnavailable" in budget["spec"]:
            assert budget_count(budget["spec"]["maxUnavailable"], replicas) >= 1, f"{where}: maxUnavailable 0"


@needs_kubectl
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_image_is_pinned(variant: str) -> None:
    for doc in workloads(rendered_variant(variant)):
        for container in containers(doc):
            reason = floating_tag(container["image"])
            assert reason is None, (
                f"{variant}: {container_where(doc, container)}: {container['image']}: {reason}"
            )


@needs_kubectl
@pytest.mark.parametrize("variant", VARIANTS)
def test_no_password_on_a_command_line(variant: str) -> None:
    """Process arguments are world-readable (ps, /proc/PID/cmdline): passwords go in files or the
    environment, never in a container's command, args or exec probes."""
    for doc in workloads(rendered_variant(variant)):
        for container in containers(doc):
            secret_variables = {
                item["name"]
                for item in container.get("env", [])
                if "secretKeyRef" in item.get("valueFrom", {})
            }
            for what, argv in container_argvs(container):
                problems = password_in_argv(argv, secret_variables)
                assert not problems, f"{variant}: {container_where(doc, container)} {what}: {problems}"


def redis_prod_objects() -> list[Doc]:
    return load_all(K8S / "overlays" / "prod" / "redis.yaml")


def mount_path(container: Doc, volumes: dict[str, Doc], kind: str) -> str:
    """Where a container mounts its one volume of `kind` (secret, configMap, emptyDir)."""
    paths = [m["mountPath"] for m in container["volumeMounts"] if kind in volumes.get(m["name"], {})]
    assert len(paths) == 1, f"{container['name']}: expected one {kind} mount, found {paths}"
    return paths[0]


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")
def test_prod_redis_takes_its_password_from_the_secret_file(tmp_path: Path) -> None:
    """The prod StatefulSet's init script and redis.conf, run against a real redis-server with a password
    that needs quoting: Redis requires it, accepts it, and keeps its durability settings; the readiness
    probe passes with REDISCLI_AUTH."""
    docs = redis_prod_objects()
    stateful_set = find(docs, "StatefulSet", "chartq-redis")
    spec = pod_spec(stateful_set)
    volumes = {v["name"]: v for v in spec["volumes"]}
    (init,) = spec["initContainers"]
    (server,) = spec["containers"]
    secret_dir = mount_path(init, volumes, "secret")
    auth_dir = mount_path(init, volumes, "emptyDir")
    assert mount_path(server, volumes, "emptyDir") == auth_dir
    data_dir = next(m["mountPath"] for m in server["volumeMounts"] if m["name"] == "data")
    config_dir = mount_path(server, volumes, "configMap") + "/"
    assert mount_path(init, volumes, "configMap") + "/" == config_dir
    (config_map,) = {
        volumes[m["name"]]["configMap"]["name"]
        for m in server["volumeMounts"]
        if m["name"] in volumes and "configMap" in volumes[m["name"]]
    }
    data = find(docs, "ConfigMap", config_map)["data"]
    script_path, config_path = command_of(init)[-1], command_of(server)[-1]
    assert script_path.startswith(config_dir) and config_path.startswith(config_dir)
    script, config = data[script_path.removeprefix(config_dir)], data[config_path.removeprefix(config_dir)]
    assert f"/{volumes['password']['secret']['items'][0]['path']}" in script

    local = {secret_dir: tmp_path / "secret", auth_dir: tmp_path / "auth", data_dir: tmp_path / "data"}
    for path in local.values():
        path.mkdir()
    for original in local:
        assert original in script + config, f"{original} (a mount) is used by neither file"
    mounts = re.compile("|".join(re.escape(m) for m in sorted(local, key=len, reverse=True)))
    script, config = (mounts.sub(lambda m: str(local[m.group(0)]), text) for text in (script, config))
    password = "p\"a\\ss wo$rd'$(id)`x`"
    (tmp_path / "secret" / "password").write_text(password + "\n")  # as `kubectl create --from-file` keeps it
    (tmp_path / "write-auth.sh").write_text(script)
    subprocess.run(["sh", str(tmp_path / "write-auth.sh")], check=True, timeout=10)
    assert [p.stat().st_mode & 0o077 for p in (tmp_path / "auth").iterdir()] == [0], "one private file"

    socket = tmp_path / "redis.sock"
    (tmp_path / "redis.conf").write_text(config + f"port 0\nunixsocket {socket}\n")
    with (tmp_path / "redis.log").open("w") as log:
        process = subprocess.Popen(["redis-server", str(tmp_path / "redis.conf")], stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 10
        while not socket.exists():
            assert process.poll() is None, (tmp_path / "redis.log").read_text()
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
        import redis

        with redis.Redis(unix_socket_path=str(socket)) as anonymous, pytest.raises(redis.RedisError) as error:
            anonymous.ping()
        assert "auth" in str(error.value).lower()
        with redis.Redis(unix_socket_path=str(socket), password=password, decode_responses=True) as client:
            assert client.ping() is True
            for name, value in (("appendonly", "yes"), ("appendfsync", "everysec")):
                assert client.config_get(name) == {name: value}
            assert client.config_get("maxmemory-policy") == {"maxmemory-policy": "noeviction"}
        if shutil.which("redis-cli"):
            probe = server["readinessProbe"]["exec"]["command"]
            assert probe[:2] == ["sh", "-c"]
            local_probe = ["sh", "-c", probe[2].replace("redis-cli", f"redis-cli -s {socket}")]
            environment = {k: v for k, v in os.environ.items() if k != "REDISCLI_AUTH"}
            run = subprocess.run(local_probe, env={**environment, "REDISCLI_AUTH": password}, timeout=10)
            assert run.returncode == 0, "the readiness probe fails with the right password"
            assert subprocess.run(local_probe, env=environment, timeout=10).returncode != 0
    finally:
        process.terminate()
        process.wait(timeout=10)


# ---------------------------------------------------------------------------------------------- docs

OPERATIONS = ROOT / "docs" / "operations.md"
# Environment variables that are not Settings: read by the CLI's --api/--token options, or examples of
# what Kubernetes would inject without enableServiceLinks: false.
NOT_SETTINGS = {"CHARTQ_API_URL", "CHARTQ_TOKEN", "CHARTQ_API_PORT"}


def test_operations_guide_names_only_real_settings() -> None:
    known = {f"CHARTQ_{name.upper()}" for name in Settings.model_fields}
    named = set(re.findall(r"\bCHARTQ_[A-Z][A-Z0-9_]*[A-Z0-9]", OPERATIONS.read_text()))
    assert not named - known - NOT_SETTINGS, f"not settings: {sorted(named - known - NOT_SETTINGS)}"
    cli_source = (ROOT / "worker" / "cli" / "remote_commands.py").read_text()
    for name in NOT_SETTINGS - {"CHARTQ_API_PORT"}:
        assert f'"{name}"' in cli_source, f"{name} is not read by the CLI"


def test_operations_guide_names_only_real_commands() -> None:
    from worker.cli.app import app

    commands = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    commands |= {g.name for g in app.registered_groups if g.name}
    text = OPERATIONS.read_text()
    fence = r"^[ \t]*```"
    fenced = re.findall(fence + r"[^\n]*\n(.*?)" + fence, text, flags=re.MULTILINE | re.DOTALL)
    prose = re.sub(fence + r".*?" + fence, "", text, flags=re.MULTILINE | re.DOTALL)
    code = "\n".join(fenced + re.findall(r"`([^`\n]+)`", prose))
    used = set(re.findall(r"(?<![-\w/.:=])(?<!-n )chartq ([a-z]+(?: [a-z]+)?)", code))
    assert used, "the guide shows no chartq command"
    for words in sorted(used):
        first = words.split()[0]
        assert first in commands, f"`chartq {words}`: no such command"
        argv = tuple(words.split()) if first == "db" else (first,)
        code_, stderr = help_exit_code(argv)
        assert code_ == 0, f"`chartq {' '.join(argv)} --help`: {stderr}"
