"""Stopping a background task for sure: cancel it, and cancel again while it runs on, for a bounded
time. A cancel can be swallowed on its way (Python 3.11's wait_for in a library, a client that shields
its I/O); without this a swallowed cancel hung a worker's shutdown for ever."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Iterable
from typing import Any

import structlog

log = structlog.get_logger("chartq.worker")

STOP_WAIT_S = 30.0
RECANCEL_EVERY_S = 1.0


async def stop_task(
    task: asyncio.Task[Any], what: str, *, cancel: bool = True, wait_s: float = STOP_WAIT_S
) -> bool:
    """Cancels `task` (again every second while it runs) until it ends or `wait_s` passes; True when it
    ended. Its outcome is retrieved, so an exception in it is never reported as unretrieved."""
    deadline = time.monotonic() + wait_s
    while not task.done() and time.monotonic() < deadline:
        if cancel:
            task.cancel()
        await asyncio.wait({task}, timeout=RECANCEL_EVERY_S)
    if task.done():
        await asyncio.gather(task, return_exceptions=True)
        return True
    report_stuck(f"{what} did not stop", [task])
    return False


def report_stuck(what: str, tasks: Iterable[asyncio.Task[Any]]) -> None:
    """Says where each task was waiting, so a shutdown that goes on without it can be understood."""
    for task in tasks:
        stack = io.StringIO()
        task.print_stack(file=stack)
        log.error(f"{what}; going on without it", task=task.get_name(), stack=stack.getvalue())
