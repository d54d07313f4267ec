"""How a task's progress is shown: each step's share of the bar, its sentence, and its timing."""

from __future__ import annotations

import time
from typing import Any

from shared.models import PIPELINE_STEPS, Step

# Share of the overall progress bar that each step fills when it finishes.
STEP_WEIGHTS = {Step.PLANNING: 20, Step.DATA_EXTRACTION: 40, Step.SCHEMA_CREATION: 25, Step.PERSISTING: 15}
STEP_SENTENCES = {
    Step.PLANNING: "Working out what to chart.",
    Step.DATA_EXTRACTION: "Querying the data.",
    Step.SCHEMA_CREATION: "Drawing the chart.",
    Step.PERSISTING: "Saving the chart.",
}


def step_update(step: Step) -> dict[str, Any]:
    """The TaskDTO fields for a task entering `step`: the steps before it are done."""
    done = PIPELINE_STEPS[: PIPELINE_STEPS.index(step)]
    return {
        "current_step": step,
        "step_progress": {s.value: 100 if s in done else 0 for s in PIPELINE_STEPS},
        "progress": sum(STEP_WEIGHTS[s] for s in done),
        "message": STEP_SENTENCES[step],
    }


class StepTimer:
    """Records how long a step took, in milliseconds, into `durations_ms`."""

    def __init__(self, durations_ms: dict[str, float], step: Step) -> None:
        self.durations_ms, self.step = durations_ms, step

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *_: object) -> None:
        self.durations_ms[self.step.value] = round((time.perf_counter() - self.started) * 1000, 3)
