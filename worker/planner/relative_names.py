"""Things named relative to other named things, read as the value they name from the data's own order, or
refused when the data cannot say which value is meant.

- A neighbour in a dimension's order: "the strength band just above 5-6" -> "the strength band 6+", "the
  colour ranked just below silver" -> "the colour Bronze". On bands that are numbers "above" is the next
  band; on an order that ranks (Gold, Silver, Bronze) "above" is the one ranked higher.
- The one value between two: "the medal colour between gold and bronze" -> "the medal colour Silver",
  "the direction halfway between north and east" -> "the direction NE".
- The other value of a two-valued dimension: "the sex other than female" -> "the sex Male".
- A survey year by its neighbour or by part of a decade: "the survey year just before 2007" -> "2002", "the
  early-2000s survey" -> "the 2002 survey" (early: a decade's first four years, mid: the next three, late:
  its last three).
- "one person bigger than a couple" -> "of 3".
- The forms without "just" ("the day after Friday", "the direction opposite north", "neither setosa nor
  virginica"): worker.planner.value_neighbours, called last.

Refused, naming the words, as the model cannot resolve them: a value's place in another dimension when the
model holds no groups for it ("the same continent as Egypt" is read first by worker.planner.shared_groups
when the data gives each country one continent), and a comparison with another value's figure ("more
often than from the north").
"""

from __future__ import annotations

import re

from worker.planner.value_neighbours import NAME as _NAME
from worker.planner.value_neighbours import dimensions as _dimensions
from worker.planner.value_neighbours import names_dimension as _names
from worker.planner.value_neighbours import refused as _refused
from worker.planner.value_neighbours import unneighbour
from worker.planner.value_neighbours import value_of as _value
from worker.semantic import Dataset, Dimension, DimensionValue, SemanticModel

__all__ = ["unrelate"]

_I = re.IGNORECASE
_NEIGHBOUR = re.compile(
    rf"\b(?:the\s+(?P<noun>(?:[\w-]+\s+){{0,3}}?))?(?P<rank>ranked\s+)?(?:just|right|immediately|directly)\s+(?P<rel>above|below|after|before)\s+"
    rf"(?:the\s+)?(?P<v>{_NAME})",
    _I,
)
_BETWEEN = re.compile(
    rf"\bthe\s+(?P<noun>(?:[\w-]+\s+){{0,3}}?)(?P<half>halfway\s+|midway\s+)?between\s+(?:the\s+)?"
    rf"(?P<a>{_NAME}?)\s+and\s+(?:the\s+)?(?P<b>{_NAME})",
    _I,
)
# "the difference between gold and bronze" compares two values; it names no third.
_COMPARING = re.compile(r"\b(?:difference|gap|ratio|correlation|change|spread|split|comparison)\b", _I)
_OTHER = re.compile(rf"\bthe\s+(?P<noun>(?:[\w-]+\s+){{1,3}}?)other\s+than\s+(?:the\s+)?(?P<v>{_NAME})", _I)
_SURVEY_NEIGHBOUR = re.compile(
    r"\bthe\s+survey(?:\s+year)?\s+(?:just\s+|right\s+|immediately\s+|directly\s+)?(?P<rel>before|after)\s+"
    r"(?P<y>(?:19|20)\d\d)\b",
    _I,
)
_SURVEY_PART = re.compile(r"\bthe\s+(?P<part>early|mid|late)[\s-]+(?P<d>(?:19|20)\d0)s\s+survey\b", _I)
_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_COUPLE = re.compile(r"\b(?:of\s+)?one\s+(?:person|more)\s+(?:bigger|larger|more)\s+than\s+a\s+couple\b", _I)
_SAME = re.compile(
    rf"\b(?:(?:the\s+)?same\s+(?P<n1>[\w-]+)\s+as|share\s+(?:a|the)\s+(?P<n2>[\w-]+)\s+with)\s+"
    rf"(?:the\s+)?(?P<v>{_NAME})",
    _I,
)
_MORE_OFTEN = re.compile(
    rf"\b(?:more|less)\s+(?:often|frequently)\s+than\s+(?:from\s+|in\s+|on\s+)?(?:the\s+)?(?P<v>{_NAME})", _I
)


