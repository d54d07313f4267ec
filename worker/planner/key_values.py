"""A request written as a JSON object or as key=value pairs, spelt as the sentence it means.

A developer writes the request the way an API takes it: `{"data": "tips", "metric": "tip", "agg": "mean",
"group_by": "day", "chart": "bar"}`, `dataset=stocks; measure=price; tickers=[GOOG, FB]; period=2018` or
`metric: total_bill | agg: sum | filter: smoker = No`. The JSON is read with a JSON parser and the pairs
with a small tokenizer (pairs split by ";", "|", "&", commas or spaces, values as words, numbers or
[lists]); each key is then spelt as the English the readers know: "average tip by day where smoker is No
as a bar chart from the tips data". Column names are read against the model: a measure's or a dimension's
name, table column, label or synonym ("medal_count" is medals, "time" in tips is the meal, "size" the
party size, "date" or "year" the time axis).

Nothing is dropped: a key, an aggregation, a chart type, a sort or a condition this module cannot spell
("std", "bins", "y_scale", "transform": "rolling_mean", "join", "$or") is refused with a sentence naming
it, as charting without it would answer another question; so is a value or a period the data lacks ("TSLA",
2012), here, as the readers' refusal would be followed by rereading the JSON cut apart at its colons (worker.
planner.context). Text that is no such request is returned as it is.
"""

from __future__ import annotations

import json
import re
from typing import Any

from worker.planner.errors import NotInTheData
from worker.semantic import Dataset, Dimension, Measure, SemanticModel

__all__ = ["first_json_object", "unkey_values"]

_DATA = {"data", "dataset", "table", "source", "from"}
_METRIC = {"metric", "measure", "field", "value", "values", "column", "metrics", "measures", "fields"}
_BY = {"group_by", "groupby", "by", "dimension", "group", "category"}
_SERIES = {"series", "color", "colour", "hue", "split_by", "stack", "legend"}
_CHART = {"chart", "type", "chart_type", "kind", "mark"}
_FILTER = {"filter", "filters", "where"}
_PERIOD = {"year", "years", "period", "date_range", "time_range", "range"}
_AGGS = {
    "mean": "average", "avg": "average", "average": "average", "sum": "total", "total": "total",
    "count": "count of", "n": "count of", "max": "maximum", "maximum": "maximum", "min": "minimum",
    "minimum": "minimum", "median": "median", "none": "", "raw": "",
}  # fmt: skip
_CHARTS = {
    "bar": "as a bar chart", "column": "as a bar chart", "bars": "as a bar chart",
    "line": "as a line chart", "lines": "as a line chart", "pie": "as a pie chart", "donut": "as a pie chart",
    "area": "as an area chart", "scatter": "as a scatter plot", "point": "as a scatter plot", "histogram": "",
    "hist": "",
}  # fmt: skip
_OPS = {
    ">": "greater than", "gt": "greater than", "$gt": "greater than", ">=": "at least", "gte": "at least",
    "$gte": "at least", "<": "less than", "lt": "less than", "$lt": "less than", "<=": "at most",
    "lte": "at most", "$lte": "at most", "=": "", "==": "", "eq": "", "$eq": "", "!=": "not", "<>": "not",
    "ne": "not", "$ne": "not", "in": "", "$in": "", "not in": "not", "nin": "not", "$nin": "not",
}  # fmt: skip
_SORTS = {"desc": "largest first", "descending": "largest first", "asc": "smallest first"}
_SORTS["ascending"] = _SORTS["asc"]
_AXES = {"agg", "x", "y"}
_STRONG = frozenset({"data", "dataset", "metric", "measure", "agg", "group_by", "groupby", "chart"})
# Pairs whose lines were folded into spaces: "metric: tip agg: sum by: day", each value one word or a list.
_SPACED = re.compile(r"(?:[A-Za-z_]\w*\s*[=:]\s*(?:\[[^\]]*\]|[^\s\[\]]+)\s+)+")
_TIME_WORDS = {"date", "year", "time"}

