"""The checks of a plan's parts that need no more than the plan and its dataset: each filter against the
dataset's columns and values, and the chart type against what the plan puts on its axes. Part of
`SemanticModel.validate_plan` (worker.semantic)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from worker.plan import Aggregation, ChartPlan, Filter

if TYPE_CHECKING:
    from worker.semantic import Dataset


class PlanValidationError(ValueError):
    """A plan that names something the model lacks or asks for something meaningless; str says what."""


_CHART_NEEDS_X = {"line", "bar", "area"}


def check_chart_shape(plan: ChartPlan, aggs: set[Aggregation]) -> None:
    kind, has_x = plan.chart_type, plan.use_time or plan.dimension is not None
    if kind in _CHART_NEEDS_X and not has_x:
        raise PlanValidationError(f"A {kind} chart needs time or a dimension on the x axis.")
    if kind in _CHART_NEEDS_X and "none" in aggs and not plan.use_time:
        raise PlanValidationError(f"A {kind} chart over categories needs an aggregation, not raw values.")
    if kind == "pie":
        if plan.dimension is None or plan.use_time or plan.series is not None or len(plan.measures) != 1:
            raise PlanValidationError("A pie chart shows one measure split by one dimension, without time.")
        if "none" in aggs:
            raise PlanValidationError("A pie chart needs an aggregation, not raw values.")
    if kind == "histogram" and (
        len(plan.measures) != 1 or aggs != {"none"} or plan.use_time or plan.dimension is not None
    ):
        raise PlanValidationError("A histogram shows the raw values (agg none) of one measure.")
    if kind == "scatter":
        if len(plan.measures) > 2:
            raise PlanValidationError("A scatter chart plots at most two measures against each other.")
        if len(plan.measures) == 2 and plan.use_time:
            raise PlanValidationError("A scatter of two measures uses the first as x, so not time.")
        if len(plan.measures) == 1 and not has_x:
            raise PlanValidationError("A scatter of one measure needs time or a dimension on the x axis.")


def check_filter(ds: Dataset, flt: Filter) -> None:
    names = {d.name: d for d in ds.dimensions}
    measures = {m.name for m in ds.measures}
    values = flt.value if isinstance(flt.value, list) else [flt.value]
    if flt.op in ("in", "not_in"):
        if not isinstance(flt.value, list) or not flt.value:
            raise PlanValidationError(f"Filter {flt.op} on {flt.column!r} needs a non-empty list.")
    elif flt.op == "between":
        if not isinstance(flt.value, list) or len(flt.value) != 2:
            raise PlanValidationError(f"Filter between on {flt.column!r} needs a [low, high] pair.")
    elif isinstance(flt.value, list):
        raise PlanValidationError(f"Filter {flt.op} on {flt.column!r} needs a single value, not a list.")
    dim = names.get(flt.column)
    if dim is not None and dim.type == "category":
        if flt.op not in ("eq", "ne", "in", "not_in"):
            raise PlanValidationError(f"{dim.label} is a category: filter it with eq, ne, in or not_in.")
        if not all(isinstance(v, str) for v in values):
            raise PlanValidationError(f"Values of {dim.label.lower()} are text, got {values!r}.")
        unknown = [v for v in values if dim.values and v not in dim.values]
        if unknown:
            sample = ", ".join(map(str, dim.values[:8]))
            raise PlanValidationError(f"Unknown {dim.label.lower()} {unknown!r} (values include {sample}).")
    elif dim is not None or flt.column in measures or (ds.time is not None and flt.column == ds.time.column):
        is_day = ds.time is not None and flt.column == ds.time.column and ds.time.grain == "day"
        expected: tuple[type, ...] = (str,) if is_day else (int, float)
        if not all(isinstance(v, expected) and not isinstance(v, bool) for v in values):
            raise PlanValidationError(f"Filter on {flt.column!r} needs {'dates' if is_day else 'numbers'}.")
    else:
        raise PlanValidationError(f"Unknown column {flt.column!r} in dataset {ds.name!r}.")
