"""A request written as a command line, spelt out as the sentence it means.

A developer types the request as they would call a tool: `chartq plot tips --x day --y tip --agg mean`,
`chartq -d iris -t scatter -x sepal_length -y petal_length --color species`, `chartq count tips --by day
--color sex`, `chartq hist iris --field petal_width --filter species!=setosa`, `plot gapminder --x country
--filter continent=Asia --year 2007 --top 5 --by pop`, `--since 2018-06 --until 2019-01` (a month is the
whole month), `--filter ticker=GOOG,FB`, `--filter 'price<1'`, `--sort asc --limit 10`, and `--flag=value`
as well as `--flag value`. The flags are gathered into the request a JSON/key=value user would write and
handed to worker.planner.key_values, which spells it against the model (and refuses what it cannot spell:
an aggregation such as "std", a value or a period the data lacks).

It reads only a command line: a leading `chartq` (or `plot`) with at least one flag, or two `--flags` or
more. A flag or a word it cannot honour (`--bins 20`, `--log-x`, `--rolling 4w`, `--join`, `-o out.png`)
is refused, named, as charting without it would answer another question. Any other text is unchanged.
"""

from __future__ import annotations

import calendar
import json
import re
import shlex
from typing import Any

from worker.planner.errors import UnchartableQuestion
from worker.planner.key_values import unkey_values
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["uncli"]

_LEADING = re.compile(r"^\s*(?:\$\s*)?(?:chartq|plot)\b", re.I)
_FLAG = re.compile(r"(?:^|\s)--?[A-Za-z]")
_LONG_FLAG = re.compile(r"(?:^|\s)--[A-Za-z]")
_PROGRAMS = {"chartq", "python", "-m"}
_VERBS = {
    "plot": "", "chart": "", "draw": "", "show": "", "count": "count", "hist": "histogram",
    "histogram": "histogram", "bar": "bar", "line": "line", "pie": "pie", "scatter": "scatter",
}  # fmt: skip
# Each flag, by its spellings, as the key of the key=value request it stands for.
_KEYS = {
    "d": "data", "dataset": "data", "data": "data", "x": "x", "y": "y", "agg": "agg", "aggregate": "agg",
    "a": "agg", "t": "chart", "type": "chart", "chart": "chart", "kind": "chart", "color": "color",
    "colour": "color", "hue": "color", "c": "color", "series": "color", "by": "by", "group-by": "by",
    "groupby": "by", "group_by": "by", "g": "by", "filter": "filter", "f": "filter", "where": "filter",
    "year": "year", "since": "since", "from": "since", "start": "since", "until": "until", "to": "until",
    "end": "until", "top": "top", "sort": "sort", "order": "sort", "limit": "limit", "n": "limit",
    "head": "limit", "field": "field", "metric": "field", "measure": "field", "column": "field",
}  # fmt: skip
_CONDITION = re.compile(r"^(?P<c>[A-Za-z_][\w .]*?)\s*(?P<op>!=|>=|<=|==|=|>|<)\s*(?P<v>.+)$")
_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?$")


class _Refused(Exception):
    """Flags or words of the command line this module cannot honour, as written."""


def uncli(text: str, model: SemanticModel) -> str:
    """`text` with a command line spelt as a sentence; unchanged when it is no command line."""
    if not _is_command_line(text):
        return text
    try:
        request = _Request(model).read(_tokens(text))
    except _Refused as exc:
        raise UnchartableQuestion(
            with_example(
                f"chartq cannot honour {exc} in that command line, so it does not chart it", text, model
            )
        ) from None
    spelt = unkey_values(json.dumps(request), model)
    if spelt.startswith("{"):
        raise UnchartableQuestion(with_example("chartq needs more flags in that command line", text, model))
    return spelt


def _is_command_line(text: str) -> bool:
    flags = len(_LONG_FLAG.findall(text))
    return flags >= 2 or (bool(_LEADING.match(text)) and bool(_FLAG.search(text)))


def _tokens(text: str) -> list[str]:
    """The command line's words, quotes taken off as a shell would ("nation='South Korea'")."""
    text = re.sub(r"^\s*\$\s*", "", text.strip().rstrip(".?!"))
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


