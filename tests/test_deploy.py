"""The deployment files (deploy/: Dockerfile, docker-compose.yml, the Kubernetes kustomize tree) agree with
the code: real commands, real settings, real metrics and stats fields, drain shorter than the grace period.

Static checks with pyyaml. When `kubectl` is on PATH, the overlays are also rendered with
`kubectl kustomize` (offline), and the rendered objects are checked too.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shlex
import shutil
import subprocess
import sys
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
    assert runtime_image == "python:3.11-slim"
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
    args = " ".join(command_of(containers(redis)[0]))
    assert "--appendonly yes" in args and "--appendfsync everysec" in args
    assert redis["spec"]["volumeClaimTemplates"]


# ---------------------------------------------------------------------------------------------- docs

OPERATIONS = ROOT / "docs" / "operations.md"
# Environment variables that are not Settings: read by the CLI's --api/--token options, or examples of
# what Kubernetes would inject without enableServiceLinks: false.
NOT_SETTINGS = {"CHARTQ_API_URL", "CHARTQ_TOKEN", "CHARTQ_API_PORT"}


def test_operations_guide_names_only_real_settings() -> None:
    known = {f"CHARTQ_{name.upper()}" for name in Settings.model_fields}
    named = set(re.findall(r"\bCHARTQ_[A-Z][A-Z0-9_]*[A-Z0-9]", OPERATIONS.read_text()))
    assert not named - known - NOT_SETTINGS, f"not settings: {sorted(named - known - NOT_SETTINGS)}"
    cli_source = (ROOT / "shared" / "cli.py").read_text()
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
