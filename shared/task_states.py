"""Every change of a task's state, as pure functions from one TaskDTO to the next: accepted, started,
entered a step, handed back, retried, finished (completed, failed, cancelled). The API, the chart task
and the reaper all build states here, so a state means the same thing wherever it is written; writing
it (fenced, published) is `shared.task_store.TaskStore.transition`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shared.models import PIPELINE_STEPS, Priority, Step, TaskDTO, TaskStatus, utcnow

# Share of the overall progress bar that each step fills when it finishes.
STEP_WEIGHTS = {Step.PLANNING: 20, Step.DATA_EXTRACTION: 40, Step.SCHEMA_CREATION: 25, Step.PERSISTING: 15}
STEP_SENTENCES = {
    Step.PLANNING: "Working out what to chart.",
    Step.DATA_EXTRACTION: "Querying the data.",
    Step.SCHEMA_CREATION: "Drawing the chart.",
    Step.PERSISTING: "Saving the chart.",
}
WAITING = "Waiting for a worker."
WORKER_STOPPED = "Its worker stopped; waiting for another worker."
WORKER_SHUTTING_DOWN = "Its worker is shutting down; waiting for another worker."


def status_sentence(status: TaskStatus, error: str | None = None) -> str:
    """The human sentence a task shows in a status (TaskDTO.message)."""
    if status == TaskStatus.FAILED:
        return f"The chart could not be made: {error}" if error else "The chart could not be made."
    return {
        TaskStatus.PENDING: WAITING,
        TaskStatus.PROCESSING: "Making the chart.",
        TaskStatus.COMPLETED: "The chart is ready.",
        TaskStatus.CANCELLED: "The task was cancelled.",
    }[status]


# Until workers report real durations, what a scheduled task's estimate adds to its start time.
SCHEDULED_RUN_ESTIMATE_S = 5.0


DEPENDENCY_FAILED_AHEAD = (
    "A chart this one depends on already failed or was cancelled, so this one will end FAILED "
    "(dependency_failed) without being made."
)


def accepted(
    task_id: str,
    message_id: str,
    session_id: str,
    priority: Priority,
    *,
    start_at: datetime | None = None,
    waiting_on: int = 0,
    dependency_failed: bool = False,
    now: datetime | None = None,
) -> TaskDTO:
    """A task the API has just accepted: PENDING, queued, nothing done; or, given a later `start_at`,
    scheduled: waiting for that time, with its estimated completion after it; or waiting for
    `waiting_on` tasks it depends on; or, when one of those already failed or was cancelled, about to
    end FAILED `dependency_failed` (a worker ends it without making it)."""
    step, message, estimate = Step.QUEUED, WAITING, None
    if dependency_failed:
        message = DEPENDENCY_FAILED_AHEAD
    elif start_at is not None:
        step = Step.SCHEDULED
        message = f"Scheduled to start at {start_at.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC."
        estimate = start_at + timedelta(seconds=SCHEDULED_RUN_ESTIMATE_S)
    elif waiting_on:
        step = Step.WAITING
        message = f"Waiting for {waiting_on} chart{'s' if waiting_on > 1 else ''} it depends on."
    return TaskDTO(
        task_id=task_id,
        message_id=message_id,
        session_id=session_id,
        status=TaskStatus.PENDING,
        progress=0,
        current_step=step,
        step_progress={s.value: 0 for s in PIPELINE_STEPS},
        priority=priority,
        created_at=now or utcnow(),
        message=message,
        estimated_completion=estimate,
    )


def started(task: TaskDTO, *, expected_duration_s: float, now: datetime | None = None) -> TaskDTO:
    """A worker took the task: a new attempt begins at planning, at 0 %, with nothing done yet (a re-run
    does not show the progress of the attempt before it); an earlier attempt's error is cleared."""
    now = now or utcnow()
    return task.model_copy(
        update={
            "status": TaskStatus.PROCESSING,
            "attempt": task.attempt + 1,
            "started_at": now,
            "current_step": Step.PLANNING,
            "progress": 0,
            "step_progress": {step.value: 0 for step in PIPELINE_STEPS},
            "message": _again(STEP_SENTENCES[Step.PLANNING], task.attempt + 1),
            "estimated_completion": now + timedelta(seconds=expected_duration_s),
            "error_code": None,
            "error_message": None,
        }
    )


def _again(sentence: str, attempt: int) -> str:
    """A re-run says so: its card goes back from a later step to planning, which looked like a glitch."""
    return sentence if attempt <= 1 else f"{sentence.rstrip('.…')} (attempt {attempt}, starting again)."


def entered(task: TaskDTO, step: Step) -> TaskDTO:
    """The task entered `step`: the steps before it are done."""
    done = PIPELINE_STEPS[: PIPELINE_STEPS.index(step)]
    return task.model_copy(
        update={
            "current_step": step,
            "step_progress": {s.value: 100 if s in done else 0 for s in PIPELINE_STEPS},
            "progress": sum(STEP_WEIGHTS[s] for s in done),
            "message": STEP_SENTENCES[step],
        }
    )


def waiting_for_earlier(task: TaskDTO, count: int) -> TaskDTO:
    """A possible follow-up waits, in its planning step, for charts of earlier messages being made."""
    charts = "the chart" if count == 1 else f"the {count} charts"
    return task.model_copy(update={"message": f"Waiting for {charts} of earlier messages in this session."})


def handed_back(task: TaskDTO, message: str = WORKER_STOPPED) -> TaskDTO:
    """Back to PENDING for another worker: its worker died, or is shutting down."""
    return task.model_copy(
        update={
            "status": TaskStatus.PENDING,
            "current_step": Step.QUEUED,
            "message": message,
            "estimated_completion": None,
        }
    )


def retried(task: TaskDTO, delay_s: float) -> TaskDTO:
    """A transient fault: PENDING again, to run after a backoff of `delay_s`."""
    return handed_back(task, f"A temporary problem occurred; retrying in {delay_s:.1f} s.")


def finished(
    task: TaskDTO,
    status: TaskStatus,
    *,
    code: str | None = None,
    error: str | None = None,
    chart_id: str | None = None,
    now: datetime | None = None,
) -> TaskDTO:
    """A terminal state: COMPLETED (every step done), FAILED (with its code and message) or CANCELLED."""
    update: dict[str, object] = {
        "status": status,
        "completed_at": now or utcnow(),
        "error_code": code,
        "error_message": error,
        "chart_id": chart_id,
        "message": status_sentence(status, error),
        "estimated_completion": None,
    }
    if status == TaskStatus.COMPLETED:
        update |= {
            "progress": 100,
            "current_step": Step.DONE,
            "step_progress": {s.value: 100 for s in PIPELINE_STEPS},
        }
    return task.model_copy(update=update)


def cancelled(task: TaskDTO) -> TaskDTO:
    return finished(task, TaskStatus.CANCELLED)


def may_have_chart(task: TaskDTO) -> bool:
    """Its attempt reached persisting, so its chart row may be stored even though it did not complete."""
    return task.step_progress.get(Step.SCHEMA_CREATION.value) == 100
