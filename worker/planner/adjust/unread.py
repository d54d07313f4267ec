"""Accountability for adjustments: the words of a change that nothing read.

A first question has worker.planner.accounts: every word is used, filler, or named in a refusal. A change
to a chart needs the same, or "what is the unemployment rate in France" after a life-expectancy chart
reads as "add France" and the chart answers a question nobody asked. The words left over once the edits
are read are the planner's filler, what the data already is, and the words that only say "change the
chart"; anything else is reported (worker.planner.adjust.apply refuses the change and names it).
"""

from __future__ import annotations

from worker.planner.accounts import FILLER, HARMLESS, left_over
from worker.planner.vocabulary import Scan

# Words that ask for a change without saying what: the verbs of edits and the chart they point at.
EDIT_WORDS = frozenset(
    """
    add adding added include includes including included plus also too as well along together against
    compare compared comparing versus vs with more out
    remove removing removed drop dropping dropped without exclude excluding excluded except minus take
    leave hide not no instead rather than
    only just alone what about how switch switching focus same
    make it turn change convert use using swap replace replacing put
    sort sorted sorting order ordered reverse reversed flip
    limit restrict restricted narrow narrowed zoom zoomed group grouped split broken down
    chart graph plot version one ones thing data again back
    ok okay great thanks thank cool nice please now then and but so can could would let lets us
    instead of rather show showing display see try
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def unread_words(scan: Scan) -> list[str]:
    """The words of a change that no edit read and that say something, in the order they appear."""
    found: list[str] = []
    for word, _span in left_over(scan):
        lowered = word.lower()
        if lowered in FILLER or lowered in HARMLESS or lowered in EDIT_WORDS or lowered in found:
            continue
        found.append(lowered)
    return found
