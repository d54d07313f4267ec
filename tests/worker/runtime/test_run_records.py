"""Run records by group commit: the tasks that end together are written by one commit, each caller returns
once its own record is stored, and a database that is away fails every caller of its batch."""

from __future__ import annotations

import asyncio
from pathlib import Path
from uuid import uuid4

import pytest

from shared.db.charts import get_run
from shared.db.engine import create_engine, session_factory
from tests.shared.db.rows import a_run
from worker.runtime.run_records import RunRecords

pytestmark = pytest.mark.db


async def test_records_of_tasks_ending_together_share_a_commit(database_url: str) -> None:
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    records = RunRecords(sessions)
    task_ids = [str(uuid4()) for _ in range(40)]
    try:
        await asyncio.gather(*(records.write(a_run(task_id)) for task_id in task_ids))
        assert records.records == 40
        assert records.commits < 40 / 4, "tasks ending together are written together"
        async with sessions() as db:
            stored = [await get_run(db, task_id, "ada") for task_id in task_ids]
        assert all(run is not None and run.status == "COMPLETED" for run in stored)
        # A task's later record replaces its earlier one, within a batch as across batches.
        again = task_ids[0]
        await asyncio.gather(
            records.write(a_run(again, "PENDING", 2)), records.write(a_run(again, "FAILED", 3))
        )
        async with sessions() as db:
            run = await get_run(db, again, "ada")
        assert run is not None and (run.status, run.attempts) == ("FAILED", 3)
    finally:
        await records.close()
        await engine.dispose()


async def test_a_database_that_is_away_fails_every_record_of_the_batch(tmp_path: Path) -> None:
    # A SQLite file in a folder that does not exist: every commit fails as an unreachable server would.
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'gone' / 'chartq.db'}")
    records = RunRecords(session_factory(engine))
    try:
        outcomes = await asyncio.gather(
            *(records.write(a_run(str(uuid4()))) for _ in range(5)), return_exceptions=True
        )
        assert len(outcomes) == 5 and all(isinstance(o, Exception) for o in outcomes), outcomes
        assert records.records == 0
    finally:
        await records.close()
        await engine.dispose()
