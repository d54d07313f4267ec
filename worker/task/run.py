"""The chart task: planning -> data_extraction -> schema_creation -> persisting, with progress events."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import structlog
from arq import Retry
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError

from shared import task_states
from shared.db.charts import save_chart
from shared.job import ChartJob
from shared.models import Step, TaskDTO, TaskStatus, utcnow
from worker.extraction import QueryTimeout, run_query
from worker.planner.choose import PlanRequest, plan_chart
from worker.planner.llm.planner import LLMRefusal
from worker.planner.rules import UnchartableQuestion
from worker.runtime.context import WorkerContext
from worker.semantic import PlanValidationError
from worker.task.chart_row import chart_row
from worker.task.failures import TRANSIENT_ERRORS, TaskFailure, TaskGone, backoff_seconds
from worker.task.plan_request import load_plan_request
from worker.task.progress import StepTimer
from worker.task.records import record_task_end

log = structlog.get_logger("chartq.worker")


@dataclass
class TaskRunState:
    job: ChartJob
    dto: TaskDTO
    # From the task hash, not the job: the owner must be known even for a malformed job.
    user_id: str
    durations_ms: dict[str, float] = field(default_factory=dict)
    # How the plan was made (worker.planner.choose.PlanOutcome): planner, LLM tokens and latency.
    plan_details: dict[str, Any] = field(default_factory=dict)

    @property
    def task_id(self) -> str:
        return self.dto.task_id


async def run_chart(ctx: dict[str, Any], **kwargs: Any) -> None:
    """The arq job function; everything it needs is in the JSON job (shared.job.ChartJob, validated
    here once) and the worker context."""
    wctx: WorkerContext = ctx["chartq"]
    task_id = str(kwargs.get("task_id"))
    structlog.contextvars.bind_contextvars(task_id=task_id)
    wctx.running_ids.add(task_id)
    try:
        try:
            job = ChartJob.model_validate(kwargs)
        except ValidationError as exc:
            await fail_invalid_job(wctx, task_id, kwargs, exc)
            return
        await ChartTask(wctx, job, int(ctx.get("job_try", 1))).run()
    finally:
        wctx.running_ids.discard(task_id)
        structlog.contextvars.unbind_contextvars("task_id")


async def fail_invalid_job(
    ctx: WorkerContext, task_id: str, kwargs: dict[str, Any], exc: ValidationError
) -> None:
    """A job that is not a ChartJob (malformed, or from an incompatible version) ends FAILED
    `invalid_job`, with its run record and failure statistic, instead of a KeyError mid-task."""
    fields = ", ".join(".".join(map(str, error["loc"])) or "job" for error in exc.errors())
    log.error("invalid chart job", fields=fields)
    stored = await ctx.store.get(task_id)
    if stored is None or stored.dto.status.is_terminal:
        return  # no task to tell: nothing a client could be waiting for
    failed = task_states.finished(
        stored.dto, TaskStatus.FAILED, code="invalid_job", error=f"The chart job was malformed ({fields})."
    )
    if (await ctx.store.transition(failed, stored.user_id)).applied:
        request_key = str(kwargs.get("request_key") or "")
        await record_task_end(ctx, failed, user_id=stored.user_id, request_key=request_key)


class ChartTask:
    def __init__(self, ctx: WorkerContext, job: ChartJob, job_try: int) -> None:
        self.ctx, self.job, self.job_try = ctx, job, job_try

    async def run(self) -> None:
        stored = await self.ctx.store.get(self.job.task_id)
        if stored is None or stored.dto.status.is_terminal:
            log.info("task already ended or expired; skipping")
            return
        state = TaskRunState(self.job, stored.dto, stored.user_id)
        if stored.cancel_requested:
            await self._finish(state, TaskStatus.CANCELLED)
            return
        if stored.dto.attempt >= self.ctx.settings.max_attempts:
            # Each earlier attempt ended with its worker gone: stop before this one takes another down.
            await self._finish(
                state,
                TaskStatus.FAILED,
                code="too_many_attempts",
                error=f"This chart was tried {stored.dto.attempt} times and its worker "
                "stopped each time; it will not be tried again.",
            )
            return
        try:
            await self._start(state)
            async with asyncio.timeout(self.ctx.settings.task_time_limit_seconds):
                await self._pipeline(state)
        except TaskGone:
            log.info("task ended elsewhere; stopping")
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
        except Exception:
            # A bug or a poison input: this task fails, the worker carries on with the next one.
            log.exception("unexpected error in the chart pipeline")
            await self._finish(
                state,
                TaskStatus.FAILED,
                code="internal_error",
                error="Something went wrong while making this chart; it has been logged.",
            )

    async def _interrupted(self, state: TaskRunState) -> None:
        """The task was stopped: by its user (CANCELLED) or by the worker shutting down (handed back)."""
        try:
            if await self._cancel_was_requested(state):
                await self._finish(state, TaskStatus.CANCELLED)
                return
            state.dto = task_states.handed_back(state.dto, task_states.WORKER_SHUTTING_DOWN)
            await self.ctx.store.transition(state.dto, state.user_id, expected=TaskStatus.PROCESSING)
        except Exception as exc:  # Redis gone mid-shutdown: the reaper hands the task back instead
            log.warning("could not record the interruption", error=repr(exc))

    async def _pipeline(self, state: TaskRunState) -> None:
        ctx = self.ctx
        question = self.job.question_with_adjustment
        with self._timed(state, Step.PLANNING):
            try:
                outcome = await plan_chart(ctx, await self._plan_request(state))
                plan = outcome.plan
                state.plan_details = {"source": outcome.source, **outcome.details}
                ctx.model.validate_plan(plan)
            except LLMRefusal as exc:
                state.plan_details = exc.plan_details
                raise TaskFailure("unchartable", str(exc)) from exc
            except UnchartableQuestion as exc:
                raise TaskFailure("unchartable", str(exc)) from exc
            except PlanValidationError as exc:
                raise TaskFailure("invalid_plan", f"The chart plan was not valid: {exc}") from exc
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
                ctx, self.job, task_id=state.task_id, owner_id=state.user_id, plan=plan, result=result
            )
        await self._step(state, Step.PERSISTING)
        with self._timed(state, Step.PERSISTING):
            if await self._cancel_was_requested(state):
                await self._finish(state, TaskStatus.CANCELLED)
                return
            async with ctx.sessions() as db:
                saved = await save_chart(db, chart)
        await self._finish(state, TaskStatus.COMPLETED, chart_id=saved.id)

    async def _plan_request(self, state: TaskRunState) -> PlanRequest:
        # The owner from the task hash, not the job: only this user's earlier charts may be changed.
        return await load_plan_request(self.ctx, self.job, state.user_id)

    async def _start(self, state: TaskRunState) -> None:
        now = utcnow()
        state.dto = task_states.started(state.dto, expected_duration_s=self.ctx.expected_duration_s, now=now)
        await self._publish(state, extra={"worker": self.ctx.worker_id})
        waited = (now - state.dto.created_at).total_seconds()
        log.info("task started", attempt=state.dto.attempt, queue_wait_s=round(waited, 3))
        await self._pace()

    async def _step(self, state: TaskRunState, step: Step) -> None:
        state.dto = task_states.entered(state.dto, step)
        await self._publish(state)
        await self._pace()

    async def _pace(self) -> None:
        if self.ctx.settings.step_delay_seconds > 0:
            await asyncio.sleep(self.ctx.settings.step_delay_seconds)

    async def _publish(self, state: TaskRunState, extra: dict[str, str] | None = None) -> None:
        outcome = await self.ctx.store.transition(state.dto, state.user_id, extra=extra)
        if not outcome.applied:
            raise TaskGone(outcome.current_status)

    def _timed(self, state: TaskRunState, step: Step) -> StepTimer:
        return StepTimer(state.durations_ms, step)

    async def _cancel_was_requested(self, state: TaskRunState) -> bool:
        stored = await self.ctx.store.get(state.task_id)
        return stored is not None and stored.cancel_requested

    async def _retry_or_fail(self, state: TaskRunState, exc: BaseException) -> None:
        if self.job_try >= self.ctx.settings.max_attempts:
            await self._finish(
                state,
                TaskStatus.FAILED,
                code="transient_error",
                error=f"A service chartq depends on kept failing ({type(exc).__name__}).",
            )
            return
        delay = backoff_seconds(self.job_try)
        log.warning("transient error; retrying", error=repr(exc), delay_s=round(delay, 2))
        state.dto = task_states.retried(state.dto, delay)
        try:
            await self._publish(state)
        except (TaskGone, *TRANSIENT_ERRORS):
            pass  # arq re-runs the job regardless; the next attempt refreshes the status
        raise Retry(defer=delay) from exc

    async def _finish(
        self,
        state: TaskRunState,
        status: TaskStatus,
        *,
        code: str | None = None,
        error: str | None = None,
        chart_id: str | None = None,
    ) -> None:
        now = utcnow()
        done = status == TaskStatus.COMPLETED
        state.dto = task_states.finished(
            state.dto, status, code=code, error=error, chart_id=chart_id, now=now
        )
        outcome = await self.ctx.store.transition(state.dto, state.user_id)
        if not outcome.applied:
            return
        if done and state.dto.started_at is not None:
            self.ctx.observe_duration((now - state.dto.started_at).total_seconds())
        log.info(
            "task ended",
            status=status.value,
            error_code=code,
            durations_ms=state.durations_ms,
            plan=state.plan_details,
        )
        await record_task_end(
            self.ctx,
            state.dto,
            user_id=state.user_id,
            request_key=self.job.request_key,
            step_durations_ms=state.durations_ms,
            plan_details=state.plan_details,
        )
