"""A share within each group ("Joly's vote share in each district", "the share of the vote won by Joly in
every district", "Asia's proportion of the population per year"): the part is one value named, the whole
is each group, so every bar needs its group's total as well (two levels of aggregation). Charting the
value's own total over the groups (a pie of Joly's votes by district) would answer another question, each
group's share of the value's total, so it is refused. A share whose parts are the groups ("vote share by
candidate", "each district's share of Joly's votes") is a pie of the summed measure, and is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import suggest
from worker.planner.shape import Reading
from worker.planner.vocabulary import Scan, Vocabulary, normalize
from worker.semantic import Dataset, DimensionValue

__all__ = ["check_share_form", "check_share_within"]

_SHARE = r"(?:share|shares|proportion|percentage|percent|fraction|portion)"


def _parts(scan: Scan, vocab: Vocabulary) -> list[tuple[str, DimensionValue]]:
    """The dimensions of the values whose share is asked: "Joly's (vote) share", "the share (of the vote)
    won by / going to / of / for Joly"."""
    values = vocab.values[0]
    if values is None:
        return []
    v = values.pattern
    owner = re.compile(
        rf"(?P<a>{v})(?:'s|s'|')\s+(?:[a-z]+\s+){{0,2}}?{_SHARE}(?!\w)"
        rf"|(?<!\w){_SHARE}\s+(?:of\s+(?:the\s+)?[a-z]+\s+)?(?:won\s+by|taken\s+by|going\s+to|got\s+by|of|for)\s+"
        # ... the value ending the phrase: "the share of gold medals" has gold medals as its whole.
        rf"(?P<b>{v})(?=\s*(?:$|[,.?!;:]|(?:in|within|per|by|across|for|over|at|on)\b))"
        # "what share of each district's vote went to Coderre", "the share of the vote in each district
        # that went to Joly": the value the share goes to, named after the whole.
        rf"|(?<!\w){_SHARE}\s+of\s+[a-z' ]{{1,40}}?\s+(?:that\s+)?(?:went|goes|go|going)\s+to\s+"
        rf"(?P<c>{v})(?!\w)"
    )
    # A share word inside a measure's name ("tip percentage") is the measure, not a share.
    measures = vocab.measures[0]
    named = [m.span() for m in measures.finditer(scan.text)] if measures is not None else []
    dims = []
    for m in owner.finditer(scan.text):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in named):
            continue
        dims.append(vocab.values[1][normalize(m["a"] or m["b"] or m["c"])])
    return dims


def check_share_within(scan: Scan, vocab: Vocabulary, r: Reading) -> None:
    """Refuses one value's share within each group of another dimension (see the module's docstring)."""
    parts = _parts(scan, vocab)
    if not parts:
        return
    dim, value = parts[0]
    groups = [g for g in r.groups if g != dim]
    if groups:
        group = r.ds.dimension(groups[0]).label.lower()
    elif r.wants_time and r.ds.time is not None:
        group = "period"  # "Asia's share of the population over time": within each period
    else:
        # "Asia's share of the population in 2007": a part of the whole, which the pie of every one shows;
        # kept as a filter, the pie would hold Asia alone (100%).
        others = [v for v in r.entities.get(dim, []) if v != value]
        if others:
            r.entities[dim] = others
        else:
            r.entities.pop(dim, None)
        if dim not in r.groups:
            r.groups.append(dim)
        return
    raise UnchartableQuestion(
        f"That asks for {value}\u2019s share within each {group}, which needs each {group}\u2019s "
        f"total as well (two levels of aggregation), and chartq charts one at a time; it can show "
        f"the values of every {r.ds.dimension(dim).label.lower()} side by side for each {group}. "
        f"{suggest(r.ds)}"
    )


# A pie named as such; "share" and "proportion" only ask for one.
_PIE_NAMED = re.compile(r"(?<!\w)(?:pie|donut|doughnut)", re.IGNORECASE)
_FORMS = {
    "bar": "bars",
    "line": "a line",
    "area": "an area chart",
    "scatter": "a scatter",
    "histogram": "a histogram",
}


def check_share_form(text: str, charts: Sequence[str], ds: Dataset) -> None:
    """ "Share of the total bill by meal, as bars": a share is drawn as a pie, and the question asks for
    another form too. Either one alone would drop a word the user wrote, so neither is drawn."""
    others = [c for c in charts if c != "pie"]
    if "pie" not in charts or not others or _PIE_NAMED.search(text):
        return
    form = _FORMS.get(others[0], others[0])
    raise UnchartableQuestion(
        f"A share is drawn as a pie, and the question asks for {form} too; ask for the share as a pie, or "
        f"for the totals as {form}. {suggest(ds)}"
    )
