"""Archaic English ("shew me", "sennight by sennight", "Cathay") in today's words, before any reader sees it.

A text is read as archaic only when it has a word no modern question uses ("shew", "pray", "thee",
"sennight", "unto", "apiece", "the year of our Lord"; see archaic_words.MARKERS); a modern question is
returned exactly as written. In an archaic text:

- Courtesies come off: "Pray shew me X, if it please thee" is "show me X"; "I beseech thee", "prithee",
  "be so good as to", "wouldst thou", "Master Coderre" (Coderre).
- Old words are today's: "shew" show, "doth" does, "bloweth" blows, "unto" to, "apiece" each, "oft" often,
  "sennight by sennight" week by week, "the twelvemonth of 2018" the year 2018, "the reckoning" the total
  bill, "supper" Dinner, "luncheon" Lunch, "those who partake of tobacco" smokers, "the number of souls
  seated thereat" the party size, "concern" company, "realm" nation, "ward" district, "bloom" flower,
  "hue" colour, "breadth" width, "kind" species (of a flower), "loftiest" highest, "the span of life" the
  life span; a measure named the old way round is the data's name ("the lengths of their petals" petal
  length, "the length of the sepal against its breadth" sepal length against sepal width).
- Numbers and dates: "a score" is 20, "threescore and ten" 70, "fourscore" 80; "the year of our Lord
  2007" and "the year of grace 2007" are 2007; "the first day of October unto the last day of December
  2018" is "1 October to 31 December 2018".
- Old names of places are the data's value for the same place, where the data has it: "Cathay" China,
  "Persia" Iran, "Siam" Thailand, "the New World" the Americas.

Refused, naming the words: "wherefore" (why: a cause), "the Sabbath" (Saturday or Sunday), "Muscovy"
(Russia, not in the data), "the Old World" (three continents), and an old place name whose modern name the
data lacks.
"""

from __future__ import annotations

import calendar
import re

from worker.planner.archaic_words import COURTESIES, MARKERS, OLD_PLACES, REFUSED, WORDS
from worker.planner.errors import UnchartableQuestion
from worker.planner.spoken import NUMBER_WORDS
from worker.planner.what_if import with_example
from worker.semantic import SemanticModel

__all__ = ["unarchaic"]

_I = re.IGNORECASE
_COURTESY = re.compile("|".join(f"(?:{c})" for c in COURTESIES), _I)
_WORDS = [(re.compile(p, _I), r) for p, r in WORDS]
_REFUSED = [(re.compile(p, _I), why) for p, why in REFUSED]
_UNITS = {w: n for w, n in NUMBER_WORDS.items() if isinstance(n, int) and 0 < n < 20}
_SCORES = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_SCORE = re.compile(
    rf"\b(?P<n>{'|'.join(_SCORES)})\s*-?\s*score(?:\s+and\s+(?P<k>{'|'.join(_UNITS)}|\d{{1,2}}))?\b", _I
)
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth"]  # fmt: skip
_MONTH = "|".join(calendar.month_name[1:])
_DAY_OF = re.compile(
    rf"\bthe\s+(?P<d>{'|'.join(_ORDINALS)}|last|\d{{1,2}}(?:st|nd|rd|th))\s+day\s+of\s+(?P<m>{_MONTH})\b"
    r"(?=(?P<rest>[^.?!]*?\b(?P<y>\d{4})\b)?)",
    _I,
)
_FLOWER = re.compile(r"\b(?:flowers?|petals?|sepals?|iris(?:es)?)\b", _I)
_KIND = re.compile(r"\b(each|every)\s+kind\b(?!\s+of\b)", _I)
# "the lengths of their petals", "the length of the sepal against its breadth": the data's measure names.
_OF_THE = re.compile(
    r"\bthe\s+(?P<a>[a-z]+\s+)??(?P<w>[a-z]+?)s?\s+of\s+(?:the|their|its)\s+(?P<n>[a-z]+?)s?\b", _I
)
_ITS = re.compile(r"(?P<n>\b[a-z]+)\s+(?P<w>[a-z]+)\s+against\s+(?:its|their)\s+(?P<v>[a-z]+)\b", _I)
_CALLED = re.compile(r"\bthe\s+(?:\w+\s+)?(?:called|named|hight|yclept)\s+(?=\w)", _I)


