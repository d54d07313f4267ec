"""The request a BI tool's steps (worker.planner.bi_tools) or a Vega-Lite spec (worker.planner.vega_lite)
fill in, spelt as the plain sentence the planner reads ("total population by continent in 2007 as a bar
chart from the gapminder data"); with the column and dataset look-ups both share, and their refusal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from worker.planner.errors import NotInTheData
from worker.planner.refusals import suggest
from worker.semantic import Dataset, Dimension, Measure, SemanticModel

__all__ = ["Request", "column_of", "dataset_named", "refuse"]

_AGGS = {
    "": "", "mean": "average", "average": "average", "avg": "average", "sum": "total", "count": "count of",
    "cnt": "count of", "valid": "count of", "median": "median", "min": "minimum", "minimum": "minimum",
    "max": "maximum", "maximum": "maximum", "attr": "",
}  # fmt: skip
_CHARTS = {
    "bar": "as a bar chart", "line": "as a line chart", "area": "as an area chart", "pie": "as a pie chart",
    "scatter": "as a scatter plot", "histogram": "", "": "",
}  # fmt: skip
_WORDS = {">": "greater than", ">=": "at least", "<": "less than", "<=": "at most"}
_TIME_WORDS = {"date", "year", "time", "order date", "period"}


def refuse(what: str, ds: Dataset | None, source: str, why: str = "") -> NotInTheData:
    """A refusal naming what `source` ("that Vega-Lite spec") asks that a plan cannot hold."""
    example = suggest(ds) if ds else "Try e.g. \u201caverage tip by day\u201d."
    return NotInTheData(f"chartq cannot chart {what} from {source}{': ' + why if why else ''}. {example}")


def _key(name: str) -> str:
    """A column name as compared: "lifeExp", "[Life Exp]" and "life_exp" alike."""
    return re.sub(r"[\s_.-]+", " ", name.strip("[]\"' ").lower()).strip()


def column_of(ds: Dataset, name: str) -> Measure | Dimension | str | None:
    """The measure, dimension or time axis ("time") `name` calls, by name, column, label or synonym."""
    key, parts = _key(name), list[Measure | Dimension]([*ds.measures, *ds.dimensions])
    for tier in range(4):
        for part in parts:
            if key in {_key(n) for n in ([part.name], [part.column], [part.label], part.synonyms)[tier]}:
                return part
        times = ({ds.time.column}, {ds.time.column}, {ds.time.label.lower()}, _TIME_WORDS) if ds.time else ()
        if times and key in times[tier]:
            return "time"
    return None


def dataset_named(
    model: SemanticModel, data: Any, fields: list[str], source: str = "that request"
) -> Dataset:
    """The dataset `data` names ({"name": ...}, {"url": "data/tips.csv"} or a name), else the only one
    with every column in `fields`."""
    if isinstance(data, dict) and "values" in data:
        raise refuse("data written into the spec", None, source, "chartq charts its own data sets")
    name = str(data.get("name") or data.get("url") or "") if isinstance(data, dict) else str(data or "")
    name = re.sub(r"\.\w+$", "", name.rsplit("/", 1)[-1]).lower()
    for ds in model.datasets:
        if name and name in (ds.name, ds.name + "s", ds.name.removesuffix("s"), *map(str.lower, ds.synonyms)):
            return ds
    having = [ds for ds in model.datasets if fields and all(column_of(ds, f) for f in fields)]
    if not name and len(having) == 1:
        return having[0]
    names = ", ".join(ds.name for ds in model.datasets)
    said = f"data called “{name}”" if name else "data without naming the data set"
    raise refuse(said, None, source, f"chartq's data sets are {names}")


@dataclass
class Request:
    """What a spec or a tool's steps ask, spelt as the sentence the readers know."""

    dataset: Dataset
    source: str
    measures: list[tuple[str, str]] = field(default_factory=list)  # (aggregation words, label)
    dimension: str = ""
    series: str = ""
    over_time: bool = False
    conditions: list[str] = field(default_factory=list)
    since: str = ""
    until: str = ""
    limit: int | None = None
    descending: bool | None = None
    chart: str = ""

    def fail(self, what: str, why: str = "") -> NotInTheData:
        return refuse(what, self.dataset, self.source, why)

    def agg_word(self, agg: str) -> str:
        if agg.lower() not in _AGGS:
            raise self.fail(
                f"the aggregate “{agg}”", "chartq sums, averages, counts, or takes a median, min or max"
            )
        return _AGGS[agg.lower()]

    def column(self, name: str) -> Measure | Dimension | str:
        found = column_of(self.dataset, name)
        if found is None:
            raise self.fail(f"“{name}”", f"the {self.dataset.name} data has no such column")
        return found

    def condition(self, name: str, op: str, value: Any) -> None:
        """A filter: `op` is =, !=, >, >=, <, <= or range (a [low, high] pair)."""
        column = self.column(name)
        values = value if isinstance(value, list) else [value]
        if op == "range" and len(values) != 2:
            raise self.fail(f"the range {value}")
        if isinstance(column, str):
            return self._period(op, values)
        label, numbers = column.label.lower(), all(isinstance(v, (int, float)) for v in values)
        if isinstance(column, Dimension) and column.type == "category" and op in ("=", "!="):
            said = " and ".join(self._value(column, v) for v in values)
            is_in = "in " if len(values) > 1 else ""
            self.conditions.append(f"where {label} is {is_in}{said}" if op == "=" else f"excluding {said}")
        elif numbers and op == "range":
            self.conditions.append(f"where {label} is between {values[0]} and {values[1]}")
        elif numbers and (op in _WORDS or (op == "=" and isinstance(column, Dimension))):
            self.conditions.append(
                " ".join(w for w in ("where", label, "is", _WORDS.get(op, ""), str(value)) if w)
            )
        else:
            raise self.fail(f"“{name}” {op} {value}")

    def _value(self, dim: Dimension, value: Any) -> str:
        """The data's spelling of a value of `dim`; refused when the data has no such value."""
        names = {str(v).lower(): str(v) for v in dim.values}
        names |= {k.lower(): str(v) for k, v in dim.value_synonyms.items()}
        if str(value).lower() in names or not dim.values:
            return names.get(str(value).lower(), str(value))
        some = ", ".join(map(str, dim.values[:8])) + (" …" if len(dim.values) > 8 else "")
        raise self.fail(
            f"{dim.label.lower()} “{value}”", f"the data has no such {dim.label.lower()} (it has {some})"
        )

    def _period(self, op: str, values: list[Any]) -> None:
        low, high = str(values[0]), str(values[-1])
        step = {">": 1, "<": -1}.get(op, 0)
        if step and isinstance(values[0], int):
            low = high = str(values[0] + step)
        if op in ("=", "range"):
            self.since, self.until = low, high
        elif op in (">", ">="):
            self.since = low
        elif op in ("<", "<="):
            self.until = high
        else:
            raise self.fail(f"a period {op} {values[0]}")
        first, last = self.dataset.time_min, self.dataset.time_max
        if first and last and (high[:4] < first[:4] or low[:4] > last[:4]):
            raise self.fail(f"the period {low} to {high}", f"the data runs from {first[:4]} to {last[:4]}")

    def spell(self) -> str:
        if not self.measures:
            raise self.fail("a chart without a measure", "say what to sum, average or count")
        labels = [f"{agg} {label}".strip() for agg, label in self.measures]
        head = " vs ".join(labels) if self.chart == "scatter" else " and ".join(labels)
        if self.chart == "histogram":
            head = f"histogram of {head}"
        parts = [head, "over time" if self.over_time else ""]
        parts += [
            f"by {self.dimension}" if self.dimension else "",
            f"split by {self.series}" if self.series else "",
        ]
        parts += [
            *self.conditions,
            self._span(),
            self._rank(),
            _CHARTS[self.chart],
            f"from the {self.dataset.name} data",
        ]
        return " ".join(p for p in parts if p)

    def _span(self) -> str:
        if self.since and self.since == self.until:
            return f"in {self.since}"
        if self.since and self.until:
            return f"from {self.since} to {self.until}"
        return f"since {self.since}" if self.since else f"until {self.until}" if self.until else ""

    def _rank(self) -> str:
        if self.limit:
            return f"{'bottom' if self.descending is False else 'top'} {self.limit}"
        return {True: "largest first", False: "smallest first", None: ""}[self.descending]


# Pivot tables have rows and columns too (worker.planner.spreadsheet): only the tools' names are read here.
