"""What one run of a chart task knows as it goes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shared.job import ChartJob
from shared.models import TaskDTO


@dataclass
class TaskRunState:
    job: ChartJob
    dto: TaskDTO
    # From the task hash, not the job: the owner must be known even for a malformed job.
    user_id: str
    durations_ms: dict[str, float] = field(default_factory=dict)
    # How the plan was made (worker.planner.choose.PlanOutcome): planner, LLM tokens and latency.
    plan_details: dict[str, Any] = field(default_factory=dict)
    # The write that starts this attempt landed: from then on every write carries its attempt (fenced).
    started: bool = False

    @property
    def task_id(self) -> str:
        return self.dto.task_id
