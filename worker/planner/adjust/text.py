"""What an adjusted chart says in words: its new title, and the help given when a change cannot be made.

Both read the plan's own filters, so the countries picked or left out name the chart, and the examples
in the help come from the chart's own data.
"""

from __future__ import annotations

from worker.plan import ChartPlan
from worker.planner.adjust.edits import Edits
from worker.planner.titles import Ranking, chart_title, join_names, lower_label
from worker.semantic import Dataset, DimensionValue


def adjustment_help(ds: Dataset, plan: ChartPlan, reason: str) -> str:
    """`reason`, then the changes that can be asked of this chart, with examples from its own data."""
    asks = ["the chart type (\u201cmake it a bar chart\u201d)"]
    if ds.time is not None and ds.time_max:
        since = str(int(ds.time_max[:4]) - 5)
        asks.append(f"the period (\u201conly since {since}\u201d)")
    key = next((ds.dimension(k) for k in ds.key), None) or next(
        (d for d in ds.dimensions if d.match_values and d.values), None
    )
    if key is not None and key.values:
        picked = [str(v) for f in plan.filters if f.column == key.name for v in _as_list(f.value)]
        spare = [str(v) for v in key.values if str(v) not in picked]
        if spare:
            spare[-1] = picked[-1] if picked else spare[-1]
            asks.append(
                f"the {key.plural()} shown (\u201cadd {spare[0]}\u201d, \u201cremove {spare[-1]}\u201d)"
            )
    other_dim = next((d for d in ds.dimensions if d.name not in (plan.dimension, plan.series)), None)
    if other_dim is not None:
        asks.append(f"the grouping (\u201cper {other_dim.label.lower()} instead\u201d)")
    asks.append("the ranking (\u201cshow the top 5\u201d, \u201csort ascending\u201d)")
    asks.append("the aggregation (\u201cuse median instead\u201d)")
    used = {m.name for m in plan.measures}
    other = next((m for m in ds.measures if m.name not in used), None)
    if other is not None:
        asks.append(f"the measure (\u201cshow {lower_label(other.label)} instead\u201d)")
    return f"{reason} You can change {join_names(asks)}."


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else [value]


def adjusted_title(ds: Dataset, plan: ChartPlan, previous: ChartPlan, edits: Edits) -> str:
    """The title of `plan`, named by what its filters pick and leave out. A ranking reads "Top N" when the
    edit gave a count, "Highest" when it gave none, and as in `previous` when the edit left it alone."""
    entities: dict[str, list[DimensionValue]] = {}
    excluded: list[str] = []
    categories = {d.name for d in ds.dimensions if d.type == "category"}
    for f in plan.filters:
        if f.column not in categories:
            continue
        values = [v for v in _as_list(f.value) if isinstance(v, str | int | float)]
        if f.op in ("eq", "in"):
            entities[f.column] = values
        elif f.op in ("ne", "not_in"):
            excluded += [str(v) for v in values]
    ranking = None
    if plan.limit is not None and plan.sort is not None and plan.dimension is not None:
        counted = (
            edits.ranking.n is not None
            if edits.ranking is not None
            else not previous.title.startswith(("Highest", "Lowest"))
        )
        ranking = Ranking(low=plan.sort.direction == "asc", counted=counted)
    title = chart_title(ds, plan, entities, ranking)
    if excluded:
        title = f"{title} excluding {join_names(excluded)}"
    return title[:200]
