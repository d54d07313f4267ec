"""A property of a thing the data measures that the data does not hold: "petal colour", "sepal shape",
"flower scent". Its first word belongs to the data ("petal", from "petal length"), so it is not reported as
unknown, and "colour by species" would otherwise be read as a split into series: the question would be
charted with the data's first measure, another question's answer. Refused by name instead.
"""

from __future__ import annotations

import re

from worker.planner.errors import UnchartableQuestion
from worker.planner.refusals import what_it_has
from worker.planner.vocabulary import Scan, Vocabulary

__all__ = ["check_properties"]

_PROPERTY = r"colou?rs?|shapes?|scents?|smells?|textures?|patterns?|hues?|shades?"


def check_properties(scan: Scan, vocab: Vocabulary) -> None:
    """Refuse "<a word of a measure> colour" ("petal colour") when no measure is that property."""
    # "petal" (of "petal length"), not "tip" (a measure itself: "bill vs tip color by smoker" colours by).
    heads = {w for phrase in vocab.measures[1] for w in phrase.split()[:-1] if len(w) > 2} - set(
        vocab.measures[1]
    )
    if not heads:
        return
    m = re.search(
        rf"(?<![\w-])(?P<head>{'|'.join(map(re.escape, sorted(heads)))})\s+(?P<p>{_PROPERTY})(?!\w)",
        scan.text,
    )
    if m is None or f"{m['head']} {m['p']}" in vocab.measures[1]:
        return
    raise UnchartableQuestion(
        f"The {vocab.ds.name} data has no \u201c{scan.excerpt(m.span())}\u201d; {what_it_has(vocab.ds)}."
    )
