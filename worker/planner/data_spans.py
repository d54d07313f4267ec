"""Spans said by the data's own ends, and events used as dates, spelt out as the periods the later
readers understand.

A time-span user names periods by the data's edges ("from the start to the end of the data", "from the
first survey year to the last", "from 1 April 2019 to the end of the data"), by the edges of calendar
periods ("the end of Q1 2019"), by weeks counted back from a year's end ("the last 12 weeks of 2019") or
by events with their dates ("the 2018 World Cup final (15 July 2018)", "the two World Cup years 1962 and
1982"). Each is rewritten against the one dated dataset the question names (its first and last date from
the model): ends as dates or years, a span covering the whole data as no span at all (the chart then says
"all dates"), weeks as Monday-to-Sunday weeks as the stocks data's closes are dated. A span that reaches
outside the data is refused, since the chart would silently start or stop at the data's edge. Text this
module does not recognise, or that no one dated dataset owns, is left unchanged.
"""

from __future__ import annotations

import datetime as dt
import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.periods import MONTHS
from worker.planner.refusals import suggest
from worker.planner.relative_times import data_days, datasets_named
from worker.planner.time_phrases import COUNT, parse_count
from worker.semantic import Dataset, SemanticModel

__all__ = ["unspan"]

_YEAR = r"(?:1[5-9]|20)\d\d"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# A day as users write it: "15 July 2018", "July 15, 2018", "2018-07-15".
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_ORDINAL}\s+(?:{_MONTH})\.?,?\s+{_YEAR}|(?:{_MONTH})\.?\s+{_ORDINAL},?\s+{_YEAR}"
    rf"|{_YEAR}-\d\d-\d\d)"
)
_START = r"(?:start|beginning|outset|first\s+day)"
_END = r"(?:end|close|last\s+day)"
_OF_DATA = r"(?:of\s+)?(?:the\s+)?(?:data(?:set)?|records?|series)"
# "from the 2018 World Cup final (15 July 2018)": the event adds nothing to the date it is said with.
_EVENT = re.compile(
    rf"\b(?P<prep>from|since|after|before|until|till|to|on|between|and)\s+(?:the\s+)?"
    rf"(?:(?!(?:from|since|to|until|and|of|the)\b)[\w'\u2019-]+\s+){{1,5}}\((?P<date>{_DATE})\)",
    re.IGNORECASE,
)
# "the two World Cup years 1962 and 1982", "the election year 2018": the years as written.
_EVENT_WORD = (
    r"(?!(?:first|last|latest|final|past|next|previous|most|recent|survey|other"
    r"|in|of|for|per|by|on|at|with|and|or)\b)[A-Za-z][\w'\u2019-]*\s+"
)
_EVENT_YEARS = re.compile(
    rf"\b[Tt]he\s+(?:(?:two|both)\s+(?:{_EVENT_WORD}){{1,3}}years\s+(?={_YEAR}\s+(?:and|to)\s+{_YEAR}\b)"
    rf"|(?=[A-Z])(?:{_EVENT_WORD}){{1,3}}years?\s+(?:of\s+)?(?={_YEAR}\b))",
)
# Whole spans: "from the start to the end of the data", "over the whole history of the data", "from the
# first survey year to the last", "in the first and last survey years" (two named survey years are a
# line from the first to the last, which is the whole data).
_WHOLE = re.compile(
    rf"\b(?:(?:all\s+the\s+way\s+)?from\s+the\s+(?:very\s+)?{_START}(?:\s+{_OF_DATA})?\s+(?:to|until|till|through)"
    rf"\s+the\s+(?:very\s+)?{_END}\s+{_OF_DATA}"
    rf"|from\s+(?:the\s+)?{_START}\s+to\s+(?:the\s+)?(?:finish|end)\b(?:\s+{_OF_DATA})?"
    rf"|(?:over|across|for|during|throughout)\s+the\s+(?:whole|entire|full)\s+(?:history|span|length|"
    rf"course|period|time\s*span|range)\s+of\s+the\s+data(?:set)?"
    rf"|from\s+the\s+(?:first|earliest)\s+survey(?:\s+year)?\s+to\s+the\s+(?:last|latest|final|most\s+recent)"
    rf"(?:\s+(?:one|survey(?:\s+year)?))?"
    rf"|(?:(?:in|for|at)\s+)?(?:both\s+)?the\s+(?:first|earliest)\s+and\s+(?:the\s+)?(?:last|latest|final)"
    rf"\s+survey(?:\s+year)?s?)\b",
    re.IGNORECASE,
)
# "YTD, taking the end of the data as today": how "YTD" and "the last N months" are read already.
_DATA_END_TODAY = re.compile(
    rf",?\s*\b(?:taking|treating|counting|using|with)\s+the\s+(?:{_END}|last\s+(?:date|week))\s+{_OF_DATA}\s+"
    r"as\s+(?:today|now|the\s+present)\b",
    re.IGNORECASE,
)
_DATA_EDGE = re.compile(rf"\bthe\s+(?:very\s+)?(?P<edge>{_START}|{_END})\s+{_OF_DATA}\b", re.IGNORECASE)
# "from ... to the end of Q1 2019", "from the start of 2019 to ...": a calendar period's first or last day,
# as one end of a span. Alone ("since the start of 2019", "at the end of 2019") the readers have their own
# reading: since 2019, and a single day refused.
_PERIOD_EDGE = re.compile(
    rf"\b(?P<pre>(?:from|to|until|till|through|thru)\s+)the\s+(?P<edge>{_START}|{_END})\s+of\s+"
    rf"(?:(?P<q>Q[1-4])\s+|(?P<m>{_MONTH})\.?\s+)?(?P<y>{_YEAR})\b",
    re.IGNORECASE,
)
# "the last 12 weeks of 2019": weeks counted back from the year's last week, the one holding 31 December.
_LAST_WEEKS = re.compile(
    rf"\b(?:the\s+)?(?:very\s+)?(?:last|final|closing)\s+(?P<n>{COUNT})\s+weeks\s+(?:of|in)\s+(?P<y>{_YEAR})\b",
    re.IGNORECASE,
)
# "from 2017 to 2018", "from January 2017 to June 2018": a span of years, or of months in years.
_SPAN = re.compile(
    rf"\b(?:from|between)\s+(?:(?P<ma>{_MONTH})\.?\s+)?(?P<a>{_YEAR})\s*"
    rf"(?:to|and|through|thru|until|till|-|\u2013)\s*(?:(?P<mb>{_MONTH})\.?\s+)?(?P<b>{_YEAR})\b",
    re.IGNORECASE,
)
# "through 2020", "until the end of 2020": a span from the data's start to a year after its end.
_UNTIL = re.compile(
    rf"(?<!\w)(?<!from\s)(?:through|thru|until|till|up\s+(?:to|until)|to\s+the\s+end\s+of)\s+(?:(?:the\s+)?end\s+of\s+)?"
    rf"(?P<y>{_YEAR})\b",
    re.IGNORECASE,
)
_LONE_YEAR = re.compile(rf"(?<![\d/-])(?P<y>{_YEAR})(?![\d/-])")
# Two years said as a range are the period as written (older sets chart "from 1952 to 2007" as that range).
_RANGED = re.compile(
    rf"\b(?:from|between|since|after|before|until|till|through|by)\s+{_YEAR}\b"
    rf"|{_YEAR}\s*(?:to|through|thru|until|till|-|\u2013)\s*{_YEAR}\b",
    re.IGNORECASE,
)
_PAIR = re.compile(
    rf"\b(?:(?:in|for|during)\s+)?(?P<a>{_YEAR})\s+(?:and|or|than|vs\.?|versus|against|compared\s+(?:with|to))\s+"
    rf"(?:(?:in|for|during)\s+)?(?P<b>{_YEAR})\b",
    re.IGNORECASE,
)
_IN_YEAR = r"(?:\b(?:in|for|during)\s+(?:the\s+year\s+)?)?"
# A year said with a finer period ("December 2018", "Q1 2019", "week 3 of 2019") is not a whole year.
_FINER = re.compile(rf"\b(?:{_MONTH})\b|\b[QH][1-4]\b|\bweeks?\b|\b(?:early|mid|late)\b|\d-\d\d", re.I)


