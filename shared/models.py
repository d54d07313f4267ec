"""Domain enums and the DTOs of DESIGN.md: what clients send and receive."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


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


class ChartTaskCreate(_In):
    message_id: str = Field(min_length=1, max_length=64, pattern=TEXT)
    visibility: Visibility = Visibility.PRIVATE
    force_create: bool = False
    adjustment_query: str | None = Field(default=None, max_length=1000, pattern=NO_NUL)
    priority: Priority = Priority.NORMAL


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


class ChartsByMessage(BaseModel):
    charts: list[ChartDTO]
    active_tasks: list[TaskDTO]
    has_active_tasks: bool


class ErrorDTO(BaseModel):
    detail: str
    code: str
