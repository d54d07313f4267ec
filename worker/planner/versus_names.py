"""The names of a semantic model that worker.planner.versus reads before the dataset is chosen: its
values (to tell "Germany next to France" from "next to it"), its measures' phrases and units, its plural
dimension nouns, the "A to B ratio" synonyms, and each value's dataset's first measure (for the example
a refusal ends with)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.planner.model_cache import per_model
from worker.semantic import SemanticModel

__all__ = ["Names", "capitalised_values", "listed", "measure_named", "names_of", "values_named"]

_I = re.IGNORECASE


@dataclass(frozen=True)
class Names:
    """What of the model the rewrites need: its values' names, measures' phrases and ratio synonyms."""

    values: re.Pattern[str]
    ends_with_value: re.Pattern[str]
    measures: re.Pattern[str]
    qualifiers: tuple[re.Pattern[str], ...]
    ratios: list[tuple[re.Pattern[str], str]]
    # A value's dataset's first measure, for an example when the question names no measure.
    measure_of: dict[str, str]
    # Plural nouns of each dimension and its label ("countries" -> "country").
    groups: re.Pattern[str]
    label_of: dict[str, str]
    # Each measure phrase's unit: only measures of one unit share an axis.
    unit_of: dict[str, str]
    # The model's first example question: a refusal always ends with something that works.
    fallback: str


# Built once per model (the values are read from the warehouse at start-up).


def _alternation(phrases: set[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@per_model
def names_of(model: SemanticModel) -> Names:
    values: set[str] = set()
    qualifiers: list[re.Pattern[str]] = []
    measure_of: dict[str, str] = {}
    label_of: dict[str, str] = {}
    for ds in model.datasets:
        nouns = {s for d in ds.dimensions for s in (d.name, *d.synonyms) if s.endswith("s")}
        for d in ds.dimensions:
            # The first dataset's dimension wins: "countries" is gapminder's country before medals' nation.
            for s in (x for x in d.synonyms if x.endswith("s")):
                label_of.setdefault(s, d.label.lower())
        for d in ds.dimensions:
            if d.type != "category":
                continue
            own = {str(v).lower() for v in d.values} | set(d.value_synonyms)
            values |= own
            measure_of.update((v, ds.measures[0].label.lower()) for v in own)
            # "majority districts": a value of one dimension qualifying the rows named by another.
            others = nouns - set(d.synonyms)
            if len(d.values) <= 12 and others:
                qualifiers.append(
                    re.compile(
                        rf"\bthe\s+(?P<v>{_alternation(own)})\s+(?:{_alternation(others)})(?![\w-])", _I
                    )
                )
    unit_of = {
        s.lower(): f"{ds.name}:{m.unit}"
        for ds in model.datasets
        for m in ds.measures
        for s in (m.label, *m.synonyms)
    }
    measures = set(unit_of)
    # "tip to bill ratio" -> "ratio of tip to bill" (or "between tip and bill") is that synonym.
    ratios = [
        (
            re.compile(rf"\b(?:the\s+)?ratio\s+(?:of\s+{a}\s+to|between\s+{a}\s+and)\s+{b}(?![\w-])", _I),
            f"{a} to {b} ratio",
        )
        for ds in model.datasets
        for m in ds.measures
        for s in m.synonyms
        if (pair := re.fullmatch(r"([\w ]+) to ([\w ]+) ratio", s.lower())) is not None
        for a, b in [pair.groups()]
    ]
    value = rf"(?<![\w-])(?:{_alternation(values)})(?:'s)?(?![\w-])"
    return Names(
        values=re.compile(value, _I),
        ends_with_value=re.compile(rf"{value}\s*$", _I),
        measures=re.compile(rf"(?<![\w-])(?:{_alternation(measures)})(?![\w-])", _I),
        qualifiers=tuple(qualifiers),
        groups=re.compile(rf"(?<![\w-])(?:{_alternation(set(label_of))})(?![\w-])", _I),
        label_of=label_of,
        ratios=ratios,
        measure_of=measure_of,
        unit_of=unit_of,
        fallback=model.examples[0] if model.examples else model.datasets[0].measures[0].label,
    )


def values_named(text: str, names: Names) -> list[str]:
    """The values `text` names, in order, each once and without a possessive."""
    return list(
        dict.fromkeys(m[0].removesuffix("'s").removesuffix("\u2019s") for m in names.values.finditer(text))
    )


def capitalised_values(text: str, names: Names) -> list[str]:
    """The values `text` names with a capital, as a proper name is said: "per" and "s" are words, not
    values."""
    return [v for v in values_named(text, names) if v[:1].isupper()]


def listed(values: list[str]) -> str:
    """The values as said in a sentence: Apple; Apple and Microsoft; Apple, Google and Amazon."""
    return " and ".join([", ".join(values[:-1]), values[-1]] if len(values) > 1 else values)


def measure_named(text: str, found: list[str], names: Names) -> str:
    """The measure named, or the first measure of the data the values named belong to."""
    said = names.measures.search(text)
    if said is not None:
        return said[0]
    return next((names.measure_of[v.lower()] for v in found if v.lower() in names.measure_of), "")
