"""The plot of a request written in R (read by worker.planner.r_syntax), and the whole request said as the
SQL-flavoured words worker.planner.sql_syntax reads.

ggplot2: "ggplot(aes(day, total, fill = sex)) + geom_col(position = 'dodge')" is a bar chart of the
summary's column by day with sex as series; on raw rows geom_col() and geom_bar(stat = 'identity') stack
(add up) the values of each bar, geom_bar() counts rows, geom_point() is a scatter, geom_line() a line,
geom_area() an area chart, geom_histogram() a histogram of x. Titles, labels and themes change nothing
the plan holds; facets, polar coordinates, log scales, smoothers and shares (position = 'fill') are
refused, naming them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from worker.planner.errors import UnchartableQuestion
from worker.semantic import Dataset, Measure, SemanticModel

__all__ = ["RQuery", "call_args", "column", "geom", "read_aes", "spell_query", "split_top"]

_OPEN = {"(": ")", "[": "]", "{": "}"}
_KWARG = re.compile(r"\s*(?P<k>[A-Za-z_.][\w.]*)\s*=(?!=)\s*(?P<v>.*)", re.DOTALL)
_GEOMS = {
    "geom_col": "bar",
    "geom_point": "scatter",
    "geom_jitter": "scatter",
    "geom_line": "line",
    "geom_area": "area",
    "geom_histogram": "histogram",
}
# Layers that change nothing the plan holds (words on the chart, its look, horizontal bars).
_NEUTRAL = re.compile(r"labs|ggtitle|xlab|ylab|theme(?:_\w+)?|coord_flip|scale_(?:fill|colou?r)_\w+|guides")
# Layers a plan cannot draw, with the words naming them.
_UNDRAWABLE = {
    "facet": "small multiples (facet_wrap / facet_grid)",
    "coord_polar": "a polar chart (coord_polar)",
    "scale_x_log10": "a log scale (scale_x_log10)",
    "scale_y_log10": "a log scale (scale_y_log10)",
    "geom_smooth": "a fitted trend line (geom_smooth)",
    "geom_boxplot": "a box plot (geom_boxplot)",
    "geom_violin": "a violin plot (geom_violin)",
    "geom_text": "text labels (geom_text)",
}
# A layer's arguments that change only its look (and position = 'dodge' or 'stack', read below).
_LOOKS = {"position", "stat", "colour", "color", "fill", "alpha", "size", "width", "linewidth", "linetype"}
_LOOKS |= {"shape", "na.rm", "show.legend"}
_GENERIC = re.compile(r"(?:df|data|d|dat|tbl|tibble|frame|\.)\d*", re.IGNORECASE)
_NAME = re.compile(r"\s*`?(?P<name>[A-Za-z][\w.]*)`?\s*")


@dataclass
class RQuery:
    """What the chain has said so far: rows kept, groups, one summary, an order and a plot."""

    frame: str = ""
    where: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    agg: str | None = None  # "avg(tip)", "count(*)"
    alias: str | None = None  # the summary's own name: total = sum(tip)
    order: tuple[str, str] | None = None  # (column, "asc" | "desc")
    limit: int | None = None
    chart: str | None = None
    x: str | None = None
    y: str | None = None
    colour: str | None = None
    counted: bool = False  # geom_bar(): a count of rows per bar


def split_top(text: str, seps: tuple[str, ...]) -> list[str]:
    """`text` cut at each separator outside brackets and quotes."""
    parts, depth, quote, start, i = [], 0, "", 0, 0
    while i < len(text):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in _OPEN:
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and (sep := next((s for s in seps if text.startswith(s, i)), None)):
            parts.append(text[start:i])
            start = i = i + len(sep)
            continue
        i += 1
    return [*parts, text[start:]]


def call_args(args: str) -> tuple[list[str], dict[str, str]]:
    """A call's positional and named arguments."""
    positional, named = [], {}
    for arg in split_top(args, (",",)):
        if m := _KWARG.fullmatch(arg):
            named[m["k"]] = m["v"].strip()
        elif arg.strip():
            positional.append(arg.strip())
    return positional, named


def column(text: str) -> str:
    """A column as the model names it: R's "Sepal.Length" is sepal_length."""
    m = _NAME.fullmatch(text)
    if m is None:
        raise UnchartableQuestion(f"chartq cannot read “{text.strip()}” as a column.")
    name = m["name"]
    return name.replace(".", "_").lower() if "." in name else name


def read_aes(q: RQuery, args: str) -> None:
    """aes(x, y, colour = c): the columns the plot draws."""
    positional, named = call_args(args)
    x = named.pop("x", positional[0] if positional else None)
    y = named.pop("y", positional[1] if len(positional) > 1 else None)
    q.x, q.y = (None if c is None else column(c) for c in (x, y))
    colour = [column(named.pop(k)) for k in ("colour", "color", "fill", "group") if k in named]
    q.colour = colour[0] if colour else None
    if named or len(positional) > 2 or len(set(colour)) > 1:
        extra = next(iter(named), "a third position")
        raise UnchartableQuestion(f"chartq reads x, y and one colour in aes(), not {extra}.")


