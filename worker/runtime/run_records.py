"""Run records written by group commit: the tasks of a worker that end while one commit is under way are
written together by the next, one statement and one commit for all of them.

A worker process ends many tasks a second; one transaction each cost it more CPU than the rest of a
task's tracking (docs/performance.md, "Tracking cost per task"), and SQLite lets one writer commit at a
time anyway. Nothing waits on purpose: the first record is written at once, and whatever ends meanwhile
forms the next batch. Each caller still returns only once its own record is committed, and gets the
batch's error if it failed, so what it does about a database that is away (keep the record in Redis
until it is back) is unchanged.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy.ext.asyncio import async_sessionmaker

from shared.db.charts import record_runs
from shared.db.tables import TaskRun

# A bound on one statement's size; more wait for the next commit.
MAX_BATCH = 256


class RunRecords:
    def __init__(self, sessions: async_sessionmaker[Any]) -> None:
        self._sessions = sessions
        self._waiting: list[tuple[TaskRun, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None
        # How many commits, and how many records they held (the benchmark reports the batch size).
        self.commits = self.records = 0

    async def write(self, run: TaskRun) -> None:
        """Returns once `run` is committed; raises what the commit raised."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((run, done))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_batches(), name="chartq-run-records")
        # Shielded: a caller cancelled meanwhile (a worker stopping) does not cancel its batch.
        await asyncio.shield(done)

    async def _write_batches(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
            try:
                async with self._sessions() as db:
                    await record_runs(db, [run for run, _ in batch])
            except Exception as exc:  # each caller decides what to do with its record
                for _, done in batch:
                    if not done.done():
                        done.set_exception(exc)
            else:
                self.commits += 1
                self.records += len(batch)
                for _, done in batch:
                    if not done.done():
                        done.set_result(None)

    async def close(self) -> None:
        """Waits for the records already handed over."""
        if self._writer is not None:
            await asyncio.gather(self._writer, return_exceptions=True)
