"""Negation words no reading used: a question saying "not", "never", "nor" or "neither" that the planner
read as if the word were not there would chart the opposite of what was asked ("not on Saturdays" read as
on Saturdays). Each is either read (an exclusion, an opposite value, a condition such as "no more than")
or the question is refused, naming it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from worker.planner.errors import UnchartableQuestion

__all__ = ["NEGATIONS", "check_negations"]

NEGATIONS = frozenset(("not", "never", "nor", "neither"))


def check_negations(left: Iterable[tuple[str, tuple[int, int]]], text: str, suggestion: str) -> None:
    """Refuses when a negation word ("not", "didn't") is among the words `left` over in `text`."""
    spans = [
        span for w, span in left if w.lower() in NEGATIONS or text[span[0] : span[1]].lower().endswith("n't")
    ]
    if not spans:
        return
    start, end = spans[0]
    shown = re.split(r"[,.;:?!]", text[start : start + 40])[0].strip()
    raise UnchartableQuestion(
        f"chartq could not tell what \u201c{shown}\u201d rules out, and will not chart the question as if "
        f"\u201c{text[start:end]}\u201d were not there. "
        f"Name what to leave out with \u201cexcluding …\u201d, or "
        f"a condition such as \u201cat most …\u201d. {suggestion}"
    )
