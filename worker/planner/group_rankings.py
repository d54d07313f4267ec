"""A ranking within each group ("the top 3 countries in each continent", "the 2 biggest companies per
week"): a plan ranks one grouping across all its values, so it cannot keep the top N of one dimension
inside each value of another. Read as a plain ranking, the question silently charted the top 3
continents; it is refused instead, with the ranking across all values offered.

Only a count or "top" / "bottom" with a plural dimension noun, then "in / for / within each Y", "per Y"
or "every Y" of another dimension (or a period), is read; "the top 3 countries by GDP per capita" and "top
3 countries, split by continent" are left alone.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.time_phrases import COUNT
from worker.planner.titles import lower_label
from worker.planner.vocabulary import Scan, Vocabulary, normalize

__all__ = ["check_group_rankings"]

# "top 5", "the 3 richest", "bottom two": a ranking and its count, before or after the rank word.
_TOP = re.compile(
    rf"(?<!\w)(?:(?!(?:19|20)\d\d\b)(?P<n0>{COUNT})\s+)?(?P<dir>top|bottom|highest|lowest|largest|smallest|"
    rf"biggest|best|worst|richest|poorest|strongest|weakest|most|least|fewest)(?:\s+(?P<n>{COUNT}))?(?!\w)",
    re.IGNORECASE,
)
# A period the ranking may be kept within ("the top 3 stocks each week").
_UNITS = r"years?|decades?|quarters?|months?|weeks?|days?|dates?|periods?|survey\s+years?"
# Words that may stand between the ranked noun and the group: a measure ("by life expectancy"), a year.
_BETWEEN = r"(?:\s+[\w'.-]+){0,6}?"


def check_group_rankings(scan: Scan, vocab: Vocabulary) -> None:
    """Refuses "the top N <things> in each <group>" when the group is another dimension or a period."""
    dims, groups = vocab.dims[0], vocab.dims[1]
    if dims is None:
        return
    within = re.compile(
        rf"(?<!\w)(?P<a>{dims.pattern}){_BETWEEN}\s+(?:(?:in|for|within|across|of)\s+)?"
        rf"(?:(?:each|every)\s+|per\s+)(?P<b>{dims.pattern}|{_UNITS})(?!\w)",
        re.IGNORECASE,
    )
    for top in _TOP.finditer(scan.text):
        counted = top["n0"] or top["n"] or top["dir"].lower() in ("top", "bottom")
        m = within.match(scan.text, _after_article(scan.text, top.end()))
        if not counted or m is None or not m["a"].lower().endswith("s"):
            continue
        ranked = groups.get(normalize(m["a"]))
        if ranked is None or ranked == groups.get(normalize(m["b"])):
            continue
        count = top["n0"] or top["n"] or "3"
        raise UnchartableQuestion(_refusal(scan, vocab, (top.start(), m.end()), f"{count} {m['a'].lower()}"))


def _after_article(text: str, at: int) -> int:
    """Where the ranked noun starts after the rank word: past spaces and one adjective ("most populous")."""
    rest = re.match(r"\s+(?:(?:populous|rich|poor|valuable|expensive|successful)\s+)?", text[at:])
    return at + (rest.end() if rest else 0)


def _refusal(scan: Scan, vocab: Vocabulary, span: tuple[int, int], ranked: str) -> str:
    measures = vocab.measures[0]
    named = measures.search(scan.text) if measures is not None else None
    label = (
        lower_label(vocab.ds.measure(vocab.measures[1][normalize(named[0])]).label)
        if named is not None
        else lower_label(vocab.ds.measures[0].label)
    )
    return (
        f"chartq cannot yet rank within each group (\u201c{scan.excerpt(span)}\u201d): a chart ranks one "
        f"grouping across all its values. Try e.g. \u201ctop {ranked} by {label}\u201d."
    )
