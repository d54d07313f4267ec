"""A drain as figures b and i time it, with what it cost: the CPU time of the worker processes and of
redis-server (/proc), and the Redis commands it took (INFO commandstats), per task."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.drain import release
from bench.stack import Stack
from bench.workload import unique

Fill = Callable[[str, int], Awaitable[list[str]]]
# The commands of the bench process itself while it times a drain (ZCARD: its own polls are subtracted).
BENCH_COMMANDS = ("info",)


def cpu_seconds(pid: int, thread: int | None = None) -> float:
    """User + system CPU time of a process (all its threads) or of one of its threads, from /proc
    (Linux; 10 ms ticks)."""
    path = Path(f"/proc/{pid}/stat") if thread is None else Path(f"/proc/{pid}/task/{thread}/stat")
    # The command name (field 2) may hold spaces; the fields after its ")" are fixed.
    fields = path.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_now(pids: list[int], redis_pid: int) -> tuple[float, float, float]:
    """CPU seconds so far: the workers, their event-loop threads (thread id = process id), Redis."""
    workers = sum(cpu_seconds(pid) for pid in pids)
    return workers, sum(cpu_seconds(pid, pid) for pid in pids), cpu_seconds(redis_pid)


async def command_stats(stack: Stack) -> tuple[Counter[str], Counter[str]]:
    """Calls and microseconds so far per Redis command (commands run by scripts count too)."""
    calls: Counter[str] = Counter()
    usec: Counter[str] = Counter()
    for name, stat in (await stack.r.info("commandstats")).items():
        command = name.removeprefix("cmdstat_")
        calls[command], usec[command] = int(stat["calls"]), int(stat["usec"])
    return calls, usec


async def wait_empty(stack: Stack, queue: str, within: float) -> tuple[float, int]:
    """When the queue was seen empty, and how many ZCARDs that took."""
    deadline = time.monotonic() + within
    polls = 1
    while await stack.r.zcard(queue):
        if time.monotonic() > deadline:
            raise TimeoutError(f"queue {queue} did not drain within {within:g} s")
        await asyncio.sleep(0.003)
        polls += 1
    return time.perf_counter(), polls


@dataclass
class Drain:
    """Per timed run: tasks per second, and CPU milliseconds per task of the workers and of Redis.
    Over all runs: Redis commands and their server time."""

    rates: list[float] = field(default_factory=list)
    worker_cpu_ms: list[float] = field(default_factory=list)
    # Of which the event-loop thread (the rest: aiosqlite's threads, one per SQL connection).
    loop_thread_cpu_ms: list[float] = field(default_factory=list)
    redis_cpu_ms: list[float] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    tasks: int = 0
    calls: Counter[str] = field(default_factory=Counter)
    usec: Counter[str] = field(default_factory=Counter)

    def medians(self) -> dict[str, float]:
        return {
            "tasks_per_s": statistics.median(self.rates),
            "worker_cpu_ms_per_task": statistics.median(self.worker_cpu_ms),
            "loop_thread_cpu_ms_per_task": statistics.median(self.loop_thread_cpu_ms),
            "redis_cpu_ms_per_task": statistics.median(self.redis_cpu_ms),
        }

    def commands_per_task(self) -> dict[str, dict[str, float]]:
        """Calls and Redis-side microseconds per task, by command, most time first."""
        return {
            command: {"calls": self.calls[command] / self.tasks, "usec": self.usec[command] / self.tasks}
            for command, _ in self.usec.most_common()
            if self.calls[command] > 0
        }

    def as_dict(self) -> dict[str, Any]:
        return self.medians() | {
            "runs": {
                "tasks_per_s": self.rates,
                "worker_cpu_ms_per_task": self.worker_cpu_ms,
                "loop_thread_cpu_ms_per_task": self.loop_thread_cpu_ms,
                "redis_cpu_ms_per_task": self.redis_cpu_ms,
            },
            "redis_commands_per_task": self.commands_per_task(),
        }


async def drain(
    stack: Stack, queue: str, fill: Fill, pids: list[int], tasks: int, repeats: int, wake_tokens: int
) -> Drain:
    """`repeats` times: `tasks` staged by `fill`, released at once onto `queue`, timed until it is empty."""
    assert stack.redis_server.process is not None
    redis_pid = stack.redis_server.process.pid
    result = Drain()
    for _ in range(repeats):
        staging = unique("bench:staging")
        result.ids += await fill(staging, tasks)
        await asyncio.sleep(0.3)  # let the fill's Redis traffic settle
        calls, usec = await command_stats(stack)
        before = cpu_now(pids, redis_pid)
        t0 = await release(stack, staging, queue, wake_tokens)
        t1, polls = await wait_empty(stack, queue, within=max(60.0, tasks / 20))
        after = cpu_now(pids, redis_pid)
        calls_after, usec_after = await command_stats(stack)
        spent = [(end - start) * 1000 / tasks for end, start in zip(after, before, strict=True)]
        result.rates.append(tasks / (t1 - t0))
        result.worker_cpu_ms.append(spent[0])
        result.loop_thread_cpu_ms.append(spent[1])
        result.redis_cpu_ms.append(spent[2])
        result.tasks += tasks
        # The release's own commands stay in: one RENAME (and LPUSH, PEXPIRE) per run is noise.
        result.calls.update(calls_after - calls)
        result.usec.update(usec_after - usec)
        result.calls["zcard"] -= polls
        for command in BENCH_COMMANDS:
            result.calls.pop(command, None)
            result.usec.pop(command, None)
    return result
