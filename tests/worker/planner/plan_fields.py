"""A plan's filters, measures and period as tuples, for the planner tests to compare."""

from __future__ import annotations

from worker.plan import ChartPlan


def filters_of(plan: ChartPlan) -> list[tuple[str, str, object]]:
    return [(f.column, f.op, f.value) for f in plan.filters]


def measures_of(plan: ChartPlan) -> list[tuple[str, str]]:
    return [(m.name, m.agg) for m in plan.measures]


def period_of(plan: ChartPlan) -> tuple[str | None, str | None] | None:
    """The plan's time range as (start, end), or None when it has none."""
    return None if plan.time_range is None else (plan.time_range.start, plan.time_range.end)
