"""A request written as a Vega-Lite spec, spelt as the sentence it means.

A plotting-library user pastes the spec they would render, maybe after a lead-in ("Render this Vega-Lite
spec: {...}"): `{"data": {"name": "gapminder"}, "transform": [{"filter": "datum.year == 2007"}], "mark":
"bar", "encoding": {"x": {"field": "continent"}, "y": {"aggregate": "sum", "field": "pop"}}}` is "total
population by continent in 2007 as a bar chart from the gapminder data". The spec is read with a JSON
parser: "data" names the dataset (by name, or by a file's url); the mark the chart ("point" a scatter,
"arc" a pie); x and y (or an arc's theta) a measure with its "aggregate" (mean, sum, count, median, min,
max) and a grouping or the time axis; "color" the series, but on an arc the slices; a binned x counted on y
a histogram; "sort": "-y" largest first and "y" smallest first; "transform" filters, as an expression
("datum.year >= 1990 && datum.continent != 'Asia'") or a predicate ({"field": "ticker", "oneOf": [...]},
{"field": "date", "range": [a, b]}), and a window's rank kept under N (top N). Column names are the
model's names, columns, labels or synonyms ("lifeExp", "medal_count").

Nothing is dropped: a mark, channel, aggregate, transform or predicate a plan cannot express (a row or
column facet, one chart per value; a layer; a "tick" mark; "||" in a filter) is refused naming it, as is a
value the data lacks. The request both this module and Tableau's or Power BI's steps spell (Request) lives
in worker.planner.bi_request.
"""

from __future__ import annotations

import json
import re
from typing import Any

from worker.planner.bi_request import Request, dataset_named
from worker.planner.key_values import first_json_object
from worker.semantic import Dimension, Measure, SemanticModel

__all__ = ["unvega"]

