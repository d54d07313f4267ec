"""The words a planner recognises: one dataset's measures, dimensions and values as whole-word regexes,
and a scan that reads each stretch of a question only once.

Phrases are matched whole and case-insensitively, longest first ("guinea-bissau" beats "guinea"); the
maps turn a matched phrase (normalised with `normalize`) back into the model's name for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from worker.semantic import Dataset, DimensionValue

__all__ = ["Scan", "Vocabulary", "normalize", "phrases", "words"]

PhraseMatcher = tuple[re.Pattern[str] | None, dict[str, str]]


def words(body: str) -> re.Pattern[str]:
    """A case-insensitive regex for the alternatives in `body`, matched only as whole words."""
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def normalize(text: str) -> str:
    """Lower case, with every run of whitespace one space: the form phrases are looked up in."""
    return " ".join(text.lower().split())


def phrases(texts: Iterable[str]) -> PhraseMatcher:
    """One whole-word regex over many phrases (longest first) and the map of their normalised forms."""
    keys = {normalize(p): p for p in texts if p.strip()}
    if not keys:
        return None, {}
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True))
    return words(body), {k: k for k in keys}


@dataclass
class Vocabulary:
    """What one dataset lets a question name; each field is (regex or None, normalised phrase -> name)."""

    ds: Dataset
    measures: PhraseMatcher
    datasets: PhraseMatcher
    dims: PhraseMatcher
    values: tuple[re.Pattern[str] | None, dict[str, tuple[str, DimensionValue]]]
    # "by continent", "for each country and year": the dimensions a question groups by (d1, d2).
    group: re.Pattern[str] | None = None

    @classmethod
    def build(cls, ds: Dataset) -> Vocabulary:
        measure_map = {normalize(p): m.name for m in ds.measures for p in (m.label, *m.synonyms)}
        dim_map = {normalize(p): d.name for d in ds.dimensions for p in (d.label, *d.synonyms)}
        value_map: dict[str, tuple[str, DimensionValue]] = {}
        for d in ds.dimensions:
            if d.type == "category" and d.match_values:
                value_map |= {normalize(str(v)): (d.name, v) for v in d.values}
            value_map |= {normalize(k): (d.name, v) for k, v in d.value_synonyms.items()}
        dims = phrases(dim_map)
        vocab = cls(
            ds,
            (phrases(measure_map)[0], measure_map),
            phrases([*ds.synonyms, ds.name]),
            (dims[0], dim_map),
            (phrases(value_map)[0], value_map),
        )
        if dims[0] is not None:
            body = dims[0].pattern
            vocab.group = re.compile(
                r"\b(?:by|per|for\s+each|for\s+every|in\s+each|in\s+every|across|each|split\s+by|"
                rf"broken\s+down\s+by|grouped\s+by)\s+(?:the\s+|all\s+)?(?P<d1>{body})"
                rf"(?:\s+and\s+(?:by\s+)?(?P<d2>{body}))?",
                re.IGNORECASE,
            )
        return vocab


@dataclass
class Scan:
    """The question, normalised, with the spans already understood marked as used."""

    text: str
    # The question as written (case kept, whitespace tidied) for quoting back; `text` if it does not line up.
    shown: str = ""
    used: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.used = [False] * len(self.text)
        if len(self.shown) != len(self.text):
            self.shown = self.text

    @classmethod
    def of(cls, question: str, limit: int = 1000) -> Scan:
        """A scan of the first `limit` characters of `question`, normalised."""
        return cls(normalize(question)[:limit], " ".join(question.split())[:limit])

    def take(self, pattern: re.Pattern[str] | None) -> Iterator[re.Match[str]]:
        """Each match of `pattern` that touches no used text, marking it used as it is yielded."""
        for match in pattern.finditer(self.text) if pattern is not None else ():
            if not any(self.used[match.start() : match.end()]):
                self.claim(match.span())
                yield match

    def claim(self, span: tuple[int, int]) -> None:
        self.used[span[0] : span[1]] = [True] * (span[1] - span[0])

    def count(self, pattern: re.Pattern[str] | None) -> int:
        """How many times `pattern` occurs, used text or not."""
        return sum(1 for _ in pattern.finditer(self.text)) if pattern is not None else 0

    def excerpt(self, span: tuple[int, int]) -> str:
        """The question as written over `span`."""
        return self.shown[span[0] : span[1]].strip()

    def without(self, spans: Iterable[tuple[int, int]]) -> str:
        """The question as written with `spans` cut out and spaces tidied."""
        keep = [True] * len(self.shown)
        for start, end in spans:
            keep[start:end] = [False] * (end - start)
        return " ".join("".join(c for c, k in zip(self.shown, keep, strict=True) if k).split())
