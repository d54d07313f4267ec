"""The layering contracts of `make lint` (import-linter, in pyproject.toml): they hold for the tree,
and an upward import makes them fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tree, env=env, capture_output=True, text=True, timeout=120
    )


def copy_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "chartq"
    for package in ("api", "worker", "shared"):
        shutil.copytree(ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_tree_keeps_every_contract(tmp_path: Path) -> None:
    result = lint_imports(copy_tree(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def add_import(module: Path, line: str) -> None:
    module.write_text(module.read_text() + f"\n{line}\n")


def test_the_shared_kernel_importing_the_worker_fails_lint(tmp_path: Path) -> None:
    tree = copy_tree(tmp_path)
    add_import(tree / "shared" / "keys.py", "import worker.main  # noqa")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "shared.keys -> worker.main" in result.stdout


def test_the_api_importing_the_worker_fails_lint(tmp_path: Path) -> None:
    tree = copy_tree(tmp_path)
    add_import(tree / "api" / "state.py", "from worker.plan import ChartPlan  # noqa")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "api.state -> worker.plan" in result.stdout


def test_the_pipeline_importing_the_command_line_fails_lint(tmp_path: Path) -> None:
    tree = copy_tree(tmp_path)
    add_import(tree / "worker" / "planner" / "rules.py", "import worker.cli.app  # noqa")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "worker.planner.rules -> worker.cli.app" in result.stdout