_MARKS = {
    "bar": "bar", "line": "line", "trail": "line", "area": "area", "point": "scatter", "circle": "scatter",
    "square": "scatter", "arc": "pie",
}  # fmt: skip
_OPS = {"==": "=", "===": "=", "!=": "!=", "!==": "!=", ">": ">", ">=": ">=", "<": "<", "<=": "<="}
_PREDICATES = {"equal": "=", "oneOf": "=", "range": "range", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
_SEVERAL = ("layer", "hconcat", "vconcat", "concat", "repeat", "facet")
# Channels that say how marks look, not what they measure.
_LOOKS = {"tooltip", "opacity", "text", "href", "key", "description", "order", "strokeDash", "fillOpacity"}
_TERM = re.compile(
    r"\(?\s*(?:(?P<fn>year)\()?\s*datum(?:\.(?P<f>\w+)|\[\s*['\"](?P<g>[^'\"]+)['\"]\s*\])\s*\)?"
    r"\s*(?P<op>===?|!==?|>=|<=|>|<)\s*(?P<v>-?\d+(?:\.\d+)?|'[^']*'|\"[^\"]*\")\s*\)?"
)
_LEAD_IN = re.compile(r"(?i)\b(?:vega|spec|json|render|this|please|chart|plot|draw|show)\b")


def unvega(text: str, model: SemanticModel) -> str:
    """`text` with a Vega-Lite spec spelt as a sentence; unchanged when it has none."""
    found = _spec(text)
    if found is None:
        return text
    start, end, spec = found
    sentence = _Reader(model, spec).read()
    before = text[:start].strip()
    if len(before.split()) <= 8 and (not before or _LEAD_IN.search(before) or before.endswith(":")):
        before = ""
    return " ".join(p for p in (before, sentence, text[end:].strip(" -\u2013\u2014")) if p)


def _spec(text: str) -> tuple[int, int, dict[str, Any]] | None:
    """The first JSON object in `text` that is a Vega-Lite spec (it has an "encoding", or a vega
    "$schema"), and where it starts and ends."""
    found = first_json_object(text)
    if found is None:
        return None
    start, end, value = found
    schema = "vega" in str(value.get("$schema", "")).lower()
    return (start, end, value) if "encoding" in value or schema else None


class _Reader:
    """Reads one spec's data, transforms, mark and encoding into a Request."""

    def __init__(self, model: SemanticModel, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.encoding = spec.get("encoding") or {}
        self.ranks: dict[str, bool] = {}
        fields = [c.get("field") for c in self.encoding.values() if isinstance(c, dict)]
        ds = dataset_named(model, spec.get("data"), [f for f in fields if isinstance(f, str)])
        self.request = Request(ds, "that Vega-Lite spec")

    def read(self) -> str:
        request = self.request
        for key in _SEVERAL:
            if key in self.spec:
                raise self.request.fail(f"a “{key}” (several charts in one)")
        mark = self.spec.get("mark")
        mark = mark.get("type") if isinstance(mark, dict) else mark
        if mark not in _MARKS:
            raise self.request.fail(f"the mark {json.dumps(mark)}")
        request.chart = _MARKS[str(mark)]
        for step in self.spec.get("transform") or []:
            self._transform(step)
        self._encoding()
        return request.spell()

    def _transform(self, step: Any) -> None:
        if isinstance(step, dict) and set(step) == {"filter"}:
            self._filter(step["filter"])
        elif isinstance(step, dict) and "window" in step and self._rank(step):
            return
        else:
            name = next(iter(step), "?") if isinstance(step, dict) else step
            raise self.request.fail(f"the transform “{name}”")

    def _rank(self, step: dict[str, Any]) -> bool:
        """A window ranking rows by a measure ("rank" as "r"), so that "datum.r <= 5" keeps the top 5."""
        ops = step["window"] if isinstance(step["window"], list) else []
        order = step.get("sort") or []
        if len(ops) != 1 or ops[0].get("op") not in ("rank", "row_number", "dense_rank") or len(order) != 1:
            return False
        self.ranks[str(ops[0].get("as"))] = order[0].get("order") == "descending"
        return True

    def _filter(self, predicate: Any) -> None:
        if isinstance(predicate, str):
            self._expression(predicate)
        elif isinstance(predicate, dict) and set(predicate) == {"and"}:
            for each in predicate["and"]:
                self._filter(each)
        elif isinstance(predicate, dict) and set(predicate) == {"not"} and isinstance(predicate["not"], dict):
            self._predicate(predicate["not"], negated=True)
        elif isinstance(predicate, dict) and "field" in predicate:
            self._predicate(predicate, negated=False)
        else:
            raise self.request.fail(f"the filter {json.dumps(predicate)}")

    def _predicate(self, predicate: dict[str, Any], *, negated: bool) -> None:
        kinds = [k for k in predicate if k in _PREDICATES]
        unit = str(predicate.get("timeUnit", "year"))
        if len(kinds) != 1 or not unit.startswith("year") or set(predicate) - {"field", "timeUnit", *kinds}:
            raise self.request.fail(f"the filter {json.dumps(predicate)}")
        op = _PREDICATES[kinds[0]]
        self.request.condition(str(predicate["field"]), ("!=" if negated else op), predicate[kinds[0]])

    def _expression(self, expression: str) -> None:
        terms = expression.split("&&")
        matches = [_TERM.fullmatch(t.strip()) for t in terms]
        if "||" in expression or not all(matches):
            raise self.request.fail(f"the filter “{expression}”")
        for m in filter(None, matches):
            field, value = m["f"] or m["g"], json.loads(re.sub(r"^'(.*)'$", r'"\1"', m["v"]))
            if field in self.ranks and m["op"] in ("<", "<=") and isinstance(value, int):
                self.request.limit = value - (m["op"] == "<")
                self.request.descending = self.ranks[field]
            else:
                self.request.condition(field, _OPS[m["op"]], value)

    def _encoding(self) -> None:
        request = self.request
        for channel, spec in self.encoding.items():
            if channel in ("row", "column", "facet"):
                raise request.fail(f"a “{channel}” encoding", "one chart per value; chartq draws one chart")
            if channel in _LOOKS or not isinstance(spec, dict) or ("field" not in spec and channel != "y"):
                continue
            if channel not in ("x", "y", "theta", "color", "fill", "xOffset", "shape", "detail"):
                raise self.request.fail(f"the “{channel}” encoding")
        x, y = self.encoding.get("x") or {}, self.encoding.get("y") or {}
        if request.chart == "pie":
            self._measure(self.encoding.get("theta") or {})
            self._group(self.encoding.get("color") or {}, series=False)
            return
        if x.get("bin") and (not y or y.get("aggregate") == "count"):
            request.chart = "histogram"
            request.measures.append(("", self._measure_named(x)))
            return
        for spec in (x, y):
            column = request.column(spec["field"]) if "field" in spec else None
            if isinstance(column, Measure) or spec.get("aggregate"):
                self._measure(spec)
            elif spec:
                self._group(spec, series=False)
        for channel in ("color", "fill", "xOffset", "shape"):
            if "field" in (self.encoding.get(channel) or {}):
                self._group(self.encoding[channel], series=True)
        if "field" in (self.encoding.get("detail") or {}) and not request.dimension:
            self._group(self.encoding["detail"], series=False)

    def _measure(self, spec: dict[str, Any]) -> None:
        request = self.request
        agg = str(spec.get("aggregate", ""))
        if agg == "count" and "field" not in spec:
            request.measures.append(("number of", "rows"))
            return
        request.measures.append((request.agg_word(agg), self._measure_named(spec)))
        self._sort(spec)

    def _measure_named(self, spec: dict[str, Any]) -> str:
        column = self.request.column(str(spec.get("field")))
        if not isinstance(column, Measure):
            raise self.request.fail(f"“{spec.get('field')}” as a measure")
        return column.label.lower()

    def _group(self, spec: dict[str, Any], *, series: bool) -> None:
        request = self.request
        unit = str(spec.get("timeUnit", "year"))
        column = request.column(str(spec.get("field")))
        if column == "time" and unit.startswith("year") and not series:
            request.over_time = True
        elif isinstance(column, Dimension) and not (request.series if series else request.dimension):
            setattr(request, "series" if series else "dimension", column.label.lower())
        else:
            raise self.request.fail(f"“{spec.get('field')}” on that channel")
        self._sort(spec)

    def _sort(self, spec: dict[str, Any]) -> None:
        """ "-y" (or {"order": "descending"} by a field or channel) sorts largest first; "y" smallest."""
        sort = spec.get("sort")
        if isinstance(sort, str) and sort.lstrip("-") in ("x", "y", "theta", "color"):
            self.request.descending = sort.startswith("-")
        elif isinstance(sort, dict) and ("field" in sort or "encoding" in sort or "op" in sort):
            self.request.descending = sort.get("order") == "descending"
