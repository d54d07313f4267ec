"""Conditions joined by "or": "countries whose life expectancy was below 45 or whose GDP per capita was
below 600". A plan's filters all hold at once (they are joined by "and"), so rows meeting either of two
conditions cannot be charted; the question is refused rather than read as both.
"""

from __future__ import annotations

import itertools
import re

from worker.planner.conditions import CONDITION
from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.vocabulary import Scan
from worker.semantic import Dataset

__all__ = ["check_either"]

_OR = re.compile(r"(?<!\w)or(?!\w)")


def check_either(scan: Scan, ds: Dataset) -> None:
    """Refuses two numeric conditions with "or" between them (and nothing else that takes a clause), with
    a question about `ds` that works."""
    found = list(CONDITION.finditer(scan.text))
    for first, second in itertools.pairwise(found):
        between = scan.text[first.end() : second.start()]
        if len(between) <= 60 and _OR.search(between) and not re.search(r"[;.]|(?<!\w)and(?!\w)", between):
            raise UnchartableQuestion(
                f"chartq cannot yet chart rows meeting either of two conditions "
                f"(\u201c{scan.excerpt((first.start(), second.end()))}\u201d): the conditions of a chart all "
                f"hold at once. Ask for one condition, or for both with \u201cand\u201d. {suggest(ds)}"
            )
