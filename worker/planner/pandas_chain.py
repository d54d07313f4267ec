"""The steps of one pandas chain (read by worker.planner.pandas_syntax) said as the SQL-flavoured words
worker.planner.sql_syntax reads: a boolean mask is a WHERE condition, groupby / pivot / value_counts a
GROUP BY, the aggregation a function of the column, sort_values with head / tail / nlargest / nsmallest an
ORDER BY ... LIMIT, unstack the second key as series, and the plot's kind a chart word.

pandas' own defaults are kept: sort_values() is ascending, so head(n) after it is the bottom n and tail(n)
the top n; value_counts() counts rows, largest first; pivot() has one value per cell, charted as its
average; .plot() is a line. A head(n) or tail(n) of an unsorted result (the first groups by name) and every
step a plan cannot draw raise UnchartableQuestion naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from worker.planner.errors import UnchartableQuestion

__all__ = ["Step", "spell_chain"]

_AGGS = {"mean": "avg", "average": "avg", "sum": "sum", "max": "max", "min": "min", "median": "median"}
_COUNTS = {"count", "size"}
_KINDS = {
    "bar": "bar chart",
    "barh": "bar chart",
    "line": "line chart",
    "pie": "pie chart",
    "area": "area chart",
}
# Steps that change nothing a chart shows.
_NEUTRAL = {"reset_index", "to_frame", "copy", "dropna", "round", "to_series"}
_PLOT_KEYS = {"kind", "x", "y", "c", "hue", "column", "title", "figsize", "rot", "legend", "grid", "fontsize"}
_PLOT_KEYS |= {"alpha", "xlabel", "ylabel", "width", "edgecolor", "linewidth", "marker", "s", "style"}
# Names a frame is called by that say nothing of its data.
_GENERIC = re.compile(r"(?:df|data|frame|dataset|table|d|dat|pdf)\d*", re.IGNORECASE)
_STRING = re.compile(r"'([^']*)'|\"([^\"]*)\"")
_KWARG = re.compile(r"(?P<k>\w+)\s*=\s*(?P<v>\[[^\]]*\]|'[^']*'|\"[^\"]*\"|[^,\s)]+)")
_COL = r"(?:[A-Za-z_]\w*\.(?P<a>\w+)|[A-Za-z_]\w*\[\s*['\"](?P<b>[^'\"]+)['\"]\s*\])"
_VALUE = r"'[^']*'|\"[^\"]*\"|-?\d[\d_.]*|True|False"
_COMPARE = re.compile(rf"{_COL}\s*(?P<op>==|!=|>=|<=|>|<)\s*(?P<v>{_VALUE})")
_ISIN = re.compile(rf"(?P<neg>~\s*)?\(?\s*{_COL}\.isin\(\s*[\[(](?P<vals>[^\])]*)[\])]\s*\)\s*\)?")
_BETWEEN = re.compile(rf"{_COL}\.between\(\s*(?P<lo>{_VALUE})\s*,\s*(?P<hi>{_VALUE})\s*\)")
_DATE = re.compile(
    r"\s*(?P<a>'\d{4}[-\d]*'|\"\d{4}[-\d]*\")\s*(?::\s*(?P<b>'\d{4}[-\d]*'|\"\d{4}[-\d]*\"))?\s*"
)


@dataclass(frozen=True)
class Step:
    """One step of a chain: a method call, an attribute (a column), a bracketed selection or .loc[...]."""

    kind: str  # "call", "attr", "col", "cols", "mask" or "loc"
    name: str
    args: str = ""


@dataclass
class _Query:
    frame: str
    where: list[str] = field(default_factory=list)
    cols: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    agg: str | None = None
    order: str | None = None
    limit: int | None = None
    chart: str | None = None
    plot: dict[str, str] = field(default_factory=dict)
    plotting: bool = False


def spell_chain(frame: str, steps: list[Step]) -> str:
    """The chain `frame` + `steps` in SQL-flavoured words."""
    q = _Query(frame)
    for step in steps:
        _read(q, step)
    return _spell(q)


def _read(q: _Query, step: Step) -> None:
    if step.kind == "mask":
        _mask(q, step.args)
    elif step.kind in ("col", "attr") and not (step.kind == "attr" and _attr(q, step.name)):
        if q.agg is not None:
            raise UnchartableQuestion(f"chartq cannot read “.{step.name}” after an aggregation.")
        q.cols = [step.name]
    elif step.kind == "cols":
        values = _strings(step.args)
        # After pivot() the columns are the values of its second key: a restriction to them.
        if len(q.keys) == 2 and q.agg is not None:
            q.where.append(f"{q.keys[1]} in ({', '.join(repr(v) for v in values)})")
        else:
            q.cols = values
    elif step.kind == "loc":
        _loc(q, step.args)
    elif step.kind == "call":
        _call(q, step.name, step.args)


def _attr(q: _Query, name: str) -> bool:
    """Whether attribute `name` is a step rather than a column (".plot" before ".bar()")."""
    if name == "plot":
        q.plotting = True
        return True
    return False


def _mask(q: _Query, text: str) -> None:
    if q.agg is not None:
        raise UnchartableQuestion(
            "chartq cannot keep groups by their aggregate (a HAVING condition); select rows before grouping."
        )
    if re.search(r"\|", text):
        raise UnchartableQuestion("chartq cannot chart conditions joined by OR (|); ask for each one.")
    for part in re.split(r"\s*&\s*", text.strip()):
        q.where.append(_condition(part.strip()))


def _query(q: _Query, text: str) -> None:
    """A query string is already a condition in the words sql_syntax reads ("year == 2007 and ...")."""
    if q.agg is not None or re.search(r"\||\bor\b", text, re.IGNORECASE):
        _mask(q, text.replace(" or ", " | "))
    q.where.append(re.sub(r"\s*&\s*", " and ", text).replace("[", "(").replace("]", ")"))


def _condition(part: str) -> str:
    inner = part[1:-1].strip() if part.startswith("(") and part.endswith(")") else part
    for pattern in (_COMPARE, _ISIN, _BETWEEN):
        m = pattern.fullmatch(inner) or pattern.fullmatch(part)
        if m is None:
            continue
        col = m["a"] or m["b"]
        if pattern is _COMPARE:
            return f"{col} {m['op']} {m['v']}"
        if pattern is _BETWEEN:
            return f"{col} between {m['lo']} and {m['hi']}"
        values = ", ".join(repr(v) for v in _strings(m["vals"])) or m["vals"]
        return f"{col} {'not in' if m['neg'] else 'in'} ({values})"
    raise UnchartableQuestion(f"chartq cannot read the selection “{part}”; compare one column with values.")


def _loc(q: _Query, text: str) -> None:
    m = _DATE.fullmatch(text)
    if m is None:
        _mask(q, text)
        return
    if not q.keys:
        raise UnchartableQuestion("chartq cannot pick rows by label (.loc) without a date index.")
    a, b = (v[1:-1] if v else None for v in (m["a"], m["b"]))
    q.where.append(f"{q.keys[0]} between '{a}' and '{b}'" if b else f"{q.keys[0]} = '{a}'")


def _call(q: _Query, name: str, args: str) -> None:
    kwargs = {m["k"]: m["v"] for m in _KWARG.finditer(args)}
    if q.plotting or name in ("plot", "hist"):
        _plot(q, name, args, kwargs)
    elif name == "groupby":
        q.keys = _strings(kwargs["by"]) if "by" in kwargs else _strings(args.split("=")[0])
        if not q.keys:
            raise UnchartableQuestion("chartq groups by columns named in quotes, e.g. groupby('day').")
    elif name in ("pivot", "pivot_table"):
        _pivot(q, kwargs)
    elif name in ("agg", "aggregate"):
        _aggregate(q, _strings(args)[0] if len(_strings(args)) == 1 else "")
    elif name in _AGGS or name in _COUNTS:
        _aggregate(q, name)
    elif name == "value_counts":
        if "normalize" in kwargs:
            raise UnchartableQuestion(
                "chartq cannot chart shares of a count (normalize=True); ask for counts."
            )
        q.keys, q.agg, q.cols, q.order = q.cols, "count", [], "desc"
    elif name == "sort_values":
        q.order = "desc" if kwargs.get("ascending", "True").strip() == "False" else "asc"
    elif name in ("head", "tail", "nlargest", "nsmallest"):
        _limit(q, name, args)
    elif name == "query" and _strings(args):
        if not _strings(args)[0].strip():
            raise UnchartableQuestion('query() needs a condition, such as query("year == 2007").')
        _query(q, _strings(args)[0])
    elif name == "unstack":
        _unstack(q, args)
    elif name not in _NEUTRAL:
        raise UnchartableQuestion(f"chartq reads groupby, sorting and plots written in pandas, not {name}().")


def _aggregate(q: _Query, name: str) -> None:
    if name in _COUNTS:
        q.agg = "count"
    elif name in _AGGS:
        q.agg = _AGGS[name]
    else:
        raise UnchartableQuestion(f"chartq aggregates with one of {', '.join(_AGGS)} or count.")


def _pivot(q: _Query, kwargs: dict[str, str]) -> None:
    index, columns, values = (_strings(kwargs.get(k, "")) for k in ("index", "columns", "values"))
    if len(index) != 1 or len(columns) != 1 or len(values) != 1:
        raise UnchartableQuestion("chartq pivots with one index, one columns and one values column.")
    q.keys, q.cols = index + columns, values
    agg = _strings(kwargs.get("aggfunc", "'mean'"))
    _aggregate(q, agg[0] if agg else "")


def _limit(q: _Query, name: str, args: str) -> None:
    if not args.strip():
        n = 5  # pandas' default
    elif (m := _COUNT_ARG.fullmatch(args)) is not None:
        n = int(m[1])
    else:
        raise UnchartableQuestion(f"chartq takes a whole number of rows in {name}(), such as {name}(5).")
    if name in ("nlargest", "nsmallest"):
        q.order = "desc" if name == "nlargest" else "asc"
    elif q.order is None:
        raise UnchartableQuestion(
            f"chartq cannot take the {name}({n}) of groups in name order; sort_values() first."
        )
    elif name == "tail":
        # The end of an ascending sort is its largest values.
        q.order = "desc" if q.order == "asc" else "asc"
    q.limit = n


# head(5), nlargest(n=3), nlargest(3, 'pop'): the count first, then whatever pandas takes after it.
_COUNT_ARG = re.compile(r"\s*(?:n\s*=\s*)?(\d+)\s*(?:,.*)?", re.DOTALL)


def _unstack(q: _Query, args: str) -> None:
    if len(q.keys) != 2:
        raise UnchartableQuestion("chartq unstacks a result grouped by exactly two columns.")
    # unstack(0) moves the first key to the columns: it becomes the series.
    if re.fullmatch(r"\s*(?:level\s*=\s*)?0\s*", args):
        q.keys.reverse()


def _plot(q: _Query, name: str, args: str, kwargs: dict[str, str]) -> None:
    unknown = sorted(set(kwargs) - _PLOT_KEYS)
    if unknown:
        raise UnchartableQuestion(f"chartq cannot set {unknown[0]}= on a chart.")
    kind = name if name not in ("plot", "hist") or q.plotting else None
    if "kind" in kwargs:
        kinds = _strings(kwargs["kind"])
        kind = kinds[0] if kinds else kwargs["kind"].strip()  # kind=bar, unquoted, as some users type it
    kind = "hist" if name == "hist" and not q.plotting else kind or "line"
    if kind not in (*_KINDS, "scatter", "hist"):
        raise UnchartableQuestion(f"chartq cannot draw a {kind} plot.")
    q.chart = kind
    q.plot = {k: _strings(v)[0] for k, v in kwargs.items() if _strings(v)}
    q.plotting = False


def _strings(text: str) -> list[str]:
    return [a or b for a, b in _STRING.findall(text)]


def _spell(q: _Query) -> str:
    x, y, colour = (
        q.plot.get("x"),
        q.plot.get("y") or q.plot.get("column"),
        q.plot.get("c") or q.plot.get("hue"),
    )
    if q.chart == "scatter":
        if not (x and y):
            raise UnchartableQuestion(
                "chartq draws a scatter of two named columns: plot.scatter(x=..., y=...)."
            )
        coloured = f" coloured by {colour}" if colour else ""
        return _joined(f"scatter of {x} against {y}{coloured}{_source(q)}", q.where)
    if q.chart == "hist":
        cols = [y] if y else q.cols
        if q.keys or q.agg or len(cols) != 1:
            raise UnchartableQuestion("chartq draws a histogram of one column's raw values.")
        return _joined(f"histogram of {cols[0]}{_source(q)}", q.where)
    if not q.keys and x and y:
        q.keys, q.cols, q.agg = [x], [y], q.agg or "avg"
    if q.keys and q.agg is None:
        raise UnchartableQuestion("chartq charts a grouping with an aggregation such as .mean() or .sum().")
    if q.agg is not None and not q.cols and q.agg != "count":
        raise UnchartableQuestion("chartq aggregates one named column at a time, e.g. .tip.mean().")
    measure = ", ".join(f"{q.agg}({c})" for c in q.cols) if q.agg else ", ".join(q.cols)
    measure = measure or "count(*)"
    said = _joined(measure + _source(q), q.where) + (f" group by {', '.join(q.keys)}" if q.keys else "")
    if q.order:
        said += f" order by {measure.split(', ')[0]} {q.order}" + (f" limit {q.limit}" if q.limit else "")
    return _joined(said, [], _KINDS.get(q.chart or ""))


def _source(q: _Query) -> str:
    """ "from tips" when the frame has a name of its own (sql_syntax drops a dataset's name); "df" goes."""
    return "" if _GENERIC.fullmatch(q.frame) else f" from {q.frame}"


def _joined(said: str, where: list[str], tail: str | None = None) -> str:
    if where:
        said += " where " + " and ".join(where)
    return said + (f", {tail}" if tail else "")
