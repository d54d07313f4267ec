"""Every task state change, built in one place: what a client sees at each point of a task's life."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

from shared import task_states
from shared.models import PIPELINE_STEPS, Priority, Step, TaskDTO, TaskStatus, utcnow


def a_task() -> TaskDTO:
    return task_states.accepted(str(uuid4()), "m", "s", Priority.NORMAL)


def test_an_accepted_task_waits_at_zero() -> None:
    task = a_task()
    assert (task.status, task.current_step, task.progress, task.attempt) == (
        TaskStatus.PENDING,
        Step.QUEUED,
        0,
        0,
    )
    assert set(task.step_progress) == {s.value for s in PIPELINE_STEPS}
    assert task.message == "Waiting for a worker."


def test_starting_counts_an_attempt_and_clears_the_last_error() -> None:
    failed_once = a_task().model_copy(update={"error_code": "x", "error_message": "boom", "attempt": 1})
    now = utcnow()
    task = task_states.started(failed_once, expected_duration_s=2, now=now)
    assert (task.status, task.current_step, task.attempt) == (TaskStatus.PROCESSING, Step.PLANNING, 2)
    assert (task.error_code, task.error_message, task.started_at) == (None, None, now)
    assert task.estimated_completion == now + timedelta(seconds=2)


def test_a_rerun_is_a_new_attempt_starting_at_zero() -> None:
    """A task handed back at persisting (85 %) and run again shows attempt 2 at 0 %, not 85 % then 20 %."""
    first = task_states.started(a_task(), expected_duration_s=1)
    handed_back = task_states.handed_back(task_states.entered(first, Step.PERSISTING))
    assert handed_back.progress == 85
    rerun = task_states.started(handed_back, expected_duration_s=1)
    assert (rerun.attempt, rerun.progress, rerun.current_step) == (2, 0, Step.PLANNING)
    assert set(rerun.step_progress.values()) == {0}
    # The card going back to planning says why; the first attempt's does not.
    assert first.message == "Working out what to chart."
    assert rerun.message == "Working out what to chart (attempt 2, starting again)."


def test_entering_a_step_fills_the_bar_for_the_steps_before_it() -> None:
    task = task_states.started(a_task(), expected_duration_s=1)
    extracting = task_states.entered(task, Step.DATA_EXTRACTION)
    assert extracting.progress == task_states.STEP_WEIGHTS[Step.PLANNING]
    assert extracting.step_progress["planning"] == 100 and extracting.step_progress["data_extraction"] == 0
    persisting = task_states.entered(extracting, Step.PERSISTING)
    assert persisting.progress == 85 and persisting.message == "Saving the chart."


def test_completion_fills_every_step_and_failure_keeps_where_it_stopped() -> None:
    running = task_states.entered(task_states.started(a_task(), expected_duration_s=1), Step.SCHEMA_CREATION)
    done = task_states.finished(running, TaskStatus.COMPLETED, chart_id="c1")
    assert (done.progress, done.current_step, done.chart_id) == (100, Step.DONE, "c1")
    assert set(done.step_progress.values()) == {100} and done.estimated_completion is None
    failed = task_states.finished(running, TaskStatus.FAILED, code="no_data", error="Nothing matches.")
    assert (failed.progress, failed.current_step) == (running.progress, Step.SCHEMA_CREATION)
    assert failed.message == "The chart could not be made: Nothing matches."
    assert failed.completed_at is not None


def test_handing_back_and_retrying_return_to_the_queue_with_a_reason() -> None:
    running = task_states.started(a_task(), expected_duration_s=1)
    back = task_states.handed_back(running)
    assert (back.status, back.current_step, back.estimated_completion) == (
        TaskStatus.PENDING,
        Step.QUEUED,
        None,
    )
    assert back.attempt == running.attempt and back.message == task_states.WORKER_STOPPED
    retry = task_states.retried(running, 1.25)
    assert retry.status == TaskStatus.PENDING and "retrying in 1.2 s" in retry.message


def test_a_cancelled_task_says_so() -> None:
    task = task_states.cancelled(a_task())
    assert (task.status, task.message) == (TaskStatus.CANCELLED, "The task was cancelled.")
