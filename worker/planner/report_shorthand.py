"""A business report's KPI shorthand spelt out before a question is read (worker.planner.relative_times
calls this first, so every later reader sees plain words):

- "tot." / "tot" is "total"; "pct" is "percentage" ("tip pct"), "per cent" after a number ("20 pct"),
  and "pct of tot." on a pie is each slice's "share of total" (the pie's own share, not a measure);
- "bps" are basis points, hundredths of a per cent: "2,000 bps" is "20 per cent";
- "Jan-18" (a month and a two-digit year, the spreadsheet's "mmm-yy") is "January 2018", and a month's
  "base" is its level, which prices are indexed to;
- "FY2018 (Jan-Dec calendar year)" and "CY2018" are the calendar year 2018; a bare "FY2018" is left as
  it is, since a financial year may start in any month;
- "ex-Africa", where the name after "ex-" is a value in the data, is "excluding Africa" ("ex-smokers"
  are former smokers and are left alone); "incl. only" is "only", "incl." is "including";
- "w/ a sex split" / "with a split by result" is "split by sex" / "split by result";
- "top line" used as a noun ("top line (tot. bills) by day") is the revenue, and "medal mix" is the
  breakdown by medal;
- a bare quarter ("Q3" with no year anywhere in the question) is refused: it names no period the data
  can show, and read without its year it would chart every date;
- "YTD" with no year on dated data is the year to date at the end of the data: its last year;
- "Q2 through Q3 2019", "H1-H2 2018": a span of quarters (halves) of one year said once, written with
  the year at both ends ("Q2 2019 through Q3 2019"), which the time reader knows.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.semantic import Dataset, SemanticModel

__all__ = ["refuse_bare_quarter", "unreport", "year_to_date"]

_YEAR = r"(?:1[89]|20)\d\d"
_MONTHS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
    "jul": "July", "aug": "August", "sep": "September", "sept": "September", "oct": "October",
    "nov": "November", "dec": "December",
}  # fmt: skip
_TOT = re.compile(r"(?<![\w-])tot(?:\.|(?![\w.]))", re.IGNORECASE)
_PIE = re.compile(r"\b(?:pie|donut|doughnut)s?\b", re.IGNORECASE)
_PCT_OF_TOTAL = re.compile(r"\b(?:pct|percentage|percent|%)\s+of\s+(?:the\s+)?total\b", re.IGNORECASE)
_PCT_NUMBER = re.compile(r"(?<=\d)\s*pct\b\.?", re.IGNORECASE)
_PCT = re.compile(r"\bpct\b\.?", re.IGNORECASE)
_BPS = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?:bps|bp|basis\s+points?)\b", re.I)
_MONTH_YY = re.compile(
    rf"\b(?P<m>{'|'.join(_MONTHS)})[-\u2019'](?P<yy>\d\d)(?![\w-]|\.\d)",
    re.IGNORECASE,
)
# "FY2018 (Jan-Dec calendar year)", "FY 2018, calendar year", "FY2018 (January to December)".
_CALENDAR = (
    r"(?:jan(?:uary)?\s*(?:-|\u2013|to|through|thru)\s*dec(?:ember)?|calendar(?:\s+year)?)"
    r"(?:\s+(?:calendar\s+)?year)?"
)
_FY_CALENDAR = re.compile(
    rf"\bfy\s*-?\s*(?P<y>{_YEAR})\s*(?:\(\s*{_CALENDAR}\s*\)|,\s*{_CALENDAR}(?=\s*[,.;]|$))", re.IGNORECASE
)
# "the Jan-18 base": the level prices are indexed to (worker.planner.baseline reads "level" with a
# percentage above it; "base" is only read there without one).
_BASE = re.compile(
    rf"\b(?P<m>(?:{'|'.join(_MONTHS)})[a-z]*\.?\s+{_YEAR})\s+(?:base(?:line)?|base\s+level|rebase)\b",
    re.IGNORECASE,
)
_CY = re.compile(rf"\b(?:cy\s*-?\s*|calendar\s+year\s+)(?P<y>{_YEAR})\b", re.IGNORECASE)
_INCL_ONLY = re.compile(r"\bincl\.?\s+only\b", re.IGNORECASE)
_INCL = re.compile(r"\bincl\.(?=\s)|\bincl\b(?!\.)", re.IGNORECASE)
_SPLIT_BY = re.compile(r"(?<!\w)(?:with|w/)\s*an?\s+split\s+(?=by\b)", re.IGNORECASE)
# "top line" as a noun: followed by what it is made of or by a grouping, never "top line chart".
_TOP_LINE = re.compile(r"\btop[\s-]?line\b(?=\s*\(|\s+(?:by|per|for|across)\b)", re.IGNORECASE)
# "Q3" standing alone: not "Q3 2019", "Q4 19", "Q3 FY18", "Q3'19", "2019 Q3", "FY18 Q3" or "QoQ".
_QUARTER = re.compile(
    r"(?<![\w-])q[1-4](?![\w'\u2019-])(?!\s*[-/]?\s*(?:of\s+)?(?:fy\s*)?['\u2019]?\d\d)", re.IGNORECASE
)
_YEAR_BEFORE = re.compile(r"(?:\d\d|fy\s*\d\d)\s*[-/]?\s*$", re.IGNORECASE)
# "for the Q3 review", "Q3 deck": the occasion a chart is for, not a period of the data (worker.planner.
# messages drops such framing later).
_OCCASION = re.compile(
    r"\s+(?:business\s+)?(?:review|deck|meeting|board|update|presentation|call|planning|readout|recap|sync"
    r"|kick-?off|offsite|retro|all-hands|memo|report)s?\b",
    re.IGNORECASE,
)
# "Q3. Plot ...", "Q3) ...", "Q3 Plot ...": a homework sheet's question label (worker.planner.homework).
_LABEL = re.compile(r"^\W*q[1-4](?:\s*[.:)\-\u2013\u2014]|\s+(?-i:[A-Z]))", re.IGNORECASE)
# "Q2 through Q3 2019", "between Q1 and Q3 2018": the year said once, after the second quarter.
_PERIODS_OF_YEAR = re.compile(
    rf"\b(?P<a>(?P<k>[qh])[1-4])\s*(?P<to>to|through|thru|until|till|and|-|\u2013)\s*"
    rf"(?P<b>(?P=k)[1-4])\s+(?P<y>{_YEAR})\b",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(rf"(?<![\d.]){_YEAR}(?!\d|\.\d)")
_YTD = re.compile(
    rf"\b(?<!{_YEAR}\s)(?:ytd|year[\s-]to[\s-]date)\b(?!\s+(?:in\s+|for\s+)?{_YEAR}\b)", re.IGNORECASE
)


def unreport(text: str, model: SemanticModel) -> str:
    """`text` with a report writer's shorthand written out (see the module's docstring)."""
    text = _BPS.sub(lambda m: f"{_percent(m['n'])} per cent", text)
    text = _MONTH_YY.sub(lambda m: f"{_MONTHS[m['m'].lower()]} 20{m['yy']}", text)
    text = _BASE.sub(r"\g<m> level", text)
    text = _CY.sub(r"\g<y>", _FY_CALENDAR.sub(r"\g<y>", text))
    text = _TOT.sub(lambda m: "Total" if m[0][0] == "T" else "total", text)
    if _PIE.search(text):
        text = _PCT_OF_TOTAL.sub("share of total", text)
    text = _PCT.sub("percentage", _PCT_NUMBER.sub(" per cent", text))
    text = _excluded(text, model)
    text = _INCL.sub("including", _INCL_ONLY.sub("only", text))
    text = _split(_SPLIT_BY.sub("split ", text), model)
    text = _TOP_LINE.sub("revenue", text)
    text = _PERIODS_OF_YEAR.sub(_periods_of_year, text)
    return _mix(text, model)


def _periods_of_year(m: re.Match[str]) -> str:
    """ "Q2 through Q3 2019" as "Q2 2019 through Q3 2019"; "Q1 and Q3 2019" only after "between", since
    otherwise it names two quarters, not the span between them."""
    if m["to"].lower() == "and" and not re.search(r"\bbetween\s*$", m.string[: m.start()], re.IGNORECASE):
        return m[0]
    return f"{m['a']} {m['y']} {m['to']} {m['b']} {m['y']}"


def year_to_date(text: str, owner: Dataset | None) -> str:
    """ "YTD" with no year, on data dated by day: the year to date at the end of the data, its last year
    (the data ends with it). On yearly data, or with no one dated dataset named, it is left unread."""
    if owner is None or owner.time is None or owner.time.grain != "day" or not owner.time_max:
        return text
    return _YTD.sub(f"in {owner.time_max[:4]}", text)


def refuse_bare_quarter(text: str, named: list[Dataset]) -> None:
    """Refuse "Q3" with no year anywhere in a question about one named dataset: read without its year it
    would be dropped and every date charted. On data without dates the quarter cannot be shown at all."""
    m = next((q for q in _QUARTER.finditer(text) if _bare(text, q)), None)
    if m is None or _ANY_YEAR.search(text) or len(named) != 1:
        return
    ds, said = named[0], m[0].upper()
    if ds.time is None or ds.time.grain != "day" or not ds.time_max:
        # Undated data, or data with one value a year: no quarter of it can be shown.
        kind = "no dates" if ds.time is None else "one value a year"
        raise UnchartableQuestion(
            f"The {ds.name} data has {kind}, so \u201c{said}\u201d cannot be shown. {suggest(ds)}"
        )
    label, last = ds.measures[0].label.lower(), ds.time_max[:4]
    raise UnchartableQuestion(
        f"\u201c{said}\u201d names a quarter but not its year, so chartq cannot tell which dates to show. "
        f"Name the year too, e.g. \u201c{label} in {said} {last}\u201d."
    )


def _bare(text: str, quarter: re.Match[str]) -> bool:
    """Whether a quarter stands for a period with no year: not "FY18 Q3", "the Q3 review" or a label."""
    if _YEAR_BEFORE.search(text[: quarter.start()]) or _OCCASION.match(text, quarter.end()):
        return False
    return not (quarter.start() == len(text) - len(text.lstrip(" \t*#([")) and _LABEL.match(text))


def _percent(said: str) -> str:
    """Basis points as a per cent: "2,000" -> "20", "25" -> "0.25"."""
    value = float(said.replace(",", "")) / 100
    return f"{value:g}"


def _values(model: SemanticModel) -> dict[str, str]:
    """Every category value in the data, lowercased -> as the data spells it."""
    return {
        str(v).lower(): str(v)
        for ds in model.datasets
        for d in ds.dimensions
        if d.type == "category"
        for v in d.values
        if isinstance(v, str) and len(v) > 1
    }


def _excluded(text: str, model: SemanticModel) -> str:
    """ "ex-Africa": excluding a value the data holds; "ex-smokers", "ex-post" are other words."""
    values = _values(model)
    if "ex-" not in text.lower() or not values:
        return text
    names = "|".join(sorted(map(re.escape, values), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])ex-(?P<v>{names})(?![\w-])", re.IGNORECASE)
    return pattern.sub(lambda m: f"excluding {values[m['v'].lower()]}", text)


def _dimension_words(model: SemanticModel) -> list[str]:
    words = {
        w.lower() for ds in model.datasets for d in ds.dimensions for w in (d.name, d.label, *d.synonyms)
    }
    return sorted((w for w in words if w), key=len, reverse=True)


def _split(text: str, model: SemanticModel) -> str:
    """ "w/ a sex split", "with a smoker split": the dimension as the series, "split by sex"."""
    names = "|".join(map(re.escape, _dimension_words(model)))
    pattern = re.compile(rf"(?<!\w)(?:with|w/)\s*an?\s+(?P<d>{names})\s+split\b", re.IGNORECASE)
    return pattern.sub(lambda m: f"split by {m['d']}", text)


def _mix(text: str, model: SemanticModel) -> str:
    """ "the medal mix": the breakdown by the named dimension (a report's word for its composition; "the
    medal breakdown" would be read as a breakdown of medals by some other grouping)."""
    names = "|".join(map(re.escape, _dimension_words(model)))
    pattern = re.compile(rf"(?<!\w)(?P<d>{names})\s+mix\b", re.IGNORECASE)
    return pattern.sub(lambda m: f"breakdown by {m['d']}", text)
