"""A request written in a query language other than SQL, said as the SQL worker.planner.sql_syntax reads.

A developer writes the query the way their database takes it:
- GraphQL: `{ tips(time: "Dinner") { avg(tip) by: day } }` is "SELECT day, avg(tip) FROM tips WHERE time =
  'Dinner' GROUP BY day"; arguments are conditions, `orderBy: {life_exp: ASC}, first: 5` an order and a
  limit, plain fields (`{ country life_exp }`) the columns charted;
- PromQL: `topk(5, avg by (country) (gdp_per_capita{continent="Asia"}))`, with `!=`, `=~"A|B"` and `!~`;
- Cypher: `MATCH (e:Election) WHERE e.candidate = 'Joly' RETURN e.district, sum(e.votes) AS v ORDER BY v
  DESC LIMIT 5` (the columns returned beside an aggregate are its groups);
- SPARQL: `SELECT ?direction (SUM(?frequency) AS ?f) WHERE { ?w :strength "6+" ; :direction ?direction ;
  :frequency ?frequency } GROUP BY ?direction ORDER BY DESC(?f) LIMIT 3`, with `FILTER(?year >= 1972)`;
- MongoDB pipelines and Elasticsearch searches (worker.planner.query_documents).
A trailing comment (`// render as a pie`, `# plot it as a histogram`) is kept as words.

What a plan cannot express (a mutation, PromQL's rate() or quantile, a range selector, a regular
expression, Cypher's relationships, SPARQL's OPTIONAL or UNION) raises NotInTheData naming it. Text that is
no such query is returned as it is.
"""

from __future__ import annotations

import re

from worker.planner.query_documents import Query, refuse, unelastic, unmongo
from worker.semantic import SemanticModel

__all__ = ["unquery"]

_I = re.IGNORECASE
_TAIL = r"\s*(?:(?://|#)\s*(?P<tail>.*))?$"
_GRAPHQL = re.compile(
    r"^\s*(?:query\s*\w*\s*)?\{\s*(?P<t>\w+)\s*(?:\((?P<args>(?:[^(){}]|\{[^{}]*\})*)\))?\s*"
    r"\{(?P<body>[^{}]*)\}\s*\}" + _TAIL,
    re.S,
)
_MUTATION = re.compile(r"^\s*(?:subscription|mutation)\s*(?:\w+\s*)?[{(]", _I)
_ARG = re.compile(
    r"(?P<k>\w+)\s*:\s*(?:\{\s*(?P<ok>\w+)\s*:\s*(?P<way>ASC|DESC)\s*\}|\"(?P<s>[^\"]*)\"|(?P<n>-?[\d.]+))\s*,?\s*"
)
_AGGREGATE = re.compile(r"(?P<f>\w+)\(\s*(?P<c>\w+)\s*\)\s*(?:by\s*:\s*(?P<by>\w+))?")
_PROM = re.compile(
    r"^\s*(?:(?P<k>topk|bottomk)\(\s*(?P<n>\d+)\s*,\s*)?(?P<f>\w+)\s*(?:by\s*\((?P<by>[\w\s,]*)\)\s*)?"
    r"\(\s*(?P<m>\w+)\s*(?:\{(?P<labels>[^{}]*)\})?\s*\)\s*(?:by\s*\((?P<by2>[\w\s,]*)\)\s*)?(?(k)\))"
    + _TAIL,
    re.S,
)
_PROMISH = re.compile(
    r"^\s*(?:\w+\s*(?:by|without)\s*\([\w\s,]*\)\s*\(|\w+\(.*\b\w+\{[^{}]*\}|\w+\{[^{}]*\})", re.S
)
_LABEL = re.compile(r"\s*(?P<k>\w+)\s*(?P<op>=~|!~|!=|=)\s*\"(?P<v>[^\"]*)\"\s*(?:,|$)")
_PROM_AGGS = {"sum", "avg", "min", "max", "count"}
_CYPHER = re.compile(
    r"^\s*MATCH\s+\((?P<var>\w+)(?::(?P<label>\w+))?\)\s*(?:WHERE\s+(?P<where>.+?)\s+)?RETURN\s+(?P<ret>.+?)"
    r"(?:\s+ORDER\s+BY\s+(?P<order>.+?))?(?:\s+LIMIT\s+(?P<limit>\d+))?" + _TAIL,
    re.S | _I,
)
_CYPHERISH = re.compile(r"\s*MATCH\s*\(", _I)
_CYPHER_UNSUPPORTED = re.compile(r"\bSTARTS\s+WITH\b|\bENDS\s+WITH\b|\bCONTAINS\b|=~|\bEXISTS\b|\bWITH\b", _I)
_ALIAS = re.compile(r"^(?P<e>.+?)\s+AS\s+(?P<a>\w+)$", _I)
_SPARQL = re.compile(
    r"^\s*(?:PREFIX\s+\S+\s+<[^>]*>\s*)*SELECT\s+(?P<sel>.+?)\s+WHERE\s*\{(?P<body>.*)\}"
    r"(?:\s*GROUP\s+BY\s+(?P<group>(?:\?\w+\s*)+))?(?:\s*ORDER\s+BY\s+(?P<order>.+?))?"
    r"(?:\s*LIMIT\s+(?P<limit>\d+))?" + _TAIL,
    re.S | _I,
)
_SPARQLISH = re.compile(r"\s*(?:PREFIX\b.*?)?SELECT\s+(?:\?|\(\s*\w+\(\s*(?:DISTINCT\s+)?[?*])", _I | re.S)
_SPARQL_UNSUPPORTED = re.compile(r"\b(?:OPTIONAL|UNION|MINUS|BIND|VALUES|SERVICE|HAVING|REGEX)\b|\|\|", _I)
_FILTER = re.compile(r"\bFILTER\s*\((?P<c>(?:[^()]|\([^()]*\))*)\)", _I)
_PROJECTION = re.compile(
    r"\(\s*(?P<f>\w+)\(\s*(?P<d>DISTINCT\s+)?(?P<v>\?\w+|\*)\s*\)\s+AS\s+\?(?P<a>\w+)\s*\)|\?(?P<p>\w+)", _I
)
_SPARQL_ORDER = re.compile(r"(?P<way>ASC|DESC)\s*\(\s*\?(?P<v>\w+)\s*\)|\?(?P<p>\w+)", _I)
_PREDICATE = re.compile(r"^(?:\w*:|<[^>]*[/#])(?P<n>\w+)>?$")


