"""The benchmark suite cannot rot: `python -m bench.run --quick` runs every figure at tiny sizes and
writes a JSON document with numbers for each and a markdown table. No timing is asserted here; the
numbers of a quick run mean nothing (docs/performance.md has the real ones)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]


def test_quick_run_writes_every_figure_with_numbers_and_a_table(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-4000:]

    document = json.loads((tmp_path / "latest.json").read_text())
    assert document["meta"]["quick"] is True
    assert sorted(document["figures"]) == FIGURES
    for key, figure in document["figures"].items():
        assert figure["error"] is None, (key, figure["error"])
        assert figure["rows"], key
        for row in figure["rows"]:
            assert row["figure"] == key
            assert isinstance(row["value"], int | float) and math.isfinite(row["value"]), row
            assert row["baseline_name"] and isinstance(row["baseline"], int | float), row
            if row["target"]:
                assert row["met"] in (True, False), row
        assert any(row["target"] for row in figure["rows"]), f"figure {key} lost its target"

    table = (tmp_path / "latest.md").read_text()
    assert table.strip() in run.stdout  # the table is also printed
    header = "| fig | metric | chartq | baseline | value / baseline | target | met | notes |"
    assert header in table
    rows = [line for line in table.splitlines() if line.startswith("| ") and line != header]
    assert {line.split("|")[1].strip() for line in rows} == set(FIGURES)


def test_the_stream_memory_breakdown_attributes_what_streams_hold() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bench.stream_memory", "20"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert "20 idle SSE streams" in run.stdout
    assert "by package" in run.stdout and "starlette" in run.stdout, run.stdout
