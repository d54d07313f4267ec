"""Values named by where they stand beside other values, read as the value they name from the model's own
order of a dimension, or refused naming the words when that order cannot say. Called from
worker.planner.relative_names, which reads the forms with "just" ("the band just above 5-6").

- A neighbour in a dimension's order: "the day after Friday" -> "the Sat day", "the meal that comes before
  dinner" -> "the Lunch meal", "the party size after 2" -> "party sizes of 3". The noun must name the
  dimension; a dimension with no order is refused ("the species after setosa").
- The point opposite on a compass: "the direction opposite north" -> "the south direction" (half-way round
  the model's order of directions, which must be a full compass).
- The quarter or month beside a named one: "the quarter before Q4 2019" -> "Q3 2019", "the month after
  December 2019" -> "January 2020".
- What is left of a dimension: "the species that is neither setosa nor virginica" -> "versicolor"; with
  more than one value left, "excluding Thur and Fri".
- "the same districts Bergeron won" -> "the districts Bergeron won".

Refused, naming the words: a neighbour past either end ("the day after Sunday", "the meal after dinner").
A value computed from the measures ("the day with the most tips") is never read here.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from worker.planner.errors import NotInTheData, UnchartableQuestion
from worker.planner.periods import MONTHS, YEAR
from worker.planner.refusals import suggest
from worker.semantic import Dataset, Dimension, DimensionValue, SemanticModel

__all__ = ["dimensions", "names_dimension", "refused", "unneighbour", "value_of"]

_I = re.IGNORECASE
NAME = r"[\w+.-]+(?:\s[\w+.-]+)?"
_LINK = r"(?:(?:that|which)\s+(?:comes?|is|are|falls?|was)\s+)?(?:(?:just|right|immediately|directly)\s+)?"
_REL = r"(?P<rel>after|before|following|preceding)"
_BESIDE = re.compile(rf"\bthe\s+(?P<noun>(?:[\w-]+\s+){{1,2}}?){_LINK}{_REL}\s+(?:the\s+)?(?P<v>{NAME})", _I)
_OPPOSITE = re.compile(
    rf"\bthe\s+(?:(?P<noun>(?:[\w-]+\s+){{1,2}}?){_LINK}opposite\s+(?:to\s+|of\s+|from\s+)?|opposite\s+of\s+)"
    rf"(?:the\s+)?(?P<v>{NAME})",
    _I,
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_PERIOD = re.compile(
    rf"\bthe\s+(?P<unit>quarter|month)\s+{_LINK}{_REL}\s+(?:the\s+)?(?:Q(?P<q>[1-4])\s*(?P<qy>{YEAR})|"
    rf"(?P<yq>{YEAR})\s*Q(?P<q2>[1-4])|(?P<m>{_MONTH})\.?\s+(?P<my>{YEAR}))\b",
    _I,
)
_NEITHER = re.compile(
    rf"\b(?:the\s+(?:[\w-]+\s+){{1,2}}?(?:(?:that|which)\s+(?:is|are)\s+)?)?neither\s+(?:the\s+)?"
    rf"(?P<a>{NAME}?)\s+nor\s+(?:the\s+)?(?P<b>{NAME})",
    _I,
)
_SAME_AS_WON = re.compile(
    rf"\bthe\s+same\s+(?P<noun>[\w-]+)\s+(?P<that>(?:that|which)\s+)?(?=(?P<v>{NAME}))", _I
)
# The model gives meals no order, yet a day serves them in one: these are read in the order eaten.
_EVERYDAY_ORDERS = (("breakfast", "brunch", "lunch", "tea", "dinner", "supper"),)
_COMPASS = re.compile(r"[NESW]{1,3}")


def unneighbour(text: str, model: SemanticModel) -> str:
    """`text` with the values this module reads spelt out; unchanged when it has none.

    >>> unneighbour("Tip by day for the meal that comes before dinner.", model)  # doctest: +SKIP
    'Tip by day for the Lunch meal.'
    """
    text = _PERIOD.sub(lambda m: _period(m, model), text)
    text = _BESIDE.sub(lambda m: _beside(m, model), text)
    text = _OPPOSITE.sub(lambda m: _opposite(m, model), text)
    text = _NEITHER.sub(lambda m: _neither(m, model), text)
    return _SAME_AS_WON.sub(lambda m: _same(m, model), text)


def dimensions(model: SemanticModel) -> Iterator[tuple[Dataset, Dimension]]:
    for ds in model.datasets:
        for dim in ds.dimensions:
            yield ds, dim


def value_of(dim: Dimension, words: str) -> tuple[DimensionValue, int] | None:
    """The value of `dim` that `words` begins with, and how many characters name it."""
    names = {str(v): v for v in (dim.order or dim.values) if dim.match_values or len(str(v)) > 1}
    names.update(dim.value_synonyms)
    said = words.lower()
    hits = [
        (v, len(n))
        for n, v in names.items()
        if said == n.lower() or re.match(rf"{re.escape(n.lower())}(?![\w+-])", said)
    ]
    return max(hits, key=lambda h: h[1]) if hits else None


def refused(words: str, why: str, ds: Dataset | None) -> UnchartableQuestion:
    hint = f" {suggest(ds)}" if ds is not None else ""
    said = words.strip().rstrip(".,;:!?")
    return NotInTheData(f"chartq cannot tell {why} (\u201c{said}\u201d).{hint}")


def names_dimension(dim: Dimension, noun: str) -> bool:
    """Whether `noun` ("sex ", "gender ") is a name of the dimension."""
    words = {dim.name, dim.label, *dim.synonyms}
    return noun.strip().lower() in {w.lower() for w in words}


def _order(dim: Dimension) -> list[DimensionValue]:
    """The dimension's order: the model's, numbers by size, or the everyday order of its values."""
    if dim.order:
        return list(dim.order)
    if dim.type == "number" or all(isinstance(v, int | float) for v in dim.values):
        return sorted(dim.values, key=float)
    for everyday in _EVERYDAY_ORDERS:
        if dim.values and all(str(v).lower() in everyday for v in dim.values):
            return sorted(dim.values, key=lambda v: everyday.index(str(v).lower()))
    return []


_Hit = tuple[Dataset, Dimension, DimensionValue]


def _named(model: SemanticModel, noun: str | None, words: str) -> list[_Hit]:
    """The dimensions with a value `words` begins with, only those `noun` names when it names any."""
    hits = [(ds, dim, hit[0]) for ds, dim in dimensions(model) if (hit := value_of(dim, words)) is not None]
    named = [h for h in hits if noun and names_dimension(h[1], noun)]
    return named or hits


def _shown(dim: Dimension, value: DimensionValue, noun: str | None) -> str:
    """How readers take `value` with its noun ("the Sat day", "party sizes of 3", "the south direction")."""
    if isinstance(value, int | float):
        return f"{dim.plural()} of {value}"
    said = str(value)
    if not dim.match_values:
        said = next((n for n, v in dim.value_synonyms.items() if v == value and " " not in n), said)
    return f"the {said} {noun.strip()}" if noun and noun.strip() else said


def _rest(dim: Dimension, words: str) -> str:
    hit = value_of(dim, words)
    return words[hit[1] :] if hit is not None else ""


def _singular(dim: Dimension, noun: str) -> bool:
    """Whether `noun` names one of the dimension's values: "the days after Thursday" are more than one."""
    said = noun.strip().lower()
    return names_dimension(dim, said) and not (said.endswith("s") and names_dimension(dim, said[:-1]))