def unquery(text: str, model: SemanticModel) -> str:
    """`text` with a query in one of these languages said as SQL; unchanged when it has none."""
    if _MUTATION.match(text):
        raise refuse("a GraphQL mutation (a change to the data)")
    for reader in (unmongo, unelastic, _graphql, _cypher, _sparql, _promql):
        sql = reader(text, model)
        if sql is not None:
            return sql
    return text


def _graphql(text: str, model: SemanticModel) -> str | None:
    found = _GRAPHQL.match(text)
    if found is None:
        return None
    query = Query(table=found["t"], tail=found["tail"] or "")
    args = found["args"] or ""
    for arg in _ARG.finditer(args):
        _argument(query, arg)
    left = _ARG.sub("", args).strip(" ,")
    if left:
        raise refuse(f"the argument “{left}”")
    body = found["body"]
    for aggregate in _AGGREGATE.finditer(body):
        query.select.append(f"{aggregate['f']}({aggregate['c']})")
        query.group += [aggregate["by"]] if aggregate["by"] else []
    query.select += _AGGREGATE.sub(" ", body).replace(",", " ").split()
    return query.sql(model)


def _argument(query: Query, arg: re.Match[str]) -> None:
    key = arg["k"]
    if arg["way"]:
        query.order = f"{arg['ok']} {arg['way'].upper()}"
    elif key in ("first", "limit", "top") and arg["n"]:
        query.limit = int(arg["n"])
    elif key in ("orderBy", "last", "offset", "skip", "after", "before"):
        raise refuse(f"the argument “{key}”")
    else:
        query.condition(key, "=", arg["s"] if arg["s"] is not None else arg["n"])


def _promql(text: str, model: SemanticModel) -> str | None:
    if not _PROMISH.match(text):
        return None
    found = _PROM.match(text)
    if found is None or found["f"] not in _PROM_AGGS:
        word = re.match(r"\s*(\w+)", text)
        raise refuse(
            f"PromQL's {word[1] if word else 'query'}"
            + (" (a range or a rate over time)" if "[" in text else "")
        )
    query = Query(tail=found["tail"] or "")
    metric = found["m"]
    query.select.append(f"{found['f']}({metric})" if found["f"] != "count" else "count(*)")
    query.group = [c.strip() for c in (found["by"] or found["by2"] or "").split(",") if c.strip()]
    labels = found["labels"] or ""
    for label in _LABEL.finditer(labels):
        _label(query, label)
    if _LABEL.sub("", labels).strip():
        raise refuse(f"the label matcher “{_LABEL.sub('', labels).strip()}”")
    if found["k"]:
        query.order = f"{query.select[0]} {'DESC' if found['k'] == 'topk' else 'ASC'}"
        query.limit = int(found["n"])
    return query.sql(model)


