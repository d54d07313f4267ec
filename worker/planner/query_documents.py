"""MongoDB aggregation pipelines and Elasticsearch searches, written as the SQL worker.planner.sql_syntax
reads, for worker.planner.query_languages.

`db.tips.aggregate([{$match: {smoker: "Yes"}}, {$group: {_id: "$sex", total: {$sum: "$total_bill"}}},
{$sort: {total: -1}}, {$limit: 5}])` is "SELECT sex, sum(total_bill) FROM tips WHERE smoker = 'Yes' GROUP BY
sex ORDER BY sum(total_bill) DESC LIMIT 5"; `_id: {date: "$date", ticker: "$ticker"}` groups by both
(a series). `GET tips/_search {"query": {"range": {"total_bill": {"gt": 30}}}, "aggs": {"by_day": {"terms":
{"field": "day", "order": {"_count": "desc"}}}}}` is "SELECT day, count(*) FROM tips WHERE total_bill > 30
GROUP BY day ORDER BY count(*) DESC"; a `date_histogram` groups by the time axis.

A stage, operator, accumulator or aggregation a plan cannot express ($lookup, $project with arithmetic,
$or, extended_stats, a numeric histogram's interval) raises NotInTheData naming it: charting the rest
would answer another question.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from worker.planner.errors import NotInTheData
from worker.semantic import SemanticModel

__all__ = ["Query", "refuse", "unelastic", "unmongo"]

_MONGO = re.compile(r"^\s*db\.(?P<t>\w+)\.(?P<m>\w+)\(\s*(?P<body>.*)\)\s*;?\s*(?://\s*(?P<tail>.*))?$", re.S)
_ELASTIC = re.compile(r"^\s*(?:GET|POST)\s+/?(?P<t>[\w-]+)/_search\s*(?P<rest>\{.*)$", re.S | re.I)
# Keys written without quotes, as JavaScript allows ("{$match: {smoker: 1}}").
_BARE_KEY = re.compile(r"(?<=[{,])\s*(\$?[A-Za-z_]\w*)\s*:")
_SINGLE = re.compile(r"'([^'\"]*)'")
_DATE_CALL = re.compile(r"\b(?:new\s+Date|ISODate)\(\s*(\"[^\"]*\")\s*\)")
_MONGO_OPS = {"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<=", "$ne": "!=", "$eq": "="}
_ELASTIC_OPS = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
_ACCUMULATORS = {"$sum": "sum", "$avg": "avg", "$min": "min", "$max": "max"}
_METRICS = {"avg": "avg", "sum": "sum", "min": "min", "max": "max", "value_count": "count"}


def refuse(what: str) -> NotInTheData:
    return NotInTheData(
        f"chartq cannot chart {what}: a chart of the rest would answer another question. "
        "Try e.g. “average tip by day where time is Dinner”."
    )


@dataclass
class Query:
    """A query's parts, said back as the SQL worker.planner.sql_syntax reads."""

    table: str | None = None
    select: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    group: list[str] = field(default_factory=list)
    order: str = ""
    limit: int | None = None
    tail: str = ""
    aliases: dict[str, str] = field(default_factory=dict)

    def condition(self, column: str, op: str, value: Any) -> None:
        if isinstance(value, list):
            listed = ", ".join(_literal(v) for v in value)
            self.where.append(f"{column} {'NOT IN' if op == '!=' else 'IN'} ({listed})")
        else:
            self.where.append(f"{column} {op} {_literal(value)}")

    def between(self, column: str, bounds: dict[str, Any]) -> None:
        # Both ends of a range are one span ("from 2019-01-01 to 2019-06-30"), not two conditions.
        if set(bounds) == {">=", "<="}:
            self.where.append(f"{column} BETWEEN {_literal(bounds['>='])} AND {_literal(bounds['<='])}")
            return
        for op, value in bounds.items():
            self.condition(column, op, value)

    def sql(self, model: SemanticModel) -> str:
        group = self.group + [c for c in self.select if "(" not in c and c not in self.group and self.group]
        parts = [f"SELECT {', '.join(dict.fromkeys(self.group + self.select))}"]
        if self.table is not None:
            parts.append(f"FROM {_dataset(self.table, model)}")
        if self.where:
            parts.append("WHERE " + " AND ".join(self.where))
        if group:
            parts.append("GROUP BY " + ", ".join(dict.fromkeys(group)))
        if self.order:
            parts.append(f"ORDER BY {self.order}")
        if self.limit is not None:
            parts.append(f"LIMIT {self.limit}")
        return " ".join(parts + ([self.tail.strip()] if self.tail.strip() else []))


