"""Counts of a thing the rows do not stand for one each: "how many districts" on data with a row for each
candidate in each district counts every district three times, and "how many companies" on daily prices
counts the days. Such a count is refused, naming what the rows are, unless the question keeps one row per
counted thing: the rest of the key pinned to one value ("how many nations won gold") or on the chart
itself ("the number of nations by medal"), and daily data drawn over time.
"""

from __future__ import annotations

from worker.plan import ChartPlan
from worker.semantic import Dataset

__all__ = ["count_grain_problem"]


def count_grain_problem(plan: ChartPlan, ds: Dataset, counted: tuple[str, str] | None) -> str | None:
    """What is wrong with counting the rows of `plan` as `counted` (its dimension and the word said for
    it, "districts"), or None when each row is one of them."""
    if counted is None or not any(m.agg == "count" for m in plan.measures):
        return None
    dim, word = counted
    if dim not in ds.key:
        return None
    label = ds.dimension(dim).label.lower()
    example = f" Try e.g. \u201c{ds.measures[0].label.lower()} by {label}\u201d."
    pinned = {f.column for f in plan.filters if f.op == "eq"} | {plan.dimension, plan.series}
    others = [ds.dimension(k) for k in ds.key if k != dim and k not in pinned]
    if others:
        other = others[0]
        times = f" ({len(other.values)} times)" if other.values else ""
        where = f"a row for each {other.label.lower()} in each {label}"
        return (
            f"Counting the {word} would count each one once for every {other.label.lower()}{times}: the "
            f"{ds.name} data has {where}, and chartq cannot yet count {word} on their own.{example}"
        )
    if ds.time is not None and not ds.snapshot and not plan.use_time and not _one_date(plan):
        return (
            f"Counting the {word} would count each one once for every date: the {ds.name} data has a row "
            f"for each {label} on each date, and chartq cannot yet count {word} on their own.{example}"
        )
    return None


def _one_date(plan: ChartPlan) -> bool:
    span = plan.time_range
    return span is not None and span.start is not None and span.start == span.end and len(span.start) == 10
