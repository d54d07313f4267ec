"""A British office user's dates and words spelt out before a question is read.

Numeric dates are read day first ("01/04/2018" is 1 April 2018) unless one of the question's dates can
only be month first ("03/15/2019"); dotted ones ("15.03.2019") are always day first, and one that reads both
ways with nothing to tell ("04/05/2019" alone) is refused; a week may be named by the Monday it
commences ("w/c 7 January 2019" is that Monday to the Sunday after it), a fortnight the same way, and a
weekday before a date ("Monday 4 March 2019") only names it; "the first fortnight of March
2019" is its first fourteen days; a financial year given with its dates ("the 2018/19 financial year (1
April 2018 to 31 March 2019)") is those dates; a range whose year is written once ("between 1 October
and 31 December 2018") has it on both ends. The words: "per cent" is percent, "whilst" is while,
"turnover" is revenue, "wards" are districts, "an outright majority" is a majority, "colour" is color.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from worker.planner.errors import NotInTheData

__all__ = ["unbritish"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH = r"(?P<{0}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_SLASHED = re.compile(
    r"(?<![\d/.])(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"
)
# "7 January 2019", "7th Jan 2019", or (after _SLASHED) "2019-01-07".
_DAY = (
    r"(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH.format("m")
    + r"\s+(?P<y>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2}))"
)
# "Monday 4 March 2019", "on Monday, 1 July 2019": the weekday only names the date after it.
_WEEKDAY = re.compile(
    r"(?<!\w)(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?=\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTH.format("m").replace("(?P<m>", "(?:")
    + r"\s+\d{4})",
    re.IGNORECASE,
)
_WEEK = re.compile(
    r"(?<!\w)(?:the\s+)?(?:w/c|w\.c\.|wc|(?:the\s+)?(?P<span>week|fortnight)\s+(?:commencing|beginning|starting))\s+"
    + _DAY,
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
    # "my favourite species, virginica", "My favourite line graph:": a liking, no part of the data.
    (r"\b(?:my\s+|our\s+)?favou?rite\s+", ""),
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


def _day_first(dates: list[re.Match[str]]) -> bool:
    """Whether the numeric dates of one question are written day first: as any of them must be ("30/06/2018",
    "15.03.2019"), else not when one must be month first ("03/15/2019"). Dates that read both ways and
    differ ("04/05/2019"), with nothing to tell, are refused: a chart of the wrong month would look right."""
    day_first = any(m["sep"] == "." or int(m["d"]) > 12 for m in dates)
    month_first = any(int(m["m"]) > 12 for m in dates)
    if day_first and not month_first:
        return True
    if month_first and not day_first:
        return False
    both = next((m for m in dates if m["d"] != m["m"] and int(m["d"]) <= 12 and int(m["m"]) <= 12), None)
    if both is None:
        return True
    d, mo = int(both["d"]), int(both["m"])
    year = int(both["y"]) + (2000 if len(both["y"]) == 2 else 0)
    raise NotInTheData(
        f"\u201c{both[0]}\u201d could be {d} {calendar.month_name[mo]} or {mo} {calendar.month_name[d]} "
        f"{year}; write the month as a word, e.g. \u201c{d} {calendar.month_name[mo]} {year}\u201d."
    )


def _numeric_dates(text: str) -> str:
    """`text` with its numeric dates ("30/06/2018", "03/15/2019", "15.03.2019") as ISO dates."""
    # A dotted date needs its whole year: "1.5.10" is more likely a version or a list than a day.
    dates = [m for m in _SLASHED.finditer(text) if m["sep"] == "/" or len(m["y"]) == 4]
    if not dates:
        return text
    day_first = _day_first(dates)
    spans = {m.span() for m in dates}

    def iso(m: re.Match[str]) -> str:
        if m.span() not in spans:
            return m[0]
        day, month = (m["d"], m["m"]) if day_first else (m["m"], m["d"])
        year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
        try:
            return dt.date(year, int(month), int(day)).isoformat()
        except ValueError:
            return m[0]

    return _SLASHED.sub(iso, text)


def _week(m: re.Match[str]) -> str:
    start = _date(m)
    if start is None:
        return m[0]
    days = 13 if (m["span"] or "").lower() == "fortnight" else 6
    return f"from {start.isoformat()} to {(start + dt.timedelta(days=days)).isoformat()}"


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
    text = _WEEKDAY.sub("", _numeric_dates(text))
    text = _WEEK.sub(_week, text)
    text = _FORTNIGHT.sub(_fortnight, text)
    text = _FINANCIAL.sub(_financial, text)
    text = _ONE_YEAR.sub(_one_year, text)
    for pattern, said in _SAID:
        text = pattern.sub(said, text)
    return text
