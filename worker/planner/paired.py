"""Two aggregations of one measure asked side by side ("mean vs. max tip by day", "per-capita output by
continent — mean vs. max", "the median tip or the mean tip"): a plan lists each measure once, with one
aggregation, so the pair cannot be charted together. Refused with a clear sentence and the two charts that
answer it, rather than read as two levels of aggregation ("the average of a highest"), which it is not.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.titles import lower_label
from worker.planner.vocabulary import Scan, Vocabulary, normalize

__all__ = ["check_paired_aggregations"]

_AGGS = {
    "average": r"(?:arithmetic\s+)?(?:average|avg|mean)",
    "highest": r"maximum|max|highest|peak",
    "lowest": r"minimum|min|lowest",
    "median": r"median",
    "total": r"total|sum",
}
_WORD = "|".join(f"(?:{body})" for body in _AGGS.values())
_PAIR = re.compile(
    rf"(?<!\w)(?P<a>{_WORD})(?:\s+(?P<m>[a-z]+(?:\s+[a-z]+)?))?\.?\s*(?:vs\.?|versus|v\.|and|&|/|,|or|against|"
    rf"compared\s+(?:to|with))\s*(?:the\s+)?(?P<b>{_WORD})(?(m)\s+(?P=m)s?)(?!\w)",
    re.IGNORECASE,
)


def _kind(word: str) -> str:
    return next(kind for kind, body in _AGGS.items() if re.fullmatch(body, word, re.IGNORECASE))


def check_paired_aggregations(scan: Scan, vocab: Vocabulary) -> None:
    """Refuses two different aggregations joined as a pair ("mean vs. max", "the min and max") when they
    are of one measure: the one the question names (or the dataset's first)."""
    measures, dims = vocab.measures[0], vocab.dims[0]
    named = [vocab.measures[1][normalize(x[0])] for x in measures.finditer(scan.text)] if measures else []
    if len(set(named)) > 1:
        return  # "tip average and total bill": two measures, each with its own word
    for m in _PAIR.finditer(scan.text):
        first, second = _kind(m["a"]), _kind(m["b"])
        if first == second:
            continue
        ds = vocab.ds
        label = lower_label(ds.measure(named[0] if named else ds.measures[0].name).label)
        dim = dims.search(scan.text) if dims is not None else None
        by = f" by {ds.dimension(vocab.dims[1][normalize(dim[0])]).label.lower()}" if dim is not None else ""
        raise UnchartableQuestion(
            f"chartq charts one aggregation of a measure at a time, so it cannot show the {first} and the "
            f"{second} of {label} side by side (\u201c{scan.excerpt(m.span())}\u201d). Try them as two "
            f"charts, e.g. \u201c{first} {label}{by}\u201d and \u201c{second} {label}{by}\u201d."
        )
