"""Conditions against a measure's own base: a measure kept relative to a base period (the stock prices are
"\u00d7 Jan 2018 price", 1 in the first week of January 2018) is compared to that base by its multiple, so
"below its January 2018 level" is price < 1, "above 1.5 times its jan 2018 price" is price > 1.5 and
"between 1 and 1.5 times the January 2018 level" is price from 1 to 1.5.

Read before the periods, so the base's month and year are never taken for the period charted.
"""

from __future__ import annotations

import calendar
import re

from worker.plan import Filter
from worker.planner.time_phrases import COUNT, parse_count
from worker.planner.vocabulary import Scan, Vocabulary

__all__ = ["read_relative"]

# A unit saying what a measure is relative to: "\u00d7 Jan 2018 price" (times the January 2018 price).
_RELATIVE_UNIT = re.compile(r"^\s*(?:\u00d7|x)\s*(?P<month>[a-z]+)\.?\s+(?P<year>\d{4})\b", re.IGNORECASE)
_OPS = {
    "gt": r"above|over|higher\s+than|more\s+than|greater\s+than|bigger\s+than|exceeding|>",
    "gte": r"at\s+least|no\s+less\s+than|>=",
    "lt": r"below|under|lower\s+than|less\s+than|smaller\s+than|<",
    "lte": r"at\s+most|no\s+more\s+than|<=",
}
_OP = "|".join(f"(?P<{k}>{v})" for k, v in _OPS.items())
_TIMES = {"twice": 2.0, "double": 2.0, "half": 0.5, "one and a half": 1.5, "one and half": 1.5}
_MULTIPLE = (
    rf"(?:(?P<n>\d+(?:\.\d+)?|{COUNT}|one\s+and\s+a\s+half|one\s+and\s+half)\s*(?:times|x)|"
    r"(?P<w>twice|double|half))"
)


def _base(month: str, year: str) -> str:
    """The base period as a question may write it: "jan 2018", "January 2018", "jan-2018"."""
    number = next(
        (i for i, name in enumerate(calendar.month_abbr) if name and name.lower() == month[:3].lower()), 0
    )
    names = {calendar.month_abbr[number].lower(), calendar.month_name[number].lower()} if number else {month}
    body = "|".join(sorted(names, key=len, reverse=True))
    return rf"(?:{body})\.?[\s-]*(?:of\s+)?{year}"


def read_relative(scan: Scan, vocab: Vocabulary) -> list[Filter]:
    """ "weeks below jan-2018 level", "above 1.5 times its January 2018 price": conditions on a measure
    relative to its base, as a multiple of it. Claims the words."""
    found = []
    for measure in vocab.ds.measures:
        unit = _RELATIVE_UNIT.match(measure.unit or "")
        if unit is None:
            continue
        base = _base(unit["month"], unit["year"])
        pattern = re.compile(
            rf"(?<!\w)(?:{_OP})\s+(?:{_MULTIPLE}\s+)?(?:(?:its|their|the)\s+)?(?:{base})"
            r"(?:\s+(?:closing\s+)?(?:price|level|value|close|mark|prices|levels|values))?(?!\w)",
            re.IGNORECASE,
        )
        for m in scan.take(_between(base)):
            value = [_number(m["lo"]), _number(m["hi"])]
            found.append(Filter.model_validate({"column": measure.name, "op": "between", "value": value}))
        for m in scan.take(pattern):
            op = next(k for k in _OPS if m[k])
            found.append(Filter.model_validate({"column": measure.name, "op": op, "value": _times(m)}))
    return found


def _times(m: re.Match[str]) -> float:
    said = " ".join((m["n"] or m["w"] or "1").lower().split())
    if said in _TIMES:
        return _TIMES[said]
    try:
        return float(said)
    except ValueError:
        return float(parse_count(said))


def _number(said: str) -> float:
    said = " ".join(said.lower().split())
    return _TIMES[said] if said in _TIMES else float(said) if said[0].isdigit() else float(parse_count(said))


def _between(base: str) -> re.Pattern[str]:
    """ "between 1 and 1.5 times the January 2018 level", "from 1x to 2x its jan 2018 price": a range of
    multiples of the base."""
    number = rf"(?:\d+(?:\.\d+)?|{COUNT}|one\s+and\s+a\s+half)"
    return re.compile(
        rf"(?<!\w)(?:between|from)\s+(?P<lo>{number})\s*(?:times|x)?\s+(?:and|to)\s+(?P<hi>{number})\s*"
        rf"(?:times|x)\s+(?:(?:its|their|the)\s+)?(?:{base})"
        r"(?:\s+(?:closing\s+)?(?:price|level|value|close|mark|prices|levels|values))?(?!\w)",
        re.IGNORECASE,
    )
