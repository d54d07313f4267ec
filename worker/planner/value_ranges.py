"""A span of an ordered dimension's values, "Thursday through Saturday", "from the 1-2 band until the
4-5 band": every value between the two, in the dimension's order. Read as the two values it names, the
chart left out the ones in between ("Thursday through Saturday" kept Thursday and Saturday only).

Only "through", "thru", "until" and "till" join a span: "from north to south" on the wind data says
where the wind blows, not a span of directions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from worker.semantic import Dimension, DimensionValue, SemanticModel

__all__ = ["unrange"]

_JOIN = r"\s+(?:through|thru|until|till)\s+(?:the\s+)?"
# "the 1-2 band until the 4-5 band": a word for the values after each end.
_UNIT = r"(?:\s+(?:band|bands|day|days))?"


def unrange(text: str, model: SemanticModel) -> str:
    """`text` with each span of an ordered dimension's values written as the list of its values."""
    for dim in _ordered(model):
        names = _names(dim)
        phrase = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        span = re.compile(rf"(?<![\w+-])(?P<a>{phrase}){_UNIT}{_JOIN}(?P<b>{phrase}){_UNIT}(?![\w+-])", re.I)
        text = span.sub(functools.partial(_listed, dim=dim, names=names), text)
    return text


def _ordered(model: SemanticModel) -> Iterator[Dimension]:
    for ds in model.datasets:
        yield from (d for d in ds.dimensions if d.order)


def _names(dim: Dimension) -> dict[str, DimensionValue]:
    """What the question may call each value: the value as stored, and its synonyms."""
    names = {str(v).lower(): v for v in dim.order}
    names |= {k.lower(): v for k, v in dim.value_synonyms.items() if v in dim.order}
    return names


def _listed(m: re.Match[str], *, dim: Dimension, names: dict[str, DimensionValue]) -> str:
    order = list(dim.order)
    first, last = order.index(names[m["a"].lower()]), order.index(names[m["b"].lower()])
    if first >= last:
        return m[0]  # "Sunday through Thursday" wraps round, or names one value: left as written
    values = [str(v) for v in order[first : last + 1]]
    return ", ".join(values[:-1]) + " and " + values[-1]
