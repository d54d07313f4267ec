"""A period too short to draw a line over: dated data recorded weekly has one or two points in "the week
commencing 7 January 2019" or "the first fortnight of March 2019", so a line per company over it is a
dot or a stub. Such a question compares the companies: a bar over what would have been the series,
sorted by the bar rule (largest first). Only when the question asks for bars or for an average over the
period (one figure per company); "the stock prices of the six companies in the last week of 2018" stays
a line.
"""

from __future__ import annotations

import datetime as dt
import re

from worker.plan import ChartPlan, Sort
from worker.semantic import Dataset

__all__ = ["one_step"]

_SHORT = dt.timedelta(days=13)
_AVERAGE = re.compile(r"(?<!\w)(?:average|mean)(?!\w)", re.IGNORECASE)


def _day(text: str | None) -> dt.date | None:
    if text is None or len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def one_step(plan: ChartPlan, ds: Dataset, text: str) -> ChartPlan:
    """A line per series value over a period of at most two weeks, as a bar over the series, when `text`
    asks for bars or an average."""
    if plan.chart_type != "bar" and not _AVERAGE.search(text):
        return plan
    tr = plan.time_range
    if ds.time is None or ds.time.grain != "day" or tr is None or not plan.use_time:
        return plan
    start, end = _day(tr.start), _day(tr.end)
    if start is None or end is None or end - start > _SHORT or plan.series is None or plan.dimension:
        return plan
    if plan.chart_type not in ("line", "bar") or plan.limit is not None or len(plan.measures) != 1:
        return plan
    sort = plan.sort or Sort(by=plan.measures[0].name, direction="desc")
    return plan.model_copy(
        update={
            "dimension": plan.series,
            "series": None,
            "use_time": False,
            "chart_type": "bar",
            "sort": sort,
        }
    )
