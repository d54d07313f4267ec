"""Self-corrections placed by what they name in the model: "the top five countries in europe no wait asia
for twenty oh seven", "show me netflix no wait amazon over time", "the median sorry the average tip on
each day", "for twenty eighteen actually make that nineteen eighty seven", "gold medals ... no wait
silver". A transcript is lowercase, so a correction cannot be placed by its capitals; a listener places it
by its kind instead. The correction's first words (after articles and prepositions) name an item:

- a value of a dimension ("asia", "amazon", "women", "silver", "south", "joly"; its synonyms too),
- a measure ("petal length"), an aggregation word ("average", "median", "total"),
- a year ("1987", said aloud or not) or a month.

That item replaces the nearest earlier item of the same kind (a value replaces a value of the same
dimension, in any dataset that has it), and the words after the correction stay. The words between the
earlier item and the marker stay too ("gold medals did each country win no wait silver"), unless the
correction says them again ("the median tip sorry the average tip by day"). A correction this cannot
place is left to worker.planner.corrections, which places it by its words or refuses it; one that names a
value the data does not have is placed all the same, and refused later by the readers, which name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.planner.corrections import MARKER
from worker.planner.model_cache import per_model
from worker.planner.spoken import spoken_years
from worker.semantic import SemanticModel

__all__ = ["item_kinds", "uncorrect_values"]

# Words that lead into an item without being one: "for women", "the south", "in asia".
_LEAD = frozenset(
    ("the", "a", "an", "for", "in", "from", "of", "on", "by", "at", "to", "with", "its", "their")
)
_AGGREGATIONS = frozenset(
    ("average", "mean", "median", "total", "sum", "maximum", "max", "minimum", "min", "highest", "lowest")
)
_MONTHS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december")
)  # fmt: skip
_WORD = re.compile(r"[\w'+-]+")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_SENTENCE_END = re.compile(r"[.?!]\s*$")
_ACTUALLY = re.compile(r"actually", re.IGNORECASE)
# The longest item read, in words ("life expectancy at birth").
_LONGEST = 4


@dataclass(frozen=True)
class _Item:
    """An item said: its kinds (which dimensions a value belongs to, "measure", "year"...) and its words."""

    kinds: frozenset[str]
    start: int  # word index
    end: int  # word index after its last word


@per_model
def _lexicon(model: SemanticModel) -> dict[str, frozenset[str]]:
    """Each phrase of the model (lowercase) -> its kinds; built once per model."""
    kinds: dict[str, set[str]] = {}
    for ds in model.datasets:
        for m in ds.measures:
            for phrase in (m.name.replace("_", " "), m.label, *m.synonyms):
                kinds.setdefault(phrase.lower(), set()).add("measure")
        for d in ds.dimensions:
            # A grouping ("by medal type") is placed by its words (worker.planner.corrections); read whole,
            # it is not taken for the measure its first word names ("medal").
            for phrase in (d.name.replace("_", " "), d.label, *d.synonyms):
                kinds.setdefault(phrase.lower(), set()).add("dimension")
            if d.type != "category":
                continue
            # A dimension whose values are not matched as words ("N", "Yes") is named by its synonyms only.
            own = [str(v) for v in d.values] if d.match_values else []
            for phrase in (*own, *d.value_synonyms):
                kinds.setdefault(phrase.lower(), set()).add(f"value:{ds.name}.{d.name}")
    return {p: frozenset(k) for p, k in kinds.items()}


def _item_at(words: list[str], i: int, lexicon: dict[str, frozenset[str]]) -> _Item | None:
    """The item whose first word is `words[i]`, the longest the model names."""
    word = words[i]
    if _YEAR.fullmatch(word):
        return _Item(frozenset({"year"}), i, i + 1)
    for n in range(min(_LONGEST, len(words) - i), 0, -1):
        kinds = lexicon.get(" ".join(words[i : i + n]))
        if kinds:
            return _Item(kinds, i, i + n)
    if word in _AGGREGATIONS:
        return _Item(frozenset({"aggregation"}), i, i + 1)
    if word in _MONTHS:
        return _Item(frozenset({"month"}), i, i + 1)
    return None


def item_kinds(words: list[str], i: int, model: SemanticModel) -> tuple[frozenset[str], int]:
    """The kinds of the item opening at `words[i]` (lowercase) and its length in words; no kinds if none."""
    item = _item_at(words, i, _lexicon(model))
    return (item.kinds, item.end - item.start) if item is not None else (frozenset(), 0)


def _earlier(words: list[str], kinds: frozenset[str], lexicon: dict[str, frozenset[str]]) -> _Item | None:
    """The last item of `words` sharing a kind with `kinds`."""
    for i in range(len(words) - 1, -1, -1):
        item = _item_at(words, i, lexicon)
        if item is not None and item.kinds & kinds:
            return item
    return None


def _plain(words: list[str]) -> set[str]:
    return {w for w in words if w not in _LEAD}


@dataclass(frozen=True)
class _Said:
    """A correction read: the words before the marker and after it, the item corrected and the new one."""

    said: list[re.Match[str]]
    fix: list[re.Match[str]]
    old: _Item
    new: _Item
    lead: int  # the words leading into the new item ("for", "the")


def _read(before: str, after: str, lexicon: dict[str, frozenset[str]]) -> _Said | None:
    """The correction's item and the nearest earlier item of its kind; None unless the model names both."""
    said, fix = list(_WORD.finditer(before)), list(_WORD.finditer(after))
    words, fixes = [m[0].lower() for m in said], [m[0].lower() for m in fix]
    lead = 0
    while lead < len(fixes) and fixes[lead] in _LEAD:
        lead += 1
    new = _item_at(fixes, lead, lexicon) if lead < len(fixes) else None
    old = _earlier(words, new.kinds - {"dimension"}, lexicon) if new is not None else None
    if new is None or old is None or "dimension" in new.kinds:
        return None
    return _Said(said, fix, old, new, lead)


def _place(before: str, after: str, c: _Said) -> str:
    """`before` with the corrected item replaced by the correction. The words between the old item and the
    marker stay, unless the correction says them all again ("the median tip sorry the average tip by day");
    words of the correction already said there are not said twice ("gold medals ... no wait silver
    medals")."""
    start, new_start = c.said[c.old.start].start(), c.fix[c.lead].start()
    between = _plain([m[0].lower() for m in c.said[c.old.end :]])
    rest = _plain([m[0].lower() for m in c.fix[c.new.end :]])
    if between and between <= rest:
        return before[:start] + after[new_start:]
    new_end = c.fix[c.new.end - 1].end()
    kept = before[c.said[c.old.end - 1].end() :] if c.old.end < len(c.said) else ""
    return before[:start] + after[new_start:new_end] + kept + ("" if rest <= between else after[new_end:])


def uncorrect_values(text: str, model: SemanticModel) -> str:
    """`text` with each correction that names an item of the model applied (see the module); `text`
    unchanged when none does."""
    if MARKER.search(text) is None:
        return text
    lexicon = _lexicon(model)
    written = spoken_years(text)
    placed_any, start = False, 0
    while (m := MARKER.search(written, start)) is not None:
        before, after = written[: m.start()], written[m.end() :]
        # "…? I mean the gap": a new sentence, not a correction.
        c = None if _SENTENCE_END.search(before) else _read(before, after, lexicon)
        # "Actually" is also an emphasis ("was actually higher for women"): it corrects only the item said
        # just before it.
        if c is None or (_ACTUALLY.fullmatch(m["m"]) and c.old.end < len(c.said)):
            start = m.end()
            continue
        written, start, placed_any = _place(before, after, c), 0, True
    return written if placed_any else text
