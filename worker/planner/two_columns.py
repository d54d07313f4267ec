"""Conditions comparing two measures of one row: "tables where the tip was more than the bill per person",
"countries whose GDP per capita was above their life expectancy". A plan's filters compare a column with a
number, so such a row-by-row comparison cannot be charted; read as the two measures side by side it would
answer a different question. Refused, naming the comparison.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.vocabulary import Scan, Vocabulary

__all__ = ["check_two_columns"]

_COMPARED = (
    r"(?:more|less|greater|higher|lower|bigger|smaller|larger|fewer)\s+than|above|below|over|under|exceed(?:s|ed|ing)?|"
    r"(?:the\s+)?same\s+as|equal\s+to|outstripp?(?:s|ed)?|beat(?:s)?"
)


def check_two_columns(scan: Scan, vocab: Vocabulary) -> None:
    """Refuses "<measure> ... more than the <measure>" in a question about `vocab`'s dataset."""
    measures = vocab.measures[0]
    if measures is None:
        return
    pattern = re.compile(
        rf"(?P<a>{measures.pattern})\s+(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?"
        rf"(?:(?:strictly|at\s+least|much|far)\s+)?(?:{_COMPARED})\s+(?:(?:the|its|their|his|her|a)\s+)?"
        rf"(?P<b>{measures.pattern})(?!\w)",
        re.IGNORECASE,
    )
    m = pattern.search(scan.text)
    if m is None:
        return
    raise UnchartableQuestion(
        f"chartq cannot yet compare two measures of the same row (\u201c{scan.excerpt(m.span())}\u201d): a "
        f"chart's conditions compare a measure with a number, "
        f"e.g. \u201c… where the tip was more than 5\u201d. "
        f"{suggest(vocab.ds)}"
    )
