"""What the schedule endpoints take and answer (docs/design.md, "Recurring refresh")."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ScheduleSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # No minimum length: a short expression ("bad", "@daily") is told why it is not one
    # (invalid_schedule), not that it is too short.
    cron: str = Field(
        min_length=1,
        max_length=120,
        description="5 fields: min hour day month weekday",
    )
    timezone: str = Field(default="UTC", min_length=1, max_length=64)


class ScheduleDTO(BaseModel):
    chart_id: str
    cron: str
    timezone: str
    # None while paused: a paused schedule does not fire.
    next_run_at: datetime | None
    last_run_at: datetime | None
    last_task_id: str | None
    # The last run's task status (PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED); None before one.
    last_status: str | None
    paused: bool
    # Why it stopped firing: "chart_deleted", or "failing" after runs in a row that did not complete.
    paused_reason: str | None = None
    consecutive_failures: int = 0


class ScheduleList(BaseModel):
    schedules: list[ScheduleDTO]


class ScheduleOverview(BaseModel):
    """For operators (the dashboard): schedules due now or soon, and those whose runs fail."""

    due: list[ScheduleDTO]
    failing: list[ScheduleDTO]
