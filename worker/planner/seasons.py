"""Seasons: "in winter", "during the summer months". The model has no seasons, and some data has no dates
at all (the wind data), so a season named cannot be charted; read as if it were not there it would chart
every season (a different question). Refused, naming the months to ask for where the data has dates.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.semantic import Dataset

__all__ = ["check_seasons"]

_SEASON = re.compile(
    r"(?<!\w)(?:winter|summer|autumn|wintertime|summertime|(?:in|during|the|this|last|each|every)\s+"
    r"(?:spring|fall))(?:s|time)?(?!\w)",
    re.IGNORECASE,
)


def check_seasons(text: str, ds: Dataset) -> None:
    """Refuses a season named in `text`, a question about `ds` (as written: before a spelling correction
    could read "winter" as another word)."""
    m = _SEASON.search(text)
    if m is None:
        return
    if ds.time is None:
        why = f"the {ds.name} data has no dates or seasons"
    else:
        why = (
            "chartq has no seasons; name the months instead "
            "(e.g. \u201cfrom December 2018 to February 2019\u201d)"
        )
    raise UnchartableQuestion(f"chartq cannot pick out a season (\u201c{m[0]}\u201d): {why}. {suggest(ds)}")
