"""Time phrases in a question -> the period it asks for: "since 1990", "between 1990 and 2000",
"the last 10 years", "in 2007", "before 1970", "the 1990s".

Periods are tokens as written: a year "1990", a month "2019-06" or a day "2019-06-01"; both ends are
inclusive ("after 1990" starts at 1991, "before 1970" ends at 1969). The kinds of phrase are tried in a
fixed order and each stretch of text is read once, so the longer reading wins ("between 1990 and 2000"
is one range, not "in 1990" and "in 2000"). Periods named whole ("in 2018 and 2019", "2018 compared to
2019") are joined into the range that covers them all; open ends ("since 1970", "before 2000") then
narrow it: the latest start and the earliest end win. Text is matched case-insensitively, on whole words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from worker.planner import periods
from worker.planner.periods import MONTHS, YEAR

__all__ = ["COUNT", "TimePeriod", "parse_count", "read_time_period"]

_NUMBER_NAMES = [
    *("one", "two", "three", "four", "five", "six"),
    *("seven", "eight", "nine", "ten", "eleven", "twelve"),
]
_TEENS = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty")
# "fifteen", "twenty-five", "thirty two": the counts a ranking may ask for, in words.
_LARGER = {w: i for i, w in enumerate(_TEENS, 13)} | {
    f"{ten}{sep}{one}" if one else ten: 10 * t + o
    for t, ten in enumerate(_TENS, 2)
    for o, one in enumerate(["", *_NUMBER_NAMES[:9]])
    for sep in ("-", " ")
}
_COUNT_WORDS = (
    {w: i for i, w in enumerate(_NUMBER_NAMES, 1)}
    | _LARGER
    | {
        "a dozen": 12,
        "dozen": 12,
        "a couple of": 2,
        "half a dozen": 6,
        "half dozen": 6,
    }
)
COUNT = rf"\d{{1,4}}|{'|'.join(sorted(_COUNT_WORDS, key=len, reverse=True))}"
"""Regex source for a small count written in digits or as a word ("10", "ten"); read it with parse_count."""

_MONTHS, _YEAR = MONTHS, YEAR
# A year, an ISO month or day, or a month by name ("June 2019", "Jan. 2018").
_DATE = rf"(?:(?:{'|'.join(_MONTHS)})\.?\s+{_YEAR}|{_YEAR}(?:-\d\d(?:-\d\d)?)?)"
# Tried in this order; an earlier kind claims its text first.
_PATTERNS = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in [
        *periods.PATTERNS,
        ("decade", r"\b(?:in\s+|during\s+)?(?:the\s+)?(?P<a>(?:1[5-9]|2\d)\d0)'?s\b"),
        ("range", rf"\bbetween\s+(?P<a>{_DATE})\s+and\s+(?P<b>{_DATE})\b"),
        (
            "range",
            rf"\b(?:from\s+|in\s+)?(?P<a>{_DATE})\s*(?:to|until|till|through|thru|-|\u2013|\u2014)\s*"
            rf"(?P<b>{_DATE})\b",
        ),
        (
            "last",
            rf"\b(?:in\s+|over\s+|for\s+)?(?:the\s+)?(?:last|past|previous|recent)\s+(?:(?P<n>{COUNT})\s+)?"
            r"(?P<unit>years?|decades?|months?|weeks?|days?)\b",
        ),
        (
            "since",
            rf"\b(?P<op>since|after|from|starting(?:\s+(?:in|from))?|beginning(?:\s+in)?)\s+(?P<a>{_DATE})\b"
            r"(?:\s+(?:on(?:wards?)?|and\s+(?:later|after))\b)?",
        ),
        ("since", rf"\b(?P<op>)(?P<a>{_DATE})\s+(?:onwards?|and\s+later)\b"),
        # "all through 2019", "week by week through 2019": during it, where "through 2019" is up to its end
        # ("month by month through March 2019" still ends with March).
        ("in", rf"\ball\s+through\s+(?P<a>{_DATE})\b"),
        (
            "in",
            r"(?:(?<=day\s)|(?<=week\s)|(?<=month\s)|(?<=quarter\s))through\s+(?P<a>(?:1[5-9]|2\d)\d\d)\b(?![-/])",
        ),
        # "through 2019, week by week": the step said after the year.
        (
            "in",
            r"\bthrough\s+(?P<a>(?:1[5-9]|2\d)\d\d)\b(?![-/])(?=,?\s+(?:day|week|month|quarter)\s+by\s+"
            r"(?:day|week|month|quarter)\b)",
        ),
        (
            "until",
            rf"\b(?<!compared\s)(?<!comparing\s)(?P<op>before|(?:up\s+)?(?:to|through|until)\s+and\s+including|until|till|through|up\s+to|prior\s+to|to)\s+"
            rf"(?P<a>{_DATE})\b",
        ),
        ("in", rf"\b(?:in|during|for|of|at)?\s*(?P<a>{_DATE})\b"),
    ]
]


def parse_count(token: str) -> int:
    """The value of a COUNT match: "ten" -> 10, "12" -> 12."""
    return _COUNT_WORDS.get(" ".join(token.lower().split())) or int(token)


@dataclass(frozen=True)
class TimePeriod:
    """What the time phrases of a question ask for; start and end are None where the question is open."""

    start: str | None = None
    end: str | None = None
    spans: tuple[tuple[int, int], ...] = ()
    """(start, end) offsets of every time phrase read, including those that set no bound."""
    fine: tuple[tuple[int, int], ...] = ()
    """The spans of phrases naming a period shorter than a year (a quarter, a month, a week)."""


def read_time_period(text: str, latest: str | None = None, *, yearly: bool = False) -> TimePeriod:
    """The period the time phrases of `text` ask for.

    `latest` is the last period the data has, which "the last 10 years" counts back from (without it such
    a phrase is read but sets no bound); `yearly` says the data is kept by year rather than by day.
    """
    used = [False] * len(text)
    starts: list[str] = []
    ends: list[str] = []
    whole: list[tuple[str, str]] = []
    spans: list[tuple[int, int]] = []
    fine: list[tuple[int, int]] = []
    # Short periods that open or close a range ("from the first week of 2018 to ..."): (edge, first, last).
    edges: list[tuple[str, str, str]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(used[m.start() : m.end()]):
                continue
            used[m.start() : m.end()] = [True] * (m.end() - m.start())
            spans.append(m.span())
            if _finer_than_a_year(kind, m):
                fine.append(m.span())
            low, high = _bounds(kind, m, latest, yearly)
            if kind in periods.FINE and (edge := _an_end_of_a_range(text, m.start())) is not None:
                edges.append((edge, *periods.bounds(kind, m)))
                continue
            if low is not None and high is not None and kind != "last":
                whole.append((low, high))
                continue
            starts += [low] if low is not None else []
            ends += [high] if high is not None else []
    for edge, low, high in edges:
        if not (starts or ends):  # "from Q3 2018 through Q1 2019": from the first's start to the last's end
            whole.append((low, high))
        elif edge == "start":  # "from the first week of 2018 to the end of the data": the week opens it
            starts.append(low)
        else:
            ends.append(high)
    if whole:
        starts.append(min(low for low, _ in whole))
        ends.append(max(high for _, high in whole))
    return TimePeriod(
        start=max(starts, default=None), end=min(ends, default=None), spans=tuple(spans), fine=tuple(fine)
    )


_OPENS = re.compile(
    r"(?<!\w)(?:from|since|after|starting(?:\s+(?:in|from|with))?|beginning(?:\s+(?:in|with))?)\s+$", re.I
)
_CLOSES = re.compile(r"(?<!\w)(?:to|until|till|up\s+to|before)\s+$", re.I)


def _an_end_of_a_range(text: str, at: int) -> str | None:
    """ "start" when the period at `at` opens a range ("from the first week of 2018 to ..."), "end" when
    it closes one ("... to the last quarter of 2019"), None when it stands for itself."""
    before = text[max(0, at - 30) : at]
    return "start" if _OPENS.search(before) else "end" if _CLOSES.search(before) else None


def _finer_than_a_year(kind: str, m: re.Match[str]) -> bool:
    """Whether a phrase names a period shorter than a year: a quarter, "June 2019", "the last 3 weeks"."""
    if kind in periods.FINE:
        return True
    if kind == "last":
        return not m["unit"].lower().startswith(("year", "decade"))
    return any("-" in _token(m[g]) for g in ("a", "b") if m.groupdict().get(g))


def _token(text: str) -> str:
    """A date as written -> its token: "June 2019" -> "2019-06"; tokens stay as they are."""
    name, _, year = text.replace(".", " ").rpartition(" ")
    if not name:
        return text
    return f"{year}-{_MONTHS[name.strip().lower()]:02d}"


def _bounds(kind: str, m: re.Match[str], latest: str | None, yearly: bool) -> tuple[str | None, str | None]:
    """The (first, last) period one phrase asks for."""
    if kind in periods.FINE:
        return periods.bounds(kind, m)
    a = _token(m["a"]) if kind != "last" else None
    low: str | None = a if kind in ("decade", "range", "since", "in") else None
    high: str | None = a if kind in ("until", "in") else None
    if kind == "decade":
        high = str(int(m["a"]) + 9)
    elif kind == "range":
        low, high = sorted((_token(m["a"]), _token(m["b"])))
    elif kind == "last" and latest is not None:
        low, high = _ago(latest, parse_count(m["n"] or "1"), m["unit"], yearly), latest
    elif kind == "since" and m["op"].lower() == "after" and a is not None:
        low = _shift(a, 1)
    elif kind == "until" and m["op"].lower() == "before" and a is not None:
        high = _shift(a, -1)
    elif (
        kind == "until"
        and m["op"].lower() == "through"
        and not yearly
        and a is not None
        and len(a) == 4
        and not m.string[: m.start()].rstrip().lower().endswith("up")
    ):
        # "the share price through 2019" on dated data is during 2019 ("life expectancy through 1982", on
        # yearly data, is the years up to it).
        low = a
    return low, high


def _shift(token: str, step: int) -> str:
    """The period just after (step 1) or before (-1) a year, month or day token."""
    parts = [int(p) for p in token.split("-")]
    if len(parts) == 1:
        return str(parts[0] + step)
    if len(parts) == 2:
        months = parts[0] * 12 + parts[1] - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return (dt.date(*parts) + dt.timedelta(days=step)).isoformat()


def _ago(latest: str, amount: int, unit: str, yearly: bool) -> str:
    """The period `amount` units before `latest`: a year for yearly data, else an ISO day."""
    unit = unit.rstrip("s")
    if yearly:
        years = {"decade": 10 * amount, "year": amount}.get(unit, 0)
        return str(int(latest[:4]) - years)
    day = dt.date.fromisoformat(latest[:10])
    if unit in ("year", "decade", "month"):
        months = day.year * 12 + day.month - 1 - amount * {"year": 12, "decade": 120}.get(unit, 1)
        year, month = months // 12, months % 12 + 1
        return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1])).isoformat()
    return (day - dt.timedelta(days=amount * (7 if unit == "week" else 1))).isoformat()
