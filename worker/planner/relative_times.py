"""Times said relative to the data's own span ("the last survey year", "the first three survey years",
"the 1980s", "late 2019", "the final quarter of the data"), resolved against the model's time facts;
times relative to today ("last month", "this year") are refused.

Each phrase is rewritten as the years or ISO dates the later readers already understand ("in 2007",
"1952 to 1962", "between 2019-10-01 and 2019-12-31"). A phrase is only rewritten when one dataset can
own it: "survey" words belong to the dataset kept in snapshots, the rest to the one dated dataset the
question names; when that is unclear the text is left for the planner to read or refuse.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.report_shorthand import refuse_bare_quarter, unreport, year_to_date
from worker.planner.time_phrases import COUNT, parse_count
from worker.semantic import Dataset, SemanticModel

__all__ = ["unrelative"]

_FIRST = r"first|earliest|opening"
_LAST = r"last|latest|final|most\s+recent|closing"
_BEFORE_LAST = r"penultimate|second[-\s]to[-\s]last|next[-\s]to[-\s]last|second[-\s]latest"
_HAVE = r"(?:\s+(?:(?:that\s+|which\s+)?we\s+have|available|on\s+record|in\s+the\s+data))?"
_SURVEY = re.compile(
    rf"\b(?:the\s+)?(?:very\s+)?(?P<edge>{_FIRST}|{_LAST}|{_BEFORE_LAST})\s+(?:(?P<n>{COUNT})\s+)?"
    rf"(?:surveys?|snapshots?)(?:\s+years?)?{_HAVE}\b"
    r"|\b(?:the\s+)?(?:surveys?|snapshots?)(?:\s+years?)?\s+before\s+the\s+(?:last|latest|final|most\s+recent)"
    r"(?:\s+(?:one|survey|snapshot))?\b",
    re.IGNORECASE,
)
# "the 90s", "since the 1980s": a decade the planner does not read as written. "the 1990s" alone it
# reads itself, as the whole decade ([1990, 1999], the convention of the question sets), so it is kept.
_DECADE = re.compile(
    r"\b(?P<since>(?:since|from)\s+)?(?:(?:across|during|through(?:out)?|over)\s+)?(?:the\s+)?"
    r"(?P<q>')?(?P<d>(?:1[5-9]|20)?\d0)'?s\b(?P<on>\s+on(?:wards?)?\b)?"
    r"(?!\s*(?:to|through|thru|till|until|and|-|\u2013)\s)",
    re.IGNORECASE,
)
_OVER_DECADE = re.compile(r"^(?:across|during|through(?:out)?|since|from|over)\s", re.IGNORECASE)
_TURN = re.compile(r"\b(?:around\s+|about\s+|at\s+)?the\s+turn\s+of\s+the\s+(?:century|millennium)\b", re.I)
_THIRD = re.compile(
    r"\b(?P<since>(?:since|from)\s+)?(?P<part>early|mid|late)[-\s]+(?:in\s+)?(?P<y>(?:1[5-9]|2\d)\d\d)\b"
    r"(?P<on>\s+on(?:wards?)?\b)?",
    re.IGNORECASE,
)
_OF_DATA = r"\s+(?:of|in)\s+(?:the\s+)?(?:data(?:set)?|trading|records?|prices?)\b"
_SPAN = re.compile(
    rf"\b(?:the\s+)?(?:very\s+)?(?P<edge>{_FIRST}|{_LAST})\s+(?:(?P<n>{COUNT})\s+)?"
    rf"(?P<unit>weeks?|months?|quarters?|half|halves|years?)(?P<of>{_OF_DATA})?(?!\s+(?:of|in)\s)",
    re.IGNORECASE,
)
# "the latest week of 2018": the planner reads "the last week of 2018"; without this it reads only "2018".
_LATEST_OF_YEAR = re.compile(
    rf"\b(?:latest|most\s+recent)(?=\s+(?:(?:{COUNT})\s+)?(?:weeks?|months?|days?)\s+(?:of|in)\s+(?:1[5-9]|2\d)\d\d\b)",
    re.IGNORECASE,
)
# "from mid 2018 to late 2019": one span, from the first part's first day to the second's last.
_THIRDS = re.compile(
    r"\b(?:from|between)\s+(?P<a>early|mid|late)[-\s]+(?P<y1>(?:1[5-9]|2\d)\d\d)\s*"
    r"(?:to|through|thru|until|till|and|-|\u2013)\s*(?P<b>early|mid|late)[-\s]+(?P<y2>(?:1[5-9]|2\d)\d\d)\b",
    re.IGNORECASE,
)
# Said relative to the calendar today: "last month" (no "the": the month before now), "this year".
# ("next quarter" is a forecast, which the planner refuses as such.)
_TODAY = re.compile(
    r"(?<!the\s)\b(?:last|this)\s+(?:week|month|quarter|year)\b|\byesterday\b"
    r"|\b(?:the\s+)?(?:past|last)\s+\d+\s+days\b|\b\d+\s+(?:days|weeks|months|years)\s+ago\b"
    # "the past five years": "past" counts back from today ("the last five years" may be the data's).
    # Weeks are left out: the questions' convention reads "the past 2 weeks" of weekly data as its last.
    rf"|\b(?:the\s+)?past\s+(?:{COUNT})\s+(?:months|quarters|years|decades)\b(?!\s+(?:of|in)\s+the\s+data)",
    re.IGNORECASE,
)


def unrelative(text: str, model: SemanticModel) -> str:
    """`text` with times relative to the data written as its years or dates (a report's shorthand
    spelt out first, worker.planner.report_shorthand, so "YTD" and "Jan-18" are read as times)."""
    text = unreport(text, model)
    named = _named(text, model)
    snapshots = [d for d in model.datasets if len(d.periods) > 1]
    periodic = _only([d for d in snapshots if not named or d in named])
    owner = _only([d for d in named if d.time is not None])
    text = year_to_date(text, owner)
    refuse_bare_quarter(text, named)
    _refuse_today(text, named)
    text = _LATEST_OF_YEAR.sub("last", text)
    if periodic is not None and _SURVEY.search(text):
        text = _SURVEY.sub(lambda m: _survey(m, periodic.periods), text)
    if periodic is not None and periodic is owner:
        text = _DECADE.sub(lambda m: _decade(m, periodic.periods), text)
        text = _sub(_TURN, text, lambda m: _years(_around(periodic.periods, 2000)))
    if owner is not None and owner.time is not None and owner.time.grain == "day":
        text = _sub(_THIRDS, text, lambda m: _thirds(m, owner))
        text = _sub(_THIRD, text, lambda m: _third(m, owner))
        text = _sub(_SPAN, text, lambda m: _span(m, owner))
    return text


def _sub(pattern: re.Pattern[str], text: str, write: Callable[[re.Match[str]], str | None]) -> str:
    """`pattern` replaced by what `write` says, each match kept as written where it says None."""
    return pattern.sub(lambda m: write(m) or m[0], text)


def _only(datasets: list[Dataset]) -> Dataset | None:
    return datasets[0] if len(datasets) == 1 else None


def _named(text: str, model: SemanticModel) -> list[Dataset]:
    """The datasets whose names, measures, dimensions or values the question uses."""
    # Units of time ("the past 30 days") say when, not which data, though "day" is a tips dimension.
    text = re.sub(r"\b(?:days?|weeks?|months?|quarters?|years?)\b", " ", text, flags=re.IGNORECASE)
    return [ds for ds in model.datasets if _says(_terms(ds), text)]


def _terms(ds: Dataset, *, measures_only: bool = False) -> set[str]:
    terms = {ds.name, *ds.synonyms}
    for m in ds.measures:
        terms |= {m.label, *m.synonyms}
    for d in [] if measures_only else ds.dimensions:
        terms |= {d.label, *d.synonyms, *d.value_synonyms, *(str(v) for v in d.values if len(str(v)) > 2)}
    return {t for t in terms if t}


def _says(terms: set[str], text: str) -> bool:
    """Whether the question uses one of `terms`; codes in capitals ("PER") only as written, never "per".
    One pattern a dataset (re caches it), not one a term: gapminder alone has hundreds of values."""
    codes = "|".join(re.escape(t) for t in sorted(terms) if t.isupper())
    words = "|".join(re.escape(t.lower()) for t in sorted(terms, key=len, reverse=True) if not t.isupper())
    if codes and re.search(rf"(?<!\w)(?:{codes})(?!\w)", text):
        return True
    return bool(words) and re.search(rf"(?<!\w)(?:{words})(?:s|es|'s)?(?!\w)", text.lower()) is not None


def _refuse_today(text: str, named: list[Dataset]) -> None:
    """Refuse a time counted from today: the data stops where it stops, so it cannot say what "last
    month" was; the refusal names the span to choose from instead."""
    m = _TODAY.search(text)
    if m is None:
        return
    if len(named) != 1 or not _says(_terms(named[0], measures_only=True), text):
        # No one dataset to offer a span of; a grouping word alone ("sales by region") is no sign of
        # which data is meant, and the planner refuses such questions on its own.
        return
    ds = named[0]
    if ds.time is None:
        # Said the way read_time refuses periods on such data; without this "this week" would be dropped.
        raise UnchartableQuestion(
            f"The {ds.name} data has no dates, so \u201c{m[0]}\u201d cannot be shown. {suggest(ds)}"
        )
    if not (ds.time_min and ds.time_max):
        return
    first, last = _shown(ds, ds.time_min), _shown(ds, ds.time_max)
    raise UnchartableQuestion(
        f"\u201c{m[0]}\u201d is counted from today, and chartq charts only what the data holds: "
        f"the {ds.name} data runs from {first} to {last}. Name a period within it, e.g. "
        f"\u201c{ds.measures[0].label.lower()} in {last[:4]}\u201d."
    )


