"""Task run records in SQL: the durable record of each task (written after it ends, replacing an earlier
attempt's), kept in Redis as JSON while the database is away, and read back as a TaskDTO once the live
task has expired."""

from __future__ import annotations

from datetime import datetime

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.tables import TaskRun
from shared.db.upserts import UPSERTS, column_values
from shared.models import Priority, Step, TaskDTO, TaskStatus
from shared.task_states import status_sentence


async def record_run(db: AsyncSession, run: TaskRun) -> None:
    """Writes the run record of a task, replacing the one an earlier attempt left."""
    await record_runs(db, [run])


async def record_runs(db: AsyncSession, runs: list[TaskRun]) -> None:
    """Writes the run records of several tasks in one statement and one commit (the last of a task's
    records wins), each replacing the one an earlier attempt left."""
    await write_runs(db, runs)
    await db.commit()


async def write_runs(db: AsyncSession, runs: list[TaskRun]) -> None:
    """record_runs without the commit."""
    latest = list({run.task_id: run for run in runs}.values())
    dialect = db.get_bind().dialect.name
    if dialect in UPSERTS:
        await db.execute(UPSERTS[dialect][1], [column_values(run) for run in latest])
    else:
        for run in latest:
            await db.merge(run)


def run_to_json(run: TaskRun) -> bytes:
    """A run record as JSON, to keep it in Redis while the database is away (see run_from_json)."""
    return orjson.dumps(column_values(run))


def run_from_json(raw: bytes) -> TaskRun:
    values = orjson.loads(raw)
    for column in TaskRun.__table__.columns:
        if isinstance(values.get(column.key), str) and isinstance(
            getattr(column.type, "impl", None), sa.DateTime
        ):
            values[column.key] = datetime.fromisoformat(values[column.key])
    return TaskRun(**values)


async def get_run(db: AsyncSession, task_id: str, user_id: str) -> TaskRun | None:
    run = await db.get(TaskRun, task_id)
    return run if run is not None and run.user_id == user_id else None


def run_to_dto(run: TaskRun) -> TaskDTO:
    """A TaskDTO rebuilt from the durable run record, once the live Redis hash has expired."""
    status = TaskStatus(run.status)
    done = status == TaskStatus.COMPLETED
    steps = run.step_durations_ms or {}
    return TaskDTO(
        task_id=run.task_id,
        message_id=run.message_id,
        session_id=run.session_id,
        status=status,
        progress=100 if done else 0,
        current_step=Step.DONE if done else Step.QUEUED,
        step_progress={
            step: 100 if done or step in steps else 0
            for step in (s.value for s in Step)
            if step not in (Step.QUEUED, Step.DONE)
        },
        error_message=run.error_message,
        error_code=run.error_code,
        chart_id=run.chart_id,
        priority=Priority(run.priority),
        attempt=run.attempts,
        created_at=run.created_at,
        started_at=run.started_at,
        completed_at=run.completed_at,
        message=status_sentence(status, run.error_message),
    )
