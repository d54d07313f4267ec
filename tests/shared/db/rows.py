"""Rows the SQL tests store."""

from __future__ import annotations

from shared.db.tables import TaskRun
from shared.models import utcnow


def a_run(task_id: str, status: str = "COMPLETED", attempts: int = 1) -> TaskRun:
    """The run record of one of ada's tasks."""
    return TaskRun(
        task_id=task_id, user_id="ada", message_id="m", session_id="s", request_key="", priority="normal",
        status=status, attempts=attempts, step_durations_ms={"planning": 1.5}, created_at=utcnow(),
    )  # fmt: skip
