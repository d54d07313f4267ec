"""Domain enums and the DTOs of DESIGN.md: what clients send and receive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)


def utcnow() -> datetime:
    return datetime.now(UTC)


class TaskStatus(StrEnum):
    PENDING = "PENDING"
    PROCESSING = "PROCESSING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATUSES


TERMINAL_STATUSES = frozenset({TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED})
ACTIVE_STATUSES = frozenset({TaskStatus.PENDING, TaskStatus.PROCESSING})


class Step(StrEnum):
    # Waiting for its start time (ChartTaskCreate.run_at or delay_seconds).
    SCHEDULED = "scheduled"
    # Waiting for the tasks it depends on (ChartTaskCreate.depends_on) to complete.
    WAITING = "waiting"
    QUEUED = "queued"
    PLANNING = "planning"
    DATA_EXTRACTION = "data_extraction"
    SCHEMA_CREATION = "schema_creation"
    PERSISTING = "persisting"
    DONE = "done"


PIPELINE_STEPS = (Step.PLANNING, Step.DATA_EXTRACTION, Step.SCHEMA_CREATION, Step.PERSISTING)


class Priority(StrEnum):
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class Visibility(StrEnum):
    PRIVATE = "PRIVATE"
    ORG = "ORG"
    PUBLIC = "PUBLIC"


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# Text never holds NUL (PostgreSQL cannot store it: it was a 503 "database unavailable"). Surrounding
# whitespace is stripped before min_length applies, so required text also says "not blank". JSON
# Schema's \s and pydantic's differ on U+0085 and U+FEFF, so both are named; leading whitespace and the
# first visible character are disjoint classes, so no regex engine backtracks.
NO_NUL = r"^[^\x00]*$"
TEXT = r"^[\s\x85\ufeff]*[^\s\x00\x85\ufeff][^\x00]*$"
# An id in a path: opaque, but never with a NUL.
ID_PATTERN = r"^[^\x00]+$"
ResourceId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


class SessionCreate(_In):
    title: str | None = Field(default=None, max_length=200, pattern=NO_NUL)


class MessageCreate(_In):
    content: str = Field(min_length=1, max_length=4000, pattern=TEXT)
    # Clients post only their own words: assistant and system messages are written by chartq.
    role: Literal["user"] = "user"


# How many tasks one task may wait for (DESIGN.md).
MAX_DEPENDENCIES = 10
# How far ahead a task may be scheduled (DESIGN.md: at most 30 days).
MAX_SCHEDULE_AHEAD_S = 30 * 86400
# A start time this little in the past (clock skew between client and server) means "now".
SCHEDULE_SKEW_S = 5.0


class ChartTaskCreate(_In):
    message_id: str = Field(min_length=1, max_length=64, pattern=TEXT)
    visibility: Visibility = Visibility.PRIVATE
    force_create: bool = False
    adjustment_query: str | None = Field(default=None, max_length=1000, pattern=NO_NUL)
    priority: Priority = Priority.NORMAL
    run_at: AwareDatetime | None = Field(
        default=None,
        description="Start no earlier than this time (ISO 8601 with a zone; at most 30 days ahead)",
    )
    delay_seconds: float | None = Field(
        default=None, gt=0, le=MAX_SCHEDULE_AHEAD_S, description="Start this many seconds from now"
    )
    depends_on: list[ResourceId] = Field(
        default_factory=list,
        max_length=MAX_DEPENDENCIES,
        description="Task ids of the caller's that must complete first; if one fails or is cancelled, "
        "this task fails with dependency_failed",
    )

    @model_validator(mode="after")
    def _one_start_time(self) -> ChartTaskCreate:
        if self.run_at is not None and self.delay_seconds is not None:
            raise ValueError("give run_at or delay_seconds, not both")
        if len(set(self.depends_on)) != len(self.depends_on):
            raise ValueError("depends_on names a task twice")
        if self.depends_on and (self.run_at is not None or self.delay_seconds is not None):
            raise ValueError("a task waits for its dependencies or for a start time, not both")
        if self.run_at is not None:
            ahead = (self.run_at - utcnow()).total_seconds()
            if ahead < -SCHEDULE_SKEW_S:
                raise ValueError("run_at is in the past")
            if ahead > MAX_SCHEDULE_AHEAD_S:
                raise ValueError("run_at is more than 30 days ahead")
        return self

    def start_at(self, now: datetime) -> datetime | None:
        """When the task may start, if later than now."""
        if self.delay_seconds is not None:
            return now + timedelta(seconds=self.delay_seconds)
        if self.run_at is not None and self.run_at > now:
            return self.run_at
        return None


class SessionDTO(BaseModel):
    id: str
    title: str | None
    created_at: datetime
    updated_at: datetime
    message_count: int


class MessageDTO(BaseModel):
    id: str
    session_id: str
    role: str
    content: str
    message_index: int
    created_at: datetime


class TaskDTO(BaseModel):
    task_id: str
    message_id: str
    session_id: str
    status: TaskStatus
    progress: int = Field(ge=0, le=100)
    current_step: Step
    step_progress: dict[str, int]
    error_message: str | None = None
    error_code: str | None = None
    chart_id: str | None = None
    priority: Priority
    attempt: int = 0
    created_at: datetime
    started_at: datetime | None = None
    completed_at: datetime | None = None
    estimated_completion: datetime | None = None
    message: str


class TimeRangeDTO(BaseModel):
    start: str | None = None
    end: str | None = None


class ChartDTO(BaseModel):
    id: str
    task_id: str
    message_id: str
    session_id: str
    title: str
    visibility: Visibility
    spec: dict[str, Any]
    figure: dict[str, Any]
    sql: str
    row_count: int
    interpretation: str
    # What was charted, in plain words: "Average tip per day, party size at least 4." It also says what of
    # the question was left out, if anything.
    description: str = ""
    time_range: TimeRangeDTO
    data_as_of: str | None
    created_at: datetime
    expires_at: datetime
    # Which drawing of the plan this is (1 = the first; each refresh adds one) and, from version 2 on,
    # when it was drawn; `task_id` is the task that drew it.
    version: int = 1
    refreshed_at: datetime | None = None


class ChartVersionDTO(BaseModel):
    version: int
    task_id: str
    row_count: int
    data_as_of: str | None
    created_at: datetime


class ChartVersionsDTO(BaseModel):
    chart_id: str
    # Newest first.
    versions: list[ChartVersionDTO]


class ChartsByMessage(BaseModel):
    charts: list[ChartDTO]
    active_tasks: list[TaskDTO]
    has_active_tasks: bool


class ErrorDTO(BaseModel):
    detail: str
    code: str


# Batches of chart tasks (DESIGN.md "Several charts"): one chart task per message, followed as one.
MAX_BATCH_MESSAGES = 20
MessageId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=TEXT)]


class BatchStatus(StrEnum):
    PENDING = "PENDING"
    PROCESSING = "PROCESSING"
    COMPLETED = "COMPLETED"
    PARTIAL = "PARTIAL"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"

    @property
    def is_terminal(self) -> bool:
        return self not in (BatchStatus.PENDING, BatchStatus.PROCESSING)


class BatchCreate(_In):
    message_ids: list[MessageId] = Field(
        min_length=1, max_length=MAX_BATCH_MESSAGES, json_schema_extra={"uniqueItems": True}
    )
    visibility: Visibility = Visibility.PRIVATE
    priority: Priority = Priority.NORMAL

    @field_validator("message_ids")
    @classmethod
    def _each_once(cls, ids: list[str]) -> list[str]:
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"each message may be named once; repeated: {', '.join(repeated)}")
        return ids


class BatchCounts(BaseModel):
    pending: int = 0
    processing: int = 0
    completed: int = 0
    failed: int = 0
    cancelled: int = 0


class BatchDTO(BaseModel):
    batch_id: str
    status: BatchStatus
    # Over its tasks: each counts its own progress while active and 100 once it has ended.
    progress: int = Field(ge=0, le=100)
    counts: BatchCounts
    tasks: list[TaskDTO]
    created_at: datetime
    completed_at: datetime | None = None


class BatchStats(BaseModel):
    """Batches of every user, for operators: active now, and created and finished since counting began."""

    active: int
    created: int
    tasks: int
    completed: int
    partial: int
    failed: int
    cancelled: int
