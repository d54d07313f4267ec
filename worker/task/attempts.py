"""Attempts are chartq's own. `TaskDTO.attempt` counts a task's starts, and a task whose attempts are
used up ends FAILED `too_many_attempts` whoever finds it: the worker that takes its job again
(worker.task.run.ChartTask.run), or the reaper when the worker running its last attempt died
(worker.task.orphans, wired in by worker.main).

arq keeps a counter of its own (job_try, one per pickup) and, past its max_tries, drops the job without
calling the task. The task then stayed PENDING with nothing queued to run it, and held its user's slot
for a day. worker.main puts arq's limit out of reach, so that this check always decides.
"""

from __future__ import annotations

from shared.models import TaskDTO

TOO_MANY_ATTEMPTS = "too_many_attempts"


def used_up(task: TaskDTO, max_attempts: int) -> bool:
    return task.attempt >= max_attempts


def too_many_attempts_message(task: TaskDTO) -> str:
    return (
        f"This chart was tried {task.attempt} times and its worker stopped each time; "
        "it will not be tried again."
    )
