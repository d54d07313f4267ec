"""A batch as its owner sees it: its record, its tasks' current states, its BatchDTO; cancelling it; and
the sweep that notices batches that ended while nobody was looking (for the operators' counts)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import orjson
import structlog
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

from api.cancellation import cancel
from api.errors import not_found
from api.pubsub import Event
from api.state import AppState
from shared.auth import Principal
from shared.batch_states import summarize
from shared.batch_store import BatchRecord, BatchStore
from shared.db.runs import get_run, run_to_dto
from shared.models import BatchDTO, BatchStats, TaskDTO, TaskStatus
from shared.redis import redis_fault

# Open batches one sweep looks at (the oldest first); the rest wait for the next sweep.
SWEEP_LIMIT = 100

log = structlog.get_logger("chartq.api")


def batch_store(state: AppState) -> BatchStore:
    return BatchStore(state.redis, state.settings)


@dataclass
class BatchView:
    """A batch's tasks as last seen, each with the seq of its newest event (0 for a task whose live
    state has expired and was read from its SQL run record)."""

    record: BatchRecord
    tasks: dict[str, TaskDTO] = field(default_factory=dict)
    seqs: dict[str, int] = field(default_factory=dict)

    @property
    def version(self) -> int:
        """Rises with every event of any of its tasks: the stream's frame id."""
        return sum(self.seqs.values())

    def dto(self) -> BatchDTO:
        tasks = [self.tasks[task_id] for task_id in self.record.task_ids if task_id in self.tasks]
        return summarize(self.record.batch_id, self.record.created_at, tasks)

    def apply(self, event: Event) -> bool:
        """Takes a status_update of one of its tasks; False for another task's, or one already seen."""
        if event.task_id not in self.tasks or event.seq <= self.seqs.get(event.task_id, 0):
            return False
        self.tasks[event.task_id] = TaskDTO.model_validate(orjson.loads(event.raw)["data"])
        self.seqs[event.task_id] = event.seq
        return True


async def load_view(state: AppState, record: BatchRecord) -> BatchView:
    view = BatchView(record)
    for raw in await state.store.latest_events(list(record.task_ids)):
        envelope = orjson.loads(raw)
        view.tasks[envelope["task_id"]] = TaskDTO.model_validate(envelope["data"])
        view.seqs[envelope["task_id"]] = int(envelope["seq"])
    missing = [task_id for task_id in record.task_ids if task_id not in view.tasks]
    if missing:
        # A task that had ended before the batch was made (its message's chart) may be gone from Redis.
        async with state.sessions() as db:
            for task_id in missing:
                run = await get_run(db, task_id, record.user_id)
                if run is not None:
                    view.tasks[task_id] = run_to_dto(run)
                    view.seqs[task_id] = 0
    return view


async def record_outcome(state: AppState, view: BatchView, dto: BatchDTO) -> None:
    if dto.status.is_terminal and view.record.outcome is None:
        await batch_store(state).finish(view.record.batch_id, dto.status)


async def current(state: AppState, record: BatchRecord) -> BatchDTO:
    view = await load_view(state, record)
    dto = view.dto()
    await record_outcome(state, view, dto)
    return dto


async def owned_batch(state: AppState, user: Principal, batch_id: str) -> BatchRecord:
    """The caller's batch; anyone else's, and one that does not exist (or expired), answer 404."""
    record = await batch_store(state).get(batch_id)
    if record is None or record.user_id != user.user_id:
        raise not_found("Batch")
    return record


async def cancel_batch(state: AppState, db: AsyncSession, record: BatchRecord) -> BatchDTO:
    """Cancels every task of the batch still active: queued ones one by one (each is quick), then the
    running ones together, since each waits up to a couple of seconds for its worker to stop it."""
    stored = [await state.store.get(task_id) for task_id in record.task_ids]
    for task in stored:
        if task is not None and task.dto.status == TaskStatus.PENDING:
            await cancel(state, db, task)
    # A running task's cancel only flags it and waits: it never touches the database session.
    running = [t for t in stored if t is not None and t.dto.status == TaskStatus.PROCESSING]
    await asyncio.gather(*(cancel(state, db, task) for task in running))
    return await current(state, record)


async def sweep(state: AppState) -> BatchStats:
    """Counts as ended the open batches whose tasks have all ended, then the batch statistics. While
    Redis refuses writes (out of memory, a replica) the counting waits for a later read: the statistics
    are still answered, as they stand."""
    store = batch_store(state)
    try:
        for batch_id in await store.open_batch_ids(SWEEP_LIMIT):
            record = await store.get(batch_id)
            if record is None or record.outcome is not None:
                await store.forget(batch_id)  # expired before anyone saw it end, or already counted
                continue
            await current(state, record)
    except RedisError as exc:
        if redis_fault(exc) not in ("read_only", "out_of_memory"):
            raise
        log.info("batch sweep put off while Redis refuses writes", error=str(exc))
    return await store.stats()
