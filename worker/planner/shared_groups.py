"""A value named by the group it shares with another value, read from the groups the data gives each
value (`Dimension.groups`: each country's one continent, each district's one winner) and written as the
plain restriction the planner reads.

- "the countries on the same continent as Egypt" -> "the countries with continent Africa"
- "the countries that share a continent with Australia" -> "the countries with continent Oceania"
- "the countries in Egypt's continent" -> "the countries with continent Africa"
- "districts with the same winner as Ahuntsic" -> "districts with winner <Ahuntsic's winner>"

Where the model gives the value no such group the text is left as it is (`relative_names` refuses it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from worker.planner.model_cache import per_model
from worker.planner.vocabulary import Vocabulary, normalize, phrases
from worker.semantic import Dataset, Dimension, DimensionValue, SemanticModel

__all__ = ["unshare_group"]

_I = re.IGNORECASE
# "that are on", "which lie in", "with", "having": what leads into the relation and goes with it.
_WHO = r"(?:(?:that|which|who)\s+(?:(?:are|is|were|was|lie|lies|sit|sits|have|has|had)\s+)?)?"
_ON = r"(?:(?:on|in|from|of|within|with|having|sharing)\s+)?"
_SHARE = r"(?:share[sd]?|sharing)\s+(?:a|the|its|their|one)"

Named = tuple[Dimension, DimensionValue]


def unshare_group(text: str, model: SemanticModel) -> str:
    """`text` with each value named by a group it shares with another value written as that group's value.

    >>> unshare_group("GDP of the countries that share a continent with Australia", model)  # doctest: +SKIP
    'GDP of the countries with continent Oceania'
    """
    for ds, patterns, named in _readers(model):
        for pattern in patterns:
            text = pattern.sub(_rewriter(ds, named), text)
    return text


def _rewriter(ds: Dataset, named: dict[str, Named]) -> Callable[[re.Match[str]], str]:
    def rewrite(m: re.Match[str]) -> str:
        dim, value = named[normalize(m["v"])]
        group = _group(ds, dim, m["g"])
        if group is None or str(value) not in dim.groups[group.name]:
            return m[0]
        return f"with {normalize(m['g'])} {dim.groups[group.name][str(value)]}"

    return rewrite


def _group(ds: Dataset, dim: Dimension, noun: str) -> Dimension | None:
    """The group of `dim`'s values that `noun` ("continent", "region") names, if any."""
    said = normalize(noun)
    for group in (ds.dimension(name) for name in dim.groups):
        if said in {normalize(w) for w in (group.name, group.label, *group.synonyms)}:
            return group
    return None


@per_model
def _readers(model: SemanticModel) -> list[tuple[Dataset, list[re.Pattern[str]], dict[str, Named]]]:
    """For each dataset whose values have groups: the relation patterns and value phrase -> value."""
    readers = []
    for ds in model.datasets:
        grouped = {d.name: d for d in ds.dimensions if d.groups}
        if not grouped:
            continue
        found = Vocabulary.build(ds).values[1]
        named = {p: (grouped[d], v) for p, (d, v) in found.items() if d in grouped}
        nouns = [w for d in grouped.values() for g in d.groups for w in _names(ds.dimension(g))]
        values, groups = phrases(named)[0], phrases(nouns)[0]
        if values is not None and groups is not None:
            readers.append((ds, _patterns(values.pattern, groups.pattern), named))
    return readers


def _names(dim: Dimension) -> list[str]:
    return [dim.name, dim.label, *dim.synonyms]


def _patterns(values: str, nouns: str) -> list[re.Pattern[str]]:
    """ "(on) the same G as V", "(that) share a G with V" and "in V's G" over these value and group words."""
    v, g = rf"(?:the\s+)?(?P<v>{values})", rf"(?P<g>{nouns})"
    return [
        re.compile(rf"\b{_WHO}{_ON}(?:the\s+)?same\s+{g}\s+as\s+{v}", _I),
        re.compile(rf"\b{_WHO}{_SHARE}\s+{g}\s+with\s+{v}", _I),
        re.compile(rf"\b{_WHO}(?:on|in|from|of|within)\s+{v}['\u2019]s?\s+{g}(?!\w)", _I),
    ]