class _Request:
    """Gathers one command line's flags into a key=value request."""

    def __init__(self, model: SemanticModel) -> None:
        self.model = model
        self.keys: dict[str, Any] = {}
        self.filters: dict[str, Any] = {}
        self.span: dict[str, str] = {}

    def read(self, tokens: list[str]) -> dict[str, Any]:
        words = self._flags(self._head(tokens))
        if words:
            raise _Refused(", ".join(f"“{w}”" for w in words))
        self._ranked_by()
        if self.filters:
            self.keys["filter"] = self.filters
        if self.span:
            self.keys["period"] = self._period()
        return self.keys

    def _ranked_by(self) -> None:
        """With an --x, "--top 5 --by pop" ranks by a measure rather than grouping by it."""
        if "x" not in self.keys or "by" not in self.keys:
            return
        by = self.keys.pop("by")
        if ("limit" not in self.keys and "sort" not in self.keys) or self.keys.setdefault("y", [by]) != [by]:
            raise _Refused(f"“--by {by}” beside “--x {self.keys['x']}”")
        self.keys.setdefault("sort", "desc")

    def _head(self, tokens: list[str]) -> list[str]:
        """The tokens after the program's name and verb; a dataset named as a word is taken in."""
        while tokens and tokens[0].lower() in _PROGRAMS:
            tokens = tokens[1:]
        if tokens and tokens[0].lower() in _VERBS:
            verb = _VERBS[tokens.pop(0).lower()]
            if verb == "count":
                self.keys["agg"] = "count"
            elif verb:
                self.keys["chart"] = verb
        return tokens

    def _flags(self, tokens: list[str]) -> list[str]:
        """Reads each flag and its value; returns the flags unknown and the words neither flag nor dataset."""
        left, i = [], 0
        while i < len(tokens):
            token = tokens[i]
            if not re.match(r"^--?[A-Za-z]", token):
                if self._dataset(token) and "data" not in self.keys:
                    self.keys["data"] = token
                else:
                    left.append(token)
                i += 1
                continue
            name, _, value = token.lstrip("-").partition("=")
            if not value and i + 1 < len(tokens) and not re.match(r"^--?[A-Za-z]", tokens[i + 1]):
                value, i = tokens[i + 1], i + 1
            key = _KEYS.get(name.lower())
            if key is None or not value:
                left.append(f"{token}{' ' + value if value and '=' not in token else ''}")
            else:
                self._flag(key, value, token)
            i += 1
        return left

    def _dataset(self, word: str) -> bool:
        return any(word.lower() in {d.name, *(s.lower() for s in d.synonyms)} for d in self.model.datasets)

    def _flag(self, key: str, value: str, token: str) -> None:
        if key == "filter":
            self._filter(value, token)
        elif key in ("since", "until"):
            self._bound(key, value, token)
        elif key == "top":
            self._set("limit", int(value) if value.isdigit() else value, token)
            self._set("sort", "desc", token)
        elif key in ("y", "field"):
            self.keys.setdefault("y", []).append(value)
        elif key in ("limit", "year"):
            self._set(key, int(value) if value.isdigit() else value, token)
        else:
            self._set(key, value, token)

    def _set(self, key: str, value: Any, token: str) -> None:
        if self.keys.get(key, value) != value:
            raise _Refused(f"“{token} {value}” after “{self.keys[key]}”")
        self.keys[key] = value

    def _filter(self, value: str, token: str) -> None:
        match = _CONDITION.match(value.strip())
        if match is None or match["c"] in self.filters:
            raise _Refused(f"“{token} {value}”")
        op, wanted = match["op"], match["v"].strip().strip("\"'")
        listed: Any = [v.strip() for v in wanted.split(",") if v.strip()] if "," in wanted else wanted
        if op in ("=", "=="):
            self.filters[match["c"]] = listed
        elif op == "!=":
            self.filters[match["c"]] = {"!=": listed}
        else:
            try:
                self.filters[match["c"]] = {op: float(wanted) if "." in wanted else int(wanted)}
            except ValueError:
                raise _Refused(f"“{token} {value}”") from None

    def _bound(self, key: str, value: str, token: str) -> None:
        if key in self.span or _DATE.match(value) is None:
            raise _Refused(f"“{token} {value}”")
        self.span[key] = value

    def _period(self) -> list[str]:
        """The span of --since and --until, a month or a year whole, open ends at the data's own ends."""
        if "year" in self.keys:
            raise _Refused("“--year” with “--since” or “--until”")
        first, last = self._data_ends()
        since, until = self.span.get("since"), self.span.get("until")
        if since is None or until is None:
            if first is None or last is None:
                raise _Refused("an open span (“--since” or “--until” alone) without a dataset")
            since, until = since or first[: len(until or "")], until or last[: len(since or "")]
        return [_whole(since, end=False), _whole(until, end=True)]

    def _data_ends(self) -> tuple[str | None, str | None]:
        name = str(self.keys.get("data", "")).lower()
        for dataset in self.model.datasets:
            if name in {dataset.name, *(s.lower() for s in dataset.synonyms)} and dataset.time:
                return dataset.time_min, dataset.time_max
        return None, None


def _whole(date: str, *, end: bool) -> str:
    """A month as its first or last day; a year or a day as written."""
    match = _DATE.match(date)
    if match is None or not match["m"] or match["d"]:
        return date
    year, month = int(match["y"]), int(match["m"])
    day = calendar.monthrange(year, month)[1] if end else 1
    return f"{year:04d}-{month:02d}-{day:02d}"
