"""Rows the SQL tests store."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

from shared.db.tables import Chart, TaskRun
from shared.models import utcnow


def a_run(task_id: str, status: str = "COMPLETED", attempts: int = 1) -> TaskRun:
    """The run record of one of ada's tasks."""
    return TaskRun(
        task_id=task_id, user_id="ada", message_id="m", session_id="s", request_key="", priority="normal",
        status=status, attempts=attempts, step_durations_ms={"planning": 1.5}, created_at=utcnow(),
    )  # fmt: skip


def a_chart(task_id: str, title: str) -> Chart:
    """A chart of one of ada's tasks."""
    now = utcnow()
    return Chart(
        id=str(uuid4()), task_id=task_id, message_id="m", session_id="s", owner_id="ada",
        visibility="PRIVATE", request_key="", title=title, spec={"dataset": "tips"},
        figure={"data": [], "layout": {}}, sql="SELECT 1", row_count=1, interpretation="-",
        created_at=now, expires_at=now + timedelta(days=30),
    )  # fmt: skip
