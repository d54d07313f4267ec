"""NATO phonetic spelling and radio numerals, read in a radio operator's message
(worker.planner.radio_procedure):
- a run of two or more phonetic code words joined by hyphens ("Sierra-Alpha-Tango") spells its letters, and
  the word is the data's value with exactly those letters, case aside ("Sat"); a spelling that names no
  value of the data is left as said, so the question is refused naming it;
- digits said one by one and joined by hyphens are the number ("two-zero-zero-seven" 2007,
  "one-niner-six-two" 1962, "one-point-zero" 1.0), unless they name a band of the data ("fife-six" is
  "5-6"); "six-plus" is the band "6+", and the radio forms "niner", "fife" and "tree" alone are 9, 5 and
  3 ("top fife", "the tree most populous").
A single code word ("Whiskey") or a digit word alone ("two") is not read: in a call sign it names the caller.
"""

from __future__ import annotations

import re

from worker.planner.model_cache import per_model
from worker.semantic import SemanticModel

__all__ = ["CODE_WORD", "has_spelling", "unnumber", "unspell"]

_I = re.IGNORECASE
_LETTERS = {
    "alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f",
    "golf": "g", "hotel": "h", "india": "i", "juliett": "j", "juliet": "j", "kilo": "k", "lima": "l",
    "mike": "m", "november": "n", "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s",
    "tango": "t", "uniform": "u", "victor": "v", "whiskey": "w", "whisky": "w", "xray": "x",
    "yankee": "y", "zulu": "z",
}  # fmt: skip
CODE_WORD = (
    r"(?:x-?ray|" + "|".join(w for w in sorted(_LETTERS, key=len, reverse=True) if "ray" not in w) + ")"
)
# Two or more code words joined by hyphens; a trailing "..." (a spelling broken off) is not one.
_RUN = re.compile(rf"(?<![\w-]){CODE_WORD}(?:-{CODE_WORD})+(?![\w-])(?!\.\.)", _I)
_WORD = re.compile(CODE_WORD, _I)

_DIGITS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "tree": "3", "four": "4", "fower": "4", "five": "5",
    "fife": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "niner": "9",
}  # fmt: skip
_DIGIT = "(?:" + "|".join(sorted(_DIGITS, key=len, reverse=True)) + ")"
# Digits said one by one ("two-zero-one-niner"), maybe with a point ("one-point-zero").
_NUMBER = re.compile(rf"(?<![\w-]){_DIGIT}(?:-(?:point-)?{_DIGIT})+(?![\w-])", _I)
_PLUS = re.compile(rf"(?<![\w-])(?P<d>{_DIGIT})(?:-|\s+)plus(?![\w-])", _I)
# The radio forms alone: "top fife", "the tree most populous".
_RADIO_DIGIT = re.compile(r"(?<![\w-])(?:niner|fife|tree)(?![\w-])", _I)


@per_model
def _values(model: SemanticModel) -> dict[str, str]:
    """Each category value of the data by its letters, lower case: only letters can be spelled."""
    found: dict[str, str] = {}
    for ds in model.datasets:
        for d in ds.dimensions:
            if d.type != "category":
                continue
            for v in d.values:
                found.setdefault(re.sub(r"[^a-z0-9]", "", str(v).lower()), str(v))
    return found


def has_spelling(text: str) -> bool:
    """Whether `text` spells a word in code words."""
    return _RUN.search(text) is not None


def unspell(text: str, model: SemanticModel) -> str:
    """`text` with each spelling of a value of the data as that value; other spellings are left."""
    values = _values(model)

    def value(m: re.Match[str]) -> str:
        word = "".join(_LETTERS[w.lower().replace("-", "")] for w in _WORD.findall(m[0]))
        return values.get(word, m[0])

    return _RUN.sub(value, text)


def unnumber(text: str, model: SemanticModel) -> str:
    """`text` with radio numerals as digits."""
    bands = set(_values(model).values())

    def number(m: re.Match[str]) -> str:
        digits = ["." if w == "point" else _DIGITS[w] for w in m[0].lower().split("-")]
        # Two digits that name a band of the data ("fife-six" the band "5-6") are that band.
        band = "-".join(digits)
        return band if band in bands else "".join(digits)

    text = _PLUS.sub(lambda m: f"{_DIGITS[m['d'].lower()]}+", text)
    text = _NUMBER.sub(number, text)
    return _RADIO_DIGIT.sub(lambda m: _DIGITS[m[0].lower()], text)
