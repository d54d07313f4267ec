"""A chart task attempt's writes: each one fenced by the attempt, so that a newer attempt, or the end of
the task elsewhere, stops this one (worker.task.run holds the pipeline that makes them)."""

from __future__ import annotations

import asyncio

from shared import task_states
from shared.db.charts import hide_chart_of_task
from shared.job import ChartJob
from shared.models import Step, TaskStatus
from shared.task_store import TransitionResult
from worker.runtime.context import WorkerContext
from worker.task.ending import end_task
from worker.task.failures import TaskGone
from worker.task.held_steps import HeldSteps
from worker.task.progress import StepTimer
from worker.task.state import TaskRunState


class TaskWrites:
    def __init__(self, ctx: WorkerContext, job: ChartJob) -> None:
        self.ctx, self.job = ctx, job
        # A newer attempt runs the task, or this one was handed back: arq's job needs restoring after it.
        self.fenced_off = False
        self._held = HeldSteps(ctx.store)
        # The worker's record of jobs ended by their task's terminal write (worker.runtime.arq_worker),
        # when this attempt runs its task's own arq job.
        self.ended_jobs: set[str] | None = None

    async def _hide_chart(self, state: TaskRunState) -> None:
        async with self.ctx.sessions() as db:
            await hide_chart_of_task(db, state.task_id)

    async def _step(self, state: TaskRunState, step: Step) -> None:
        """Enters a middle step: its write waits for the next one, unless the step outlasts the hold."""
        state.dto = task_states.entered(state.dto, step)
        self._held.hold(state.dto, state.user_id, self._fence(state))
        await self._pace()

    async def _enter(self, state: TaskRunState, step: Step) -> TransitionResult:
        state.dto = task_states.entered(state.dto, step)
        return await self._publish(state)

    async def _waiting_for_earlier(self, state: TaskRunState, count: int) -> None:
        state.dto = task_states.waiting_for_earlier(state.dto, count)
        await self._publish(state)

    async def _pace(self) -> None:
        if self.ctx.settings.step_delay_seconds > 0:
            await asyncio.sleep(self.ctx.settings.step_delay_seconds)

    def _fence(self, state: TaskRunState) -> int:
        """The attempt a write carries: none before the attempt started (the task is decided as a
        whole: cancelled, or out of attempts)."""
        return state.dto.attempt if state.started else 0

    async def _publish(
        self, state: TaskRunState, extra: dict[str, str] | None = None, starts: bool = False
    ) -> TransitionResult:
        attempt = state.dto.attempt if starts else self._fence(state)
        held, refused = await self._held.take()
        outcome = refused or await self.ctx.store.transition(
            state.dto, state.user_id, extra=extra, attempt=attempt, starts=starts, held_steps=held
        )
        if not outcome.applied:
            self.fenced_off |= outcome.stale
            raise TaskGone(outcome.current_status, stale=outcome.stale)
        return outcome

    def _timed(self, state: TaskRunState, step: Step) -> StepTimer:
        return StepTimer(state.durations_ms, step)

    async def _cancel_was_requested(self, state: TaskRunState) -> bool:
        stored = await self.ctx.store.get(state.task_id)
        return stored is not None and stored.cancel_requested

    async def _finish(
        self,
        state: TaskRunState,
        status: TaskStatus,
        *,
        code: str | None = None,
        error: str | None = None,
        chart_id: str | None = None,
        message: str | None = None,
        worker_id: str | None = None,
    ) -> TransitionResult:
        """Ends the task (a write of this attempt, fenced). Every CANCELLED comes from a cancel the user
        requested, after which no attempt can complete the task, so a chart this task may have stored is
        hidden first: a client never sees a CANCELLED task with a chart."""
        if status == TaskStatus.CANCELLED and task_states.may_have_chart(state.dto):
            await self._hide_chart(state)
        try:
            held, _ = await self._held.take()
        except Exception:  # a held step's own send failed: the end is written without it
            held = []
        outcome = await end_task(
            self.ctx,
            state,
            status,
            code=code,
            error=error,
            chart_id=chart_id,
            message=message,
            attempt=self._fence(state),
            worker_id=worker_id,
            held_steps=held,
            ends_job=self.ended_jobs is not None,
        )
        self.fenced_off |= outcome.stale
        if outcome.applied and self.ended_jobs is not None:
            self.ended_jobs.add(state.task_id)
        return outcome
