"""Filters on one column folded into one: "the FAANG names except Netflix" names five tickers and leaves
one out, so it keeps the other four ([ticker, in, [FB, AAPL, AMZN, GOOG]]), not five tickers and a
second condition. A value kept and left out at once folds the same way, and values of one column left out
one by one are one not_in.
"""

from __future__ import annotations

from worker.plan import ChartPlan, Filter

__all__ = ["fold_filters"]


def _values(f: Filter) -> list[object]:
    return list(f.value) if isinstance(f.value, list) else [f.value]


def fold_filters(plan: ChartPlan) -> ChartPlan:
    """`plan` with each column's kept values ("in"/"eq") less its left-out ones ("ne"/"not_in")."""
    plan = _merge_left_out(plan)
    kept = {f.column: i for i, f in enumerate(plan.filters) if f.op in ("in", "eq")}
    out = {f.column for f in plan.filters if f.op in ("ne", "not_in")}
    folded = set(kept) & out
    if not folded:
        return plan
    filters: list[Filter] = []
    for f in plan.filters:
        if f.column not in folded:
            filters.append(f)
        elif f.op in ("in", "eq"):
            dropped = {
                v
                for g in plan.filters
                if g.column == f.column and g.op in ("ne", "not_in")
                for v in _values(g)
            }
            values = [v for v in _values(f) if v not in dropped]
            if not values:
                return plan  # nothing left: the model's own check says so
            value = values[0] if len(values) == 1 else values
            filters.append(Filter(column=f.column, op="eq" if len(values) == 1 else "in", value=value))  # type: ignore[arg-type]
    return plan.model_copy(update={"filters": filters})


def _merge_left_out(plan: ChartPlan) -> ChartPlan:
    """ "except tables of 1 and except tables of 2": a column's values left out one by one are one
    not_in, at the place of the first."""
    out = [f.column for f in plan.filters if f.op in ("ne", "not_in")]
    if len(out) == len(set(out)):
        return plan
    filters: list[Filter] = []
    merged: dict[str, int] = {}
    for f in plan.filters:
        if f.op not in ("ne", "not_in"):
            filters.append(f)
        elif f.column in merged:
            first = filters[merged[f.column]]
            values = _values(first) + [v for v in _values(f) if v not in _values(first)]
            filters[merged[f.column]] = Filter(column=f.column, op="not_in", value=values)  # type: ignore[arg-type]
        else:
            merged[f.column] = len(filters)
            filters.append(f)
    return plan.model_copy(update={"filters": filters})
