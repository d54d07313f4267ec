"""Dictated questions written plainly before they are read: what a voice-to-text engine types for numbers
said aloud, the hesitations it keeps, and the homophones it picks.

- Years said aloud: "nineteen seventy two" (1972), "twenty oh seven" (2007), "twenty eighteen" (2018),
  "two thousand two" (2002), "the nineteen nineties" (the 1990s). Only the forms that can only be years
  are rewritten: "twenty five" stays a count, and "two measures" or "top five" stay words (the readers
  know small counts in words).
- "six plus" is "6+" (a band such as the wind's "6+", or "parties of 6+").
- Self-corrections ("by day no sorry by meal") keep only the words said last (worker.planner.corrections).
- Hesitations ("um", "uh", "erm"), "basically" and asides ("i mean", "you know") are dropped; "right
  now" / "at the moment" are "now".
- Homophones: "metals" for medals, "pedal" for petal, where the word meant names something the model
  knows and the word typed does not; "weak" for week where only a period fits ("day of the weak").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from worker.planner.corrections import uncorrect

__all__ = ["NUMBER_WORDS", "spoken_years", "undictate"]

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_DECADES = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")

NUMBER_WORDS: dict[str, int] = {
    **{w: i for i, w in enumerate(_UNITS, 1)},
    **{w: i for i, w in enumerate(_TEENS, 10)},
    **{
        f"{ten}{sep}{one}" if one else ten: 10 * t + o
        for t, ten in enumerate(_TENS, 2)
        for o, one in enumerate(["", *_UNITS])
        for sep in (" ", "-")
    },
    "a hundred": 100,
    "one hundred": 100,
}
"""Numbers from one to ninety-nine (and a hundred) in words, "sixty five" and "sixty-five" alike."""

_SEP = r"[\s-]+"
_UNIT = "|".join(_UNITS)
_TEEN = "|".join(_TEENS)
_TEN = "|".join(_TENS)
# What follows a century said aloud: "oh seven", "eighteen", "seventy two", "hundred".
_REST = (
    rf"(?:(?:oh|o|zero){_SEP}(?P<oh>{_UNIT})|(?P<teen>{_TEEN})|(?P<tens>{_TEN})(?:{_SEP}(?P<unit>{_UNIT}))?|"
    r"(?P<hundred>hundred))"
)
_END = r"(?![\w-])(?!\s+(?:hundred|thousand|million|billion)\b)"
_YEAR = re.compile(rf"(?<![\w-])(?P<c>nineteen|twenty){_SEP}{_REST}{_END}", re.IGNORECASE)
_THOUSANDS = re.compile(
    rf"(?<![\w-])two{_SEP}thousand(?:{_SEP}and)?{_SEP}(?:(?P<teen>{_TEEN})|(?P<tens>{_TEN})"
    rf"(?:{_SEP}(?P<unit>{_UNIT}))?|(?P<oh>{_UNIT})){_END}",
    re.IGNORECASE,
)
_DECADE = re.compile(rf"(?<![\w-])(?P<c>nineteen|twenty){_SEP}(?P<d>{'|'.join(_DECADES)})(?![\w-])", re.I)
_PLUS = re.compile(
    rf"(?<![\w.-])(?P<n>\d{{1,2}}|{_UNIT}|ten|eleven|twelve)[\s-]*plus(?![\w-])"
    rf"(?!\s+(?:\d|{_UNIT}|ten|eleven|twelve)\b)",
    re.IGNORECASE,
)
_HESITATIONS = re.compile(
    r"(?<![\w'-])(?:u+m+|u+h+|e+r+m+|h+m+|basically|literally|actually)(?![\w'-])\s*,?\s*"
    # "i mean" and "you know" as asides: opening the question or set off by commas ("i mean the average" is
    # no mean)
    r"|(?:^|(?<=,))\s*(?:i\s+mean|you\s+know)(?:\s*,\s*|\s+(?=\w))(?=.)|,\s*(?:i\s+mean|you\s+know)\s*(?=,)",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"(?<!\w)(?:right\s+now|as\s+of\s+now|at\s+the\s+moment|at\s+present|currently)(?!\w)", re.I
)
_HOMOPHONES = {"metal": "medal", "metals": "medals", "pedal": "petal", "pedals": "petals"}
_HOMOPHONE = re.compile(rf"(?<![\w-])(?:{'|'.join(_HOMOPHONES)})(?![\w-])", re.IGNORECASE)
# "day of the weak", "weak by weak", "per weak": a period, where the adjective cannot stand.
_WEAK = re.compile(
    r"(?P<pre>(?<!\w)(?:of\s+the|per|each|every|by|last|this|next)\s+)weak(?P<s>s?)"
    r"(?=\s*(?:$|[?.!,;:)]|\s(?:by|after|to|of|in|on|for|and|or|over|from)\b))"
    r"|(?<!\w)weak(?=\s+(?:by|after|to)\s+we[ae]ks?\b)|(?P<after>(?<!\w)week\s+(?:by|after|to)\s+)weak(?!\w)",
    re.IGNORECASE,
)


def _year(m: re.Match[str], century: int) -> str:
    if m["oh"]:
        rest = NUMBER_WORDS[m["oh"].lower()]
    elif m["teen"]:
        rest = NUMBER_WORDS[m["teen"].lower()]
    elif m["tens"]:
        rest = NUMBER_WORDS[m["tens"].lower()] + (NUMBER_WORDS[m["unit"].lower()] if m["unit"] else 0)
    else:
        rest = 0
    return str(century * 100 + rest)


def _decade(m: re.Match[str]) -> str:
    """ "the nineteen seventies" -> "the 1970s"."""
    century = 19 if m["c"].lower() == "nineteen" else 20
    return f"{century}{_DECADES.index(m['d'].lower()) + 2}0s"


def _spoken_year(m: re.Match[str]) -> str:
    century = 19 if m["c"].lower() == "nineteen" else 20
    if m["hundred"] and century != 19:
        return m[0]  # "twenty hundred" is no way to say a year
    return _year(m, century)


def spoken_years(text: str) -> str:
    """`text` with the years and decades said aloud written in digits (the forms that can only be years)."""
    text = _DECADE.sub(_decade, text)
    text = _THOUSANDS.sub(lambda m: _year(m, 20), text)
    return _YEAR.sub(_spoken_year, text)


def undictate(text: str, known: Collection[str]) -> str:
    """`text` with spoken numbers, hesitations and homophones written as typed; `known` are the words of
    the model's phrases (a homophone is read as the word it sounds like only when that word is known and
    the word typed is not)."""
    text = _HESITATIONS.sub("", uncorrect(spoken_years(text)))
    text = _NOW.sub("now", text)
    text = _PLUS.sub(lambda m: f"{NUMBER_WORDS.get(m['n'].lower(), m['n'])}+", text)
    text = _WEAK.sub(lambda m: f"{m['pre'] or m['after'] or ''}week{m['s'] or ''}", text)

    def homophone(m: re.Match[str]) -> str:
        meant = _HOMOPHONES[m[0].lower()]
        return meant if m[0].lower() not in known and meant in known else m[0]

    return _HOMOPHONE.sub(homophone, text)
