"""The restart policy of `chartq up`: every child process is kept running, like systemd's Restart=always.

A child that exits is started again at once. One that keeps dying soon after it starts waits longer each
time (0.5 s, 1 s, 2 s ... up to 30 s); a child that stayed up 30 s starts over. After three quick deaths
in a row the supervisor says so on stderr, with the child's last log lines; the other children keep
running. Each child's stdout and stderr go through a pipe: echoed to ours, the last lines kept.

`stop()` stops the children stage by stage (the API, then the workers, then Redis): SIGTERM, a grace
period, then SIGKILL.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, BinaryIO, NoReturn

LAST_LINES = 20
TICK_S = 0.2
READER_JOIN_S = 1.0
LOG_FILE_TAIL_BYTES = 16_384
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

_echo_lock = threading.Lock()


def say(text: str, *, err: bool = True) -> None:
    """Prints a message of the supervisor's own, never in the middle of a child's line."""
    # If our output is gone (`chartq up | head`), supervising goes on.
    with _echo_lock, suppress(OSError, ValueError):
        print(text, file=sys.stderr if err else sys.stdout, flush=True)


@dataclass(frozen=True)
class Backoff:
    first_s: float = 0.5
    max_s: float = 30.0
    # A child that stayed up this long is healthy again: its next death restarts it at once.
    stable_s: float = 30.0
    # This many quick deaths in a row are reported as a crash loop.
    crash_loop: int = 3

    def delay(self, quick_deaths: int) -> float:
        """0 s after the first quick death, then 0.5 s, 1 s, 2 s ... up to max_s."""
        if quick_deaths <= 1:
            return 0.0
        return float(min(self.max_s, self.first_s * 2 ** (quick_deaths - 2)))


@dataclass(frozen=True)
class ChildSpec:
    name: str
    argv: list[str]
    env: dict[str, str] | None = None
    # Children are stopped stage by stage, lowest first.
    stage: int = 0
    stop_timeout_s: float = 10.0
    # Where a child that does not log to stdout/stderr (redis-server) writes its log.
    log_file: Path | None = None


class OutputTail:
    """The last lines a child wrote, from the threads that echo its stdout and stderr."""

    def __init__(self, size: int = LAST_LINES) -> None:
        self._lines: deque[str] = deque(maxlen=size)
        self._lock = threading.Lock()

    def pump(self, stream: IO[bytes], echo: BinaryIO) -> None:
        with stream:
            for line in iter(stream.readline, b""):
                with self._lock:
                    self._lines.append(line.decode(errors="replace").rstrip())
                with _echo_lock, suppress(OSError, ValueError):  # our output is gone: keep the tail
                    echo.write(line)
                    echo.flush()

    def lines(self) -> list[str]:
        with self._lock:
            return list(self._lines)


@dataclass
class Child:
    spec: ChildSpec
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    quick_deaths: int = 0
    restart_at: float | None = None
    tail: OutputTail = field(default_factory=OutputTail)
    readers: list[threading.Thread] = field(default_factory=list)

    def last_lines(self) -> list[str]:
        lines = self.tail.lines()
        if self.spec.log_file is not None:
            lines += _file_tail(self.spec.log_file)
        return lines[-LAST_LINES:]


class Supervisor:
    def __init__(self, backoff: Backoff | None = None) -> None:
        self.backoff = backoff or Backoff()
        self.children: list[Child] = []
        self._shielded = 0
        self._pending_signal: str | None = None

    def catch_signals(self) -> None:
        """SIGINT, SIGTERM and SIGHUP raise KeyboardInterrupt, but never while a child is being started.

        Installed explicitly: a shell that starts us in the background hands down SIGINT as ignored, and a
        closed terminal sends SIGHUP; each must still stop everything.
        """
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._on_signal)

    def start(self, spec: ChildSpec) -> Child:
        child = Child(spec)
        self.children.append(child)
        self._spawn(child)
        return child

    def run(self) -> NoReturn:
        """Keeps the children running until a signal raises KeyboardInterrupt."""
        while True:
            self.tick()
            time.sleep(TICK_S)

    def tick(self) -> None:
        """Notices the children that exited and starts the ones whose restart is due."""
        now = time.monotonic()
        for child in self.children:
            if child.process is not None and child.process.poll() is not None:
                self._died(child, now)
            if child.process is None and child.restart_at is not None and now >= child.restart_at:
                try:
                    self._spawn(child)
                except OSError as exc:
                    say(f"chartq: cannot start {child.spec.name}: {exc}")
                    self._schedule_restart(child, now)

    def stop(self) -> None:
        """Stops every child, stage by stage; further signals are ignored until it is done."""
        self._pending_signal = self._pending_signal or "stop"  # the handler now ignores signals
        for stage in sorted({child.spec.stage for child in self.children}):
            _stop_all([child for child in self.children if child.spec.stage == stage])
        for child in self.children:
            for reader in child.readers:
                reader.join(READER_JOIN_S)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self._pending_signal is not None:
            return  # already stopping: a second Ctrl-C must not cut the orderly stop short
        self._pending_signal = signal.Signals(signum).name
        if not self._shielded:
            raise KeyboardInterrupt(self._pending_signal)

    @contextmanager
    def _shield(self) -> Iterator[None]:
        """Holds a stop signal until the block ends, so no child is started without being recorded."""
        self._shielded += 1
        try:
            yield
        finally:
            self._shielded -= 1
        if not self._shielded and self._pending_signal is not None:
            raise KeyboardInterrupt(self._pending_signal)

    def _spawn(self, child: Child) -> None:
        with self._shield():
            process = subprocess.Popen(
                child.spec.argv,
                env=child.spec.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                # Its own process group: a Ctrl-C in the terminal reaches only us, and we stop the children
                # in order (the workers still need Redis while they drain).
                process_group=0,
            )
            child.process, child.started_at, child.restart_at = process, time.monotonic(), None
            child.tail = OutputTail()  # the last lines of this run, not of the ones before
            assert process.stdout is not None and process.stderr is not None
            child.readers = [
                _start_reader(child, process.stdout, sys.stdout.buffer),
                _start_reader(child, process.stderr, sys.stderr.buffer),
            ]

    def _died(self, child: Child, now: float) -> None:
        assert child.process is not None
        pid, returncode = child.process.pid, child.process.returncode
        child.process = None
        for reader in child.readers:  # its last lines, before they are reported
            reader.join(READER_JOIN_S)
        lived = now - child.started_at
        child.quick_deaths = 1 if lived >= self.backoff.stable_s else child.quick_deaths + 1
        delay = self._schedule_restart(child, now)
        when = "now" if delay == 0 else f"in {delay:g} s"
        say(f"chartq: {child.spec.name} (pid {pid}) {_describe_exit(returncode)}; restarting it {when}")
        if child.quick_deaths == self.backoff.crash_loop:
            self._report_crash_loop(child)

    def _schedule_restart(self, child: Child, now: float) -> float:
        delay = self.backoff.delay(child.quick_deaths)
        child.restart_at = now + delay
        return delay

    def _report_crash_loop(self, child: Child) -> None:
        lines = child.last_lines() or ["(it wrote nothing)"]
        say(
            f"chartq: {child.spec.name} is crash-looping: it died {child.quick_deaths} times in a row, each "
            f"time within {self.backoff.stable_s:g} s of starting.\nThe other processes keep running; it is "
            f"retried with a growing delay (up to {self.backoff.max_s:g} s). Its last lines:\n"
            + "\n".join(f"  | {line}" for line in lines)
        )


def _start_reader(child: Child, stream: IO[bytes], echo: BinaryIO) -> threading.Thread:
    reader = threading.Thread(
        target=child.tail.pump, args=(stream, echo), name=f"chartq-{child.spec.name}-output", daemon=True
    )
    reader.start()
    return reader


def _stop_all(children: list[Child]) -> None:
    """SIGTERM to every child given, then SIGKILL to those still running after their grace period."""
    running = [child for child in children if child.process is not None and child.process.poll() is None]
    for child in children:
        child.restart_at = None
    for child in running:
        assert child.process is not None
        child.process.terminate()
    deadline = time.monotonic() + max((child.spec.stop_timeout_s for child in running), default=0)
    for child in running:
        assert child.process is not None
        try:
            child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            say(f"chartq: {child.spec.name} did not stop within {child.spec.stop_timeout_s:g} s; killing it")
            child.process.kill()
            child.process.wait()


def _describe_exit(returncode: int) -> str:
    if returncode < 0:
        try:
            return f"was killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"was killed by signal {-returncode}"
    return f"exited with code {returncode}"


def _file_tail(path: Path) -> list[str]:
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(max(0, size - LOG_FILE_TAIL_BYTES))
            data = handle.read()
    except OSError:
        return []
    return [line.rstrip() for line in data.decode(errors="replace").splitlines()[-LAST_LINES:]]
