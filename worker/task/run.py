"""The chart task: planning -> data_extraction -> schema_creation -> persisting, with progress events."""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from arq import Retry
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError

from shared import task_states
from shared.fairness import front_of_band
from shared.job import ChartJob
from shared.models import Step, TaskStatus, utcnow
from shared.task_store import StoredTask, stored_task
from worker.extraction import QueryTimeout, run_query
from worker.planner.accounts import partial_message
from worker.runtime.arq_worker import CLAIMED_FIELDS, ENDED_BY_TASK
from worker.runtime.context import WorkerContext
from worker.task import attempts
from worker.task.chart_row import chart_row
from worker.task.failures import TRANSIENT_ERRORS, TaskFailure, TaskGone, backoff_seconds, is_transient
from worker.task.fencing import FENCED_OFF
from worker.task.invalid_job import fail_invalid_job
from worker.task.plan_request import plan_task
from worker.task.refresh import persist
from worker.task.spans import task_span, task_started
from worker.task.state import TaskRunState
from worker.task.writes import TaskWrites

log = structlog.get_logger("chartq.worker")


async def run_chart(ctx: dict[str, Any], **kwargs: Any) -> None:
    """The arq job function; everything it needs is in the JSON job (shared.job.ChartJob, validated
    here once) and the worker context."""
    wctx: WorkerContext = ctx["chartq"]
    task_id = str(kwargs.get("task_id"))
    structlog.contextvars.bind_contextvars(task_id=task_id)
    wctx.attempt_started(task_id)
    try:
        try:
            job = ChartJob.model_validate(kwargs)
        except ValidationError as exc:
            await fail_invalid_job(wctx, task_id, kwargs, exc)
            return
        # The job's place in the queue, kept by a retry (shared.deferred).
        score = ctx.get("score")
        if score is None:
            score = front_of_band(job.priority)
        # The task as the claim read it: no read of its own (worker.runtime.arq_worker).
        claimed = ctx.get(CLAIMED_FIELDS, {}).pop(task_id, None)
        task = ChartTask(wctx, job, float(score), stored_task(claimed) if claimed else None)
        if ctx.get("job_id") == task_id:  # the task's own job: its terminal write ends it
            task.ended_jobs = ctx.get(ENDED_BY_TASK)
        try:
            with task_span(job):
                await task.run()
        finally:
            if task.fenced_off:
                ctx[FENCED_OFF] = True
    finally:
        wctx.attempt_ended(task_id)
        structlog.contextvars.unbind_contextvars("task_id")


