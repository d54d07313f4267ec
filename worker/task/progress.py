"""How long each step of a task took, for its run record and the step latency statistics, and the
step's span when traces are on (worker.task.spans)."""

from __future__ import annotations

import time
from types import TracebackType

from shared.models import Step
from worker.task.spans import step_span


class StepTimer:
    """Records how long a step took, in milliseconds, into `durations_ms`."""

    def __init__(self, durations_ms: dict[str, float], step: Step) -> None:
        self.durations_ms, self.step = durations_ms, step

    def __enter__(self) -> None:
        self.span = step_span(self.step)
        self.span.__enter__()
        self.started = time.perf_counter()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.durations_ms[self.step.value] = round((time.perf_counter() - self.started) * 1000, 3)
        self.span.__exit__(kind, error, trace)
