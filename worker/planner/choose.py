"""Which planner answers a task, in one place: the chart task asks here for a plan and learns how it
was made. An adjustment or a follow-up changes the earlier plan; otherwise the LLM planner answers when
one is configured (the rule planner when it fails), and the rule planner when not."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from worker.plan import ChartPlan
from worker.planner.adjust.apply import NotAnAdjustment, adjust
from worker.planner.adjust.edits import AnotherDataset, reads_as_edit
from worker.planner.llm.planner import LLMPlanner
from worker.planner.rules import RulePlanner, UnchartableQuestion
from worker.semantic import SemanticModel

PlanSource = Literal["rules", "llm", "adjustment", "refresh"]


class Planners(Protocol):
    """What planning needs of a worker (worker.runtime.context.WorkerContext has it)."""

    @property
    def planner(self) -> RulePlanner: ...
    @property
    def llm_planner(self) -> LLMPlanner | None: ...
    @property
    def model(self) -> SemanticModel: ...


@dataclass(frozen=True)
class PlanRequest:
    """What a task asks for: the message's question, its adjustment, and the plan it adjusts (if any)."""

    question: str
    adjustment: str | None = None
    previous: ChartPlan | None = None
    # The latest plan of an earlier message of the session: what a follow-up message ("add Brazil")
    # changes. Loaded when there is no `previous` (worker.task.plan_request).
    earlier: ChartPlan | None = None
    # Already planned by the rule planner while the request was read (plan_standing_alone).
    planned: ChartPlan | None = None


@dataclass(frozen=True)
class PlanOutcome:
    plan: ChartPlan
    source: PlanSource
    # Recorded on the task run: token counts and latency of an LLM planner, why it fell back.
    details: dict[str, Any] = field(default_factory=dict)
    # What of the question the plan leaves out, said in the chart's description and the task's message
    # (worker.planner.accounts); empty when every word was used.
    left_out: tuple[str, ...] = ()


async def plan_chart(ctx: Planners, request: PlanRequest) -> PlanOutcome:
    """A validated plan for the request; raises UnchartableQuestion with a sentence for the user."""
    if ctx.llm_planner is not None:
        return await _plan_with_llm(ctx, ctx.llm_planner, request)
    return await plan_offline(ctx, request)


async def _plan_with_llm(ctx: Planners, llm: LLMPlanner, request: PlanRequest) -> PlanOutcome:
    """The LLM answers new questions, adjustments and follow-ups (given the plans they may change); when
    it gives no usable plan, the offline path answers and the record says why (details.fallback_reason)."""
    attempt = await llm.attempt(
        request.question, adjustment=request.adjustment, previous=request.previous, earlier=request.earlier
    )
    if attempt.plan is not None:
        return PlanOutcome(plan=attempt.plan, source="llm", details=attempt.details())
    offline = await plan_offline(ctx, request)
    return PlanOutcome(
        plan=offline.plan,
        source=offline.source,
        details={**offline.details, **attempt.details()},
        left_out=offline.left_out,
    )


async def plan_offline(ctx: Planners, request: PlanRequest) -> PlanOutcome:
    """The plan without a model: the rule planner, or the adjustment of the previous plan."""
    if request.planned is not None:
        # Planned while the request was read; the planner keeps its answer, with what it left out.
        answer = ctx.planner.answer(request.question)
        return PlanOutcome(plan=request.planned, source="rules", left_out=answer.left_out)
    adjusted = adjusted_plan(ctx, request)
    if adjusted is not None:
        return adjusted
    answer = ctx.planner.answer(request.question)
    return PlanOutcome(plan=answer.plan, source="rules", left_out=answer.left_out)


# Adjustments and follow-ups (docs/adjustments.md): a change to an earlier plan, never a fresh start.


def adjusted_plan(ctx: Planners, request: PlanRequest) -> PlanOutcome | None:
    """The plan when the request changes an earlier one: the message's chart as its adjustment asks, or
    the session's previous chart as a follow-up message asks; None when the question stands alone."""
    if request.adjustment:
        # Without a chart of its own yet, the message's question is planned first, then adjusted.
        base: ChartPlan | None = request.previous
        adjusts = "message_chart"
        if base is None:
            followed = _follow_up(ctx, request.question, request.earlier)
            base, adjusts = (followed.plan, "follow_up") if followed is not None else (None, adjusts)
        if base is None:
            base, adjusts = ctx.planner.plan(request.question), "question"
        plan = adjust(base, request.adjustment, ctx.model)
        return PlanOutcome(plan=plan, source="adjustment", details={"adjusts": adjusts})
    return _follow_up(ctx, request.question, request.earlier)


def _follow_up(ctx: Planners, question: str, earlier: ChartPlan | None) -> PlanOutcome | None:
    """`earlier` changed as `question` asks when the question is a follow-up: it reads as an edit ("make
    it…", "only…", "…instead"), or it names nothing the rule planner can chart on its own. None when it
    is a new question after all, which the rule planner answers or refuses in its own words."""
    if earlier is None:
        return None
    if reads_as_edit(question):
        try:
            return _changed(adjust(earlier, question, ctx.model))
        except AnotherDataset:
            # "show stock price instead" after a gapminder chart asks for a new chart of stock prices.
            if _stands_alone(ctx, question):
                return None
            fresh = _anew(question)
            if fresh == question or not _stands_alone(ctx, fresh):
                raise
            answer = ctx.planner.answer(fresh)
            return PlanOutcome(plan=answer.plan, source="rules", left_out=answer.left_out)
        except UnchartableQuestion:
            if _stands_alone(ctx, question):
                return None  # "now show tips by day": a new question after all
            raise
    if _stands_alone(ctx, question):
        return None
    try:
        return _changed(adjust(earlier, question, ctx.model))
    except (NotAnAdjustment, AnotherDataset):
        # Neither reading works ("what is the unemployment rate in France", "tesla stock price"): the
        # planner's own refusal says what of the question it cannot chart.
        return None


def _changed(plan: ChartPlan) -> PlanOutcome:
    return PlanOutcome(plan=plan, source="adjustment", details={"adjusts": "earlier_message"})


# "instead" on its own says "not the chart before"; "instead of X" names what goes, and stays.
_INSTEAD_ALONE = re.compile(r"[\s,;:]*\binstead\b(?!\s+of\b)[\s,;:]*", re.IGNORECASE)


def _anew(question: str) -> str:
    """A follow-up as a question of its own: "show stock price instead" is "show stock price"."""
    return " ".join(_INSTEAD_ALONE.sub(" ", question).split())


def plan_standing_alone(ctx: Planners, question: str) -> ChartPlan | None:
    """The rule planner's plan of `question` when no earlier plan can matter to it (it stands alone
    and does not read as an edit), so the worker need not read the session's last chart; else None.
    Mirrors _follow_up, which ignores `earlier` in exactly these cases."""
    if ctx.llm_planner is not None or reads_as_edit(question):
        return None
    try:
        return ctx.planner.plan(question)
    except UnchartableQuestion:
        return None


def _stands_alone(ctx: Planners, question: str) -> bool:
    try:
        ctx.planner.plan(question)
    except UnchartableQuestion:
        return False
    return True