def unspan(text: str, model: SemanticModel) -> str:
    """`text` with spans said by the data's ends, calendar edges, weeks of a year and events as dates."""
    text = _EVENT.sub(lambda m: f"{m['prep']} {m['date']}", text)
    text = _EVENT_YEARS.sub("", _DATA_END_TODAY.sub("", text))
    owners = [d for d in datasets_named(text, model) if d.time is not None and d.time_min and d.time_max]
    if len(owners) != 1:
        return text
    ds = owners[0]
    _refuse_outside(text, ds)
    # A whole span is no range. On snapshot data a chart with no time axis shows the latest snapshot
    # alone, so the whole span is said as a line over time; elsewhere every date is kept as asked.
    whole = "over time" if ds.snapshot else "over the whole data"
    text = _WHOLE.sub(whole, text)
    text = _DATA_EDGE.sub(lambda m: _data_edge(m, ds), text)
    if ds.time is not None and ds.time.grain == "day":
        text = _PERIOD_EDGE.sub(lambda m: m["pre"] + _period_edge(m).isoformat(), text)
        text = _LAST_WEEKS.sub(lambda m: _last_weeks(m, ds), text)
    return _named_years(text, ds, whole)


def _yearly(ds: Dataset) -> bool:
    return ds.time is not None and ds.time.grain == "year"


