"""What a batch of chart tasks looks like, computed from its tasks' current TaskDTOs: a pure function,
so the REST answer, every stream frame and the operators' count agree on what a batch's status is."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from shared.models import BatchCounts, BatchDTO, BatchStatus, TaskDTO, TaskStatus


def batch_status(counts: BatchCounts) -> BatchStatus:
    """Active while a task is: PENDING while every task is PENDING, PROCESSING once any is not (a batch
    whose first tasks ran or ended while the rest wait for a worker is under way, as Hatchet's runs are).
    Once every task has ended: COMPLETED if all were charted, PARTIAL if some were, CANCELLED if all
    were cancelled, else FAILED."""
    total = counts.pending + counts.processing + counts.completed + counts.failed + counts.cancelled
    if counts.processing or (counts.pending and counts.pending < total):
        return BatchStatus.PROCESSING
    if counts.pending:
        return BatchStatus.PENDING
    if total and counts.completed == total:
        return BatchStatus.COMPLETED
    if counts.completed:
        return BatchStatus.PARTIAL
    if total and counts.cancelled == total:
        return BatchStatus.CANCELLED
    return BatchStatus.FAILED


def batch_progress(tasks: list[TaskDTO]) -> int:
    """The mean of its tasks' progress, an ended task counting 100 (it has nothing left to do, whatever
    its bar showed when it stopped), so a batch reads 100 exactly when it has ended. Rounded down, so
    it never reads 100 while a task still runs."""
    if not tasks:
        return 100
    done = sum(100 if task.status.is_terminal else task.progress for task in tasks)
    return done // len(tasks)


def summarize(batch_id: str, created_at: datetime, tasks: list[TaskDTO]) -> BatchDTO:
    """The BatchDTO of a batch whose tasks are `tasks` (in the order its messages were given)."""
    by_status = Counter(task.status for task in tasks)
    counts = BatchCounts(**{status.value.lower(): by_status[status] for status in TaskStatus})
    status = batch_status(counts)
    ended = [task.completed_at for task in tasks if task.completed_at is not None]
    return BatchDTO(
        batch_id=batch_id,
        status=status,
        progress=batch_progress(tasks),
        counts=counts,
        tasks=tasks,
        created_at=created_at,
        completed_at=max(ended) if status.is_terminal and ended else None,
    )
