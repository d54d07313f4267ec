"""Periods shorter than a year, read as their first and last calendar day (ISO dates): quarters ("Q3
2019", "the second quarter of 2018"), halves ("the first half of 2019", "H2 2018"), spans of months
within one year ("April to September 2018", "between March and May 2019"), the first or last months,
weeks or days of a year ("the last 3 months of 2019", "the last week of 2018") and weeks ("the week of
2019-03-04", "week 12 of 2019").

worker.planner.time_phrases tries these before its own phrases, so "Q3 2019" is never read as "2019".
Data kept by year cannot show them; the caller refuses them there (they are all `FINE`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["FINE", "MONTHS", "PATTERNS", "YEAR", "bounds"]

# Month names and their usual abbreviations, by month number ("sept" and "sep" are both September).
_MONTH_NAMES = (
    "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|september sept sep|"
    "october oct|november nov|december dec"
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES.split("|"), 1) for name in names.split()}
YEAR = r"(?:1[5-9]|2\d)\d\d"
_MONTH = rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_IN = r"(?:(?:in|during|for|over|through(?:out)?)\s+)?(?:the\s+)?"
_NTH = r"(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)"
_COUNT = rf"\d{{1,2}}|{'|'.join(_NUMBERS)}"

# (kind, regex source), tried in this order.
PATTERNS: list[tuple[str, str]] = [
    ("quarter", rf"\b{_IN}{_NTH}\s+quarter\s+(?:of\s+|in\s+)?(?P<y>{YEAR})\b"),
    ("quarter", rf"\b{_IN}q(?P<q>[1-4])\s*(?:of\s+|in\s+|,\s*)?(?P<y>{YEAR})\b"),
    ("quarter", rf"\b{_IN}(?P<y>{YEAR})\s*-?\s*q(?P<q>[1-4])\b"),
    ("half", rf"\b{_IN}(?P<ord>first|second|last|1st|2nd)\s+half\s+(?:of\s+|in\s+)?(?P<y>{YEAR})\b"),
    ("half", rf"\b{_IN}h(?P<q>[12])\s*(?P<y>{YEAR})\b"),
    (
        "edge",
        rf"\b{_IN}(?P<ord>first|last|final)\s+(?:(?P<n>{_COUNT})\s+)?(?P<unit>months?|weeks?|days?)\s+"
        rf"(?:of|in)\s+(?P<y>{YEAR})\b",
    ),
    (
        "months",
        rf"\b(?:(?:from|between|in|during)\s+)?(?P<m1>{_MONTH})\s*(?:to|until|till|through|thru|and|-|\u2013|"
        rf"\u2014)\s*(?P<m2>{_MONTH})\s*,?\s+(?P<y>{YEAR})\b",
    ),
    ("week", rf"\b{_IN}week\s+(?:of|starting|beginning)\s+(?:on\s+)?(?P<d>{YEAR}-\d\d-\d\d)\b"),
    ("week", rf"\b{_IN}week\s+(?P<n>\d{{1,2}})\s+(?:of\s+|in\s+)?(?P<y>{YEAR})\b"),
]
FINE = frozenset(kind for kind, _ in PATTERNS)


def _day(year: int, month: int, last: bool = False) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1)


def _months(year: int, first: int, last: int) -> tuple[str, str]:
    """The first day of month `first` to the last day of month `last` (of the year before when later)."""
    start_year = year - 1 if first > last else year
    return _day(start_year, first).isoformat(), _day(year, last, last=True).isoformat()


def _count(text: str | None) -> int:
    if not text:
        return 1
    return int(text) if text.isdigit() else _NUMBERS.index(text.lower()) + 1


def _edge(m: re.Match[str], year: int) -> tuple[str, str]:
    """ "the last 3 months of 2019", "the first week of 2018"."""
    n, unit, last = _count(m["n"]), m["unit"].lower().rstrip("s"), m["ord"].lower() != "first"
    if unit == "month":
        n = min(n, 12)
        return _months(year, 13 - n, 12) if last else _months(year, 1, n)
    days = n * (7 if unit == "week" else 1) - 1
    if last:
        end = dt.date(year, 12, 31)
        return (end - dt.timedelta(days=days)).isoformat(), end.isoformat()
    start = dt.date(year, 1, 1)
    return start.isoformat(), (start + dt.timedelta(days=days)).isoformat()


def bounds(kind: str, m: re.Match[str]) -> tuple[str, str]:
    """The first and last day a phrase of `kind` (one of FINE) names."""
    g = m.groupdict()
    if kind == "week":
        if g.get("d"):
            day = dt.date.fromisoformat(g["d"])
        else:
            day = dt.date.fromisocalendar(int(g["y"]), max(1, min(int(g["n"]), 52)), 1)
        return day.isoformat(), (day + dt.timedelta(days=6)).isoformat()
    year = int(m["y"])
    if kind == "months":
        first, last = (MONTHS[m[g].lower().rstrip(".")] for g in ("m1", "m2"))
        return _months(year, first, last)
    if kind == "edge":
        return _edge(m, year)
    parts = 4 if kind == "quarter" else 2
    ordinal = (g.get("ord") or "").lower()
    number = parts if ordinal in ("last", "final") else _ORDINAL.get(ordinal) or int(g["q"])
    size = 12 // parts
    return _months(year, (number - 1) * size + 1, number * size)
