"""py-spy profiles of the chartq processes a figure starts (`python -m bench.run --profile DIR`), and a
text summary of them (`python -m bench.profiles DIR/*.txt`).

The recorder attaches to each API and worker process once it is ready and writes py-spy's "raw"
(collapsed stacks) format when the process exits. Only samples where the process was busy are kept
(py-spy drops idle threads), so the shares below are shares of busy time. The recorder pauses the
process for each sample (py-spy's default), which keeps stacks consistent. Profiling slows the
processes down: a profiled run is for finding where time goes, not for the table.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::\d+)?\)$")
PY_SPY_RATE = 200


def py_spy() -> str | None:
    local = Path(sys.executable).with_name("py-spy")
    return str(local) if local.exists() else shutil.which("py-spy")


def attach(pid: int, output: Path) -> subprocess.Popen[bytes] | None:
    """Starts recording `pid` into `output` (raw format); None when py-spy is not installed."""
    binary = py_spy()
    if binary is None:
        return None
    # --gil: only samples of a thread holding the GIL, i.e. running Python (idle threads never do).
    argv = [binary, "record", "--pid", str(pid), "--format", "raw", "--function", "--threads", "--gil"]
    argv += ["--rate", str(PY_SPY_RATE), "--output", str(output)]
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _label(frame: str) -> str:
    match = _FRAME.match(frame.strip())
    if not match:
        return frame.strip()
    path = match["file"]
    for marker in ("site-packages/", "python3.11/", "/work/main/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{match['func']} ({path})"


def read_stacks(path: Path) -> list[tuple[list[str], int]]:
    stacks = []
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        frames = [_label(frame) for frame in stack.split(";") if frame.strip()]
        if frames and count_text.isdigit():
            stacks.append((frames, int(count_text)))
    return stacks


def _main_threads(stacks: list[tuple[list[str], int]]) -> set[str]:
    """py-spy --threads puts "thread (tid)" first; the main thread is the one that ran the module."""
    return {frames[0] for frames, _ in stacks if any(f.startswith("_run_module_as_main") for f in frames)}


def summarize(path: Path, top: int = 25) -> str:
    """Where the GIL samples were: the event-loop thread vs helper threads (aiosqlite runs each SQL
    statement in one, FastAPI runs sync dependencies in anyio's), then the loop thread's top frames by
    inclusive share (in the stack at all, leaving out the frames every sample has) and by self share."""
    stacks = read_stacks(path)
    stacks = [(frames, count) for frames, count in stacks if len(frames) > 1]
    total = sum(count for _, count in stacks)
    if total == 0:
        return f"{path.name}: no samples\n"
    main = _main_threads(stacks)
    loop = [(frames[1:], count) for frames, count in stacks if frames[0] in main and frames[1:]]
    threads = [(frames[1:] or frames, count) for frames, count in stacks if frames[0] not in main]
    loop_total = sum(count for _, count in loop)
    thread_self: Counter[str] = Counter()
    for frames, count in threads:
        thread_self[frames[-1]] += count
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for frames, count in loop:
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    seconds_file = path.with_suffix(".seconds")
    busy = ""
    if seconds_file.exists():
        seconds = float(seconds_file.read_text())
        busy = f"; GIL held {100 * total / (seconds * PY_SPY_RATE):.0f}% of {seconds:.1f} s recorded"
    lines = [
        f"{path.name}: {total} samples holding the GIL at {PY_SPY_RATE} Hz{busy}; "
        f"event-loop thread {100 * loop_total / total:.0f}%, "
        f"helper threads {100 * (total - loop_total) / total:.0f}% of them",
        "",
        "helper threads, self:",
    ]
    lines += [f"  {100 * n / total:5.1f}%  {frame}" for frame, n in thread_self.most_common(5)]
    lines += ["", "event-loop thread, inclusive (% of all samples; frames in every sample left out):"]
    shown = [(frame, n) for frame, n in inclusive.most_common() if n < 0.95 * loop_total][:top]
    lines += [f"  {100 * n / total:5.1f}%  {frame}" for frame, n in shown]
    lines += ["", "event-loop thread, self:"]
    lines += [f"  {100 * n / total:5.1f}%  {frame}" for frame, n in own.most_common(top)]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="summarise py-spy raw profiles")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    for path in args.files:
        print(summarize(path, args.top))


if __name__ == "__main__":
    main()