# A key of a key=value pair: a word, with dots or underscores ("group_by", "x.field").
_PAIR = re.compile(r"^\s*(?P<k>[A-Za-z_][\w.]*)\s*(?:=|:)\s*(?P<v>.*?)\s*$", re.S)
# "smoker = No", "price < 1", "day in [Thur, Fri]": a condition written as a value.
_CONDITION = re.compile(
    r"^\s*(?P<c>[\w. ]+?)\s*(?P<op>!=|<>|>=|<=|==|=|>|<|\bnot in\b|\bin\b)\s*(?P<v>.+)$", re.I
)


class _Refused(Exception):
    """A key or value this module cannot spell, named as written, and why when it is the data's lack."""

    def __init__(self, named: str, why: str = "") -> None:
        super().__init__(named)
        self.named, self.why = named, why


def unkey_values(text: str, model: SemanticModel) -> str:
    """`text` with a JSON object or key=value request spelt as a sentence; unchanged when it has none."""
    found = _json_object(text) or _pairs(text)
    if found is None:
        return text
    start, end, request = found
    try:
        sentence = _Speller(model).spell(request)
    except _Refused as exc:
        known = (
            "it reads the keys data, metric, agg (mean, sum, count, min, max, median), group_by, series, x, "
            "y, chart (bar, line, pie, scatter, histogram), year, period, filter, sort and limit"
        )
        raise NotInTheData(
            f"chartq cannot chart {exc.named} in that request: {exc.why or known}. "
            "Try e.g. “average tip by day as a bar chart”."
        ) from None
    # A fenced code block's language tag ("```json") is left before the object once its fence is off.
    before = re.sub(r"(?i)\bjson\s*:?\s*$", "", text[:start]).strip()
    return " ".join(part for part in (before, sentence, text[end:].strip()) if part)


def first_json_object(text: str) -> tuple[int, int, dict[str, Any]] | None:
    """The JSON object that starts at the first "{" of `text`, and where it starts and ends."""
    start = text.find("{")
    if start < 0:
        return None
    try:
        value, end = json.JSONDecoder().raw_decode(text, start)
    except ValueError:
        return None
    return (start, end, value) if isinstance(value, dict) else None


def _json_object(text: str) -> tuple[int, int, dict[str, Any]] | None:
    """The first JSON object in `text` with a key this module knows, and where it starts and ends."""
    found = first_json_object(text)
    return found if found is not None and _known(found[2]) else None


def _known(
    request: dict[str, Any], keys: frozenset[str] = frozenset(_DATA | _METRIC | _BY | _CHART | _AXES)
) -> bool:
    return len(request) >= 2 and bool({k.lower() for k in request} & keys)


def _pairs(text: str) -> tuple[int, int, dict[str, Any]] | None:
    """The request of a text made only of key=value (or key: value) pairs, at least two of them, one
    naming the data, a metric, an aggregation, a grouping or a chart: "x = date, y = price" or a
    spreadsheet's "rows = day, values = sum of tip" are read by readers of their own. Pairs split by
    spaces alone (lines folded) each have a one-word value."""
    spaced = re.findall(r"\S.*?(?=\s+\w+\s*[=:]|$)", text) if _SPACED.fullmatch(text.strip() + " ") else None
    pieces = _split(text, ";|&") or _split(text, ",") or spaced
    request = {m["k"]: _value(m["v"]) for m in map(_PAIR.match, pieces or []) if m}
    return (0, len(text), request) if _known(request, _STRONG) else None


def _split(text: str, signs: str) -> list[str] | None:
    """`text` split at `signs` outside brackets, when that gives two pieces or more, each a pair."""
    pieces, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += (char in "[{(") - (char in "]})")
        if depth == 0 and char in signs:
            pieces.append(text[start:i])
            start = i + 1
    pieces = [p for p in (*pieces, text[start:]) if p.strip()]
    return pieces if len(pieces) >= 2 and all(_PAIR.match(p) for p in pieces) else None


def _value(text: str) -> Any:
    """A pair's value: a [list] of values, a number, or the words as written, without quotes."""
    text = text.strip().strip("\"'")
    if text.startswith("[") and text.endswith("]"):
        return [_value(v) for v in text[1:-1].split(",") if v.strip()]
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text else number


