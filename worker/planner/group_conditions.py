"""Conditions on a group's aggregate: "days whose average tip is above 3", "continents with a total
population over 1 billion", "nations having a combined medal count of at least 10". They keep or drop whole
groups by their average or total (SQL's HAVING), and a chart plan filters rows. Read as a row filter, the
question charts the groups of the rows above the line ("continents with a total population over 1
billion" kept China and India and summed them), which looks like an answer and is not one, so it is
refused with what can be asked. A condition on the rows themselves ("countries with a life expectancy over
70", "bills over $30") has no aggregate word and is not touched.
"""

from __future__ import annotations

import re
from typing import NoReturn

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.vocabulary import Scan, Vocabulary

__all__ = ["check_group_conditions"]

_I = re.IGNORECASE
_AGGREGATE = r"(?:average|avg|mean|median|total|combined|overall|summed|aggregate)"
_OVER = (
    r"(?:above|over|below|under|more\s+than|less\s+than|fewer\s+than|greater\s+than|higher\s+than|"
    r"lower\s+than|at\s+least|at\s+most|exceeding|>=?|<=?)"
)
# "whose average tip is above", "with a total population over", "having an average bill of at least".
_SAID_OF = (
    r"(?:whose|with\s+an?|with|having\s+an?|having|where\s+(?:the|their|its)|that\s+(?:have|had|has)\s+an?)"
)


def check_group_conditions(scan: Scan, vocab: Vocabulary) -> None:
    """Refuse a condition on an aggregate of a measure said of the groups ("whose average tip is above 3")."""
    measures = vocab.measures[0]
    if measures is None:
        return
    pattern = re.compile(
        rf"(?<!\w){_SAID_OF}\s+(?P<a>{_AGGREGATE})\s+(?:[\w-]+\s+){{0,2}}?(?P<m>{measures.pattern})"
        rf"(?:\s+(?:is|was|are|were|of|that\s+is))?\s+(?:(?:is|was)\s+)?{_OVER}\s*\$?\s*\d[\d,.]*"
        r"(?:\s*(?:million|billion|thousand|bn|mn|k|%|percent|dollars?|years?|cm)\b)?",
        _I,
    )
    # "the total bill" is a measure's own name, not a total of bills.
    for m in pattern.finditer(scan.text):
        if not measures.fullmatch(scan.text, m.start("a"), m.end("m")):
            _refuse(scan, vocab, m)


def _refuse(scan: Scan, vocab: Vocabulary, m: re.Match[str]) -> NoReturn:
    raise UnchartableQuestion(
        f"\u201c{scan.excerpt(m.span())}\u201d keeps or drops whole groups by an aggregate, and chartq "
        f"filters rows one at a time, so it cannot yet apply it; it can chart every group's figure and "
        f"you can read off the ones above or below the line. {suggest(vocab.ds)}"
    )
