"""A British office user's dates and words spelt out before a question is read.

Dates are written day-first ("01/04/2018" is 1 April 2018); a week may be named by the Monday it
commences ("w/c 7 January 2019" is that Monday to the Sunday after it); "the first fortnight of March
2019" is its first fourteen days; a financial year given with its dates ("the 2018/19 financial year (1
April 2018 to 31 March 2019)") is those dates; a range whose year is written once ("between 1 October
and 31 December 2018") has it on both ends. The words: "per cent" is percent, "whilst" is while,
"turnover" is revenue, "wards" are districts, "an outright majority" is a majority, "colour" is color.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["unbritish"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH = r"(?P<{0}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_SLASHED = re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
# "7 January 2019", "7th Jan 2019", or (after _SLASHED) "2019-01-07".
_DAY = (
    r"(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH.format("m")
    + r"\s+(?P<y>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2}))"
)
_WEEK = re.compile(
    r"(?<!\w)(?:the\s+)?(?:w/c|w\.c\.|wc|(?:the\s+)?week\s+(?:commencing|beginning|starting))\s+" + _DAY,
    re.IGNORECASE,
)
_FORTNIGHT = re.compile(
    r"(?<!\w)(?:the\s+)?(?P<which>first|second|last|final)\s+fortnight\s+(?:of|in)\s+"
    + _MONTH.format("m")
    + r"\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
# "over the 2018/19 financial year (1 April 2018 to 31 March 2019)": the dates in brackets.
_FINANCIAL = re.compile(
    r"(?<!\w)(?:(?:over|during|in|for|across)\s+)?(?:the\s+)?(?:\d{4}\s*[/-]\s*\d{2,4}\s+)?"
    r"(?:financial|fiscal|tax)\s+year\s*\(\s*(?:from\s+)?(?P<dates>\d[^()]*?\d{4})\s*\)",
    re.IGNORECASE,
)
# "between 1 October and 31 December 2018", "from 1 April to 30 June 2018": the year on both ends.
_ONE_YEAR = re.compile(
    rf"(?<!\w)(?P<a>between|from)\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.format('m1')}\s+"
    rf"(?P<b>and|to|until|till)\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.format('m2')}\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)
_WORDS = [
    (r"\bper\s+cent\b", "percent"),
    (r"\bwhilst\b", "while"),
    (r"\bturnover\b", "revenue"),
    (r"\bwards\b", "districts"),
    (r"\bward\b", "district"),
    (r"\b(?:an?\s+)?outright\s+majorit(?=y|ies)", "a majorit"),
    (r"\bcolour(?=s?\b|ed\b|ing\b)", "color"),
    # "with the colour of each point showing its continent": colored by it.
    (
        r"\bwith\s+the\s+colou?r\s+of\s+each\s+(?:point|dot|marker|bubble)\s+(?:showing|giving)\s+(?:its|the)\b",
        "colored by",
    ),
    # "A pie chart would be grand.": a pie chart.
    (r"(?:,\s*)?\b(?:would|'d)\s+be\s+grand\b", ""),
]
_SAID = [(re.compile(p, re.IGNORECASE), s) for p, s in _WORDS]


def _date(m: re.Match[str], n: str = "") -> dt.date | None:
    if m[f"iso{n}"]:
        try:
            return dt.date.fromisoformat(m[f"iso{n}"])
        except ValueError:
            return None
    try:
        return dt.date(int(m[f"y{n}"]), _MONTHS[m[f"m{n}"].lower()], int(m[f"d{n}"]))
    except ValueError:
        return None


def _slashed(m: re.Match[str]) -> str:
    year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    try:
        return dt.date(year, int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return m[0]


def _week(m: re.Match[str]) -> str:
    start = _date(m)
    if start is None:
        return m[0]
    return f"from {start.isoformat()} to {(start + dt.timedelta(days=6)).isoformat()}"


def _fortnight(m: re.Match[str]) -> str:
    year, month = int(m["y"]), _MONTHS[m["m"].lower()]
    last = calendar.monthrange(year, month)[1]
    first_day = {"first": 1, "second": 15}.get(m["which"].lower(), last - 13)
    start = dt.date(year, month, first_day)
    return f"from {start.isoformat()} to {(start + dt.timedelta(days=13)).isoformat()}"


def _financial(m: re.Match[str]) -> str:
    return f"from {m['dates']}"


def _one_year(m: re.Match[str]) -> str:
    return f"{m['a']} {m['d1']} {m['m1']} {m['y']} {m['b']} {m['d2']} {m['m2']} {m['y']}"


def unbritish(text: str) -> str:
    """`text` with day-first dates as ISO dates, weeks and fortnights as their days, and British words
    in the words the planner reads."""
    text = _SLASHED.sub(_slashed, text)
    text = _WEEK.sub(_week, text)
    text = _FORTNIGHT.sub(_fortnight, text)
    text = _FINANCIAL.sub(_financial, text)
    text = _ONE_YEAR.sub(_one_year, text)
    for pattern, said in _SAID:
        text = pattern.sub(said, text)
    return text
