"""Values named to keep rows rather than to compare them, for bars grouped by another dimension: "average
tip by sex for Sat and Sun only" and "The lunch trade on Thursdays and Fridays: total tips by sex" chart
the sexes over those days, with no series of days. Values merely listed beside a grouping ("silver and
bronze medals by nation", "average check by sex on saturdays and sundays") still compare, as in the other
sets; so do values joined by "vs". Values right after a "for" that follows the grouping ("medals per nation
for silver and bronze") keep rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from worker.planner.vocabulary import Scan, Vocabulary, normalize
from worker.semantic import DimensionValue

__all__ = ["read_kept"]

# A setting said before the chart, set apart by a colon, comma or semicolon: "on thursdays and fridays:",
# "mean tip at dinner on saturdays and sundays, by gender".
_SETTING = r"(?:on|at|in|during)\s+(?:the\s+)?"


def read_kept(scan: Scan, vocab: Vocabulary, entities: Mapping[str, Sequence[DimensionValue]]) -> list[str]:
    """The dimensions of several values (`entities`, as read) named as a restriction: in a clause ending in
    "only" ("for Sat and Sun only", "for wind strength 5-6 and wind strength 6+ only") or opening with it
    ("only versicolor and virginica"), or in a setting
    clause opening the question before a grouping ("On Thursdays and Fridays: ...")."""
    found: list[str] = []
    clauses = [m[0] for m in re.finditer(r"[^,:;]*?(?<!\w)only(?!\w)", scan.text)]
    # "…, only versicolor and virginica": "only" opening the clause of the values keeps them just the same.
    clauses += [m[0] for m in re.finditer(r"(?<!\w)only\s+[^,:;]+", scan.text)]
    # "medals per nation for silver and bronze": values right after a "for" that follows a grouping keep
    # rows ("by strength for winds from the W and WNW" still compares the directions).
    grouped = re.search(r"(?<!\w)(?:by|per|each)(?!\w)", scan.text)
    fors = (
        [m[1] for m in re.finditer(r"(?<!\w)for\s+(?:the\s+)?([^,:;]+)", scan.text[grouped.end() :])]
        if grouped
        else []
    )
    head = re.match(r"^[^:;,]*[:;,]", scan.text)
    if head is not None and re.search(r"(?<!\w)(?:by|per|each|who|which)(?!\w)", scan.text[head.end() :]):
        clauses += [m[0] for m in re.finditer(rf"(?<!\w){_SETTING}.*", head[0])]
    for dim, values in entities.items():
        if len(values) < 2 or len(values) >= len(vocab.ds.dimension(dim).values):
            continue
        said = [_said(vocab, dim, v) for v in values]
        in_clause = any(all(any(w in clause for w in words) for words in said) for clause in clauses)
        if in_clause or any(_opens_with(rest, said) for rest in fors):
            found.append(dim)
    return found


def _said(vocab: Vocabulary, dim: str, value: DimensionValue) -> list[str]:
    """How a value may be written: itself, or a synonym of it ("saturdays" for Sat)."""
    words = [normalize(str(value))]
    words += [phrase for phrase, (d, v) in vocab.values[1].items() if d == dim and v == value]
    return [w for w in words if w]


def _opens_with(clause: str, said: list[list[str]]) -> bool:
    """Whether `clause` names every value and opens with one of them."""
    opens = any(re.match(rf"{re.escape(w)}(?!\w)", clause) for words in said for w in words)
    return opens and all(any(w in clause for w in words) for words in said)
