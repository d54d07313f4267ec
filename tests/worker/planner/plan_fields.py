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


def request_of(
    plan: ChartPlan,
) -> tuple[list[tuple[str, str]], str | None, list[tuple[str, str, object]], int | None]:
    """What the plan charts: its measures, grouping, filters and limit (a voice's patter must add none)."""
    return measures_of(plan), plan.dimension, filters_of(plan), plan.limit


def chart_of(
    plan: ChartPlan,
) -> tuple[list[tuple[str, str]], str | None, str, list[tuple[str, str, object]], int | None]:
    """What the plan charts and as what: its measures, grouping, chart type, filters and limit."""
    return measures_of(plan), plan.dimension, plan.chart_type, filters_of(plan), plan.limit
