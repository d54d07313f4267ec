"""What `chartq ask --watch`, `chartq stats` and `chartq workers` draw (rich)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from shared.models import TaskDTO, TaskStatus
from shared.stats.report import DURATION_SERIES, QueueStats
from worker.cli.client import API_PREFIX, ApiClient, ApiClientError

OUTCOME_WINDOWS = {"1m": "last 1 min", "5m": "last 5 min", "1h": "last 1 h"}
PRIORITY_ORDER = ("high", "normal", "low")
FAILURES_SHOWN = 5
DESCRIPTION_CHARS = 60
DASH = "-"


def make_console(*, stderr: bool = False) -> Console:
    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        # Piped output has no width; wide enough that tables keep worker ids and URLs whole.
        console = Console(stderr=stderr, highlight=False, width=160)
    return console


def seconds(value: float | None) -> str:
    if value is None:
        return DASH
    if value < 60:
        return f"{value:.1f} s"
    if value < 3600:
        return f"{int(value // 60)} min {int(value % 60):02d} s"
    return f"{int(value // 3600)} h {int(value % 3600 // 60):02d} min"


def millis(value: float | None) -> str:
    if value is None:
        return DASH
    return f"{value:.0f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M:%S")


def _failure_time(raw: str | None) -> str:
    if not raw:
        return DASH
    try:
        return _local(datetime.fromisoformat(raw))
    except ValueError:
        return raw


def summary_table(stats: QueueStats) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    priorities = [p for p in PRIORITY_ORDER if p in stats.queued] + sorted(
        p for p in stats.queued if p not in PRIORITY_ORDER
    )
    by_priority = " · ".join(f"{p} {stats.queued[p]}" for p in priorities)
    grid.add_row("queued", f"{stats.queued_total}  ({by_priority})")
    grid.add_row("deferred", str(stats.deferred))
    grid.add_row("processing", str(stats.processing))
    slots = sum(w.concurrency for w in stats.workers)
    running = sum(w.running for w in stats.workers)
    grid.add_row("workers alive", f"{len(stats.workers)}  ({running} running of {slots} slots)")
    grid.add_row("throughput", f"{stats.throughput_per_minute:g} per minute")
    grid.add_row("oldest queued", seconds(stats.oldest_queued_age_seconds))
    grid.add_row("estimated wait", seconds(stats.estimated_wait_seconds))
    return grid


def outcomes_table(stats: QueueStats) -> Table:
    table = Table(title="Outcomes", title_justify="left", expand=False)
    table.add_column("window")
    for name in ("completed", "failed", "cancelled"):
        table.add_column(name, justify="right")
    for window, counts in stats.outcomes.items():
        table.add_row(
            OUTCOME_WINDOWS.get(window, window),
            str(counts.completed),
            str(counts.failed),
            str(counts.cancelled),
        )
    return table


def durations_table(stats: QueueStats) -> Table:
    table = Table(title="Durations over the last 5 min", title_justify="left")
    table.add_column("step")
    table.add_column("count", justify="right")
    table.add_column("p50", justify="right")
    table.add_column("p95", justify="right")
    series = [s for s in DURATION_SERIES if s in stats.durations] + [
        s for s in stats.durations if s not in DURATION_SERIES
    ]
    for name in series:
        summary = stats.durations[name]
        label = name.replace("_", " ")
        table.add_row(label, str(summary.count), millis(summary.p50_ms), millis(summary.p95_ms))
    return table


def failures_table(stats: QueueStats, limit: int = FAILURES_SHOWN) -> Table:
    table = Table(title=f"Recent failures (newest {limit})", title_justify="left")
    table.add_column("at")
    table.add_column("task", no_wrap=True)
    table.add_column("code")
    table.add_column("message", overflow="ellipsis", no_wrap=True, max_width=80)
    for failure in stats.recent_failures[:limit]:
        table.add_row(
            _failure_time(failure.failed_at),
            failure.task_id,
            failure.error_code or DASH,
            " ".join((failure.error_message or "").split()) or DASH,
        )
    return table


def workers_table(stats: QueueStats) -> Table:
    table = Table(title=f"Workers alive: {len(stats.workers)}", title_justify="left")
    # An id is what an operator copies into a command: never cut it; the host may shrink instead.
    table.add_column("id", no_wrap=True, min_width=max((len(w.id) for w in stats.workers), default=2))
    table.add_column("host", no_wrap=True, overflow="ellipsis")
    for name in ("pid", "concurrency", "running", "completed", "failed", "last seen"):
        table.add_column(name, justify="right", no_wrap=True)
    for worker in stats.workers:
        ago = max(0.0, (stats.updated_at - worker.last_seen).total_seconds())
        table.add_row(
            worker.id,
            worker.host,
            str(worker.pid),
            str(worker.concurrency),
            str(worker.running),
            str(worker.completed),
            str(worker.failed),
            f"{ago:.0f} s ago",
        )
    return table


def stats_view(stats: QueueStats, note: str | None = None) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"chartq queue at {_local(stats.updated_at)}", style="bold underline"),
        summary_table(stats),
        Text(""),
        outcomes_table(stats),
        durations_table(stats),
    ]
    if stats.recent_failures:
        parts.append(failures_table(stats))
    if note:
        parts.append(Text(note, style="yellow"))
    return Group(*parts)


class TaskProgress:
    """A progress bar for one task on a terminal, and one line per step either way (piped output
    gets only the lines: a bar cannot be redrawn there)."""

    def __init__(self, console: Console, task_id: str) -> None:
        self.console = console
        self.task_id = task_id
        self.seen: set[tuple[str, str]] = set()
        self.progress: Progress | None = None
        self.bar: TaskID | None = None
        if console.is_terminal:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.percentage:>3.0f}%"),
                TimeElapsedColumn(),
                console=console,
            )

    def __enter__(self) -> TaskProgress:
        if self.progress is not None:
            self.progress.start()
            self.bar = self.progress.add_task("waiting for the first event", total=100)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.progress is not None:
            self.progress.stop()

    def update(self, task: TaskDTO) -> None:
        step, message = task.current_step.value, " ".join(task.message.split())
        key = (task.status.value, step)
        if not task.status.is_terminal and key not in self.seen:
            self.seen.add(key)
            line = Text.assemble((f"{step:<16}", "cyan"), f"{task.progress:>3}%  ", message)
            self.console.print(line, soft_wrap=True)
        if self.progress is not None and self.bar is not None:
            short = message if len(message) <= DESCRIPTION_CHARS else message[: DESCRIPTION_CHARS - 1] + "…"
            self.progress.update(self.bar, completed=task.progress, description=f"{step} · {short}")

    def note(self, text: str) -> None:
        self.console.print(Text(text, style="yellow"), soft_wrap=True)


def print_chart(console: Console, chart: dict[str, Any], result_url: str, chart_url: str) -> None:
    console.print(Text(str(chart.get("title", "")), style="bold"), soft_wrap=True)
    if chart.get("interpretation"):
        console.print(Text(str(chart["interpretation"])), soft_wrap=True)
    console.print(Text.assemble(("chart   ", "bold"), chart_url), soft_wrap=True)
    console.print(Text.assemble(("result  ", "bold"), result_url), soft_wrap=True)


def watch_task(client: ApiClient, task: TaskDTO) -> TaskDTO:
    """Follows a task to its terminal status; prints the chart when it is made. Returns the last state."""
    console = make_console()
    console.print(Text.assemble(("task    ", "bold"), task.task_id), soft_wrap=True)
    final = task
    with TaskProgress(console, task.task_id) as view:
        for update in client.follow_task(task.task_id, notify=view.note):
            view.update(update.task)
            final = update.task
    if final.status == TaskStatus.COMPLETED:
        chart = client.chart_result(final.task_id)
        chart_url = client.url(f"{API_PREFIX}/charts/{final.chart_id or chart['id']}")
        print_chart(console, chart, client.url(client.result_path(final.task_id)), chart_url)
    return final


def watch_stats(fetch: Callable[[], QueueStats], first: QueueStats, interval: float) -> None:
    """Redraws the statistics every `interval` seconds until Ctrl-C; piped output gets one snapshot per
    interval instead. A failed refresh keeps the last view with a note and tries again."""
    console = make_console()
    latest, note = first, None
    try:
        if not console.is_terminal:
            while True:
                console.print(stats_view(latest, note))
                console.print()
                time.sleep(interval)
                latest, note = _refresh(fetch, latest)
        with Live(stats_view(latest), console=console, auto_refresh=False) as live:
            while True:
                time.sleep(interval)
                latest, note = _refresh(fetch, latest)
                live.update(stats_view(latest, note), refresh=True)
    except KeyboardInterrupt:
        return


def _refresh(fetch: Callable[[], QueueStats], latest: QueueStats) -> tuple[QueueStats, str | None]:
    try:
        return fetch(), None
    except ApiClientError as exc:
        return latest, f"{exc}; retrying (the figures above are from {_local(latest.updated_at)})"
