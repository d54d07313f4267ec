"""A chart's plan in plain words, shown under its title so a user can check what was charted without
reading SQL: "Average tip per day, party size at least 4." or "Average life expectancy over time, one
line per country, in Mexico and Canada, since 1980." What the planner left out of the question is said
after it ("Left out: “on Sundays in March”: the election data has no dates.").
"""

from __future__ import annotations

from worker.plan import ChartPlan, Filter
from worker.planner.lexicon import row_nouns, time_rows
from worker.planner.titles import join_names, lower_label
from worker.semantic import Dataset, SemanticModel

__all__ = ["describe"]

_AGG = {"avg": "Average", "sum": "Total", "median": "Median", "min": "Lowest", "max": "Highest"}
_OPS = {"gt": "over", "gte": "at least", "lt": "under", "lte": "at most"}


def describe(plan: ChartPlan, model: SemanticModel, left_out: tuple[str, ...] = ()) -> str:
    """The plan as one or two sentences: what is measured, per what, for which values, when."""
    ds = model.dataset(plan.dataset)
    per = _per(plan, ds)
    head = _what(plan, ds) + ("," if per.startswith("one") else "") + (f" {per}" if per else "")
    parts = [head, _lines(plan, ds), *_filters(plan, ds), *_when(plan, ds), *_ranking(plan, ds)]
    text = ", ".join(p for p in parts if p) + "."
    if left_out:
        text += f" Left out: {'; '.join(left_out)}."
    return text[:1:].upper() + text[1:]


def _what(plan: ChartPlan, ds: Dataset) -> str:
    labels = [lower_label(ds.measure(m.name).label) for m in plan.measures]
    agg = plan.measures[0].agg
    joined = (" against " if plan.chart_type == "scatter" else " and ").join(labels)
    if agg == "none":
        head = f"distribution of {joined}" if plan.chart_type == "histogram" else joined
        return f"{head}, one value per {_row(ds)}"
    if agg == "count":
        head = f"number of {_rows(ds)}"
    elif ds.one_row_per_point(plan):
        head = joined
    elif len({m.agg for m in plan.measures}) > 1:  # "the median tip and the average total bill"
        head = " and ".join(
            f"{_AGG[m.agg].lower()} {label}" for m, label in zip(plan.measures, labels, strict=True)
        )
    else:
        head = f"{_AGG[agg].lower()} {joined}"
    return f"each {_part(plan, ds)}'s share of {head}" if plan.chart_type == "pie" else head


def _part(plan: ChartPlan, ds: Dataset) -> str:
    return ds.dimension(plan.dimension).label.lower() if plan.dimension else "part"


def _row(ds: Dataset) -> str:
    key = " and ".join(ds.dimension(k).label.lower() for k in ds.key) or "record"
    return f"{key} and {ds.time.label.lower()}" if ds.time is not None and ds.key else key


def _rows(ds: Dataset) -> str:
    """What a count of rows counts: "tables" (tips), "weeks" (stocks), "countries", "records"."""
    nouns = [n for n in row_nouns(ds) if n.endswith("s")]
    if nouns:
        return nouns[0]
    if ds.key and ds.snapshot:
        return ds.dimension(ds.key[0]).plural()
    return time_rows(ds) or "records"


def _per(plan: ChartPlan, ds: Dataset) -> str:
    """ "per day", "per day and sex", "over time"."""
    if plan.use_time:
        return "over time"
    if plan.dimension is None or plan.chart_type == "pie":
        return ""
    per = f"per {ds.dimension(plan.dimension).label.lower()}"
    if plan.chart_type == "scatter" and plan.measures[0].agg != "none":
        per = f"one point per {ds.dimension(plan.dimension).label.lower()}"
    series = ds.dimension(plan.series).label.lower() if plan.series and not plan.use_time else None
    return f"{per} and {series}" if series and plan.chart_type != "scatter" else per


def _lines(plan: ChartPlan, ds: Dataset) -> str:
    """ "one line per company" (over time), "one colour per species" (points)."""
    if plan.series is None:
        return ""
    series = ds.dimension(plan.series).label.lower()
    if plan.use_time:
        return f"one line per {series}"
    return f"one colour per {series}" if plan.chart_type in ("scatter", "histogram") else ""


def _filters(plan: ChartPlan, ds: Dataset) -> list[str]:
    return [_filter(f, ds) for f in plan.filters]


def _filter(f: Filter, ds: Dataset) -> str:
    values = f.value if isinstance(f.value, list) else [f.value]
    names = join_names([_number(v) for v in values])
    measures = {m.name: m for m in ds.measures}
    label = lower_label(measures[f.column].label if f.column in measures else ds.dimension(f.column).label)
    if f.op == "between":
        return f"{label} from {_number(values[0])} to {_number(values[-1])}"
    if f.op in _OPS:
        return f"{label} {_OPS[f.op]} {names}"
    if f.op in ("ne", "not_in"):
        return f"excluding {names}"
    dim = ds.dimension(f.column) if f.column not in measures else None
    if dim is not None and dim.type == "category" and dim.match_values:
        return f"{dim.preposition} {names}"
    return f"{label} {names}"


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _when(plan: ChartPlan, ds: Dataset) -> list[str]:
    if ds.time is None:
        return []
    tr = plan.time_range
    start, end = (tr.start, tr.end) if tr is not None else (None, None)
    if start is not None and start == end:
        return [f"in {start}"]
    if start is not None and end is not None:
        return [f"from {start} to {end}"]
    if start is not None or end is not None:
        return [f"since {start}" if start is not None else f"until {end}"]
    return [f"all {ds.time.label.lower()}s"]


def _ranking(plan: ChartPlan, ds: Dataset) -> list[str]:
    if plan.sort is None or plan.use_time:
        return []
    measures = {m.name for m in ds.measures}
    if plan.sort.by not in measures:
        return [
            f"in {ds.dimension(plan.sort.by).label.lower()} order" if plan.sort.by != plan.dimension else ""
        ]
    label = lower_label(ds.measure(plan.sort.by).label)
    if plan.limit is not None:
        return [f"{'bottom' if plan.sort.direction == 'asc' else 'top'} {plan.limit} by {label}"]
    return ["largest first" if plan.sort.direction == "desc" else "smallest first"]
