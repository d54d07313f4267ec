"""Which dimensions, and how many of their values, the words of a prohibition name (worker.planner.must_not):
"don't split it by country" names country, "the days" names day, "type" names the medal type; "India's and
China's population" names two values of country."""

from __future__ import annotations

import re

from worker.semantic import Dimension, SemanticModel

__all__ = ["dimensions_named", "every_dimension", "grouped_by", "values_named"]

_I = re.IGNORECASE


def _names(dim: Dimension) -> set[str]:
    words = {dim.name.replace("_", " "), dim.label.lower(), *(s.lower() for s in dim.synonyms)}
    return words | {dim.plural().lower()}


def every_dimension(model: SemanticModel) -> list[Dimension]:
    return [d for ds in model.datasets for d in ds.dimensions]


def dimensions_named(words: str, model: SemanticModel) -> list[Dimension]:
    """The dimensions `words` (or their first word) may name: "country", "the days", "type" (of medal)."""
    every = every_dimension(model)
    for said in (words.lower(), words.lower().split()[0]):
        forms = {said, said.removesuffix("s"), said.removesuffix("es")}
        dims = [d for d in every if forms & _names(d)]
        # "type": a word of a dimension's name ("medal type"), when no name is that word.
        dims = dims or [d for d in every if forms & {w for n in _names(d) for w in n.split()}]
        if dims:
            return dims
    return []


def grouped_by(rest: str, dim: Dimension) -> bool:
    body = "|".join(re.escape(n) for n in sorted(_names(dim), key=len, reverse=True))
    grouping = rf"\b(?:by|per|each|every|across|for\s+each|for\s+every)\s+(?:the\s+)?(?:{body})s?\b"
    return re.search(grouping, rest, _I) is not None


def values_named(rest: str, dims: list[Dimension]) -> int:
    """The most values of one of `dims` that `rest` names."""
    named = 0
    for d in dims:
        said = [str(k) for k in d.value_synonyms] + ([str(v) for v in d.values] if d.match_values else [])
        found = {
            str(d.value_synonyms.get(s, s))
            for s in said
            if len(s) > 1 and re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", rest, _I)
        }
        named = max(named, len(found))
    return named
