"""Query rows -> Plotly figure JSON, plus the sentences and time span shown next to a chart.

Figures are plain dicts in Plotly's schema: building plotly.graph_objects validates every property and
costs far more than the query on this hot path (the tests validate the dicts with plotly instead).
The data carries exactly the values the query returned, so a user exporting it gets what SQL gave;
rounding is for display only: hover text shows each measure at its precision (`precision`).
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Iterable
from typing import Any

from worker.extraction import QueryResult
from worker.plan import Aggregation, ChartPlan
from worker.semantic import Dataset, Dimension, Measure, SemanticModel

_AGG_PHRASE = {
    "avg": "averaged across",
    "sum": "added up across",
    "median": "the median across",
    "min": "the lowest value across",
    "max": "the highest value across",
}


def _json(value: Any) -> Any:
    # PostgreSQL hands back Decimal and date objects; figures are stored and sent as JSON.
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def precision(measure: Measure, agg: Aggregation, values: Iterable[Any]) -> int:
    """Decimal places to show values of `measure` combined by `agg` at.

    The measure's declared `decimals`, except that counts are whole and an average of a whole-number
    measure (medals) keeps 4 significant digits; undeclared, 4 significant digits of the largest value.
    """
    if agg == "count":
        return 0
    if measure.decimals is not None and not (measure.decimals == 0 and agg in ("avg", "median")):
        return measure.decimals
    numbers = [abs(v) for v in values if isinstance(v, int | float) and math.isfinite(v)]
    largest = max(numbers, default=0.0)
    if not largest:
        return 0
    return min(12, max(0, 4 - (math.floor(math.log10(largest)) + 1)))


def round_value(value: Any, decimals: int) -> Any:
    """A float rounded to `decimals` places (an int at 0); anything else unchanged. For text shown to a
    reader (a figure's data is never rounded)."""
    if isinstance(value, float) and math.isfinite(value):
        return round(value) if decimals == 0 else round(value, decimals)
    return value


def _hover(decimals: int) -> str:
    # d3-format: thousands separators and a fixed number of decimals ("71.085", "3,811,953,827").
    return f",.{decimals}f"


def _column(result: QueryResult, name: str) -> int:
    return result.columns.index(name)


def _category_axis(dim: Dimension) -> dict[str, Any]:
    axis: dict[str, Any] = {"type": "category", "title": {"text": dim.label}}
    if dim.order:
        axis |= {"categoryorder": "array", "categoryarray": list(dim.order)}
    return axis


def build_figure(plan: ChartPlan, result: QueryResult, model: SemanticModel) -> dict[str, Any]:
    """One trace per series value (and per measure when there are several), titled axes with units."""
    ds = model.dataset(plan.dataset)
    measures = [ds.measure(ref.name) for ref in plan.measures]
    rows = [tuple(_json(v) for v in row) for row in result.rows]
    decimals: dict[str, int] = {}
    for ref, measure in zip(plan.measures, measures, strict=True):
        at = _column(result, measure.name)
        decimals[measure.name] = precision(measure, ref.agg, (row[at] for row in rows))
    series_at = _column(result, plan.series) if plan.series else None
    groups: dict[Any, list[tuple[Any, ...]]] = {}
    for row in rows:
        groups.setdefault(row[series_at] if series_at is not None else None, []).append(row)
    if plan.series and ds.dimension(plan.series).order:
        order = ds.dimension(plan.series).order
        groups = dict(sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 1e9))
    legend = ds.dimension(plan.series).label if plan.series else None
    layout: dict[str, Any] = {
        "title": {"text": plan.title},
        "showlegend": len(groups) > 1 or len(measures) > 1,
    }
    if legend:
        layout["legend"] = {"title": {"text": legend}}
    traces: list[dict[str, Any]] = []
    kind = plan.chart_type

    if kind == "pie":
        assert plan.dimension is not None
        at, value_at = _column(result, plan.dimension), _column(result, measures[0].name)
        unit = f" {measures[0].shown_unit}" if measures[0].shown_unit else ""
        value = f"%{{value:{_hover(decimals[measures[0].name])}}}{unit}"
        traces.append(
            {
                "type": "pie",
                "name": measures[0].label,
                "labels": [row[at] for row in rows],
                "values": [row[value_at] for row in rows],
                "sort": False,
                "hovertemplate": f"%{{label}}<br>{measures[0].label}: {value}<br>%{{percent}}<extra></extra>",
            }
        )
        layout["showlegend"] = True
    elif kind == "histogram":
        value_at = _column(result, measures[0].name)
        for key, members in groups.items():
            name = str(key) if key is not None else measures[0].label
            trace = {
                "type": "histogram",
                "name": name,
                "x": [row[value_at] for row in members],
                "xhoverformat": _hover(decimals[measures[0].name]),
            }
            # Overlaid distributions hide each other unless they are see-through.
            traces.append(trace | ({"opacity": 0.6} if len(groups) > 1 else {}))
        layout |= {
            "barmode": "overlay",
            "xaxis": {"title": {"text": measures[0].axis_title()}},
            "yaxis": {"title": {"text": "Count"}},
        }
    elif kind == "scatter" and len(measures) == 2:
        x_at, y_at = _column(result, measures[0].name), _column(result, measures[1].name)
        label_at = _column(result, plan.dimension) if plan.dimension else None
        for key, members in groups.items():
            # x and y are named by the axes; a trace is named by its series value, or by what it plots.
            trace = {
                "type": "scatter",
                "mode": "markers",
                "name": str(key) if key is not None else measures[1].label,
                "x": [row[x_at] for row in members],
                "y": [row[y_at] for row in members],
                "xhoverformat": _hover(decimals[measures[0].name]),
                "yhoverformat": _hover(decimals[measures[1].name]),
            }
            if label_at is not None:
                trace["text"] = [row[label_at] for row in members]
            traces.append(trace)
        layout |= {
            "xaxis": {"title": {"text": measures[0].axis_title()}},
            "yaxis": {"title": {"text": measures[1].axis_title()}},
            "showlegend": len(groups) > 1,
        }
    else:
        traces, axes = _xy_traces(plan, ds, result, groups, decimals)
        layout |= axes
    if not rows:
        note = {
            "text": "No data matches this question.",
            "showarrow": False,
            "xref": "paper",
            "yref": "paper",
        }
        layout["annotations"] = [note | {"x": 0.5, "y": 0.5}]
    return {"data": traces, "layout": layout}