def _days(ds: Dataset) -> tuple[dt.date, dt.date]:
    """The data's first and last day; a yearly dataset's are its first year's 1 January and its last's 31
    December."""
    if _yearly(ds):
        return dt.date(int(str(ds.time_min)[:4]), 1, 1), dt.date(int(str(ds.time_max)[:4]), 12, 31)
    return data_days(ds)


def _data_edge(m: re.Match[str], ds: Dataset) -> str:
    """ "the end of the data" -> its last day (or year): a month's end, as relative_times reads it."""
    first, last = _days(ds)
    day = first if re.match(_START, m["edge"], re.IGNORECASE) else last
    return str(day.year) if _yearly(ds) else day.isoformat()


def _period_edge(m: re.Match[str]) -> dt.date:
    year = int(m["y"])
    if m["q"]:
        months = (3 * int(m["q"][1]) - 2, 3 * int(m["q"][1]))
    elif m["m"]:
        month = _month(m["m"])
        months = (month, month)
    else:
        months = (1, 12)
    if re.match(_START, m["edge"], re.IGNORECASE):
        return dt.date(year, months[0], 1)
    after = dt.date(year + months[1] // 12, months[1] % 12 + 1, 1)
    return after - dt.timedelta(days=1)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _last_weeks(m: re.Match[str], ds: Dataset) -> str:
    """The year's last `n` weeks, Monday to Sunday: the last is the week of 31 December, cut there."""
    year, n = int(m["y"]), parse_count(m["n"])
    first, last = _days(ds)
    if not first.year <= year <= last.year or n < 1:
        return m[0]
    end = min(dt.date(year, 12, 31), last)
    monday = end - dt.timedelta(days=end.weekday()) - dt.timedelta(weeks=n - 1)
    return f"between {max(monday, first).isoformat()} and {end.isoformat()}"


def _refuse_outside(text: str, ds: Dataset) -> None:
    """Refuse a span of years (or of months in years) that begins before the data or ends after it, though
    it overlaps it: the chart would silently start or stop at the data's edge. (Wholly outside, the
    planner refuses itself.)"""
    first, last = _days(ds)
    data = ((first.year, first.month), (last.year, last.month))
    for m in _SPAN.finditer(text):
        a, b = sorted(
            (
                (int(m["a"]), _month(m["ma"]) if m["ma"] else 1),
                (int(m["b"]), _month(m["mb"]) if m["mb"] else 12),
            )
        )
        if b < data[0] or a > data[1] or (data[0] <= a and b <= data[1]):
            continue
        _reaches_outside(m[0], ds)
    for m in _UNTIL.finditer(text):
        if (
            not any(s.start() <= m.start() < s.end() for s in _SPAN.finditer(text))
            and int(m["y"]) > last.year
        ):
            _reaches_outside(m[0], ds)


def _reaches_outside(said: str, ds: Dataset) -> None:
    first, last = _days(ds)
    shown = (str(first.year), str(last.year)) if _yearly(ds) else (ds.time_min, ds.time_max)
    raise UnchartableQuestion(
        f"\u201c{said}\u201d reaches outside the {ds.name} data, which runs from "
        f"{str(shown[0])[:10]} to {str(shown[1])[:10]}; the chart would silently show only part of "
        f"that span. Name a period within the data. {suggest(ds)}"
    )


def _named_years(text: str, ds: Dataset, whole: str) -> str:
    """Two named years that are the data's first and last ("2018 and 2019" of the stocks data, "Was 2019
    a better year than 2018") name the whole data: a line from the first to the last is every date."""
    first, last = _days(ds)
    years = {int(y) for y in _LONE_YEAR.findall(text)}
    if years != {first.year, last.year} or len(years) != 2 or _RANGED.search(text) or _FINER.search(text):
        return text
    pair = _PAIR.search(text)
    if pair is not None:
        return _tidy(text[: pair.start()] + whole + text[pair.end() :])
    if ds.snapshot:
        return text  # dropping the years of a snapshot bar would chart only the latest year
    for year in years:
        text = re.sub(rf"{_IN_YEAR}(?<![\d/-]){year}(?![\d/-])", "", text, flags=re.IGNORECASE)
    return _tidy(text)


def _tidy(text: str) -> str:
    return re.sub(r"\s+([,.?!])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()
