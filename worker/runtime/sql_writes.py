"""This process's SQL writes, by one writer and group commit: the chart rows its tasks store and the run
records they leave.

SQLite lets one connection write at a time, and a connection that finds the lock taken sleeps in
SQLite's busy handler (1, 2, 5, 10 … ms). Eight task slots each writing its own chart held the lock
across the event loop's round trips and slept behind each other: storing a chart took 23 ms on average
and up to half a second, and one worker made 90 charts a second where its pipeline allows twice that
(docs/performance.md, "Session 6"). Here one task writes: whatever was handed over while a commit was
under way goes into the next one, charts and run records together, one statement each.

A chart's task waits for its commit (the chart must exist before COMPLETED) and gets the commit's error
if it failed. A run record is written behind its task: the task returns once its terminal state is in
Redis, and the record is only read once the task hash has expired, hours later. When a commit fails
(the database away) its records go to a Redis hash that the heartbeat writes once the database is back
(`flush_buffered_runs`); when Redis is away too they stay in memory and the writer tries again. A worker
that stops waits for what it holds (`close`).
"""

from __future__ import annotations

import asyncio
import contextvars
from typing import Any

import structlog
from arq.connections import ArqRedis
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import async_sessionmaker

from shared import keys
from shared.db.charts import insert_charts
from shared.db.runs import record_run, run_from_json, run_to_json, write_runs
from shared.db.tables import Chart, TaskRun

log = structlog.get_logger("chartq.worker")

# A bound on one statement's size; more wait for the next commit.
MAX_BATCH = 256
# A run record waits this long in Redis for the database, far beyond a task hash's life.
PENDING_RUN_TTL_S = 7 * 86400
# Buffered run records written to SQL per pass.
FLUSH_BATCH = 200


def database_away(exc: BaseException) -> bool:
    """The database could not be reached or lost the connection (try again later), as opposed to a row it
    refuses (a constraint, a value it cannot store), which no retry will write."""
    if isinstance(exc, OSError | TimeoutError):
        return True
    return isinstance(exc, DBAPIError) and (
        exc.connection_invalidated or isinstance(exc, OperationalError | InterfaceError)
    )


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
                try:
                    await record_run(db, run_from_json(raw))
                    written += 1
                except Exception as exc:
                    if database_away(exc):
                        raise  # still away: the next beat tries again
                    await db.rollback()  # refused for good: set aside, so the records behind it go on
                    log.error("a buffered run record could not be written", task_id=task_id, error=repr(exc))
            await redis.hdel(key, task_id.decode())  # type: ignore[misc]
    log.info("wrote run records kept while the database was away", count=written)
    return written


# A chart handed over, and its task's wait for the chart stored.
_Waiting = tuple[Chart, "asyncio.Future[Chart]"]


