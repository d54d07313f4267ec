"""Two measures, each with its own aggregation said just before it ("the average tip and the median total
bill by day", "mean petal length and maximum petal width for each species"): each is charted with its own.
Only when every measure named has exactly one such word and the words differ; one word for several measures
("average tip and total bill") is read as before, for all of them, and two words for one measure stay a
pair that is refused (worker.planner.paired)."""

from __future__ import annotations

import re

from worker.plan import Aggregation
from worker.planner import words as pw
from worker.planner.vocabulary import Scan, Vocabulary, normalize

__all__ = ["own_aggregations"]

# The aggregation word right before a measure ("the median total bill", "the average of the tip").
_OWN = {
    agg: re.compile(rf"(?<!\w)(?:{body})\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE)
    for agg, body in pw.AGG_WORDS.items()
    if agg != "count"
}
_BEFORE = 40  # characters before a measure searched for its word
# What may join one measure to the next one's word: "and", a comma, "with", "beside" ("the average tip and
# the median total bill"), not a clause of its own ("the average life expectancy of the continents whose
# total population ...": a condition, two levels).
_JOIN = re.compile(
    r"\s*(?:,|and|&|with|plus|as\s+well\s+as|beside|alongside|next\s+to|,\s+and)?\s*(?:the\s+)?",
    re.IGNORECASE,
)


def own_aggregations(scan: Scan, vocab: Vocabulary) -> dict[str, Aggregation]:
    """Measure name -> the aggregation said for it, when the measures named each have their own."""
    pattern, names = vocab.measures
    if pattern is None:
        return {}
    own: dict[str, Aggregation] = {}
    end = None
    for m in pattern.finditer(scan.text):
        start = max(0, m.start() - _BEFORE)
        said = [
            (agg, found) for agg, word in _OWN.items() if (found := word.search(scan.text, start, m.start()))
        ]
        name = names[normalize(m[0])]
        if len(said) != 1 or own.setdefault(name, said[0][0]) != said[0][0]:
            return {}
        if end is not None and not _JOIN.fullmatch(scan.text, end, said[0][1].start()):
            return {}
        end = m.end()
    return own if len(own) >= 2 and len(set(own.values())) >= 2 else {}
