"""A time of day asked of data that has none: "the average tip between 2 and 4 in the afternoon", "after 9
pm", "at noon". No dataset keeps an hour (the tips have meals, the stocks weekly dates, gapminder years), so
the question is refused naming the words; read as numbers, "between 2 and 4" was a party size, or the words
were reported as unknown without saying why.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import what_it_has
from worker.planner.vocabulary import Scan
from worker.semantic import Dataset

__all__ = ["check_clock_times"]

_HOUR = r"\d{1,2}(?:[:.]\d{2})?"
_OF_DAY = r"(?:am|pm|a\.m\.?|p\.m\.?|o['\u2019]?\s?clock|hours|hrs)"
_PART = r"(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight)"
_CLOCK = re.compile(
    rf"(?<![\w.])(?:(?:between|from)\s+)?(?:{_HOUR}\s*(?:{_OF_DAY}\s*)?(?:and|to|-|\u2013)\s*)?{_HOUR}\s*{_OF_DAY}"
    r"(?:\s*(?:and|to|-|\u2013)\s*(?:noon|midday|midnight))?(?!\w)"
    rf"|\b(?:between|from|after|before|at|until|till|by|around)\s+{_HOUR}"
    rf"(?:\s*(?:and|to|-|\u2013)\s*{_HOUR})?\s+{_PART}\b"
    r"|\b(?:at|after|before|by|until|till|around)\s+(?:noon|midday|midnight)\b"
    # "between 12 and 1 at lunch": hours past noon said with lunch, never a range of values (12 to 1).
    r"|\bbetween\s+1[12]\s+and\s+[123]\s+(?:at|over|during)\s+lunch\b",
    re.IGNORECASE,
)


def check_clock_times(scan: Scan, ds: Dataset) -> None:
    """Refuse a time of day on data without one (a dataset kept by the hour reads it as its time)."""
    if ds.time is not None and ds.time.grain in ("hour", "minute"):
        return
    m = _CLOCK.search(scan.text)
    if m is not None and not any(scan.used[m.start() : m.end()]):
        raise UnchartableQuestion(
            f"The {ds.name} data has no time of day, so it cannot show \u201c{scan.excerpt(m.span())}\u201d; "
            f"{what_it_has(ds)}."
        )