def _shown(ds: Dataset, token: str | None) -> str:
    token = str(token or "")
    return token[:4] if ds.time is not None and ds.time.grain == "year" else token[:10]


def _years(years: list[int]) -> str:
    """Survey years as the planner reads them: one year, or the first to the last."""
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]} to {years[-1]}"


def _survey(m: re.Match[str], periods: list[int]) -> str:
    """ "the first three survey years" -> "1952 to 1962"; "the survey before the last one" -> "2002"."""
    if m["edge"] is None or re.fullmatch(_BEFORE_LAST, m["edge"], re.IGNORECASE):
        return str(periods[-2])
    n = min(parse_count(m["n"]), len(periods)) if m["n"] else 1
    if re.fullmatch(_FIRST, m["edge"], re.IGNORECASE):
        return _years(periods[:n])
    return _years(periods[-n:])


def _decade(m: re.Match[str], periods: list[int]) -> str:
    """ "across the 90s" -> "across the 1990s"; "since the 1980s" -> "since 1980"."""
    start = int(m["d"])
    if start < 100:  # "the 90s": the century that puts the decade inside the data
        start += next(
            (c for c in (1900, 2000) if periods[0] <= c + start + 9 and c + start <= periods[-1]), 1900
        )
    if not periods[0] - 9 <= start <= periods[-1]:
        return m[0]
    if m["since"] or m["on"]:
        return f"since {start}"
    if len(m["d"]) == 4 or not (m["q"] or _OVER_DECADE.search(m[0])):
        return m[0]  # "life expectancy in the 60s" may be a value: only "across the 60s", "the '60s"
    return m[0].replace(f"{m['q'] or ''}{m['d']}", str(start), 1)