def geom(q: RQuery, name: str, args: str) -> None:
    """One layer added to a ggplot()."""
    positional, named = call_args(args)
    if undrawable := next((v for k, v in _UNDRAWABLE.items() if name.startswith(k)), None):
        raise UnchartableQuestion(f"chartq cannot draw {undrawable}.")
    if _NEUTRAL.fullmatch(name):
        return
    if unknown := sorted(set(named) - _LOOKS):
        raise UnchartableQuestion(f"chartq cannot set {unknown[0]} = {named[unknown[0]]} in {name}()")
    for aes in positional:
        _layer_aes(q, aes, name)
    if "fill" in named.get("position", "") or named.get("stat", "identity").strip("'\"") != "identity":
        raise UnchartableQuestion(f"chartq cannot draw {name}({args.strip()}); ask for values or counts.")
    if name == "geom_bar":
        q.chart, q.counted = "bar", "stat" not in named
    elif name in _GEOMS:
        q.chart = _GEOMS[name]
    else:
        raise UnchartableQuestion(
            f"chartq reads ggplot2's geom_col, geom_bar, geom_point, geom_line, "
            f"geom_area and geom_histogram, not {name}()."
        )


def _layer_aes(q: RQuery, aes: str, name: str) -> None:
    """A layer's own aes(colour = continent) adds to the plot's."""
    m = re.fullmatch(r"\s*(?:mapping\s*=\s*)?aes\((?P<args>.*)\)\s*", aes, re.DOTALL)
    if m is None:
        raise UnchartableQuestion(f"chartq cannot read “{aes.strip()}” in {name}()")
    layer = RQuery()
    read_aes(layer, m["args"])
    q.x, q.y, q.colour = layer.x or q.x, layer.y or q.y, layer.colour or q.colour


def spell_query(q: RQuery, model: SemanticModel) -> str:
    """The whole request in SQL-flavoured words."""
    if q.chart in ("scatter", "histogram"):
        return _raw_plot(q)
    if q.chart is not None and q.agg is None:
        _plot_rows(q, model)
    elif q.chart is not None:
        _plot_summary(q)
    if q.agg is None or not q.keys:
        raise UnchartableQuestion(
            "chartq charts a summary by groups (group_by() with summarise() or count()) or a ggplot()."
        )
    said = _joined(f"{q.agg}{_source(q)}", q.where) + f" group by {', '.join(q.keys)}"
    if q.order:
        said += f" order by {_ordered(q)} {q.order[1]}" + (f" limit {q.limit}" if q.limit else "")
    elif q.limit:
        raise UnchartableQuestion(
            f"chartq cannot take the first {q.limit} groups in name order; arrange() them first."
        )
    return said + (f", {q.chart} chart" if q.chart else "")


def _raw_plot(q: RQuery) -> str:
    if q.agg is not None or q.order or q.limit:
        raise UnchartableQuestion(f"chartq draws a {q.chart} of raw rows, not of a summary or a top few.")
    if q.chart == "histogram":
        if q.y is not None or q.x is None:
            raise UnchartableQuestion("chartq draws a histogram of one column: aes(x).")
        return _joined(f"histogram of {q.x}{_source(q)}", q.where)
    if q.x is None or q.y is None:
        raise UnchartableQuestion("chartq draws a scatter of two columns: aes(x, y).")
    coloured = f" coloured by {q.colour}" if q.colour else ""
    return _joined(f"scatter of {q.x} against {q.y}{coloured}{_source(q)}", q.where)


def _plot_rows(q: RQuery, model: SemanticModel) -> None:
    """A plot of raw rows: one bar or point per x (and colour), its rows added up or counted."""
    if q.x is None or (q.y is None) != q.counted:
        raise UnchartableQuestion("chartq plots aes(x, y) with geom_col() or aes(x) with geom_bar().")
    q.keys = [q.x, *([q.colour] if q.colour else [])]
    if q.counted:
        q.agg = "count(*)"
        return
    ds, measure = _measure(model, q.frame, str(q.y))
    # geom_col() stacks the rows of a bar; the measure's own aggregation says the same only when it
    # adds up or when each bar is one row.
    adds = measure is None or measure.agg == "sum" or q.chart != "bar" or _one_row(ds, q)
    q.agg = str(q.y) if adds else f"sum({q.y})"


def _plot_summary(q: RQuery) -> None:
    shown = [k for k in (q.x, q.colour) if k]
    if sorted(shown) != sorted(q.keys) or q.y not in (q.alias, _inner(q.agg), "n", None):
        raise UnchartableQuestion(
            f"chartq plots the summary's own columns ({', '.join(q.keys)} and {q.alias or q.agg}) in aes()."
        )
    q.keys = shown


def _ordered(q: RQuery) -> str:
    assert q.order is not None and q.agg is not None
    if q.order[0] not in (q.alias, _inner(q.agg), "n", q.agg):
        raise UnchartableQuestion(f"chartq sorts by the value charted, not by {q.order[0]}.")
    return q.agg


def _inner(agg: str | None) -> str | None:
    m = re.fullmatch(r"\w+\((.*)\)", agg or "")
    return m[1] if m else agg


def _measure(model: SemanticModel, frame: str, col: str) -> tuple[Dataset | None, Measure | None]:
    said = re.sub(r"[._\s]+", " ", col).lower()
    for ds in model.datasets:
        if ds.name == frame or frame in ds.synonyms:
            for m in ds.measures:
                if said in (m.name.replace("_", " "), m.column.replace("_", " "), *m.synonyms):
                    return ds, m
            return ds, None
    return None, None


def _one_row(ds: Dataset | None, q: RQuery) -> bool:
    if ds is None or not ds.key:
        return False
    said = " ".join([*q.keys, *q.where]).lower()
    one_period = ds.time is None or re.search(r"\byear\s*==", said) is not None
    return one_period and all(re.search(rf"\b{k}\b", said) for k in ds.key)


def _source(q: RQuery) -> str:
    return "" if not q.frame or _GENERIC.fullmatch(q.frame) else f" from {q.frame}"


def _joined(said: str, where: list[str]) -> str:
    return said + (" where " + " and ".join(where) if where else "")