def _label(query: Query, label: re.Match[str]) -> None:
    op, value = label["op"], label["v"]
    if "~" not in op:
        query.condition(label["k"], op, value)
    elif re.fullmatch(r"[\w \-]+(?:\|[\w \-]+)*", value):
        query.condition(label["k"], "!=" if op == "!~" else "=", value.split("|"))
    else:
        raise refuse(f"the regular expression “{value}”")


def _cypher(text: str, model: SemanticModel) -> str | None:
    if not _CYPHERISH.match(text):
        return None
    found = _CYPHER.match(text)
    if found is None:
        raise refuse("that graph pattern (chartq reads one node, as in “MATCH (t:Tip)”)")
    unsupported = _CYPHER_UNSUPPORTED.search(text.split("//")[0])
    if unsupported:
        raise refuse(f"“{unsupported[0]}” in a Cypher query")

    def plain(part: str | None) -> str:
        return re.sub(rf"\b{found['var']}\.", "", part or "")

    query = Query(table=found["label"], tail=re.sub(r"\s*=\s*", " by ", plain(found["tail"])))
    query.where = [plain(found["where"]).replace("[", "(").replace("]", ")")] if found["where"] else []
    for item in _items(plain(found["ret"])):
        alias = _ALIAS.match(item)
        expression = alias["e"] if alias else item
        query.aliases.update({alias["a"]: expression} if alias else {})
        query.select.append(expression)
    if any("(" in c for c in query.select):
        query.group = [c for c in query.select if "(" not in c]
    order = plain(found["order"]).split()
    query.order = " ".join([query.aliases.get(order[0], order[0]), *order[1:]]) if order else ""
    query.limit = int(found["limit"]) if found["limit"] else None
    return query.sql(model)


def _items(text: str) -> list[str]:
    """`text` split at its commas outside brackets."""
    items, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            items.append(text[start:at].strip())
            start = at + 1
    return [*items, text[start:].strip()]


def _sparql(text: str, model: SemanticModel) -> str | None:
    if not _SPARQLISH.match(text):
        return None
    found = _SPARQL.match(text)
    unsupported = _SPARQL_UNSUPPORTED.search(text)
    if found is None or unsupported:
        raise refuse(f"“{unsupported[0]}” in a SPARQL query" if unsupported else "that SPARQL query")
    query = Query(tail=found["tail"] or "")
    names = _triples(query, _FILTER.sub(" ", found["body"]))
    for condition in _FILTER.finditer(found["body"]):
        query.where.append(
            re.sub(r"\?(\w+)", lambda v: names.get(v[1], v[1]), condition["c"]).replace("&&", "AND")
        )
    for item in _PROJECTION.finditer(found["sel"]):
        if item["p"]:
            query.select.append(names.get(item["p"], item["p"]))
            continue
        column = "*" if item["v"] == "*" else names.get(item["v"][1:], item["v"][1:])
        query.aliases[item["a"]] = f"{item['f'].lower()}({item['d'] or ''}{column})"
        query.select.append(query.aliases[item["a"]])
    query.group = [names.get(v, v) for v in re.findall(r"\?(\w+)", found["group"] or "")]
    if found["order"]:
        way = _SPARQL_ORDER.match(found["order"].strip())
        if way is None:
            raise refuse(f"ordering by “{found['order'].strip()}”")
        variable = way["v"] or way["p"]
        column = query.aliases.get(variable, names.get(variable, variable))
        query.order = f"{column} {(way['way'] or 'ASC').upper()}"
    query.limit = int(found["limit"]) if found["limit"] else None
    return query.sql(model)


def _triples(query: Query, body: str) -> dict[str, str]:
    """The column each variable names; a literal object is a condition on its predicate."""
    names: dict[str, str] = {}
    for triple in re.split(r"\s\.(?:\s|$)|\s\.$", body.strip() + " "):
        parts = [p.strip() for p in triple.strip().rstrip(".").split(";") if p.strip()]
        if not parts:
            continue
        parts[0] = parts[0].split(None, 1)[1] if len(parts[0].split(None, 1)) == 2 else ""
        for pair in parts:
            bits = pair.split(None, 1)
            named = _PREDICATE.match(bits[0]) if len(bits) == 2 else None
            if named is None:
                raise refuse(f"the pattern “{pair}”")
            value = bits[1].strip()
            if value.startswith("?"):
                names[value[1:]] = named["n"]
            else:
                query.condition(named["n"], "=", value.strip("\"'"))
    return names