def _dataset(name: str, model: SemanticModel) -> str:
    names = {d.name.lower(): d.name for d in model.datasets}
    low = name.lower()
    for guess in (low, low + "s", low.removesuffix("s")):
        if guess in names:
            return names[guess]
    raise NotInTheData(f"chartq has no data called “{name}”; it has {', '.join(names.values())}.")


def _literal(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise refuse(f"the value {json.dumps(value)}")
    if isinstance(value, str) and not re.fullmatch(r"-?\d+(?:\.\d+)?", value):
        return "'" + value.replace("'", "") + "'"
    return str(value)


def unmongo(text: str, model: SemanticModel) -> str | None:
    """SQL for a MongoDB aggregation pipeline; None when `text` is none."""
    found = _MONGO.match(text)
    if found is None:
        return None
    if found["m"] != "aggregate":
        raise refuse(f"MongoDB's {found['m']}() (chartq reads aggregate() pipelines)")
    query = Query(table=found["t"], tail=found["tail"] or "")
    stages = _js(found["body"])
    if not isinstance(stages, list):
        raise refuse("that pipeline (no list of stages)")
    for stage in stages:
        if not isinstance(stage, dict) or len(stage) != 1:
            raise refuse(f"the stage {json.dumps(stage)}")
        ((name, spec),) = stage.items()
        _stage(query, name, spec)
    if not query.select:
        raise refuse("a pipeline without a $group (nothing is summed, averaged or counted)")
    return query.sql(model)


def _js(body: str) -> Any:
    body = _SINGLE.sub(r'"\1"', _DATE_CALL.sub(r"\1", body))
    try:
        return json.loads(_BARE_KEY.sub(r'"\1":', body))
    except json.JSONDecodeError:
        raise refuse("that pipeline (chartq could not read it as JSON)") from None


def _stage(query: Query, name: str, spec: Any) -> None:
    if name == "$match" and isinstance(spec, dict):
        _match(query, spec)
    elif name == "$group" and isinstance(spec, dict):
        _group(query, spec)
    elif name == "$sort" and isinstance(spec, dict) and len(spec) == 1:
        ((key, way),) = spec.items()
        query.order = f"{query.aliases.get(key, key)} {'DESC' if way == -1 else 'ASC'}"
    elif name == "$limit" and isinstance(spec, int):
        query.limit = spec
    elif name == "$project" and isinstance(spec, dict) and all(v in (0, 1) for v in spec.values()):
        pass  # keeping or dropping fields changes no chart
    else:
        raise refuse(f"the {name} stage" + (" (a join across tables)" if name == "$lookup" else ""))


def _match(query: Query, spec: dict[str, Any]) -> None:
    for column, value in spec.items():
        if column == "$and" and isinstance(value, list):
            for part in value:
                _match(query, part)
        elif column.startswith("$"):
            raise refuse(
                f"{column} in a $match" + (" (either of several conditions)" if column == "$or" else "")
            )
        elif not isinstance(value, dict):
            query.condition(column, "=", value)
        else:
            _operators(query, column, value)


def _operators(query: Query, column: str, ops: dict[str, Any]) -> None:
    bounds: dict[str, Any] = {}
    for op, value in ops.items():
        if op in ("$in", "$nin") and isinstance(value, list):
            query.condition(column, "!=" if op == "$nin" else "=", value)
        elif op in _MONGO_OPS:
            bounds[_MONGO_OPS[op]] = value
        else:
            raise refuse(f"{op} on {column}")
    query.between(column, bounds)


def _group(query: Query, spec: dict[str, Any]) -> None:
    key = spec.get("_id")
    keys = list(key.values()) if isinstance(key, dict) else [] if key is None else [key]
    for part in keys:
        if not (isinstance(part, str) and part.startswith("$")):
            raise refuse(f"grouping by {json.dumps(part)}")
        query.group.append(part[1:])
    query.aliases["_id"] = ", ".join(query.group)
    for name, accumulator in spec.items():
        if name != "_id":
            query.aliases[name] = _accumulated(accumulator)
            query.select.append(query.aliases[name])


def _accumulated(accumulator: Any) -> str:
    if not isinstance(accumulator, dict) or len(accumulator) != 1:
        raise refuse(f"the accumulator {json.dumps(accumulator)}")
    ((op, value),) = accumulator.items()
    if op == "$count" or (op == "$sum" and value == 1):
        return "count(*)"
    if op not in _ACCUMULATORS:
        raise refuse(f"the {op} accumulator")
    if not (isinstance(value, str) and value.startswith("$")):
        raise refuse(f"{op} of {json.dumps(value)} (arithmetic on columns)")
    return f"{_ACCUMULATORS[op]}({value[1:]})"


def unelastic(text: str, model: SemanticModel) -> str | None:
    """SQL for an Elasticsearch search with aggregations; None when `text` is none."""
    found = _ELASTIC.match(text)
    if found is None:
        return None
    try:
        body, end = json.JSONDecoder().raw_decode(found["rest"])
    except json.JSONDecodeError:
        raise refuse("that search (chartq could not read its JSON)") from None
    query = Query(table=found["t"], tail=found["rest"][end:].strip(" -"))
    for key in body:
        if key not in ("size", "query", "aggs", "aggregations", "track_total_hits"):
            raise refuse(f"“{key}” in a search")
    _elastic_filter(query, body.get("query", {}), negated=False)
    aggs = body.get("aggs", body.get("aggregations"))
    if not isinstance(aggs, dict) or not aggs:
        raise refuse("a search without aggregations (nothing is summed, averaged or counted)")
    _buckets(query, aggs)
    return query.sql(model)


def _elastic_filter(query: Query, spec: Any, *, negated: bool) -> None:
    clauses = spec if isinstance(spec, list) else [spec]
    for clause in clauses:
        for kind, body in clause.items():
            if kind == "bool":
                for part, inner in body.items():
                    if part not in ("filter", "must", "must_not"):
                        raise refuse(
                            f"“{part}” in a bool query" + (" (either of several)" if part == "should" else "")
                        )
                    _elastic_filter(query, inner, negated=negated != (part == "must_not"))
            elif kind in ("term", "match", "terms") and len(body) == 1:
                ((column, value),) = body.items()
                value = value.get("value", value.get("query")) if isinstance(value, dict) else value
                query.condition(column, "!=" if negated else "=", value)
            elif kind == "range" and not negated and len(body) == 1:
                ((column, ops),) = body.items()
                unknown = [op for op in ops if op not in _ELASTIC_OPS]
                if unknown:
                    raise refuse(f"“{unknown[0]}” in a range")
                query.between(column, {_ELASTIC_OPS[op]: v for op, v in ops.items()})
            elif kind != "match_all":
                raise refuse(f"a {kind} query" + (" left out" if negated else ""))


def _buckets(query: Query, aggs: dict[str, Any]) -> dict[str, str]:
    """Reads `aggs` into `query`; returns the SQL of each metric by its name."""
    metrics: dict[str, str] = {}
    for name, spec in aggs.items():
        kinds = [k for k in spec if k not in ("aggs", "aggregations")]
        if len(kinds) != 1:
            raise refuse(f"the aggregation “{name}”")
        kind, body = kinds[0], spec[kinds[0]]
        if kind in _METRICS and set(body) == {"field"}:
            metrics[name] = f"{_METRICS[kind]}({body['field']})"
            query.select.append(metrics[name])
        elif kind in ("terms", "date_histogram") and not query.group:
            query.group.append(body["field"])
            if "size" in body:
                query.limit = int(body["size"])
            inner = _buckets(query, spec.get("aggs", spec.get("aggregations", {})))
            _order(query, body.get("order", {}), inner)
        else:
            raise refuse(f"the {kind} aggregation “{name}”" + _why(kind, body))
    if not query.select:
        query.select.append("count(*)")
    return metrics


def _order(query: Query, order: Any, metrics: dict[str, str]) -> None:
    if not order:
        return
    if not (isinstance(order, dict) and len(order) == 1):
        raise refuse(f"ordering by {json.dumps(order)}")
    ((key, way),) = order.items()
    column = query.group[-1] if key == "_key" else metrics.get(key)
    if key == "_count" and not metrics:
        column = "count(*)"
    if column is None:
        raise refuse(f"ordering by “{key}”")
    query.order = f"{column} {str(way).upper()}"


def _why(kind: str, body: dict[str, Any]) -> str:
    if kind == "histogram":
        return f" (bins {body.get('interval')} wide)"
    return " (a statistic chartq does not chart)" if "stats" in kind or "percentile" in kind else ""
