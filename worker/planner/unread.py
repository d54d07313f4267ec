"""Refusals that name the words: when a question names no measure of any dataset, the words nothing could
read ("unemployment rate", "rainfall", "inflation") are quoted back, so the user sees what chartq did not
understand instead of a generic "says what to compare but not what to measure". The generic sentence is
kept only when every content word was read ("by continent")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from worker.planner import words as pw
from worker.planner.accounts import FILLER, HARMLESS, left_over
from worker.planner.lexicon import AGGS, CHARTS, Lexicon
from worker.planner.time_phrases import COUNT
from worker.planner.titles import join_names
from worker.planner.typos import EVERYDAY
from worker.planner.vocabulary import PLAIN, Scan

__all__ = ["no_measure", "unread_phrases"]

_NUMBER = re.compile(rf"^(?:\d[\d.,]*|{COUNT})$", re.IGNORECASE)
# Words that ask for a chart or a period without naming anything to measure, and the verbs of a follow-up
# ("add Brazil"), which say what to do with values, not what to measure.
_ASIDE = frozenset(
    """
    time year years day days week weeks month months since add adding remove removing include including
    exclude excluding keep switch swap replace instead also again
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_AXIS = re.compile(rf"(?<!\w)(?:{pw.TIME_AXIS})(?!\w)", re.IGNORECASE)


def unread_phrases(scan: Scan, lexicons: Iterable[Lexicon]) -> list[str]:
    """The stretches of `scan` that no dataset's phrases, chart, aggregation or time words read and that
    are not filler, each as written ("unemployment rate")."""
    probe = Scan(scan.text, scan.shown)
    probe.used = list(scan.used)
    for lex in lexicons:
        v = lex.vocab
        for pattern in (v.measures[0], v.datasets[0], v.dims[0], v.values[0], lex.counting, lex.rows):
            list(probe.take(pattern))
    for pattern in (*CHARTS.values(), *AGGS.values(), _AXIS):
        list(probe.take(pattern))
    skip = FILLER | HARMLESS | PLAIN | EVERYDAY | _ASIDE
    found = [span for w, span in left_over(probe) if w.lower() not in skip and not _NUMBER.match(w)]
    runs: list[tuple[int, int]] = []
    for start, end in found:
        # Words next to each other ("unemployment rate") are one phrase; anything between splits them.
        if runs and not scan.text[runs[-1][1] : start].strip(" -"):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    phrases = [scan.excerpt(span) for span in runs]
    # A word said twice ("Netflix fell hard ... the reason it fell") is named once.
    return [p for at, p in enumerate(phrases) if p.lower() not in {q.lower() for q in phrases[:at]}]


def no_measure(scan: Scan, lexicons: Sequence[Lexicon]) -> str:
    """Why no dataset could be chosen: the words it could not read, named, or the generic sentence."""
    if not scan.text.strip(" ?!.,;:'\"-"):
        return "The question is empty."
    unread = unread_phrases(scan, lexicons)
    compared = any(scan.count(lex.vocab.values[0]) for lex in lexicons)
    if unread:
        shown = join_names([f"\u201c{p}\u201d" for p in unread])
        verb = "means" if len(unread) == 1 else "mean"
        said = "says what to compare but not what to measure" if compared else "names nothing it can measure"
        return f"chartq does not know what {shown} {verb} here, and the question {said}."
    if compared:
        return "That question says what to compare but not what to measure."
    return "That question doesn't name anything chartq can measure."
