"""A batch's status, progress and counts from its tasks' states: what a client reads on every frame."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.batch_states import summarize
from shared.models import Priority, Step, TaskDTO, TaskStatus, utcnow
from shared.task_states import accepted, cancelled, entered, finished, started


def task(status: TaskStatus, step: Step = Step.PLANNING) -> TaskDTO:
    dto = accepted("t", "m", "s", Priority.NORMAL)
    if status == TaskStatus.PENDING:
        return dto
    running = entered(started(dto, expected_duration_s=1), step)
    if status == TaskStatus.PROCESSING:
        return running
    if status == TaskStatus.CANCELLED:
        return cancelled(running)
    return finished(running, status, code="x" if status == TaskStatus.FAILED else None)


P, R, C, F, X = (
    TaskStatus.PENDING,
    TaskStatus.PROCESSING,
    TaskStatus.COMPLETED,
    TaskStatus.FAILED,
    TaskStatus.CANCELLED,
)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([C, C, C], "COMPLETED"),
        ([C, F, C], "PARTIAL"),
        ([C, X], "PARTIAL"),
        ([F, F], "FAILED"),
        ([F, X], "FAILED"),
        ([X, X], "CANCELLED"),
        ([P, R, C], "PROCESSING"),
        ([R, F], "PROCESSING"),
        ([P, P], "PENDING"),
        # Some ended while the rest wait for a worker: the batch is under way, not waiting to start.
        ([P, C, F], "PROCESSING"),
        ([P, X], "PROCESSING"),
    ],
)
def test_status_follows_the_tasks(statuses: list[TaskStatus], expected: str) -> None:
    assert summarize("b", utcnow(), [task(s) for s in statuses]).status == expected


def test_counts_say_how_many_tasks_are_in_each_status() -> None:
    batch = summarize("b", utcnow(), [task(s) for s in (P, R, R, C, F, X, X)])
    assert batch.counts.model_dump() == {
        "pending": 1,
        "processing": 2,
        "completed": 1,
        "failed": 1,
        "cancelled": 2,
    }


def test_progress_is_the_mean_counting_ended_tasks_as_done() -> None:
    halfway = task(R, Step.SCHEMA_CREATION)  # planning and extraction done: 60 %
    assert halfway.progress == 60
    assert summarize("b", utcnow(), [halfway, task(P)]).progress == 30
    assert summarize("b", utcnow(), [halfway, task(F)]).progress == 80
    assert summarize("b", utcnow(), [task(C), task(F), task(X)]).progress == 100


def test_progress_stays_below_100_while_a_task_runs() -> None:
    nearly = task(R, Step.PERSISTING)
    batch = summarize("b", utcnow(), [task(C)] * 19 + [nearly])
    assert batch.status == "PROCESSING" and batch.progress == 99


def test_completed_at_is_when_the_last_task_ended_and_only_once_all_have() -> None:
    first, last = task(C), task(F)
    last = last.model_copy(update={"completed_at": first.completed_at + timedelta(seconds=5)})  # type: ignore[operator]
    assert summarize("b", utcnow(), [first, last]).completed_at == last.completed_at
    assert summarize("b", utcnow(), [first, task(R)]).completed_at is None
