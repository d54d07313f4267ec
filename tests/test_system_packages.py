"""`make test` on a fresh machine: scripts/system-packages names what is missing and how to get it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "system-packages"


def run_as_nobody_without_redis() -> subprocess.CompletedProcess[str]:
    """The script as a user without root, on a PATH where neither redis-server nor redis-sentinel can be
    found."""
    # Not pytest's tmp_path: that is private to root, and the script runs as nobody.
    bin_dir = Path(tempfile.mkdtemp(prefix="chartq-path-"))
    bin_dir.chmod(0o755)
    for tool in ("id", "bash"):
        found = shutil.which(tool)
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    runuser = shutil.which("runuser")
    assert runuser is not None
    try:
        return subprocess.run(
            [runuser, "-u", "nobody", "--", str(bin_dir / "bash"), str(SCRIPT), "test"],
            env={"PATH": str(bin_dir)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        shutil.rmtree(bin_dir)


@pytest.mark.skipif(os.geteuid() != 0, reason="runs the script as another user, which needs root")
def test_without_root_a_missing_package_is_named_with_its_install_command() -> None:
    result = run_as_nobody_without_redis()
    assert result.returncode == 1
    for package in ("redis-server", "redis-sentinel"):
        assert f"missing Debian package '{package}': run 'sudo apt-get install -y {package}'" in result.stderr
    assert result.stdout == ""


def test_with_everything_installed_it_does_nothing() -> None:
    result = subprocess.run(["bash", str(SCRIPT), "test"], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