def unarchaic(text: str, model: SemanticModel) -> str:
    """`text` with what this module reads spelt out; unchanged when it has no archaic word."""
    _refuse(text, model)
    if not MARKERS.search(text):
        return text
    read = _places(text, model)
    read = _SCORE.sub(_score, _COURTESY.sub("", read))
    for pattern, today in _WORDS:
        read = pattern.sub(today, read)
    read = _DAY_OF.sub(_day_of, read)
    read = _measures(read, model)
    read = _CALLED.sub("", read)
    if _FLOWER.search(read):
        read = _KIND.sub(r"\1 species", read)
    return _tidy(read)


def _refuse(text: str, model: SemanticModel) -> None:
    for pattern, why in _REFUSED:
        if m := pattern.search(text):
            raise UnchartableQuestion(
                with_example(f"chartq cannot chart this: {why.format(w=m[0])}", text, model)
            )


def _places(text: str, model: SemanticModel) -> str:
    """Old names as today's, where the data has today's name; refused, naming it, where it has not."""
    values = _values(model)
    for old, today in OLD_PLACES.items():
        m = re.search(rf"\b{old}\b", text, _I)
        if m is None:
            continue
        names = [n.strip() for n in re.split(r"\band\b", today.removeprefix("the "))]
        if not all(n.lower() in values for n in names):
            why = f"chartq cannot chart this: “{m[0]}” ({today}) is not in the data"
            raise UnchartableQuestion(with_example(why, text, model))
        text = re.sub(rf"\b{old}\b", today, text, flags=_I)
    return text


def _values(model: SemanticModel) -> frozenset[str]:
    return frozenset(
        str(v).lower()
        for ds in model.datasets
        for d in ds.dimensions
        if d.type == "category"
        for v in d.values
    )


def _score(m: re.Match[str]) -> str:
    """ "threescore and ten" is 70: scores of twenty and the units after them."""
    k = m["k"] or "0"
    units = int(k) if k.isdigit() else _UNITS[k.lower()]
    return str(20 * _SCORES[m["n"].lower()] + units)


def _day_of(m: re.Match[str]) -> str:
    """ "the first day of October" is 1 October; the last day is the month's last, in the year named."""
    month = list(calendar.month_name).index(m["m"].capitalize())
    d = m["d"].lower()
    if d == "last":
        year = int(m["y"]) if m["y"] else 2001  # a year without 29 February when none is named
        day = calendar.monthrange(year, month)[1]
    else:
        day = _ORDINALS.index(d) + 1 if d in _ORDINALS else int(d[:-2])
    return f"{day} {calendar.month_name[month]}"


def _measures(text: str, model: SemanticModel) -> str:
    """ "the lengths of their petals" as "petal length", where that is a measure of the data."""
    names = {s.lower() for ds in model.datasets for x in ds.measures for s in (x.name, x.label, *x.synonyms)}

    def named(noun: str, word: str) -> str | None:
        name = f"{noun} {word}".lower()
        return name if name in names else None

    def of_the(m: re.Match[str]) -> str:
        name = named(m["n"], m["w"])
        return f"the {m['a'] or ''}{name}" if name else m[0]

    def its(m: re.Match[str]) -> str:
        other = named(m["n"], m["v"])
        return f"{m['n']} {m['w']} against {other}" if other and named(m["n"], m["w"]) else m[0]

    return _ITS.sub(its, _OF_THE.sub(of_the, text))


def _tidy(text: str) -> str:
    """Spaces and stray commas left where the words were, and a capital to start."""
    text = " ".join(text.split())
    text = re.sub(r"\s+(?=[,;:!?.](?:\s|$))", "", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]+(?=[.?!])|^[\s,;:.?!]+|[\s,;:]+$", "", text)
    return text[:1].upper() + text[1:]
