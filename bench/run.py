"""`python -m bench.run [--quick] [--only a,c] [--out DIR] [--keep]`: runs the figures, writes
DIR/latest.json and DIR/latest.md (default bench/results), prints the table. Exit 1 if a figure failed.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import arq
import orjson

from bench import (
    drain,
    end_to_end,
    events,
    footprint,
    http_enqueue,
    pickup,
    queue_overhead,
    recovery,
    tracing_cost,
)
from bench.report import document, markdown
from bench.results import FigureResult
from bench.sizes import Sizes
from bench.stack import ROOT, Stack, raise_fd_limit

Figure = Callable[[Stack, Sizes], Awaitable[FigureResult]]
FIGURES: dict[str, tuple[str, Figure]] = {
    "a": (pickup.TITLE, pickup.run),
    "b": (drain.TITLE, drain.run),
    "c": (http_enqueue.TITLE, http_enqueue.run),
    "d": (events.TITLE, events.run),
    "e": (end_to_end.TITLE, end_to_end.run),
    "f": (recovery.TITLE, recovery.run),
    "g": (footprint.TITLE, footprint.run),
    "h": (tracing_cost.TITLE, tracing_cost.run),
    "i": (queue_overhead.TITLE, queue_overhead.run),
}
DEFAULT_OUT = ROOT / "bench" / "results"


def git_describe() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return f"commit {commit}{' + local changes' if dirty else ''}"


async def run_figures(
    selected: list[str], sizes: Sizes, workdir: Path, profile_dir: Path | None = None
) -> tuple[list[FigureResult], dict[str, Any]]:
    stack = await Stack(workdir, profile_dir).start()
    info = await stack.r.info("server")
    settings = stack.settings()
    extra = {
        "redis": info.get("redis_version", "?"),
        "chartq_worker_poll_delay_s": settings.worker_poll_delay,
        "chartq_worker_concurrency": settings.worker_concurrency,
    }
    results: list[FigureResult] = []
    try:
        for key in selected:
            title, figure = FIGURES[key]
            print(f"[bench] {key}. {title} ...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            try:
                result = await figure(stack, sizes)
            except Exception:
                result = FigureResult(key, title, error=traceback.format_exc())
                print(result.error, file=sys.stderr, flush=True)
            result.seconds = time.perf_counter() - started
            print(f"[bench] {key}. done in {result.seconds:.1f} s", file=sys.stderr, flush=True)
            results.append(result)
    finally:
        await stack.close()
    return results, extra


def new_loop() -> asyncio.AbstractEventLoop:
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="chartq benchmark suite (docs/performance.md)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run, not a measurement")
    parser.add_argument("--only", default="", help="comma-separated figures to run (a-i); default all")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where latest.json and latest.md go")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs, databases)")
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        help="record every API and worker process with py-spy into this folder (slows them down; "
        "summarise with `python -m bench.profiles DIR/*.txt`)",
    )
    args = parser.parse_args(argv)
    selected = [key.strip() for key in args.only.split(",") if key.strip()] or list(FIGURES)
    unknown = [key for key in selected if key not in FIGURES]
    if unknown:
        parser.error(f"unknown figures: {', '.join(unknown)} (choose from {', '.join(FIGURES)})")
    sizes = Sizes.quick() if args.quick else Sizes()
    raise_fd_limit()
    workdir = Path(tempfile.mkdtemp(prefix="chartq-bench-"))
    started_at = datetime.now(UTC)
    load_at_start = os.getloadavg()
    t0 = time.perf_counter()
    try:
        with asyncio.Runner(loop_factory=new_loop) as runner:
            results, extra = runner.run(run_figures(selected, sizes, workdir, args.profile))
    finally:
        if args.keep:
            print(f"[bench] work folder kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    meta: dict[str, Any] = {
        "started_at": started_at.strftime("%Y-%m-%d %H:%M UTC"),
        "seconds": time.perf_counter() - t0,
        "quick": args.quick,
        "profiled": args.profile is not None,
        "figures": selected,
        "cpus": os.cpu_count(),
        # Other work on the machine skews every figure; the load average says how busy it was.
        "loadavg_at_start": load_at_start,
        "loadavg_at_end": os.getloadavg(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "arq": arq.VERSION,
        "git": git_describe(),
        "sizes": dataclasses.asdict(sizes),
        **extra,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    table = markdown(meta, results)
    (args.out / "latest.json").write_bytes(orjson.dumps(document(meta, results), option=orjson.OPT_INDENT_2))
    (args.out / "latest.md").write_text(table)
    print(table)
    return 1 if any(result.error for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
