"""SQL- and spreadsheet-flavoured requests spelt out in the words the readers know, before anything reads the
question: "avg(tip) by sex where day IN ('Sat', 'Sun') and time = 'Dinner'" is "average tip by sex for Sat
and Sun only for Dinner only"; "sum(total_bill) group by day, time" is "total total bill by day split by
meal"; "... order by votes asc limit 5" is "... bottom 5". Every operator is read as written: "!=" and "<>"
leave a value out, "IN (...)" keeps several (as a restriction, never a comparison), "BETWEEN a AND b" is
a range, "count(*)" counts rows and "avg(tip / total_bill)" is the model's measure of that ratio. Column
names are the CSVs' own (total_bill, size, time, medal_count), read as the model's names.

What the planner cannot do (joins, subqueries, window functions, HAVING, LIKE, OR between conditions,
arithmetic on columns, statistics such as corr() or stddev()) raises UnchartableQuestion naming it, so no
part of such a query is charted silently.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.sql_conditions import on_dimension, on_measure, on_time
from worker.semantic import Dataset, Dimension, Measure, SemanticModel

__all__ = ["SqlReader"]

_I = re.IGNORECASE
# Any of these makes a question SQL-flavoured; without one the text is left as it is.
_SQLISH = re.compile(
    r"\b(?:group\s+by|order\s+by|limit\s+\d+|select|pivot|where\s+[\w.]+\s*(?:!=|<>|==|>=|<=|=|<|>|"
    r"(?:not\s+)?in\s*\(|(?:not\s+)?between\b|like\b|is\b)|filter\s+[\w.]+\s*(?:!=|<>|==|>=|<=|=|<|>))"
    r"|\b[a-z_]+\([^()]*\)|!=|<>|==",
    _I,
)
# Unsupported SQL, with the words naming it.
_UNSUPPORTED = [
    (re.compile(r"\bjoin\b", _I), "a join across tables"),
    (re.compile(r"\(\s*select\b", _I), "a subquery"),
    (
        re.compile(r"\bover\s*\(|\b(?:lag|lead|rank|dense_rank|row_number|ntile)\s*\(", _I),
        "a window function",
    ),
    (re.compile(r"\bhaving\b", _I), "HAVING (a condition on an aggregate)"),
    (re.compile(r"\bwithin\s+group\b|\bpercentile_(?:cont|disc)\s*\(", _I), "a percentile"),
    (re.compile(r"\bcorr\s*\(", _I), "corr() (a correlation coefficient)"),
    (re.compile(r"\bcovar\w*\s*\(", _I), "a covariance"),
    (re.compile(r"\b(?:stddev\w*|std|stdev)\s*\(", _I), "stddev() (a standard deviation)"),
    (re.compile(r"\b(?:variance|var_\w+|var)\s*\(", _I), "a variance"),
    (re.compile(r"\bmode\s*\(", _I), "mode()"),
    (re.compile(r"\bcount\s*\(\s*distinct\b", _I), "count(distinct …)"),
    (re.compile(r"\bunion\b", _I), "UNION"),
    (re.compile(r"\bcase\s+when\b", _I), "CASE WHEN"),
    (re.compile(r"\)\s*[-+*/]\s*[a-z_]+\s*\(", _I), "arithmetic between aggregates (a ratio of sums)"),
]
_AGG_WORDS = {
    "avg": "average",
    "mean": "average",
    "sum": "total",
    "min": "minimum",
    "max": "maximum",
    "median": "median",
}
_FUNCTION = re.compile(r"\b(?P<f>[a-z_]+)\(\s*(?P<arg>[^()]*?)\s*\)", _I)
_IDENT = r"[A-Za-z_][\w.]*"
_VALUE = r"'[^']*'|\"[^\"]*\"|[^\s,()']+"
_OP = (
    r"!=|<>|==|>=|<=|=|<|>|\bnot\s+in\b|\bin\b|\bnot\s+between\b|\bbetween\b|\bnot\s+like\b|\blike\b"
    r"|\bis\s+not\b|\bis\b"
)
_CONDITION = re.compile(
    rf"(?P<col>{_IDENT})\s*(?:(?P<op>(?:not\s+)?between)\s*(?P<lo>{_VALUE})\s+and\s+(?P<hi>{_VALUE})"
    rf"|(?P<op2>{_OP})\s*(?P<val>\([^)]*\)|{_VALUE}))",
    _I,
)
# "average tip, maximum tip": two aggregations of one measure, said as a pair for worker.planner.paired.
_PAIRED = re.compile(
    rf"\b(?P<a>{'|'.join(sorted(set(_AGG_WORDS.values())))})\s+(?P<l>[a-z][a-z ]*?)\s*,\s*"
    rf"(?P<b>{'|'.join(sorted(set(_AGG_WORDS.values())))})\s+(?P=l)\b",
    _I,
)
_JOINER = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*", _I)
_CLAUSE = re.compile(
    r"\b(?:where|filter)\s+(?=[A-Za-z_][\w.]*\s*(?:[!<>=]|not\b|in\b|between\b|like\b|is\b))", _I
)
_GROUP = re.compile(rf"\bgroup\s+by\s+(?P<cols>{_IDENT}(?:\s*,\s*{_IDENT})*)", _I)
_PIVOT = re.compile(rf"^\s*pivot\s+(?P<what>.+?)\s+by\s+(?P<a>{_IDENT})\s+and\s+(?P<b>{_IDENT})\b", _I)
_ORDER = re.compile(
    r"\border\s+by\s+(?P<col>(?:(?!(?:asc|desc|limit)\b)[\w()*./]+\s*)+)?(?P<dir>\basc\b|\bdesc\b)?(?:\s*,?\s*limit\s+(?P<n>\d+))?",
    _I,
)
_LIMIT = re.compile(r"\blimit\s+(?P<n>\d+)\b", _I)
_SELECT = re.compile(
    r"^\s*select\s+(?P<list>.+?)(?:\s+from\s+(?P<t>\w+))?(?=\s+(?:where|group|order|limit)\b|\s*$)", _I
)
_FROM = re.compile(r"\bfrom\s+(?P<t>\w+)(?=\s+(?:where|group|order|limit)\b|\s*$)", _I)
_IN_LIST = re.compile(r"\bin\s*\(", _I)
_COLOUR = re.compile(rf"\b(?P<w>colou?r(?:ed)?\s+by)\s+(?P<c>{_IDENT})", _I)


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value


class SqlReader:
    """Spells out SQL-flavoured questions for `model`'s datasets."""

    def __init__(self, model: SemanticModel) -> None:
        self._datasets = list(model.datasets)
        self._measures: dict[str, list[tuple[Dataset, Measure]]] = {}
        self._dims: dict[str, list[tuple[Dataset, Dimension]]] = {}
        self._times: dict[str, Dataset] = {}
        for ds in model.datasets:
            for m in ds.measures:
                names = {m.name, *(w for w in m.synonyms if " " not in w)}
                names |= {m.column} if not (m.divide_by or m.multiply_by) else set()
                for n in names:
                    self._measures.setdefault(n.lower(), []).append((ds, m))
            for d in ds.dimensions:
                for n in {d.name, d.column, *(w for w in d.synonyms if " " not in w)}:
                    self._dims.setdefault(n.lower(), []).append((ds, d))
            if ds.time is not None:
                self._times[ds.time.column.lower()] = ds

    def rewrite(self, text: str) -> str:
        """`text` in plain words if it is SQL-flavoured; raises UnchartableQuestion for SQL it cannot do."""
        if not _SQLISH.search(text):
            return text
        for pattern, what in _UNSUPPORTED:
            if pattern.search(text):
                raise UnchartableQuestion(
                    f"chartq reads a filter, a grouping, an order and a limit written as SQL, but not {what}."
                )
        text = _PIVOT.sub(
            lambda m: f"{m['what']} by {self._label(m['a'])} split by {self._label(m['b'])}", text
        )
        text = _FUNCTION.sub(self._function, text)
        text = _PAIRED.sub(lambda m: f"{m['a']} and {m['b']} {m['l']}", text)
        text = _SELECT.sub(self._select, text)
        text = _FROM.sub(lambda m: "" if self._is_table(m["t"]) else m[0], text)
        # GROUP BY the time column alone with values listed by IN (...): the values are summed into one line.
        combined = _IN_LIST.search(text) is not None
        text = self._conditions(text)
        text = _GROUP.sub(lambda m: self._group(m, combined), text)
        text = _ORDER.sub(self._order, text)
        text = _LIMIT.sub(lambda m: f", top {m['n']}", text)
        text = _COLOUR.sub(lambda m: f"{m['w']} {self._label(m['c'])}", text)
        text = re.sub(r"\s*,\s*(?=,|$)", "", text)
        return " ".join(text.split())

    # --- names -------------------------------------------------------------------------------------------
    def _label(self, name: str, grouping: bool = False) -> str:
        """The model's name for a column as the CSVs spell it ("total_bill", "size", "time"); a grouping's
        column is a dimension first ("medal" is a dimension and a word for the medals measure)."""
        key = name.lower()
        if key in self._times:
            return "year" if key == "year" else "date"
        for table in (self._dims, self._measures) if grouping else (self._measures, self._dims):
            found = table.get(key)
            if found and len({obj.label for _, obj in found}) == 1:
                return found[0][1].label.lower()
        return name.replace("_", " ")

    def _is_table(self, name: str) -> bool:
        return any(name.lower() in (ds.table.lower(), ds.name.lower()) for ds in self._datasets)

    # --- functions ---------------------------------------------------------------------------------------
    def _function(self, m: re.Match[str]) -> str:
        func, arg = m["f"].lower(), m["arg"].strip()
        if func == "count":
            if arg in ("*", "1", ""):
                return "number of rows"
            return f"{self._label(arg)} count"
        word = _AGG_WORDS.get(func)
        if word is None:
            if func == "year":
                return arg
            raise UnchartableQuestion(f"chartq has no function {func}() to chart.")
        ratio = re.fullmatch(rf"(?P<a>{_IDENT})\s*/\s*(?P<b>{_IDENT})", arg)
        if ratio:
            return f"{word} {self._ratio(ratio['a'], ratio['b'])}"
        if not re.fullmatch(_IDENT, arg):
            raise UnchartableQuestion(
                f"chartq cannot chart arithmetic on columns (“{arg}”); ask for one of its measures."
            )
        return f"{word} {self._label(arg)}"

    def _ratio(self, a: str, b: str) -> str:
        """The measure defined as column `a` divided by `b` ("tip / total_bill" is the tip percentage)."""
        cols = [self._column(a), self._column(b)]
        for ds in self._datasets:
            for m in ds.measures:
                if m.divide_by and [m.column.lower(), m.divide_by.lower()] == cols and not m.multiply_by:
                    return m.label.lower()
        raise UnchartableQuestion(
            f"chartq has no measure of {a} divided by {b} row by row; ask for one of its measures."
        )

    def _column(self, name: str) -> str:
        key = name.lower()
        for _, measure in self._measures.get(key, []):
            return measure.column.lower()
        for _, dim in self._dims.get(key, []):
            return dim.column.lower()
        return key

    # --- clauses -----------------------------------------------------------------------------------------
    def _group(self, m: re.Match[str], combined: bool = False) -> str:
        cols = [c.strip() for c in m["cols"].split(",")]
        known = [c for c in cols[1:] if self._known(c)]
        said = f"by {self._label(cols[0], grouping=True)}"
        if combined and cols[0].lower() in self._times and not known:
            said += " as a single line"
        if len(known) > 1:
            raise UnchartableQuestion("chartq groups by at most two columns (one on x, one as series).")
        if known:
            said += f" split by {self._label(known[0], grouping=True)}"
        rest = [c for c in cols[1:] if c not in known]
        return said + "".join(f", {c}" for c in rest)

    def _known(self, name: str) -> bool:
        key = name.lower()
        return key in self._dims or key in self._times or (key in self._measures) or key in ("month", "week")

    def _order(self, m: re.Match[str]) -> str:
        low = (m["dir"] or ("asc" if m["col"] else "desc")).lower() == "asc"
        if m["n"]:
            return f", {'bottom' if low else 'top'} {m['n']}"
        return ", lowest first" if low else ", highest first"

    def _select(self, m: re.Match[str]) -> str:
        items = [i.strip() for i in m["list"].split(",") if i.strip()]
        said, groups, over_time = [], [], False
        for item in items:
            key = item.lower()
            if key in self._times:
                over_time = True
            elif key in self._dims and key not in self._measures:
                groups.append(self._label(item))
            elif key == "*":
                continue
            else:
                said.append(self._label(item) if re.fullmatch(_IDENT, item) else item)
        text = " and ".join(said) if said else "everything"
        if groups:
            text += " by " + " split by ".join(groups)
        if over_time:
            text += " over time"
        if m["t"] and self._is_table(m["t"]):
            text += f" in the {m['t']} data"
        return text

    def _conditions(self, text: str) -> str:
        out, pos = [], 0
        for start in _CLAUSE.finditer(text):
            if start.start() < pos:
                continue
            said, end = self._read_conditions(text, start.end())
            if said is None:
                continue
            out.append(text[pos : start.start()] + said)
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def _read_conditions(self, text: str, at: int) -> tuple[str | None, int]:
        phrases, end = [], at
        while True:
            m = _CONDITION.match(text, at)
            if m is None:
                break
            phrase = self._condition(m)
            if phrase is None:
                break
            phrases.append(phrase)
            end = m.end()
            joiner = _JOINER.match(text, end)
            if joiner is None or not _CONDITION.match(text, joiner.end()):
                break
            if joiner[0].strip().lower() == "or":
                raise UnchartableQuestion("chartq cannot chart conditions joined by OR; ask for each one.")
            at = joiner.end()
        return (" ".join(phrases), end) if phrases else (None, at)

    def _condition(self, m: re.Match[str]) -> str | None:
        col, op = m["col"].lower(), " ".join((m["op"] or m["op2"]).lower().split())
        raw = m["lo"] or m["val"]
        values = (
            [_unquote(v.strip()) for v in raw[1:-1].split(",")] if raw.startswith("(") else [_unquote(raw)]
        )
        values = [v for v in values if v]
        if "like" in op:
            raise UnchartableQuestion("chartq cannot match text patterns (LIKE); name the values instead.")
        if op.startswith("is"):
            raise UnchartableQuestion("chartq's data has no missing values to test with IS (NOT) NULL.")
        hi = _unquote(m["hi"]) if m["hi"] else None
        if "between" in op and hi is None:
            return None
        if col in self._times:
            return on_time(op, values[0], hi)
        exact = [(ds, d) for ds, d in self._dims.get(col, []) if col in (d.name.lower(), d.column.lower())]
        if exact:
            return on_dimension(exact[0][0], exact[0][1], op, values, hi)
        if col in self._measures:
            return on_measure(self._label(col), op, values[0], hi)
        found = self._dims.get(col)
        if found:
            return on_dimension(found[0][0], found[0][1], op, values, hi)
        return None