def _beside(m: re.Match[str], model: SemanticModel) -> str:
    hits = [h for h in _named(model, m["noun"], m["v"]) if _singular(h[1], m["noun"])]
    if not hits:
        return m[0]
    ds, dim, value = hits[0]
    order, rel = _order(dim), m["rel"].lower()
    if value not in order:
        why = f"which {dim.label.lower()} comes {rel} {value}: the data gives them no order"
        raise refused(m[0], why, ds)
    to = order.index(value) + (1 if rel in ("after", "following") else -1)
    if not 0 <= to < len(order):
        raise refused(m[0], f"which {dim.label.lower()} is meant: there is none {rel} {value}", ds)
    return _shown(dim, order[to], m["noun"]) + _rest(dim, m["v"])


def _opposite(m: re.Match[str], model: SemanticModel) -> str:
    hits = _named(model, m["noun"], m["v"])
    if not hits:
        return m[0]
    ds, dim, value = hits[0]
    order = list(dim.order)
    # Half-way round is the opposite only on a full compass ("N" first, "S" half-way, evenly spaced).
    circle = len(order) % 4 == 0 and all(_COMPASS.fullmatch(str(v)) for v in order) and order[:1] == ["N"]
    if not circle or order[len(order) // 2] != "S" or value not in order:
        why = f"which {dim.label.lower()} is opposite {value}: they do not go round a compass"
        raise refused(m[0], why, ds)
    away = order[(order.index(value) + len(order) // 2) % len(order)]
    return _shown(dim, away, m["noun"] or dim.label.lower()) + _rest(dim, m["v"])


def _neither(m: re.Match[str], model: SemanticModel) -> str:
    for _, dim in dimensions(model):
        a, b = value_of(dim, m["a"]), value_of(dim, m["b"])
        if a is None or b is None or a[0] == b[0]:
            continue
        left = [v for v in (dim.order or dim.values) if v not in (a[0], b[0])]
        if not left:
            return m[0]
        said, rest = f"{m['a'][: a[1]]} and {m['b'][: b[1]]}", m["b"][b[1] :]
        return f"{left[0]}{rest}" if len(left) == 1 else f"excluding {said}{rest}"
    return m[0]


def _same(m: re.Match[str], model: SemanticModel) -> str:
    """ "the same districts Bergeron won": no other districts were named, so "same" adds nothing."""
    for ds in model.datasets:
        named = any(names_dimension(dim, m["noun"]) for dim in ds.dimensions)
        if named and any(value_of(dim, m["v"]) is not None for dim in ds.dimensions):
            return f"the {m['noun']} {m['that'] or ''}"
    return m[0]


def _period(m: re.Match[str], model: SemanticModel) -> str:
    if not any(ds.time is not None and ds.time.grain in ("day", "week", "month") for ds in model.datasets):
        return m[0]
    step = 1 if m["rel"].lower() in ("after", "following") else -1
    if m["unit"].lower() == "quarter":
        if m["m"]:
            return m[0]
        year, quarter = int(m["qy"] or m["yq"]), int(m["q"] or m["q2"])
        year, quarter = divmod(year * 4 + quarter - 1 + step, 4)
        return f"Q{quarter + 1} {year}"
    if not m["m"]:
        return m[0]
    year, month = divmod(int(m["my"]) * 12 + MONTHS[m["m"].lower()] - 1 + step, 12)
    return f"{calendar.month_name[month + 1]} {year}"
