"""Run records written behind the tasks, by group commit.

A task's slot is free once its terminal state is in Redis: its run record is handed over here and the
task returns. Waiting for each commit held every slot for a SQLite commit (docs/performance.md, "Session
6"), and the record is only read once the task's Redis hash has expired, hours later. The records handed
over while one commit is under way are written together by the next, one statement and one commit.

When a commit fails (the database away), its records go to a Redis hash, and the heartbeat writes them
once the database is back (`flush_buffered_runs`); when Redis is away too, they stay in memory and the
writer tries again. A worker that stops waits for what it holds (`close`).
"""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from arq.connections import ArqRedis
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import async_sessionmaker

from shared import keys
from shared.db.charts import record_run, record_runs, run_from_json, run_to_json
from shared.db.tables import TaskRun

log = structlog.get_logger("chartq.worker")

# A bound on one statement's size; more wait for the next commit.
MAX_BATCH = 256
# A run record waits this long in Redis for the database, far beyond a task hash's life.
PENDING_RUN_TTL_S = 7 * 86400
# Buffered run records written to SQL per pass.
FLUSH_BATCH = 200
# What a database that is away raises: the driver's error wrapped by SQLAlchemy, or not.
DATABASE_AWAY = (DBAPIError, OSError, TimeoutError)
# How long the writer waits before trying again when neither the database nor Redis took a batch.
RETRY_AFTER_S = 1.0
# How long a stopping worker waits for them; what is left then still lives in the task hashes.
CLOSE_TIMEOUT_S = 10.0


async def buffer_runs(redis: ArqRedis, queue_name: str, runs: list[TaskRun]) -> None:
    """Keeps run records in Redis until the database takes them."""
    key = keys.pending_runs(queue_name)
    async with redis.pipeline(transaction=True) as pipe:
        pipe.hset(key, mapping={run.task_id: run_to_json(run).decode() for run in runs})
        pipe.expire(key, PENDING_RUN_TTL_S)
        await pipe.execute()


async def flush_buffered_runs(redis: ArqRedis, queue_name: str, sessions: async_sessionmaker[Any]) -> int:
    """Writes the buffered run records to SQL and forgets them; idempotent (record_run is an upsert),
    so workers flushing at the same time do no harm. Returns how many it wrote."""
    key = keys.pending_runs(queue_name)
    if not await redis.hlen(key):  # type: ignore[misc]
        return 0
    task_ids: list[bytes] = (await redis.hkeys(key))[:FLUSH_BATCH]  # type: ignore[misc]
    written = 0
    async with sessions() as db:
        for task_id, raw in zip(task_ids, await redis.hmget(key, task_ids), strict=True):  # type: ignore[misc]
            if raw is not None:
                await record_run(db, run_from_json(raw))
                written += 1
            await redis.hdel(key, task_id.decode())  # type: ignore[misc]
    log.info("wrote run records kept while the database was away", count=written)
    return written


class RunRecords:
    def __init__(self, sessions: async_sessionmaker[Any], redis: ArqRedis, queue_name: str) -> None:
        self._sessions = sessions
        self._redis = redis
        self._queue_name = queue_name
        self._waiting: list[TaskRun] = []
        self._in_flight = 0
        self._writer: asyncio.Task[None] | None = None
        # How many commits, how many records they held (the benchmark reports the batch size), and how
        # many records went to the Redis buffer instead.
        self.commits = self.records = self.buffered = 0

    def add(self, run: TaskRun) -> None:
        """Hands a record over to be written; returns at once."""
        self._waiting.append(run)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_batches(), name="chartq-run-records")

    @property
    def unwritten(self) -> int:
        """Records handed over and neither committed nor buffered in Redis yet."""
        return len(self._waiting) + self._in_flight

    async def settled(self) -> None:
        """Returns once every record handed over so far is committed or buffered in Redis."""
        while self._writer is not None and not self._writer.done():
            await asyncio.shield(self._writer)

    async def _write_batches(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
            self._in_flight = len(batch)
            try:
                async with self._sessions() as db:
                    await record_runs(db, batch)
            except Exception as exc:
                # Once a task hash expires its status is read from its record: keep it in Redis.
                log.warning("run records kept in Redis until the database takes them", error=repr(exc))
                if not await self._buffer(batch):  # Redis away as well: hold them, try again
                    self._in_flight = 0
                    self._waiting[:0] = batch
                    await asyncio.sleep(RETRY_AFTER_S)
            else:
                self.commits += 1
                self.records += len(batch)
            self._in_flight = 0

    async def _buffer(self, batch: list[TaskRun]) -> bool:
        try:
            await buffer_runs(self._redis, self._queue_name, batch)
        except Exception as exc:
            log.warning("could not keep run records in Redis either", error=repr(exc))
            return False
        self.buffered += len(batch)
        return True

    async def close(self) -> None:
        """Waits for the records already handed over, for a while."""
        try:
            await asyncio.wait_for(self.settled(), CLOSE_TIMEOUT_S)
        except TimeoutError:
            log.error("stopping with run records unwritten", count=self.unwritten)
            if self._writer is not None:
                self._writer.cancel()
