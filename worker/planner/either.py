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
from worker.planner.vocabulary import Scan, Vocabulary, normalize
from worker.semantic import Dataset

__all__ = ["check_either", "check_or_across"]

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


_JOINED = re.compile(r"[;.]|(?<!\w)(?:and|but|by|split|broken)(?!\w)")


def check_or_across(scan: Scan, vocab: Vocabulary) -> None:
    """Refuses "or" between conditions on two different columns: a value and a value of another dimension
    ("smokers or on Saturdays"), or a value and a numeric condition ("either in Asia or with a GDP per
    capita under 1,000"). Read as filters they would all hold at once: the rows meeting both, not either."""
    events: list[tuple[int, int, str]] = []
    if vocab.values[0] is not None:
        for m in vocab.values[0].finditer(scan.text):
            column = vocab.values[1].get(normalize(m[0]))
            if column is not None:
                events.append((m.start(), m.end(), column[0]))
    # Values the word-bound value pattern cannot see ("6+", "0-1": a band of strength).
    for dim in vocab.ds.dimensions:
        for value in (str(v) for v in dim.values if not str(v).isalnum()):
            for m in re.finditer(rf"(?<![\w.+-]){re.escape(value)}(?![\w.+-])", scan.text):
                events.append((m.start(), m.end(), dim.name))
    events += [(m.start(), m.end(), "\0condition") for m in CONDITION.finditer(scan.text)]
    events.sort()
    for (_, a_end, a), (b_start, b_end, b) in itertools.pairwise(events):
        between = scan.text[a_end:b_start]
        if (
            a == b
            or b_start < a_end
            or len(between) > 45
            or not _OR.search(between)
            or _JOINED.search(between)
        ):
            continue
        start = next(s for s, e, _ in events if e == a_end)
        raise UnchartableQuestion(
            f"chartq cannot yet chart rows meeting either of two conditions on different things "
            f"(\u201c{scan.excerpt((start, b_end))}\u201d): the conditions of a chart all hold at once. Ask "
            f"for one of them, or for both with \u201cand\u201d. {suggest(vocab.ds)}"
        )
