"""Which planner answers a task, in one place: the chart task asks here for a plan and learns how it
was made. Today the rule planner answers every question; adjustments of a previous plan and the LLM
planner plug in here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from worker.context import WorkerContext
from worker.plan import ChartPlan

PlanSource = Literal["rules", "llm", "adjustment"]


@dataclass(frozen=True)
class PlanRequest:
    """What a task asks for: the message's question, its adjustment, and the plan it adjusts (if any)."""

    question: str
    adjustment: str | None = None
    previous: ChartPlan | None = None


@dataclass(frozen=True)
class PlanOutcome:
    plan: ChartPlan
    source: PlanSource
    # Recorded on the task run: token counts and latency of an LLM planner, why it fell back.
    details: dict[str, Any] = field(default_factory=dict)


async def plan_chart(ctx: WorkerContext, request: PlanRequest) -> PlanOutcome:
    """A validated plan for the request; raises UnchartableQuestion with a sentence for the user."""
    question = request.question
    if request.adjustment:
        question = f"{question} {request.adjustment}"
    plan = ctx.planner.plan(question)
    return PlanOutcome(plan=plan, source="rules")