def unrelate(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has none.

    >>> unrelate("Frequency by direction in the strength band just above 5-6.", model)  # doctest: +SKIP
    'Frequency by direction in the strength band 6+.'
    """
    _refuse(text, model)
    text = _COUPLE.sub("of 3", text)
    text = _SURVEY_PART.sub(lambda m: _survey_in_part(m, model), text)
    text = _SURVEY_NEIGHBOUR.sub(lambda m: _survey_beside(m, model), text)
    text = _NEIGHBOUR.sub(lambda m: _neighbour(m, model), text)
    text = _BETWEEN.sub(lambda m: _between(m, model), text)
    return unneighbour(_OTHER.sub(lambda m: _other(m, model), text), model)


def _valued(words: str, model: SemanticModel, *, ordered: bool) -> list[tuple[Dataset, Dimension, int]]:
    """Every dimension with a value `words` begins with: its dataset, the dimension, the value's index."""
    found = []
    for ds, dim in _dimensions(model):
        hit = _value(dim, words)
        values = dim.order if ordered else dim.values
        if hit is not None and hit[0] in values:
            found.append((ds, dim, values.index(hit[0])))
    return found


def _one(words: str, hits: list[tuple[Dataset, Dimension, int]]) -> tuple[Dataset, Dimension, int]:
    if len(hits) > 1:
        raise _refused(words, "which of the data's values is meant", None)
    return hits[0]


def _neighbour(m: re.Match[str], model: SemanticModel) -> str:
    hits = _valued(m["v"], model, ordered=True)
    if not hits:
        return m[0]
    ds, dim, at = _one(m[0], hits)
    rel = m["rel"].lower()
    ranks = bool(m["rank"]) or not str(dim.order[0])[:1].isdigit()
    # Bands that are numbers rise through the order; an order that ranks lists the best first.
    later = rel in ("after", "below") if ranks and rel in ("above", "below") else rel in ("after", "above")
    to = at + 1 if later else at - 1
    if not 0 <= to < len(dim.order):
        raise _refused(m[0], f"which {dim.label.lower()} is meant: there is none {rel} {dim.order[at]}", ds)
    return _named_as(dim.order[to], m["noun"], _rest(dim, m["v"]))


def _between(m: re.Match[str], model: SemanticModel) -> str:
    if _COMPARING.search(m["noun"]):
        return m[0]
    ends = [(_valued(m["a"], model, ordered=True), m["a"]), (_valued(m["b"], model, ordered=True), m["b"])]
    if not ends[0][0] or not ends[1][0]:
        return m[0]
    (ds, dim, a), (_, dim_b, b) = _one(m["a"], ends[0][0]), _one(m["b"], ends[1][0])
    if dim_b is not dim:
        return m[0]
    inside = dim.order[min(a, b) + 1 : max(a, b)]
    if m["half"] and len(inside) % 2 == 1:
        inside = [inside[len(inside) // 2]]
    if len(inside) != 1:
        raise _refused(m[0], f"which one {dim.label.lower()} is meant", ds)
    return _named_as(inside[0], m["noun"], _rest(dim, m["b"]))


def _other(m: re.Match[str], model: SemanticModel) -> str:
    for _, dim in _dimensions(model):
        hit = _value(dim, m["v"])
        if hit is None or len(dim.values) != 2 or not _names(dim, m["noun"]):
            continue
        other = next(v for v in dim.values if v != hit[0])
        return _named_as(other, m["noun"], m["v"][hit[1] :])
    return m[0]


def _rest(dim: Dimension, words: str) -> str:
    """What `words` says after the value it begins with ("5-6." -> ".")."""
    hit = _value(dim, words)
    return words[hit[1] :] if hit is not None else ""


def _named_as(value: DimensionValue, noun: str | None, rest: str) -> str:
    """ "the 6+ strength band": the value before its noun, as the readers take a value with its noun."""
    return f"the {value} {noun.strip()}{rest}" if noun and noun.strip() else f"{value}{rest}"


def _surveyed(model: SemanticModel) -> Dataset | None:
    """The one dataset kept as surveys every few years."""
    surveyed = [ds for ds in model.datasets if ds.snapshot and ds.periods]
    return surveyed[0] if len(surveyed) == 1 else None


def _survey_beside(m: re.Match[str], model: SemanticModel) -> str:
    ds = _surveyed(model)
    if ds is None:
        return m[0]
    year, before = int(m["y"]), m["rel"].lower() == "before"
    found = [p for p in ds.periods if (p < year if before else p > year)]
    if not found:
        raise _refused(m[0], f"which survey is meant: the {ds.name} data has none {m['rel']} {year}", ds)
    return str(max(found) if before else min(found))


def _survey_in_part(m: re.Match[str], model: SemanticModel) -> str:
    ds = _surveyed(model)
    if ds is None:
        return m[0]
    first, last = (int(m["d"]) + n for n in _PARTS[m["part"].lower()])
    found = [p for p in ds.periods if first <= p <= last]
    if len(found) != 1:
        raise _refused(m[0], f"which one survey is meant: the {ds.name} data has {len(found)} in it", ds)
    return f"the {found[0]} survey"


def _refuse(text: str, model: SemanticModel) -> None:
    """A relation the model cannot resolve, refused naming its words."""
    m = _SAME.search(text)
    if m is not None:
        hits = _valued(m["v"], model, ordered=False)
        noun = m["n1"] or m["n2"]
        if hits and not any(_names(dim, noun) for _, dim, _ in hits):
            why = f"which {noun.lower()} {_said(m['v'])} belongs to: the data does not say"
            raise _refused(m[0], why, hits[0][0])
    m = _MORE_OFTEN.search(text)
    if m is not None and (hits := _valued(m["v"], model, ordered=False)):
        why = f"which values are above or below {_said(m['v'])}'s figure: that figure would be needed first"
        raise _refused(m[0], why, hits[0][0])


def _said(words: str) -> str:
    """The name a relation was said with, without what followed it ("Egypt in" -> "Egypt")."""
    return re.split(r"\s|[.,;:!?](?:\s|$)", words.strip(), maxsplit=1)[0].rstrip(".,;:!?")
