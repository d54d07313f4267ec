"""How long each step of a task took, for its run record and the step latency statistics."""

from __future__ import annotations

import time

from shared.models import Step


class StepTimer:
    """Records how long a step took, in milliseconds, into `durations_ms`."""

    def __init__(self, durations_ms: dict[str, float], step: Step) -> None:
        self.durations_ms, self.step = durations_ms, step

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *_: object) -> None:
        self.durations_ms[self.step.value] = round((time.perf_counter() - self.started) * 1000, 3)