class SqlWrites:
    def __init__(self, sessions: async_sessionmaker[Any], redis: ArqRedis, queue_name: str) -> None:
        self._sessions = sessions
        self._redis = redis
        self._queue_name = queue_name
        self._runs: list[TaskRun] = []
        self._charts: list[_Waiting] = []
        self._in_flight = 0
        self._writer: asyncio.Task[None] | None = None
        # How many commits, the rows they held (the benchmark reports the batch size), and how many run
        # records went to the Redis buffer instead.
        self.commits = self.records = self.charts = self.buffered = 0

    def add_run(self, run: TaskRun) -> None:
        """Hands a run record over to be written; returns at once."""
        self._runs.append(run)
        self._start()

    async def save_chart(self, chart: Chart) -> Chart:
        """Returns the chart of `chart`'s task once it is committed: `chart`, or the one another attempt
        of the task stored first. Raises what the commit raised.

        A task cancelled meanwhile (its user cancelled, or its worker is stopping) takes its chart back if
        no commit has it yet; otherwise it waits for that commit, so that what the task does next (hide
        the chart of a cancelled task) finds the row."""
        saved: asyncio.Future[Chart] = asyncio.get_running_loop().create_future()
        # Its error is the task's to read; a task that was cancelled never reads it.
        saved.add_done_callback(lambda f: f.cancelled() or f.exception())
        entry = (chart, saved)
        self._charts.append(entry)
        self._start()
        try:
            return await asyncio.shield(saved)
        except asyncio.CancelledError:
            if entry in self._charts:
                self._charts.remove(entry)
            else:
                await asyncio.wait([saved])
            raise
        except Exception:
            # The error's traceback holds this frame: without these, no cycle keeps the chart alive
            # (through the future that holds the error) until a full collection.
            del chart, entry, saved
            raise

    @property
    def unwritten(self) -> int:
        """Run records handed over and neither committed nor buffered in Redis yet."""
        return len(self._runs) + self._in_flight

    async def settled(self) -> None:
        """Returns once everything handed over so far is committed (or its records buffered in Redis)."""
        while self._writer is not None and not self._writer.done():
            await asyncio.shield(self._writer)

    def _start(self) -> None:
        if self._writer is None or self._writer.done():
            # A context of its own: its logs and spans belong to no task (not to the one that started it).
            writes = self._write_batches()
            self._writer = asyncio.create_task(
                writes, name="chartq-sql-writes", context=contextvars.Context()
            )

    async def _write_batches(self) -> None:
        while self._runs or self._charts:
            runs, self._runs = self._runs[:MAX_BATCH], self._runs[MAX_BATCH:]
            charts, self._charts = self._charts[:MAX_BATCH], self._charts[MAX_BATCH:]
            self._in_flight = len(runs)
            try:
                await self._commit(charts, runs)
            except Exception as exc:
                # One bad row must not fail the rest: each row again in a transaction of its own.
                log.warning("a batch of SQL writes failed; writing its rows one by one", error=repr(exc))
                await self._one_by_one(charts, runs)
            self._in_flight = 0
            del charts, runs  # a failed batch's error refers to this frame: no cycle through the rows

    async def _commit(self, charts: list[_Waiting], runs: list[TaskRun]) -> None:
        async with self._sessions() as db:
            stored = await insert_charts(db, [chart for chart, _ in charts]) if charts else {}
            if runs:
                await write_runs(db, runs)
            await db.commit()
        self.commits += 1
        self.records += len(runs)
        self.charts += len(charts)
        for chart, saved in charts:
            if not saved.done():
                saved.set_result(stored[chart.task_id])

    async def _one_by_one(self, charts: list[_Waiting], runs: list[TaskRun]) -> None:
        for chart, saved in charts:
            try:
                await self._commit([(chart, saved)], [])
            except Exception as exc:  # the task's persisting step decides: retry (database away) or fail
                if not saved.done():
                    # Without its traceback: its frames hold the rows, which would live until a full
                    # collection in a cycle through this future.
                    saved.set_exception(exc.with_traceback(None))
        away: list[TaskRun] = []
        for run in runs:
            try:
                await self._commit([], [run])
            except Exception as exc:
                if database_away(exc):
                    away.append(run)
                else:  # a record the database refuses: the task hash still holds the outcome for now
                    log.error("a run record could not be written", task_id=run.task_id, error=repr(exc))
        if away:
            # Once a task hash expires its status is read from its record: keep it in Redis.
            log.warning("run records kept in Redis until the database takes them", count=len(away))
            await self._buffer(away)

    async def _buffer(self, runs: list[TaskRun]) -> None:
        try:
            await buffer_runs(self._redis, self._queue_name, runs)
        except Exception as exc:  # Redis away as well: hold them, and try the database again
            log.warning("could not keep run records in Redis either", error=repr(exc))
            self._in_flight = 0
            self._runs[:0] = runs
            await asyncio.sleep(RETRY_AFTER_S)
        else:
            self.buffered += len(runs)

    async def close(self) -> None:
        """Waits for what was handed over, for a while."""
        try:
            await asyncio.wait_for(self.settled(), CLOSE_TIMEOUT_S)
        except TimeoutError:
            log.error("stopping with run records unwritten", count=self.unwritten)
            if self._writer is not None:
                self._writer.cancel()
