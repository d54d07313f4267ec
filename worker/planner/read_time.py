"""The time a question asks about: its period ("the second quarter of 2018", refused when the data cannot
have it), its time axis ("over time", "monthly", refused on data without dates) and rankings of periods,
which no plan makes ("which year had the highest…").
"""

from __future__ import annotations

import re

from worker.plan import TimeRange
from worker.planner import limits
from worker.planner import words as pw
from worker.planner.errors import UnchartableQuestion
from worker.planner.lexicon import time_rows
from worker.planner.refusals import outside_the_data, suggest
from worker.planner.shape import Reading
from worker.planner.time_phrases import read_time_period
from worker.planner.vocabulary import Scan, Vocabulary, words
from worker.semantic import Dataset, PlanValidationError

__all__ = ["PERIODS", "check_period_ranking", "read_period", "read_time_axis"]

_TIME_AXIS = words(pw.TIME_AXIS)
# "the median weekly price of each company": on weekly rows, an aggregate of the weekly values, no time axis.
_OF_ROWS = re.compile(
    r"\b(?:median|average|mean|avg|typical|total|highest|lowest|maximum|minimum|max|min|peak)\s+"
    r"(?P<w>weekly|daily|monthly|yearly|annual)(?=\s)",
    re.IGNORECASE,
)
_GRAIN = {"weekly": "weeks", "daily": "days", "monthly": "months", "yearly": "years", "annual": "years"}
PERIODS = re.compile(r"\s+(?:\d+\s+)?(?:years?|months?|weeks?|days?|dates?|quarters?|periods?)(?!\w)")
_WHICH_PERIOD = re.compile(
    r"(?<!\w)(?:which|what)\s+(?P<p>years?|months?|weeks?|days?|dates?|quarters?)(?!\w)"
)


def check_period_ranking(scan: Scan, vocab: Vocabulary) -> None:
    """ "which year had the highest population": a ranking of periods, which a plan cannot make (unless
    the period is a dimension, as the tips days are)."""
    m = _WHICH_PERIOD.search(scan.text)
    if m is not None and m["p"] not in vocab.group_names and vocab.ds.time is not None:
        raise UnchartableQuestion(
            f"chartq cannot yet find the {m['p']} with the highest or lowest value; it can show the values "
            f"over time. {suggest(vocab.ds)}"
        )


# "less than 1500 dollars", "above $2000": a number compared or with a unit is an amount, never a year.
# "over" and "under" may also name a period ("over 2019"), so they make an amount only of years the data
# lacks.
_AMOUNT = re.compile(
    r"(?:(?<!\w)(?:(?P<over>over|under)|above|below|exceeding|(?:more|less|greater|higher|lower|fewer|larger|"
    r"bigger|smaller)\s+than|at\s+(?:least|most)|no\s+(?:more|less)\s+than)\s+(?:of\s+)?|[<>]=?\s*|\$\s*)"
    r"(?P<n>\d+(?:[,.]\d+)*)|(?<![\w.,])(?P<u>\d+(?:[,.]\d+)*)(?=\s*(?:dollars?|usd|us\$|people|inhabitants|cm|%|percent)(?!\w))"
)


def _amounts_hidden(text: str, ds: Dataset) -> str:
    """`text` with the digits of amounts written as zeros (no year reads them), offsets unchanged."""
    first, last = str(ds.time_min or "")[:4], str(ds.time_max or "")[:4]

    def hide(m: re.Match[str]) -> str:
        if m["over"] and first <= m["n"][:4] <= last and len(m["n"]) == 4:
            return m[0]
        return re.sub(r"\d", "0", m[0])

    return _AMOUNT.sub(hide, text)


def read_period(scan: Scan, r: Reading) -> None:
    """The period the question names, refused when the data cannot have it."""
    ds = r.ds
    yearly = ds.time is not None and ds.time.grain == "year"
    # What other readers took first (a base period: "its January 2018 price") is no period.
    unread = "".join(" " if used else c for c, used in zip(scan.text, scan.used, strict=True))
    period = read_time_period(_amounts_hidden(unread, ds), ds.time_max, yearly=yearly)
    for span in period.spans:
        scan.claim(span)
    asked = " and ".join(f"\u201c{scan.excerpt(span)}\u201d" for span in period.spans)
    if period.start is None and period.end is None and not period.spans:
        return
    if ds.time is None:
        raise UnchartableQuestion(
            f"The {ds.name} data has no dates, so {asked} cannot be shown. {suggest(ds)}"
        )
    if yearly and period.fine:
        fine = " and ".join(f"\u201c{scan.excerpt(span)}\u201d" for span in period.fine)
        raise UnchartableQuestion(
            f"The {ds.name} data has one value a year, so it cannot show {fine}. Name a year instead. "
            f"{suggest(ds)}"
        )
    if period.start is None and period.end is None:
        return
    try:
        first, last = ds.time_bounds(TimeRange(start=period.start, end=period.end))
        data_first, data_last = ds.time_bounds(TimeRange(start=ds.time_min, end=ds.time_max))
    except PlanValidationError as exc:
        raise UnchartableQuestion(f"{exc} {suggest(ds)}") from exc
    outside = (data_last is not None and first is not None and str(first) > str(data_last)) or (
        data_first is not None and last is not None and str(last) < str(data_first)
    )
    if outside:
        raise UnchartableQuestion(outside_the_data(ds, period, scan))
    limits.check_snapshot_year(ds, period.start, period.end, asked.strip("\u201c\u201d"))
    r.start, r.end = period.start, period.end
    r.span = period.start is None or period.end is None or first != last


def read_time_axis(scan: Scan, ds: Dataset, r: Reading) -> list[str]:
    _claim_row_grain(scan, ds)
    wants, note = limits.check_grains(scan, ds)
    axis = [m.span() for m in scan.take(_TIME_AXIS)]
    if axis and ds.time is None:
        said = " and ".join(f"\u201c{scan.excerpt(span)}\u201d" for span in axis)
        raise UnchartableQuestion(f"The {ds.name} data has no dates, so it cannot show {said}. {suggest(ds)}")
    r.time_words = [*wants, *(scan.excerpt(span) for span in axis)]
    r.wants_time = bool(r.time_words)
    return [note] if note else []


def _claim_row_grain(scan: Scan, ds: Dataset) -> None:
    """Claims a grain word said of the rows' own values after an aggregation, so it asks for no time axis."""
    for m in _OF_ROWS.finditer(scan.text):
        if scan.free(m.span("w")) and _GRAIN[m["w"].lower()] == time_rows(ds):
            scan.claim(m.span("w"))
