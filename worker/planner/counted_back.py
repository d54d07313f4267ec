"""A count that points back at the values the question named: "Versicolor and virginica: the average sepal
width of those two species" is those species, the two named, and "Apple and Amazon's weekly price, two
lines" is one line each. The count must be the number of values of one grouping the question names, else
the words stay and the question is refused by name ("Sunday and Monday ... those three days" names neither
two nor which three)."""

from __future__ import annotations

import re

from worker.planner.time_phrases import parse_count
from worker.planner.versus_names import names_of, values_named
from worker.planner.vocabulary import normalize
from worker.semantic import SemanticModel

__all__ = ["uncount_back"]

_I = re.IGNORECASE
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
_THOSE_N = re.compile(rf"\b(?P<those>those|these|the\s+said)\s+(?P<n>{_COUNT})\s+(?=[\w-]+s\b)", _I)
# "two lines", "three bars" after as many values: a line or a bar for each.
# Said as the chart's form, at a clause's end: not "two bars is fine" nor "two lines of ...".
_N_MARKS = re.compile(rf"\b(?P<n>{_COUNT})\s+(?P<mark>line|bar)s\b(?=\s*(?:[,.;:!?)]|$))", _I)


def uncount_back(text: str, model: SemanticModel) -> str:
    """`text` with "those two <things>" said as "those <things>" and "two lines" as "one line each"
    where two values were named."""
    counts = [*_THOSE_N.finditer(text), *_N_MARKS.finditer(text)]
    if not counts:
        return text
    named = _counts_named(text, model)
    if any(parse_count(m["n"]) not in named for m in counts):
        return text
    text = _THOSE_N.sub(lambda m: f"{m['those']} ", text)
    return _N_MARKS.sub(lambda m: f"one {m['mark']} each", text)


def _counts_named(text: str, model: SemanticModel) -> set[int]:
    """How many values of each grouping `text` names (a grouping it names none of is left out)."""
    said = [normalize(v) for v in values_named(text, names_of(model))]
    counts: set[int] = set()
    for d in (d for ds in model.datasets for d in ds.dimensions):
        canonical = {normalize(str(v)): v for v in d.values}
        canonical |= {normalize(k): v for k, v in d.value_synonyms.items()}
        if found := {canonical[s] for s in said if s in canonical}:
            counts.add(len(found))
    return counts
