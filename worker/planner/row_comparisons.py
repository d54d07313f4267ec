"""Conditions that compare rows with other rows, and shares of rows that meet a condition: "In how many
weeks did Apple close higher than Microsoft?", "nations that won more golds than silvers", "what
proportion of the irises of each species have petals longer than 4 cm?".

Each needs two values of every date, nation or flower side by side (Apple's and Microsoft's price of a
week), or a count of the rows that pass over a count of all of them; a chart plan filters rows one at a
time and aggregates once. Read without the comparison, the question becomes a chart of both values (or a
count of rows, or the average of the rows that pass), which looks like an answer and is not one, so it is
refused with what can be asked instead. A comparison of two values asked for itself ("Was Apple's price
higher than Microsoft's in 2019?") is a chart of both and is not touched here.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.vocabulary import Scan, Vocabulary, normalize
from worker.semantic import DimensionValue

__all__ = ["check_row_comparisons", "check_row_shares"]

_I = re.IGNORECASE
_MORE = (
    r"(?:more|fewer|less|higher|lower|greater|bigger|larger|smaller|better|worse|above|below|over|under|"
    r"ahead\s+of|behind)"
)
# The comparison is a condition on rows when the question counts them or picks them out.
_CONDITION = re.compile(
    r"(?<!\w)(?:how\s+(?:many|often)|number\s+of|count|where|when|that|which|whose|in\s+which|on\s+which)(?!\w)",
    _I,
)
_SHARE = r"(?:proportion|share|percentage|percent|fraction|%)"
# "what proportion of the irises of each species have ...", "the share of weeks in which ...".
_ROW_SHARE = re.compile(
    rf"(?<!\w)(?:what|which)\s+{_SHARE}\s+of\s+(?:the\s+|all\s+(?:the\s+)?)?"
    rf"(?P<rows>[a-z][\w' -]{{0,40}}?)\s+"
    r"(?P<verb>have|had|has|were|was|are|is|with|that|who|where|in\s+which|on\s+which|did|do|does)(?!\w)"
    r"(?P<rest>[^.?!;]*)",
    _I,
)
# What makes it a share of rows: a condition on a number, or a whole that is each group.
_NUMBER_CONDITION = re.compile(
    rf"(?<!\w){_MORE}\s+than\s+\d|(?<!\w)(?:at\s+least|at\s+most|no\s+more\s+than|above|below|over|under)\s+\d"
    r"|(?<!\w)(?:longer|shorter|wider|narrower|taller|heavier|cheaper|dearer)\s+than\s+\d",
    _I,
)
_EACH = re.compile(r"(?<!\w)(?:each|every|per)(?!\w)", _I)


def check_row_comparisons(scan: Scan, vocab: Vocabulary) -> None:
    """Refuse "V1 ... more/higher than V2" ("Apple closed higher than Microsoft", "more golds than
    silvers") with V1 and V2 values of one dimension, in a question that counts or picks out rows by it."""
    values = vocab.values[0]
    if values is None:
        return
    v = rf"(?<!\w)(?:{values.pattern})(?:'s|s)?(?!\w)"
    than = re.compile(rf"(?<!\w){_MORE}(?P<mid>(?:\s+[\w'-]+){{0,2}}?)\s+than\s+(?:the\s+)?(?P<b>{v})", _I)
    for m in than.finditer(scan.text):
        b = _value(vocab, m["b"])
        start = max(0, m.start() - 60)
        before = [_value(vocab, x[0]) for x in re.finditer(v, scan.text[start : m.start()] + m["mid"], _I)]
        a = next(
            (x for x in before if x is not None and b is not None and x[0] == b[0] and x[1] != b[1]), None
        )
        if a is None or b is None or _CONDITION.search(scan.text, 0, m.start()) is None:
            continue
        raise UnchartableQuestion(
            f"\u201c{scan.excerpt((start, m.end()))}\u201d compares {a[1]} with {b[1]} row by row, and "
            "chartq filters rows one at a time: it cannot count or pick out the rows where one beats the "
            f"other. It can chart both side by side, e.g. \u201c{_both(vocab, str(a[1]), str(b[1]))}\u201d."
        )


def _value(vocab: Vocabulary, said: str) -> tuple[str, DimensionValue] | None:
    """The (dimension, value) a value's name stands for, plural or possessive ("golds", "Apple's")."""
    table = vocab.values[1]
    for form in (said, re.sub(r"(?:'s|s)$", "", said)):
        found = table.get(normalize(form))
        if found is not None:
            return found
    return None


def check_row_shares(scan: Scan, vocab: Vocabulary) -> None:
    """Refuse "what proportion of the <rows> have <a condition on a number>" and "what share of the
    <rows> in each <group> were <value>": a count of the rows that pass over a count of all of them."""
    for m in _ROW_SHARE.finditer(scan.text):
        rows = m["rows"].lower()
        if not rows.split()[0].endswith("s") or (vocab.measures[0] and vocab.measures[0].search(rows)):
            # "what share of the population is in Asia", "of the time", "of the world's headcount": the
            # parts of a measure, a pie; a share of rows names them in the plural ("irises", "tables").
            continue
        if _NUMBER_CONDITION.search(m["rest"]) is None and _EACH.search(m[0]) is None:
            continue
        raise UnchartableQuestion(
            f"\u201c{scan.excerpt(m.span())}\u201d asks for the share of {rows} that meet a condition: a "
            "count of those rows over a count of all of them, two aggregations where chartq charts one. "
            f"It can count the {rows} that meet it, or chart the values themselves. {suggest(vocab.ds)}"
        )


def _both(vocab: Vocabulary, a: str, b: str) -> str:
    label = vocab.ds.measures[0].label.lower()
    return f"{label} for {a} and {b}"
