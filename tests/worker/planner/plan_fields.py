"""A plan's filters and measures as tuples, for the planner tests to compare."""

from __future__ import annotations

from worker.plan import ChartPlan


def filters_of(plan: ChartPlan) -> list[tuple[str, str, object]]:
    return [(f.column, f.op, f.value) for f in plan.filters]


def measures_of(plan: ChartPlan) -> list[tuple[str, str]]:
    return [(m.name, m.agg) for m in plan.measures]
