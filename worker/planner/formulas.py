"""Excel's conditional aggregates spelt out as the SQL-ish English the readers know, for the spreadsheet
user (worker.planner.spreadsheet calls it first):

- "COUNTIF(gdpPercap, ">10000")" is "count of rows where gdpPercap > 10000", and COUNTIFS's pairs are
  joined by "and" (the count reader counts the measure a condition is on, else the first measure);
- "AVERAGEIFS(lifeExp, continent, "Africa")" is "average of lifeExp where continent = 'Africa'", and so
  are SUMIFS, MAXIFS and MINIFS with sum, max and min; SUMIF / AVERAGEIF (range, criterion, [range to
  add]) put the condition first, as Excel does;
- "MAXIFS of price" (no arguments) is "max of price".

A criterion is Excel's: a quoted operator and value (">=5", "<>setosa") or a value alone (equal to it).
Anything else Excel allows that a condition here cannot say (cell ranges such as A2:A10, wildcards, a
wrong number of arguments) is left as written, so the function is refused rather than guessed.
"""

from __future__ import annotations

import re

__all__ = ["unformula"]

_I = re.IGNORECASE
_WORD = {"count": "count", "sum": "sum", "average": "average", "max": "max", "min": "min"}
_CALL = re.compile(r"\b(?P<f>count|sum|average|max|min)(?P<s>ifs?)\s*\((?P<args>[^()]*)\)", _I)
_NAMED = re.compile(r"\b(?P<f>count|sum|average|max|min)ifs?\s+(?=of\b)", _I)
_ARG = re.compile(r"\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^,\"']+?))\s*(?:,|$)")
_COLUMN = re.compile(r"[A-Za-z_][\w.]*")
_CRITERION = re.compile(r"(?P<op><>|>=|<=|=|>|<)?\s*(?P<v>[\w.+-]+(?:\s+[\w.+-]+)*)")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def unformula(text: str) -> str:
    """`text` with COUNTIF(S), SUMIF(S), AVERAGEIF(S), MAXIFS and MINIFS in words."""
    text = _CALL.sub(lambda m: _spelt(m) or m[0], text)
    return _NAMED.sub(lambda m: f"{_WORD[m['f'].lower()]} ", text)


def _spelt(m: re.Match[str]) -> str | None:
    """The call `m` in words, or None when its arguments are not a column and criteria."""
    args = _arguments(m["args"])
    f, plural = m["f"].lower(), m["s"].lower() == "ifs"
    if args is None or (f in ("max", "min") and not plural):
        return None
    if f == "count":
        target, pairs = None, args
    elif plural:
        target, pairs = args[0], args[1:]
    elif len(args) in (2, 3):
        # SUMIF(range, criterion, [sum_range]): Excel adds the range itself when no third is given.
        target, pairs = args[-1] if len(args) == 3 else args[0], args[:2]
    else:
        return None
    if len(pairs) < 2 or len(pairs) % 2 or not _COLUMN.fullmatch(target or "x"):
        return None
    conditions = [_condition(pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)]
    if any(c is None for c in conditions):
        return None
    counted = "rows" if target is None else target
    return f"{_WORD[f]} of {counted} where " + " and ".join(c for c in conditions if c)


def _arguments(text: str) -> list[str] | None:
    """The arguments of a call, unquoted; None when they do not split cleanly."""
    args, pos = [], 0
    while pos < len(text):
        m = _ARG.match(text, pos)
        if m is None or m.end() == pos:
            return None
        args.append(m["dq"] if m["dq"] is not None else m["sq"] if m["sq"] is not None else m["bare"])
        pos = m.end()
    return args


def _condition(column: str, criterion: str) -> str | None:
    """ "petal_length", ">=5" as "petal_length >= 5"; words quoted so they read as a value, not English
    ("smoker = 'No'" is not a negation)."""
    m = _CRITERION.fullmatch(criterion.strip())
    if not _COLUMN.fullmatch(column) or m is None or "*" in criterion or "?" in criterion:
        return None
    value = m["v"] if _NUMBER.fullmatch(m["v"]) else f"'{m['v']}'"
    return f"{column} {m['op'] or '='} {value}"
