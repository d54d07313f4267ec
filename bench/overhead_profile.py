"""Where a no-op task's CPU goes (figure i): py-spy samples of a tracking worker sorted into the parts
of chartq's tracking, each part's share applied to the CPU per task measured without the profiler.

A sample goes to the first part whose pattern one of its frames matches, so the order matters: pydantic
first (it runs inside the task store calls and the chart task alike), then SQL, statistics and the task
store, then the chart task's own code, and arq last (arq's `run_job` calls the chart task). Frames up to
arq's `Worker.run` are in every sample of the event-loop thread and are left out. redis-py sends each
command from an `asyncio.wait_for` task of its own, so a socket write loses the stack of whoever called
it: those samples are a part of their own.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

Stacks = list[tuple[list[str], int]]
LOOP_ENTRY = "Worker.run (arq/worker.py)"
EVENT_LOOP = "event loop: uvloop, asyncio callbacks and timers"
SQL_THREADS = "aiosqlite's threads (SQLite itself; measured, not sampled)"
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pydantic: job validation, state copies, DTO JSON", ("pydantic/",)),
    ("SQL run record: SQLAlchemy, aiosqlite, SQLite", ("sqlalchemy/", "aiosqlite/", "TaskRun.")),
    ("statistics pipeline", ("StatsStore.record (",)),
    ("task store: Lua transitions, task read, attempt check", ("shared/task_store.py",)),
    ("heartbeat, reaper, lease renewal", ("runtime/heartbeat.py", "runtime/reaper.py", "_renew_leases (")),
    ("logging (structlog)", ("structlog/", "shared/logs.py")),
    (
        "chart task's own code (states, timers, spans)",
        ("worker/task/", "shared/task_states.py", "shared/job.py", "shared/tracing.py", "tracking_worker.py"),
    ),
    ("arq bookkeeping: poll, claim, job read, finish", ("arq/", "arq_worker.py", "shared/deferred.py")),
    ("redis-py socket I/O in its own tasks (caller unknown)", ("redis/",)),
)


def loop_frames(frames: list[str]) -> list[str] | None:
    """The frames of an event-loop thread sample below the loop's entry; None for another thread."""
    if not frames or not frames[0].endswith("MainThread"):
        return None
    for i in range(len(frames) - 1, 0, -1):
        if frames[i] == LOOP_ENTRY:
            return frames[i + 1 :]
    return frames[1:]


def part_of(frames: list[str]) -> str:
    for part, patterns in PARTS:
        if any(pattern in frame for frame in frames for pattern in patterns):
            return part
    return EVENT_LOOP


def breakdown(
    stacks: Stacks, tasks: int, loop_ms_per_task: float, threads_ms_per_task: float, top: int = 15
) -> dict[str, Any]:
    """Each part's share of the event-loop thread's samples and its CPU ms per task (the share of the
    thread's measured CPU), the other threads' measured CPU as one part, and the most frequent innermost
    frames of the event-loop thread."""
    parts: Counter[str] = Counter()
    innermost: Counter[str] = Counter()
    for frames, count in stacks:
        below = loop_frames(frames)
        if below is None:
            continue
        parts[part_of(below)] += count
        innermost[below[-1] if below else "(event loop, native)"] += count
    total = sum(parts.values())
    share = {part: count / total for part, count in parts.items()} if total else {}
    return {
        "loop_thread_samples": total,
        "tasks": tasks,
        "loop_thread_cpu_ms_per_task": loop_ms_per_task,
        "parts": [
            {"part": part, "share": share[part], "cpu_ms_per_task": share[part] * loop_ms_per_task}
            for part, _ in parts.most_common()
        ]
        + [{"part": SQL_THREADS, "share": None, "cpu_ms_per_task": threads_ms_per_task}],
        "innermost": [{"frame": frame, "share": n / total} for frame, n in innermost.most_common(top)],
    }


def table(profile: dict[str, Any]) -> str:
    """The parts as a markdown table (for docs/performance.md)."""
    lines = ["| part | share of the event-loop thread | CPU ms per task |", "|---|---:|---:|"]
    for part in profile["parts"]:
        share = "" if part["share"] is None else f"{100 * part['share']:.0f}%"
        lines.append(f"| {part['part']} | {share} | {part['cpu_ms_per_task']:.2f} |")
    return "\n".join(lines) + "\n"
