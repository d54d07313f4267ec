"""Chart titles worded from a plan: "Average life expectancy by continent since 1990",
"Top 5 countries by GDP per capita in 2007", "Share of population by continent in 2007".

A title names the measures (with how they were combined, unless each point is one row), the x axis and
series dimensions, the values the question picked and the period shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from worker.plan import ChartPlan
from worker.semantic import Dataset, DimensionValue

__all__ = ["Ranking", "chart_title", "join_names", "lower_label"]

_AGG_PREFIX = {"avg": "Average", "sum": "Total", "median": "Median", "min": "Minimum", "max": "Maximum"}


@dataclass(frozen=True)
class Ranking:
    """A ranking the question asked for: lowest first ("bottom 3") or highest, and whether it gave a count."""

    low: bool
    counted: bool


def chart_title(
    ds: Dataset,
    plan: ChartPlan,
    entities: dict[str, list[DimensionValue]] | None = None,
    ranking: Ranking | None = None,
) -> str:
    """The title of `plan`; `entities` are the values the question named, per dimension, in its order."""
    entities = entities or {}
    refs, kind, dimension, series = plan.measures, plan.chart_type, plan.dimension, plan.series
    time_range = plan.time_range
    labels = [ds.measure(r.name).label for r in refs]
    agg = refs[0].agg
    start, end = (time_range.start, time_range.end) if time_range else (None, None)
    head = (" vs " if kind == "scatter" else " and ").join([labels[0], *map(lower_label, labels[1:])])
    if agg == "count":
        head = f"{labels[0]} count"
    elif kind == "pie" and agg == "sum":
        # A pie of a sum shows each part's share of the whole, which is what the chart is about.
        head = f"Share of {lower_label(head)}"
    elif len({r.agg for r in refs}) > 1:  # "the median tip and the average total bill": each its own
        each = [
            f"{_AGG_PREFIX[r.agg].lower()} {lower_label(label)}"
            for r, label in zip(refs, labels, strict=True)
        ]
        head = " and ".join(each)
        head = head[:1].upper() + head[1:]
    elif agg != "none" and not ds.one_row_per_point(plan):
        head = f"{_AGG_PREFIX[agg]} {lower_label(head)}"
    if kind == "histogram":
        head = f"Distribution of {lower_label(head)}"
    parts = [head]
    if ranking is not None and dimension is not None:
        if ranking.counted:
            word = "Bottom" if ranking.low else "Top"
            parts = [f"{word} {plan.limit} {ds.dimension(dimension).plural()} by {lower_label(head)}"]
        else:
            by = ds.dimension(dimension).label.lower()
            parts = [f"{'Lowest' if ranking.low else 'Highest'} {lower_label(head)} by {by}"]
            # "the biggest tip ever": each one's extreme, which "Highest maximum tip" would say twice.
            if agg in ("max", "min"):
                parts = [f"{head} by {by}"]
    elif dimension is not None:
        parts.append(f"by {ds.dimension(dimension).label.lower()}")
    if series is not None and series not in entities:
        parts.append(f"{'and' if len(parts) > 1 else 'by'} {ds.dimension(series).label.lower()}")
    for name, values in entities.items():
        dim = ds.dimension(name)
        names = [str(v) for v in values]
        text = join_names(names) if len(names) <= 4 else f"{len(names)} {dim.plural()}"
        parts.append(f"{dim.preposition} {'' if dim.match_values else dim.label.lower() + ' '}{text}")
    for flt in plan.filters:
        if flt.op == "eq" and isinstance(flt.value, int | float) and not isinstance(flt.value, bool):
            parts.append(f"with {lower_label(_label(ds, flt.column))} {_number(flt.value)}")
        elif flt.op == "in" and flt.column not in entities and isinstance(flt.value, list):
            # Values a condition kept ("winds of 5 or more": the bands 5-6 and 6+).
            parts.append(
                f"for {ds.dimension(flt.column).label.lower()} {join_names(list(map(str, flt.value)))}"
            )
        elif flt.op in _CONDITION_WORDS:
            parts.append(f"with {lower_label(_label(ds, flt.column))} {_condition(flt.op, flt.value)}")
    if start is not None and start == end:
        parts.append(f"in {start}")
    elif start is not None and end is not None:
        parts.append(f"from {start} to {end}")
    elif start is not None or end is not None:
        parts.append(f"since {start}" if start is not None else f"until {end}")
    title = " ".join(parts)
    return (title[:1].upper() + title[1:])[:200]


_CONDITION_WORDS = {"gt": "over", "gte": "at least", "lt": "under", "lte": "at most", "between": "between"}


def _label(ds: Dataset, name: str) -> str:
    measures = {m.name: m.label for m in ds.measures}
    return measures[name] if name in measures else ds.dimension(name).label


def _number(value: object) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,g}" if isinstance(value, float) else str(value)


def _condition(op: str, value: object) -> str:
    """ "over 100,000,000", "between 10 and 20"."""
    if isinstance(value, list) and len(value) == 2:
        return f"between {_number(value[0])} and {_number(value[1])}"
    return f"{_CONDITION_WORDS[op]} {_number(value)}"


def lower_label(label: str) -> str:
    """A label as it reads mid-sentence: acronyms kept ("GDP per capita"), a first capital lowered."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