def _shown(value: Any) -> str:
    """A value as the request wrote it, a word in quotes."""
    return f"“{value}”" if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _has(dimension: Dimension, value: Any) -> bool:
    """Whether the dimension has each value (or a synonym of it), when its values are known."""
    names = {str(v).lower() for v in (*dimension.values, *dimension.value_synonyms)}
    return not dimension.values or all(str(v).lower() in names for v in _listed(value))


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _words(value: Any) -> str:
    return " and ".join(_words(v) for v in value) if isinstance(value, list) else str(value)


class _Speller:
    """Spells one request's keys as the words of one sentence, read against the model."""

    def __init__(self, model: SemanticModel) -> None:
        self.model = model
        self.datasets = list(model.datasets)
        self.measures: list[Measure] = []
        self.by: list[str] = []
        self.conditions: list[str] = []
        self.words: dict[str, str] = {}
        self.over_time = False

    def spell(self, request: dict[str, Any]) -> str:
        items = {key.lower(): value for key, value in request.items()}
        for key in _DATA & items.keys():
            self._data(key, items.pop(key))
        agg = str(items.pop("agg", items.pop("aggregate", items.pop("aggregation", "")))).lower()
        if agg and agg not in _AGGS:
            raise _Refused(f"“agg”: “{agg}”")
        chart = str(next((items.pop(k) for k in _CHART & items.keys()), "")).lower()
        if chart and chart not in _CHARTS:
            raise _Refused(f"“chart”: “{chart}”")
        for key, value in items.items():
            self._key(key, value)
        names = [m.label.lower() for m in self.measures]
        what = (" vs " if chart == "scatter" else " and ").join(names)
        head = "histogram of" if chart in ("histogram", "hist") else _AGGS.get(agg, "")
        parts = [head, what, "over time" if self.over_time else ""]
        parts += [" and ".join(f"by {b}" for b in self.by), *self.conditions]
        if "limit" in self.words and self.words.get("sort") == "smallest first":
            self.words["limit"] = self.words.pop("limit").replace("top", "bottom")
            del self.words["sort"]
        parts += [self.words.get(k, "") for k in ("period", "limit", "sort")]
        parts += [_CHARTS.get(chart, ""), self.words.get("data", "")]
        return " ".join(p for p in parts if p)

    def _data(self, key: str, value: Any) -> None:
        name = str(value).lower()
        for dataset in self.model.datasets:
            if name == dataset.name or name in (s.lower() for s in dataset.synonyms):
                self.datasets = [dataset]
                self.words["data"] = f"from the {dataset.name} data"
                return
        names = ", ".join(d.name for d in self.model.datasets)
        raise _Refused(f"“{key}”: “{value}”", f"chartq's data sets are {names}")

    def _key(self, key: str, value: Any) -> None:
        if key in _METRIC or key == "y":
            for name in _listed(value):
                self._place(key, name, measure=True)
        elif key in _BY | _SERIES or key == "x":
            self._place(key, value, measure=key == "x")
        elif key in _FILTER:
            self._filter(key, value)
        elif key in _PERIOD:
            self.words["period"] = self._period(key, value)
        elif key in ("sort", "order", "order_by", "sort_order") and str(value).lower() in _SORTS:
            self.words["sort"] = _SORTS[str(value).lower()]
        elif key in ("limit", "top", "n", "head") and isinstance(value, int) and value > 0:
            self.words["limit"] = f"top {value}"
        elif isinstance(self._column(str(key)), Dimension):
            self._condition(key, key, value)
        else:
            raise _Refused(f"“{key}”: {_shown(value)}")

    def _place(self, key: str, name: Any, *, measure: bool) -> None:
        """A column named by a measure key or an axis: a measure, a grouping, or the time axis."""
        column = self._column(str(name))
        if column == "time":
            self.over_time = True
        elif isinstance(column, Measure) and measure:
            self.measures.append(column)
        elif isinstance(column, Dimension) and key != "y":
            self.by.append(column.label.lower())
        else:
            raise _Refused(f"“{key}”: “{name}”")

    def _column(self, name: str) -> Measure | Dimension | str | None:
        """The measure, dimension or time axis `name` calls, by name, column, label or synonym in turn."""
        name = re.sub(r"[\s_.-]+", " ", name.lower()).strip()
        for tier in range(4):
            for dataset in self.datasets:
                parts: list[Measure | Dimension] = [*dataset.measures, *dataset.dimensions]
                for part in parts:
                    if name in _names(part, tier):
                        return part
                if dataset.time and name in _time_names(dataset, tier):
                    return "time"
        return None

    def _filter(self, key: str, value: Any) -> None:
        if isinstance(value, str):
            match = _CONDITION.match(value)
            if match is None:
                raise _Refused(f"“{key}”: “{value}”")
            self._condition(key, match["c"], {match["op"].lower(): _value(match["v"])})
        elif isinstance(value, dict):
            for column, wanted in value.items():
                self._condition(key, column, wanted)
        else:
            raise _Refused(f"“{key}”: {_shown(value)}")

    def _condition(self, key: str, name: str, wanted: Any) -> None:
        column = self._column(name)
        if not isinstance(column, (Measure, Dimension)):
            raise _Refused(f"“{key}”: “{name}”")
        label = column.label.lower()
        op, value = (
            next(iter(wanted.items())) if isinstance(wanted, dict) and len(wanted) == 1 else ("=", wanted)
        )
        if op.lower() not in _OPS or isinstance(value, (dict, bool)) or value is None:
            raise _Refused(f"“{key}”: {_shown({name: wanted})}")
        word = _OPS[op.lower()]
        if isinstance(column, Dimension) and not _has(column, value):
            some = ", ".join(map(str, column.values)) if len(column.values) <= 8 else "others"
            raise _Refused(
                f"“{key}”: {_shown({name: wanted})}", f"the data has no such {label} (it has {some})"
            )
        if isinstance(column, Dimension) and word == "not":
            self.conditions.append(f"excluding {_words(value)}")
        elif isinstance(column, Dimension) and not word:
            self.conditions.append(
                f"where {label} is {'in ' if isinstance(value, list) else ''}{_words(value)}"
            )
        elif isinstance(column, Measure) and word not in ("", "not") and isinstance(value, (int, float)):
            self.conditions.append(f"where {label} is {word} {value}")
        else:
            raise _Refused(f"“{key}”: {_shown({name: wanted})}")

    def _period(self, key: str, value: Any) -> str:
        if isinstance(value, dict):
            value = [value.get("from", value.get("start")), value.get("to", value.get("end"))]
        bounds = [str(v) for v in (value if isinstance(value, list) else [value])]
        if len(bounds) > 2 or not all(re.fullmatch(r"\d{4}(?:-\d\d){0,2}", b) for b in bounds):
            raise _Refused(f"“{key}”: {_shown(value)}")
        # A span the data has none of: said here, as read later its refusal would cut the JSON apart.
        time = self.datasets[0] if len(self.datasets) == 1 else None
        first, last = (time.time_min, time.time_max) if time else (None, None)
        if first and last and (bounds[0][:4] < first[:4] or bounds[-1][:4] > last[:4]):
            raise _Refused(f"“{key}”: {_shown(value)}", f"the data runs from {first[:4]} to {last[:4]}")
        return f"from {bounds[0]} to {bounds[1]}" if len(bounds) == 2 else f"in {bounds[0]}"


def _names(part: Measure | Dimension, tier: int) -> set[str]:
    """The names of `part` a column name is matched against: by `tier`, name, column, label, synonyms."""
    names = ([part.name], [part.column], [part.label], part.synonyms)[tier]
    return {re.sub(r"[\s_.-]+", " ", n.lower()).strip() for n in names}


def _time_names(dataset: Dataset, tier: int) -> set[str]:
    time = dataset.time
    assert time is not None
    return ({time.column}, {time.column}, {time.label.lower()}, _TIME_WORDS)[tier]
