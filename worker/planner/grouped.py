"""A grouping whose dimension is also given a condition: "avg tip by party size 3 or more", "by party size
of 3 or more". The condition readers take the dimension's name as the condition's subject, which left "by"
alone and lost the grouping (the chart fell back to the default dimension). Here "by X" is noted before the
conditions are read, and kept as a grouping when X then carries a condition: bars by X, with the filter."""

from __future__ import annotations

import re

from worker.plan import Filter
from worker.planner.vocabulary import Scan, Vocabulary, normalize

__all__ = ["GroupedConditions"]


class GroupedConditions:
    """ "by <dimension>" stretches seen before the conditions are read; `groups` says which to keep."""

    def __init__(self, scan: Scan, vocab: Vocabulary) -> None:
        self._found: list[tuple[tuple[int, int], tuple[int, int], str]] = []
        names = vocab.dims[0]
        if names is None:
            return
        pattern = re.compile(
            rf"(?<!\w)(?:by|per|for\s+(?:each|every))\s+(?P<d>{names.pattern})", re.IGNORECASE
        )
        for m in pattern.finditer(scan.text):
            if scan.free(m.span()):
                dim = vocab.dims[1].get(normalize(m["d"]))
                if dim is not None:
                    self._found.append(((m.start(), m.start("d")), m.span("d"), dim))

    def groups(self, scan: Scan, conditions: list[Filter]) -> list[str]:
        """The dimensions grouped by whose name a condition on that dimension took; claims their "by"."""
        kept = []
        on = {f.column for f in conditions}
        for by, name, dim in self._found:
            if dim in on and not scan.free(name) and scan.free(by):
                scan.claim(by)
                kept.append(dim)
        return kept
