"""A product manager's hedges and jargon spelt out before a question is read. Hedges say nothing about the
data ("ballpark is fine", "at a glance", "a quick view of", "roughly", "a rough breakdown of", "top-line:");
jargon says something plain: "drill into X:" restricts to X ("for X,"), "slice(d) by Y" groups by Y ("by
Y"), and "pie works" / "a pie is fine" asks for a pie ("as a pie").
"""

from __future__ import annotations

import re

from worker.planner.asides import unaside
from worker.planner.homework import unschool
from worker.planner.jargon import unjargon

__all__ = ["unhedge"]

_FINE = r"(?:fine|ok|okay|enough|good)"
_FIGURES = r"(?:\s+(?:figures?|numbers?|estimates?))"
_SAID = [
    # "Ballpark is fine.", "a ballpark figure is ok", "ballpark": how exact the figures are, not which.
    (rf"(?:,\s*)?\b(?:an?\s+)?ballpark{_FIGURES}?\s+(?:is|are|would\s+be)\s+{_FINE}\b", ""),
    (rf"\b(?:an?\s+|the\s+)?ballpark(?:{_FIGURES}(?:\s+(?:of|for))?)?\b", ""),
    (r"(?:,\s*)?\bat\s+a\s+(?:quick\s+)?glance\b,?", ""),
    # "a quick view of", "a quick read on", "quick look at": the chart itself.
    (r"\b(?:an?\s+)?quick\s+(?:view|read|look|peek|snapshot|glance)(?:\s+(?:of|on|at|into))?\b", ""),
    (r"\b(?:an?\s+)?rough(?:ly)?(?:\s+(?:breakdown|split|picture|idea|sense|estimate)\s+of\b)?", ""),
    # "Top-line:", "a topline view of": a summary, not a ranking ("the top line" of a chart is kept).
    (r"\btop-?\s?line(?:\s+(?:view|read|numbers?|figures?|summary)(?:\s+(?:of|on))?)?\s*:", ""),
    (r"\btop-line\b|\btopline\b", ""),
    # "drill into Africa:", "drill down into the districts Coderre won:": a restriction to them.
    (
        r"\b(?:let'?s\s+|let\s+us\s+)?drill(?:\s+down)?\s+(?:into|to|on)\s+(?P<x>[^:;,]+?)\s*[:;,]",
        r"for \g<x>,",
    ),
    (r"\bdrill(?:ing)?(?:\s+down)?\s+(?:into|to|on)\b", "for"),
    # "sliced by continent", "slice by ticker": a grouping; "Slice A by Y": A by Y.
    (r"(?:,\s*)?\bslic(?:e|ed|ing)\s+(?=by\b)", " "),
    (r"^(\W*)slice\s+(?=.+\bby\b)", r"\1show "),
    # "Pie works.", "a pie is fine", "pie chart is ok": a pie.
    (
        rf"(?:,\s*)?\b(?:an?\s+)?pie(?:\s+chart)?\s+(?:works|would\s+work|is\s+{_FINE})(?=\s*(?:[.,;:!?]|$))",
        " as a pie",
    ),
]
_HEDGES = [(re.compile(pattern, re.IGNORECASE), said) for pattern, said in _SAID]


def unhedge(text: str) -> str:
    """`text` without hedges or asides, and with jargon and everyday words in plain words."""
    text = unaside(unjargon(unschool(text)))
    for pattern, said in _HEDGES:
        text = pattern.sub(said, text)
    # A sentence left empty ("Ballpark is fine." gone) leaves no stray stop behind.
    text = re.sub(r"(?<=[.?!])\s*[.,;:!?]+(?=\s|$)|^\s*[.,;:]+", "", text)
    return " ".join(text.split())