def _around(periods: list[int], year: int) -> list[int]:
    """The survey years either side of `year`; none when the data does not reach both sides."""
    before = [p for p in periods if p < year][-1:]
    after = [p for p in periods if p >= year][:1]
    return before + after if before and after else []


def _day(year: int, month: int, last: bool = False) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1)


def _bounds(ds: Dataset) -> tuple[dt.date, dt.date]:
    """The data's first and last day, the last widened to its month's end (a month "of the data" is a
    calendar month, though the last close falls before its end)."""
    first = dt.date.fromisoformat(str(ds.time_min)[:10])
    last = dt.date.fromisoformat(str(ds.time_max)[:10])
    return first, _day(last.year, last.month, last=True)


def _dates(start: dt.date, end: dt.date) -> str:
    """A period as the planner reads it: whole calendar years as years, otherwise ISO dates."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return _years([start.year, end.year])
    return f"between {start.isoformat()} and {end.isoformat()}"


def _third(m: re.Match[str], ds: Dataset) -> str | None:
    """ "early / mid / late 2019": January-April, May-August, September-December."""
    span = _part(m["part"], int(m["y"]), ds)
    if span is None:
        return None
    if m["since"] or m["on"]:
        return _dates(span[0], _bounds(ds)[1])
    return _dates(*span)


def _thirds(m: re.Match[str], ds: Dataset) -> str | None:
    first, last = _part(m["a"], int(m["y1"]), ds), _part(m["b"], int(m["y2"]), ds)
    if first is None or last is None or last[1] < first[0]:
        return None
    return _dates(first[0], last[1])


def _part(part: str, year: int, ds: Dataset) -> tuple[dt.date, dt.date] | None:
    """The third of `year` that "early", "mid" or "late" names; None for a year outside the data."""
    first, last = _bounds(ds)
    if not first.year <= year <= last.year:
        return None
    n = ("early", "mid", "late").index(part.lower())
    return _day(year, 4 * n + 1), _day(year, 4 * n + 4, last=True)


def _months_from(day: dt.date, months: int) -> dt.date:
    """The first of the month `months` after `day`'s month."""
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _span(m: re.Match[str], ds: Dataset) -> str | None:
    """ "the final quarter of the data", "the first month of trading", "the latest week"."""
    unit = m["unit"].lower().rstrip("s").replace("halve", "half")
    edge_last = not re.fullmatch(_FIRST, m["edge"].lower())
    # "the last 3 months" is already read from the data's last day, and "the first quarter" alone could
    # be any year's: only phrases tied to the data ("of the data", "the latest week") are taken here.
    if not m["of"] and not re.fullmatch(r"latest|most\s+recent", m["edge"].lower()):
        return None
    first, last = _bounds(ds)
    n = parse_count(m["n"]) if m["n"] else 1
    if unit == "week":
        close = dt.date.fromisoformat(str(ds.time_max)[:10])
        return _week(first, close, last, n, edge_last)
    if unit == "half":
        if n != 1:
            return None
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        size = months // 2
    else:
        size = n * {"month": 1, "quarter": 3, "year": 12}[unit]
    if edge_last:
        start = _months_from(_day(last.year, last.month), 1 - size)
        if unit in ("quarter", "year"):  # calendar quarters and years, not the last 3 or 12 months
            step = 3 if unit == "quarter" else 12
            start = _months_from(_day(last.year, 1), ((last.month - 1) // step + 1) * step - size)
        return _dates(max(start, first), last)
    start = _day(first.year, first.month)
    if unit in ("quarter", "year"):
        step = 3 if unit == "quarter" else 12
        start = _day(first.year, (first.month - 1) // step * step + 1)
    end = _months_from(start, size) - dt.timedelta(days=1)
    return _dates(start, min(end, last))


def _week(first: dt.date, close: dt.date, last: dt.date, n: int, edge_last: bool) -> str:
    """The first or last `n` weeks, Monday to Sunday, cut at the data's first or last calendar day; the
    last week is the one of the last close (`close`), even when its Sunday falls after the data."""
    if edge_last:
        monday = close - dt.timedelta(days=close.weekday())
        return _dates(monday - dt.timedelta(weeks=n - 1), min(monday + dt.timedelta(days=6), last))
    monday = first - dt.timedelta(days=first.weekday())
    return _dates(max(monday, _day(first.year, first.month)), monday + dt.timedelta(weeks=n, days=-1))


def datasets_named(text: str, model: SemanticModel) -> list[Dataset]:
    """The datasets whose names, measures, dimensions or values `text` uses (for data_spans)."""
    return _named(text, model)


def data_days(ds: Dataset) -> tuple[dt.date, dt.date]:
    """The data's first day and its last, widened to its month's end (for data_spans)."""
    return _bounds(ds)
