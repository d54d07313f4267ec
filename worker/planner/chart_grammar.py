"""A chart said by its parts ("x-axis: year, y-axis: population, one line per continent", "bars =
species, height = mean petal width", "colour = smoker") spelt out as the question those parts make.

Each comma-separated clause is read as one part: the dimension (x, x-axis, horizontal axis, bars =,
slices =, one bar per), the measure (y, y-axis, vertical axis, height =, slice size =, values =) or
the series (colour = / colour by, stack by, bars grouped by). The parts become "Y by X", "Y over time",
"pie of Y by X", "scatter of X vs Y" or "histogram of X"; every other clause is kept as written. A
question that also asks for something a plan cannot draw (a log scale, a second axis, facets, error
bars, annotations, reference lines, chosen colours) is left as it was, so the planner still refuses it.
"""

from __future__ import annotations

import re

__all__ = ["ungrammar"]

_I = re.IGNORECASE

# A leading chart word: "Histogram, ...", "Pie - ...", "Pie with one slice per ...", "Line chart - ...".
_CHART = re.compile(
    r"^\s*(?P<kind>histogram|pie(?:\s+chart)?|line(?:\s+chart)?|scatter(?:\s*plot)?|points|bars|bar\s+chart)"
    r"(?:\s+with\b|\s*(?=[,;:]|\s[-\u2013]\s)|\s*$)",
    _I,
)
# Clauses end at a comma, semicolon or a spaced dash; "x: A and y: B" is two clauses.
_SPLIT = re.compile(r"\s*(?:[,;]|\s[-\u2013]\s)\s*|\s+and\s+(?=(?:y|vertical)\b)", _I)

_DIM = re.compile(
    r"(?:x(?:[- ]?axis)?\s*[:=]|horizontal\s+axis\s*[:=]|(?:bars?|slices?)\s*=|"
    r"one\s+(?:bar|slice)\s+(?:per|for\s+each))\s*(?P<v>.+)",
    _I,
)
_MEASURE = re.compile(
    r"(?:y(?:[- ]?axis)?\s*[:=]|vertical\s+axis\s*[:=]|(?:(?:bar|slice)\s+)?(?:height|size)\s*=|"
    r"values?\s*=)\s*(?P<v>.+)",
    _I,
)
# On a chart already called a scatter ("Points - x sepal length, y sepal width") the colon may go.
_BARE_DIM = re.compile(r"x\s+(?P<v>.+)", _I)
_BARE_MEASURE = re.compile(r"y\s+(?P<v>.+)", _I)
_SERIES = re.compile(
    r"(?:(?:points|bars|dots)\s+)?(?:colou?r(?:ed)?\s*(?:=|by)|stack(?:ed)?\s+by|"
    r"(?:bars\s+)?grouped\s+by)\s*(?P<v>.+?)(?:\s+side\s+by\s+side)?(?:\s+within\s+each\s+\w+)?",
    _I,
)
# "One dot per country" on a scatter: the rows are the dots already.
_DOTS = re.compile(r"one\s+(?:dot|point)\s+(?:per|for\s+each)\s+\w+", _I)

# "..., points" / "as a scatter plot" said after the parts.
_SCATTER_WORD = re.compile(r"(?:as\s+)?(?:an?\s+)?(?:scatter(?:\s*plot)?|points|dots)", _I)

_TIME = re.compile(r"(?:survey\s+)?(?:year|date|week|month|time)s?", _I)
# A measure worded with its aggregation is charted per group, so the x part is a grouping.
_AGGREGATED = re.compile(
    r"^(?:average|mean|total|sum|number|count|median|highest|lowest|max(?:imum)?|min(?:imum)?)\b|\bsummed$",
    _I,
)
# Parts the plan has no setting for: with them the question is left to be refused.
_UNDRAWABLE = re.compile(
    r"\b(?:axis|axes|log|logarithmic|secondary|dual|facet\w*|panels?|small\s+multiples|error\s+bars?|"
    r"annotat\w*|reference\s+lines?|colou?rs?)\b",
    _I,
)


def _either(
    marked: re.Pattern[str], bare: re.Pattern[str], clause: str, scatter: bool
) -> re.Match[str] | None:
    """`clause` read as a part with its ":" or "=", or without them on a chart already called a scatter."""
    return marked.fullmatch(clause) or (bare.fullmatch(clause) if scatter else None)


# A part this module does not read ("legend series = time", "rows = continent"): the question is
# left whole for the planner's other readers (worker.planner.spreadsheet and the like).
_UNREAD = re.compile(r"(?!filter\b)[\w ]+[:=]", _I)


class _Parts:
    """The parts read from one question, and the clauses that were none of them."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.dim: str | None = None
        self.measure: str | None = None
        self.series: str | None = None
        self.dim_by_bars = kind in ("bars", "bar chart")
        self.pie = kind.startswith("pie")
        self.rest: list[str] = []

    def read(self, clause: str) -> None:
        """Files `clause` under the part it names, or keeps it as written."""
        scatter = self.kind in ("scatter", "scatterplot", "scatter plot", "points")
        if (found := _SERIES.fullmatch(clause)) is not None:
            self.series = found["v"]
            self.dim_by_bars |= bool(re.match(r"(?:bars|stack)", clause, _I))
            self.rest.append(f"split by {found['v']}")
        elif (found := _either(_DIM, _BARE_DIM, clause, scatter)) and not self.dim:
            self.dim = found["v"]
            self.dim_by_bars |= bool(re.match(r"(?:bars?|slices?|one)\b", clause, _I))
            self.pie |= bool(re.match(r"(?:slices?|one\s+slice)\b", clause, _I))
        elif (found := _either(_MEASURE, _BARE_MEASURE, clause, scatter)) and not self.measure:
            self.measure = found["v"]
            self.dim_by_bars |= bool(re.match(r"(?:bar|slice|height|size|values?)\b", clause, _I))
            self.pie |= bool(re.match(r"slice\b", clause, _I))
        elif _DOTS.fullmatch(clause) or _SCATTER_WORD.fullmatch(clause):
            self.kind = "scatter"
        else:
            self.rest.append(clause)


def _head(parts: _Parts) -> str | None:
    """The question's opening words for the parts read, or None when they do not make one chart."""
    x, y, kind = parts.dim, parts.measure, parts.kind
    if kind == "histogram":
        return f"histogram of {x or y}" if (x or y) else None
    if x is None or y is None:
        return None
    if _TIME.fullmatch(x):
        return f"{y} over time"
    if parts.pie:
        return f"pie of {y} by {x}"
    if kind in ("scatter", "scatterplot", "scatter plot", "points"):
        return f"scatter of {x} vs {y}"
    if parts.dim_by_bars or _AGGREGATED.search(y):
        return f"{y} by {x}"
    # Two bare names could be a grouping and a measure or two measures; "X vs Y" reads both
    # right, but not with a split, where the grouping would be lost: left to be refused.
    return None if parts.series else f"{x} vs {y}"


def ungrammar(text: str) -> str:
    """`text` with a chart's parts said as a question; unchanged when it names no parts."""
    body = text.strip().rstrip(".!")
    chart = _CHART.match(body)
    kind = re.sub(r"\s+", " ", chart["kind"].lower()) if chart else ""
    clauses = [c.strip() for c in _SPLIT.split(body[chart.end() :] if chart else body) if c.strip()]
    parts = _Parts(kind)
    for clause in clauses:
        parts.read(clause)
    head = _head(parts)
    if head is None or _UNDRAWABLE.search(" ".join(parts.rest)) or any(map(_UNREAD.match, parts.rest)):
        return text
    return ", ".join([head, *parts.rest])