class ChartTask(TaskWrites):
    def __init__(
        self, ctx: WorkerContext, job: ChartJob, queue_score: float, claimed: StoredTask | None = None
    ) -> None:
        super().__init__(ctx, job)
        self.queue_score, self.claimed = queue_score, claimed

    async def run(self) -> None:
        stored = self.claimed or await self.ctx.store.get(self.job.task_id)
        if stored is None or stored.dto.status.is_terminal:
            log.info("task already ended or expired; skipping")
            return
        state = TaskRunState(self.job, stored.dto, stored.user_id)
        try:
            if await self._ended_before_start(state, stored):
                return
            await self._start(state)
            async with asyncio.timeout(self.ctx.settings.task_time_limit_seconds):
                await self._pipeline(state)
        except TaskGone as gone:
            log.info("task ended elsewhere, or a newer attempt runs it; stopping", stale=gone.stale)
        except TaskFailure as failure:
            await self._finish(state, TaskStatus.FAILED, code=failure.code, error=failure.message)
        except TimeoutError:
            limit = self.ctx.settings.task_time_limit_seconds
            await self._finish(
                state,
                TaskStatus.FAILED,
                code="timeout",
                error=f"The chart took longer than the {limit:g} s limit.",
            )
        except asyncio.CancelledError:
            await asyncio.shield(self._interrupted(state))
            raise
        except (*TRANSIENT_ERRORS, DBAPIError) as exc:
            await self._retry_or_fail(state, exc)
        except Exception as exc:
            if is_transient(exc):  # a Redis fault known by its reply only (BUSY, MASTERDOWN, ...)
                await self._retry_or_fail(state, exc)
                return
            # A bug or a poison input: this task fails, the worker carries on with the next one.
            log.exception("unexpected error in the chart pipeline")
            await self._finish(
                state,
                TaskStatus.FAILED,
                code="internal_error",
                error="Something went wrong while making this chart; it has been logged.",
            )
        finally:
            self._held.drop()

    async def _ended_before_start(self, state: TaskRunState, stored: StoredTask) -> bool:
        """Ends a task asked to cancel, whose dependency failed, or whose attempts are used up, instead
        of starting it."""
        if stored.cancel_requested:
            await self._finish(state, TaskStatus.CANCELLED)
            return True
        if stored.dependency_failed:
            await self._finish(
                state,
                TaskStatus.FAILED,
                code="dependency_failed",
                error="A chart this one waited for failed or was cancelled, so this one was not made.",
            )
            return True
        if attempts.used_up(stored.dto, self.ctx.settings.max_attempts):
            if stored.dto.status != TaskStatus.PENDING:
                # A second pickup of a job whose last attempt still holds the task: that attempt ends it,
                # or the reaper does if its worker died. Ending it here killed a live last attempt.
                log.info("the task's last attempt holds it; leaving it be", attempt=stored.dto.attempt)
                return True
            # Each earlier attempt ended with its worker gone: stop before this one takes another down. The
            # record names the worker that died on the last attempt, as the reaper's would.
            await self._finish(
                state,
                TaskStatus.FAILED,
                code=attempts.TOO_MANY_ATTEMPTS,
                error=attempts.too_many_attempts_message(stored.dto),
                worker_id=await self.ctx.store.last_worker(self.job.task_id),
            )
            return True
        return False

    async def _interrupted(self, state: TaskRunState) -> None:
        """The task was stopped: by its user (CANCELLED) or by the worker shutting down (handed back)."""
        try:
            if await self._cancel_was_requested(state):
                await self._finish(state, TaskStatus.CANCELLED)
                return
            self._held.drop()  # the steps of an attempt handed back are no news
            back = task_states.handed_back(state.dto, task_states.WORKER_SHUTTING_DOWN)
            outcome = await self.ctx.store.transition(
                back, state.user_id, expected=TaskStatus.PROCESSING, attempt=self._fence(state)
            )
            # Handed back here or by the reaper: arq ends its copy of the job all the same, and when the
            # cancel was its job timeout (a worker frozen past it), deletes the job and its queue entry,
            # leaving a PENDING task nothing would run. The job is put back after it (worker.task.fencing).
            self.fenced_off |= outcome.stale or outcome.applied
        except Exception as exc:  # Redis gone mid-shutdown: the reaper hands the task back instead
            log.warning("could not record the interruption", error=repr(exc))

    async def _pipeline(self, state: TaskRunState) -> None:
        ctx = self.ctx
        question = self.job.question_with_adjustment
        with self._timed(state, Step.PLANNING):
            # The owner from the task hash, not the job: only this user's earlier charts may be changed.
            outcome = await plan_task(ctx, self.job, state, lambda n: self._waiting_for_earlier(state, n))
            plan = outcome.plan
        await self._step(state, Step.DATA_EXTRACTION)
        with self._timed(state, Step.DATA_EXTRACTION):
            try:
                result = await run_query(
                    ctx.warehouse,
                    plan,
                    ctx.model,
                    row_limit=ctx.settings.query_row_limit,
                    timeout_s=ctx.settings.query_timeout_seconds,
                )
            except QueryTimeout as exc:
                raise TaskFailure("query_timeout", "The query took too long; narrow the question.") from exc
        if result.row_count == 0:
            raise TaskFailure(
                "no_data", f"No data matches “{question}”. Try a wider time range or other filters."
            )
        await self._step(state, Step.SCHEMA_CREATION)
        with self._timed(state, Step.SCHEMA_CREATION):
            chart = chart_row(
                ctx,
                self.job,
                task_id=state.task_id,
                owner_id=state.user_id,
                plan=plan,
                result=result,
                left_out=outcome.left_out,
            )
        # No script fences SQL: the step's fenced transition, just before the chart row is written, says
        # whether this attempt still holds the task and whether its user asked to cancel.
        await self._pace()  # before the step's transition, so nothing passes between it and the write
        persisting = await self._enter(state, Step.PERSISTING)
        with self._timed(state, Step.PERSISTING):
            if persisting.cancel_requested:
                await self._finish(state, TaskStatus.CANCELLED)
                return
            saved = await persist(ctx, self.job, chart)
        # A partial answer says in its final message what of the question it left out.
        await self._complete(state, saved.id, partial_message(outcome.left_out))

    async def _complete(self, state: TaskRunState, chart_id: str, message: str | None) -> None:
        """COMPLETED is the decision: refused if the user asked to cancel after the chart row was
        stored (the cancel wins, and the chart is hidden before the task says CANCELLED), or if the task
        ended elsewhere (a chart stored for a task that did not complete is hidden too)."""
        outcome = await self._finish(state, TaskStatus.COMPLETED, chart_id=chart_id, message=message)
        if outcome.cancel_requested:
            await self._finish(state, TaskStatus.CANCELLED)
        elif outcome.current_status in (TaskStatus.FAILED.value, TaskStatus.CANCELLED.value):
            await self._hide_chart(state)

    async def _start(self, state: TaskRunState) -> None:
        now = utcnow()
        state.dto = task_states.started(state.dto, expected_duration_s=self.ctx.expected_duration_s, now=now)
        await self._publish(state, extra={"worker": self.ctx.worker_id}, starts=True)
        state.started = True
        waited = (now - state.dto.created_at).total_seconds()
        log.info("task started", attempt=state.dto.attempt, queue_wait_s=round(waited, 3))
        task_started(state.dto.attempt)
        await self._pace()

    async def _retry_or_fail(self, state: TaskRunState, exc: BaseException) -> None:
        """Another attempt after a backoff, parked outside arq's queue (shared.deferred) so that it comes
        back at its old place in its priority band; FAILED once the task's attempts are used up."""
        attempt = max(1, state.dto.attempt)
        if attempt >= self.ctx.settings.max_attempts:
            await self._finish(
                state,
                TaskStatus.FAILED,
                code="transient_error",
                error=f"A service chartq depends on kept failing ({type(exc).__name__}).",
            )
            return
        delay = backoff_seconds(attempt)
        log.warning("transient error; retrying", error=repr(exc), delay_s=round(delay, 2))
        try:
            # Parked before it says PENDING: a worker dying in between leaves a PROCESSING task, which
            # the reaper hands back; the parked entry then finds it queued or running and does nothing.
            await self.ctx.deferred.defer(state.task_id, delay, self.queue_score)
        except Exception as park_error:
            if not is_transient(park_error):
                raise
            raise Retry(defer=delay) from exc  # Redis away: arq's own retry (the back of the queue)
        state.dto = task_states.retried(state.dto, delay)
        try:
            await self._publish(state)
        except TaskGone as gone:  # nothing to retry
            log.info("task ended elsewhere, or a newer attempt runs it; stopping", stale=gone.stale)
            return
        except Exception as publish_error:
            if not is_transient(publish_error):
                raise
            # Still PROCESSING for arq's job, which ends now: the reaper hands the task back.