def _xy_traces(
    plan: ChartPlan,
    ds: Dataset,
    result: QueryResult,
    groups: dict[Any, list[tuple[Any, ...]]],
    decimals: dict[str, int],
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """line, bar, area, and scatter of one measure: x is time or a dimension, one y per measure."""
    measures = [ds.measure(ref.name) for ref in plan.measures]
    if plan.use_time and ds.time is not None:
        x_name = ds.time.column
        xaxis: dict[str, Any] = {"title": {"text": ds.time.label}}
        xaxis["type"] = "date" if ds.time.grain == "day" else "linear"
    else:
        assert plan.dimension is not None
        x_name = plan.dimension
        xaxis = _category_axis(ds.dimension(plan.dimension))
    x_at = _column(result, x_name)
    style: dict[str, Any] = {
        "line": {"type": "scatter", "mode": "lines+markers"},
        "scatter": {"type": "scatter", "mode": "markers"},
        "bar": {"type": "bar"},
        "area": {"type": "scatter", "mode": "lines"},
    }[plan.chart_type]
    traces = []
    for measure in measures:
        y_at = _column(result, measure.name)
        for key, members in groups.items():
            if key is None:
                name = measure.label
            else:
                name = str(key) if len(measures) == 1 else f"{key} · {measure.label}"
            trace = style | {
                "name": name,
                "x": [r[x_at] for r in members],
                "y": [r[y_at] for r in members],
                "yhoverformat": _hover(decimals[measure.name]),
            }
            if plan.chart_type == "area":
                # Stacking is only honest when the parts add up to a meaningful whole.
                stacked = measure.additive and len(measures) == 1 and plan.series is not None
                trace |= {"stackgroup": "one"} if stacked else {"fill": "tozeroy"}
            traces.append(trace)
    y_title = ", ".join(m.axis_title() for m in measures)
    layout: dict[str, Any] = {"xaxis": xaxis, "yaxis": {"title": {"text": y_title}}}
    if plan.chart_type == "bar":
        layout["barmode"] = "group"
    if plan.use_time and plan.chart_type in ("line", "area"):
        layout["hovermode"] = "x unified"
    return traces, layout


def interpretation(plan: ChartPlan, model: SemanticModel) -> str:
    """One sentence: what each measure means and how rows were combined into the plotted values."""
    ds = model.dataset(plan.dataset)
    meanings = [ds.measure(ref.name).description.rstrip(". ") for ref in plan.measures]
    meaning = "; ".join(meanings)
    per = [ds.time.label.lower()] if plan.use_time and ds.time is not None else []
    per += [ds.dimension(n).label.lower() for n in (plan.dimension, plan.series) if n is not None]
    per_text = f" per {' and '.join(per)}" if per else " over everything selected"
    shown = {plan.dimension, plan.series} | {f.column for f in plan.filters if f.op == "eq"}
    across = [ds.dimension(k).plural() for k in ds.key if k not in shown]
    tr = plan.time_range
    if ds.time is not None and not plan.use_time and not (tr and tr.start and tr.start == tr.end):
        across.append(f"{ds.time.label.lower()}s")
    rows = " and ".join(across) or "records"
    agg = plan.measures[0].agg
    if agg == "none":
        unit = " and ".join([*(ds.dimension(k).label.lower() for k in ds.key)] or ["record"])
        if ds.time is not None and ds.key:
            unit += f" and {ds.time.label.lower()}"
        how = f"each value is one {unit}"
    elif agg == "count":
        how = f"counted as the number of {rows}{per_text}"
    elif ds.one_row_per_point(plan):
        how = f"shown as recorded{per_text}"
    elif len({ref.agg for ref in plan.measures}) > 1:  # each measure with its own aggregation
        labels = [ds.measure(r.name).label for r in plan.measures]
        # Mid-sentence: a first capital lowered, an acronym ("GDP per capita") kept.
        labels = [x if x[:2].isupper() else x[:1].lower() + x[1:] for x in labels]
        each = [f"{x} {_AGG_PHRASE[r.agg]} {rows}" for r, x in zip(plan.measures, labels, strict=True)]
        how = f"{'; '.join(each)}{per_text}"
    else:
        how = f"{_AGG_PHRASE[agg]} {rows}{per_text}"
    return f"{meaning}, {how}."


def time_range_of(plan: ChartPlan, result: QueryResult) -> tuple[str | None, str | None]:
    """The first and last period actually shown (from the rows when time is the x axis)."""
    if plan.use_time and result.rows:
        # compile_query puts the time column first whenever the plan uses time.
        times = [row[0] for row in result.rows if row[0] is not None]
        if times:
            return str(_json(min(times))), str(_json(max(times)))
    if plan.time_range is not None:
        return plan.time_range.start, plan.time_range.end
    return None, None
