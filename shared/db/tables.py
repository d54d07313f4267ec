"""SQL tables: chat sessions and messages, stored charts, and one run record per chart task."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shared.models import TaskDTO


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them without a zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: sa.JSON()}


class ChatSession(Base):
    __tablename__ = "chat_sessions"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(sa.String(128), index=True)
    org_id: Mapped[str] = mapped_column(sa.String(128), default="")
    title: Mapped[str | None] = mapped_column(sa.String(200))
    message_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (sa.UniqueConstraint("session_id", "message_index"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    session_id: Mapped[str] = mapped_column(sa.ForeignKey("chat_sessions.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(sa.String(128), index=True)
    role: Mapped[str] = mapped_column(sa.String(16))
    content: Mapped[str] = mapped_column(sa.Text)
    message_index: Mapped[int]
    created_at: Mapped[datetime]


class Chart(Base):
    __tablename__ = "charts"
    __table_args__ = (sa.Index("ix_charts_message_request", "message_id", "request_key"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    # Unique: persisting the same task twice (a retry after a crash) finds the existing chart.
    task_id: Mapped[str] = mapped_column(sa.String(36), unique=True)
    message_id: Mapped[str] = mapped_column(sa.String(36))
    session_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    owner_id: Mapped[str] = mapped_column(sa.String(128), index=True)
    org_id: Mapped[str] = mapped_column(sa.String(128), default="")
    visibility: Mapped[str] = mapped_column(sa.String(16))
    request_key: Mapped[str] = mapped_column(sa.String(32))
    title: Mapped[str] = mapped_column(sa.String(200))
    spec: Mapped[dict[str, Any]]
    figure: Mapped[dict[str, Any]]
    sql: Mapped[str] = mapped_column(sa.Text)
    row_count: Mapped[int]
    interpretation: Mapped[str] = mapped_column(sa.Text)
    # The plan in plain words (worker.planner.describe); None for charts made before it existed.
    description: Mapped[str | None] = mapped_column(sa.Text, default=None)
    time_start: Mapped[str | None] = mapped_column(sa.String(32))
    time_end: Mapped[str | None] = mapped_column(sa.String(32))
    data_as_of: Mapped[str | None] = mapped_column(sa.String(32))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]
    # The newest version (shared.db.chart_versions): a refresh redraws the same plan on current data
    # and the row takes its figure; the task and time of that refresh (None while it is version 1).
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    version_task_id: Mapped[str | None] = mapped_column(sa.String(36), default=None)
    refreshed_at: Mapped[datetime | None] = mapped_column(default=None)


class ChartVersion(Base):
    """One drawing of a chart's plan; written from a chart's first refresh on (shared.db.chart_versions)."""

    __tablename__ = "chart_versions"

    chart_id: Mapped[str] = mapped_column(sa.ForeignKey("charts.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(primary_key=True)
    # Unique: a refresh task persisting twice (a retry) adds one version.
    task_id: Mapped[str] = mapped_column(sa.String(36), unique=True)
    figure: Mapped[dict[str, Any]]
    sql: Mapped[str] = mapped_column(sa.Text)
    row_count: Mapped[int]
    time_start: Mapped[str | None] = mapped_column(sa.String(32))
    time_end: Mapped[str | None] = mapped_column(sa.String(32))
    data_as_of: Mapped[str | None] = mapped_column(sa.String(32))
    created_at: Mapped[datetime]


class TaskRun(Base):
    """The durable record of a chart task, written when it ends (Redis keeps the live state)."""

    __tablename__ = "task_runs"

    task_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(sa.String(128), index=True)
    message_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    session_id: Mapped[str] = mapped_column(sa.String(36))
    request_key: Mapped[str] = mapped_column(sa.String(32))
    priority: Mapped[str] = mapped_column(sa.String(8))
    status: Mapped[str] = mapped_column(sa.String(16))
    attempts: Mapped[int] = mapped_column(default=0)
    step_durations_ms: Mapped[dict[str, Any]]
    error_code: Mapped[str | None] = mapped_column(sa.String(64))
    error_message: Mapped[str | None] = mapped_column(sa.Text)
    worker_id: Mapped[str | None] = mapped_column(sa.String(128))
    chart_id: Mapped[str | None] = mapped_column(sa.String(36))
    created_at: Mapped[datetime]
    started_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    # How the plan was made ("rules", "llm", "adjustment"); None for a task that ended before planning.
    planner: Mapped[str | None] = mapped_column(sa.String(16))
    # The LLM planner's cost, summed over its rounds (the first answer and its correction), and why
    # the rule planner answered instead when it did ("timeout", "invalid_plan", ...).
    llm_model: Mapped[str | None] = mapped_column(sa.String(128))
    llm_prompt_tokens: Mapped[int | None]
    llm_completion_tokens: Mapped[int | None]
    llm_latency_ms: Mapped[int | None]
    llm_rounds: Mapped[int | None]
    llm_fallback_reason: Mapped[str | None] = mapped_column(sa.String(32))

    @classmethod
    def of_task(
        cls,
        task: TaskDTO,
        *,
        user_id: str,
        request_key: str,
        worker_id: str | None = None,
        step_durations_ms: Mapping[str, float] | None = None,
        plan_columns: Mapping[str, Any] | None = None,
    ) -> TaskRun:
        """The run record of `task` as it ended, the one way every writer (worker, API) builds it."""
        return cls(
            task_id=task.task_id,
            user_id=user_id,
            message_id=task.message_id,
            session_id=task.session_id,
            request_key=request_key,
            priority=task.priority.value,
            status=task.status.value,
            attempts=task.attempt,
            step_durations_ms=dict(step_durations_ms or {}),
            error_code=task.error_code,
            error_message=task.error_message,
            worker_id=worker_id,
            chart_id=task.chart_id,
            created_at=task.created_at,
            started_at=task.started_at,
            completed_at=task.completed_at,
            **(plan_columns or {}),
        )


class ChartSchedule(Base):
    """A chart's recurring refresh (worker.runtime.scheduler fires it; Redis holds when it is due)."""

    __tablename__ = "chart_schedules"

    chart_id: Mapped[str] = mapped_column(sa.ForeignKey("charts.id", ondelete="CASCADE"), primary_key=True)
    owner_id: Mapped[str] = mapped_column(sa.String(128), index=True)
    # The queue its runs go to: the one of the API that made it (each queue's workers fire its own).
    queue_name: Mapped[str] = mapped_column(sa.String(200))
    cron: Mapped[str] = mapped_column(sa.String(120))
    timezone: Mapped[str] = mapped_column(sa.String(64))
    next_run_at: Mapped[datetime]
    last_run_at: Mapped[datetime | None] = mapped_column(default=None)
    last_task_id: Mapped[str | None] = mapped_column(sa.String(36), default=None)
    last_status: Mapped[str | None] = mapped_column(sa.String(16), default=None)
    # The run being created for the due time just claimed; set until its task exists, so a worker dying
    # in between leaves it to the next claimer to create, not to skip or create twice.
    firing_task_id: Mapped[str | None] = mapped_column(sa.String(36), default=None)
    failures: Mapped[int] = mapped_column(default=0)  # runs in a row that did not complete
    paused: Mapped[bool] = mapped_column(default=False)
    paused_reason: Mapped[str | None] = mapped_column(sa.String(32), default=None)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
