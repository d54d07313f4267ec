"""pandas-flavoured requests spelt out as the SQL-flavoured words worker.planner.sql_syntax reads, before
anything else reads the question: "tips[tips.smoker == 'No'].groupby(['day', 'sex']).tip.mean().unstack()
.plot.bar()" is "avg(tip) where smoker == 'No' group by day, sex, bar chart"; "iris.plot.scatter(x=
'petal_length', y='petal_width', c='species')" is "scatter of petal_length against petal_width, colour =
species"; a seaborn-style "hue = continent" is "colour = continent".

A chain is read step by step (worker.planner.pandas_chain says what each step means): boolean-mask
selections, a column, groupby / pivot / value_counts, one aggregation, sort_values, head / tail /
nlargest / nsmallest, unstack, .loc on a date index, and .plot / .plot.<kind> / .hist. What a plan cannot
draw (apply and lambdas, merges, rolling windows, shifts, cumulative sums, ranks, arithmetic on columns)
raises UnchartableQuestion naming it. Text that is not a chain, however dotted ("e.g.", "m.nation"), is
left as it is: a chain needs a method call or a bracketed selection after a name.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.pandas_chain import Step, spell_chain

__all__ = ["unpandas"]

_I = re.IGNORECASE
# Where a chain may start: a name followed by "[" or by ".name(", ".name[" or ".name." with no space.
_START = re.compile(r"(?<![\w.'\"])(?P<frame>[A-Za-z_]\w*)(?=\[|\.[A-Za-z_]\w*[(\[.])")
_NAME = re.compile(r"\.\s*(?P<name>[A-Za-z_]\w*)")
# "hue = continent" (seaborn's word for the colour grouping), read as chart_grammar's "colour = ".
_HUE = re.compile(r"\bhue\s*[:=]\s*(?P<q>['\"]?)(?P<col>\w+)(?P=q)", _I)
# A column combined arithmetically with another after a chain: "df.tip / df.total_bill".
_ARITHMETIC = re.compile(r"\s*[-+*/%]\s*[A-Za-z_]\w*\s*[.\[]")
# Two columns of one frame combined without a chain before them: "df.tip / df.total_bill".
_COLUMNS_ARITHMETIC = re.compile(
    r"(?<![\w.])(?P<f>[A-Za-z_]\w*)(?:\.\w+|\[\s*['\"]\w+['\"]\s*\])\s*[-+*/%]\s*(?P=f)(?:\.\w+|\[)"
)
_OPEN = {"(": ")", "[": "]"}
# Methods a plan cannot draw, with the words naming them.
_UNSUPPORTED = {
    "apply": "apply()",
    "map": "map()",
    "transform": "transform()",
    "merge": "a merge of two tables",
    "join": "a join of two tables",
    "concat": "concatenating tables",
    "rolling": "a rolling window",
    "expanding": "an expanding window",
    "ewm": "an exponentially weighted window",
    "shift": "shift() (a lag)",
    "pct_change": "pct_change() (a change between rows)",
    "diff": "diff() (a change between rows)",
    "cumsum": "a cumulative sum",
    "cumprod": "a cumulative product",
    "cummax": "a running maximum",
    "cummin": "a running minimum",
    "rank": "rank()",
    "nunique": "a count of distinct values",
    "std": "a standard deviation",
    "var": "a variance",
    "quantile": "a quantile",
    "corr": "a correlation coefficient",
    "cov": "a covariance",
    "describe": "describe() (a table of statistics)",
    "resample": "resample() (a new time step)",
    "set_index": "set_index()",
    "first": "first()",
    "last": "last()",
    "str": "text matching (.str)",
    "dt": "date parts (.dt)",
    "iloc": "selecting rows by position (iloc)",
    "drop_duplicates": "dropping duplicate rows",
    "melt": "melt()",
    "stack": "stack()",
}


def unpandas(text: str) -> str:
    """`text` with every pandas chain in it spelt as SQL-flavoured words; raises UnchartableQuestion for a
    chain that asks for what a chart plan cannot draw."""
    if _COLUMNS_ARITHMETIC.search(text):
        raise UnchartableQuestion(
            "chartq cannot chart arithmetic on columns; ask for one of its measures instead."
        )
    if "lambda" in text and _START.search(text):
        raise UnchartableQuestion("chartq cannot run a lambda or apply() on the data; ask for a measure.")
    out, pos = [], 0
    for start in _START.finditer(text):
        if start.start() < pos:
            continue
        steps, end = _steps(text, start.end())
        if steps and _ARITHMETIC.match(text, end):
            raise UnchartableQuestion(
                "chartq cannot chart arithmetic on columns; ask for one of its measures instead."
            )
        if not any(s.kind in ("call", "mask", "cols", "col", "loc") for s in steps):
            continue
        unsupported = next((s.name for s in steps if s.kind != "col" and s.name in _UNSUPPORTED), None)
        if unsupported:
            raise UnchartableQuestion(f"chartq cannot chart {_UNSUPPORTED[unsupported]}.")
        out.append(text[pos : start.start()] + spell_chain(start["frame"], steps))
        pos = end
    out.append(text[pos:])
    return _HUE.sub(lambda m: f"colour = {m['col']}", "".join(out))


def _steps(text: str, at: int) -> tuple[list[Step], int]:
    """The steps of the chain that starts at `at` (just after the frame's name), and where it ends."""
    steps: list[Step] = []
    while at < len(text):
        if text[at] == "[":
            end = _closing(text, at)
            if end is None:
                break
            steps.append(_bracket(text[at + 1 : end - 1]))
            at = end
            continue
        name = _NAME.match(text, at)
        if name is None:
            break
        at = name.end()
        if at < len(text) and text[at] == "(":
            end = _closing(text, at)
            if end is None:
                break
            steps.append(Step("call", name["name"], text[at + 1 : end - 1]))
            at = end
        elif at < len(text) and text[at] == "[" and name["name"] in ("loc", "iloc"):
            end = _closing(text, at)
            if end is None:
                break
            steps.append(Step("loc", name["name"], text[at + 1 : end - 1]))
            at = end
        else:
            steps.append(Step("attr", name["name"]))
    return steps, at


def _bracket(inner: str) -> Step:
    """A selection in brackets: a list of columns, one quoted column, or a boolean mask."""
    stripped = inner.strip()
    if stripped.startswith("[") and stripped.endswith("]"):
        return Step("cols", "", stripped[1:-1])
    if re.fullmatch(r"(['\"])\w+\1", stripped):
        return Step("col", stripped[1:-1])
    return Step("mask", "", stripped)


def _closing(text: str, at: int) -> int | None:
    """The index just after the bracket that closes the one at `at`, skipping quoted text."""
    stack, quote = [_OPEN[text[at]]], ""
    for i in range(at + 1, len(text)):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in _OPEN:
            stack.append(_OPEN[ch])
        elif ch in ")]":
            if ch != stack.pop():
                return None
            if not stack:
                return i + 1
    return None
