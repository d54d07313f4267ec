"""Shorthand and non-native forms spelt out before a question is read, so every reader sees plain words:
"# of tables w bill over 40", "w/ life exp < 45", "avg petal len", "gdp/capita", "tip/person", a column
name typed as is ("total_bill"), "US" as the country ("us gdp", "US/Canada/Mexico"), and comparatives
built with "more" and "most" on short adjectives ("more big than", "the most big", "the less often").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["spell_out"]

_SHORTHAND = {"#": "number of", "w": "with", "w/": "with ", "len": "length", "freq": "frequency"}
# "w" only after a plural noun and before another word ("tables w bill"): elsewhere it may be the west
# ("w europe", "the w direction", "W vs WNW"). "w/" is "with" anywhere ("w/o" is "without", read later).
_SHORT = re.compile(
    r"(?<![\w/#])(?:(?i:#(?:\s*of\b)?|len|freq)|(?<=[a-z]{2}s\s)w(?=\s+(?!and\b|or\b|vs\b)[a-z]{3}))(?![\w/])"
    r"|(?<![\w/])(?i:w/)(?![o/])"
)
# "gdp/cap", "gdp/capita", "tip/person", "gdp per cap": a slash before the unit of a ratio the model names
# with "per", or "cap" for "capita".
_PER = re.compile(
    r"(?<=[a-z])(?:\s*/\s*(?P<u>capita|cap|person|head)|\s+per\s+(?P<c>cap))(?![\w/])", re.IGNORECASE
)
# "us gdp over time": "us" opening a question is the country, not the pronoun ("show us ..." is).
_US_OPENING = re.compile(
    r"^\s*(?:us|u\.s\.?)\s+(?=(?:gdp|population|pop|life|lifespan|economy|people|inhabitants)\b)",
    re.IGNORECASE,
)
# "US/Canada/Mexico", "canada/us": "us" in a list written with slashes is never the pronoun.
_US_LISTED = re.compile(r"(?<=/)\s*(?i:us|u\.s\.)(?![\w.])|(?<![\w/])(?i:us|u\.s\.)\s*(?=/)")
# "US" in capitals in a question not written in capitals: the country.
_US_CAPITAL = re.compile(r"(?<![\w.])(?:US|U\.S\.)(?![\w.])")
# Words for a count of rows: "tally of countries", "sample size (or count) per day" ("number of rows per
# day"), and a frequency table, which counts the rows of each value: "frequency table of party sizes" is the
# number of rows by party size ("frequency table of the number of countries per continent" says the count
# itself).
_COUNTS = re.compile(
    r"(?<!\w)(?:(?:a\s+|the\s+)?frequency\s+(?:table|count)s?\s+(?:of|for)(?:\s+the)?"
    r"(?P<said>\s+(?:number|count)\s+of)?|tally\s+of|(?P<rows>sample\s+(?:size|count)s?)(?=\s+(?:per|by|for|in|on|of)\b))(?!\w)",
    re.IGNORECASE,
)


# "a cohort of tables spending over $40": the rows themselves, which the words after it name.
_COHORT = re.compile(r"(?<!\w)(?:an?\s+|the\s+)?cohorts?\s+of\s+(?=[a-z])", re.IGNORECASE)


def _count_words(m: re.Match[str]) -> str:
    if m["rows"]:
        return "number of rows"
    said = m[0].lower()
    return "number of" if m["said"] or said.startswith("tally") else "number of rows by"


# Short adjectives -> their comparative and superlative: "more big than" is "bigger than".
_DEGREES = {
    "big": ("bigger", "biggest"),
    "high": ("higher", "highest"),
    "large": ("larger", "largest"),
    "long": ("longer", "longest"),
    "low": ("lower", "lowest"),
    "small": ("smaller", "smallest"),
    "short": ("shorter", "shortest"),
    "wide": ("wider", "widest"),
    "narrow": ("narrower", "narrowest"),
    "rich": ("richer", "richest"),
    "poor": ("poorer", "poorest"),
    "strong": ("stronger", "strongest"),
    "weak": ("weaker", "weakest"),
    "great": ("greater", "greatest"),
    "few": ("fewer", "fewest"),
}
# "shortest sepal length", "the widest petal width": a superlative of the measure's own dimension word is
# its lowest or highest value ("longest" agrees with "length").
_AGREES = {
    "length": ("longest", "shortest"),
    "width": ("widest", "narrowest"),
    "weight": ("heaviest", "lightest"),
}
_SUPERLATIVE = re.compile(
    rf"(?<!\w)(?P<s>{'|'.join(w for pair in _AGREES.values() for w in pair)})(?=\s+(?:[a-z]+\s+)?"
    rf"(?P<w>{'|'.join(_AGREES)})s?(?!\w))",
    re.IGNORECASE,
)


def _extreme(m: re.Match[str]) -> str:
    said, pair = m["s"].lower(), _AGREES[m["w"].lower()]
    return m["s"] if said not in pair else ("highest" if said == pair[0] else "lowest")


_MORE = re.compile(rf"(?<!\w)(?P<d>more|most)\s+(?P<a>{'|'.join(_DEGREES)})(?!\w)", re.IGNORECASE)
# "where the wind blows the less often": "the less" ranking, not comparing ("less than" compares).
_THE_LESS = re.compile(r"(?<!\w)the\s+less(?!\s+than)(?=\s+[a-z])", re.IGNORECASE)


def spell_out(text: str, columns: Mapping[str, str]) -> str:
    """`text` with shorthand, column names (`columns`: "total_bill" -> "total bill") and "more big"
    written out as the readers know them."""
    text = _US_OPENING.sub("united states ", text)
    text = _US_LISTED.sub(" united states ", text)
    if not _capitals(text):
        text = _US_CAPITAL.sub("united states", text)
    text = _PER.sub(
        lambda m: " per " + ("capita" if (m["u"] or m["c"]).lower() == "cap" else m["u"].lower()), text
    )
    text = _SHORT.sub(lambda m: _SHORTHAND[_key(m[0])], text)
    if columns:
        names = "|".join(sorted(map(re.escape, columns), key=len, reverse=True))
        text = re.sub(rf"(?<![\w.])(?:{names})(?!\w)", lambda m: columns[m[0].lower()], text, flags=re.I)
    text = _COUNTS.sub(_count_words, _COHORT.sub("", text))
    text = _SUPERLATIVE.sub(_extreme, text)
    text = _MORE.sub(lambda m: _DEGREES[m["a"].lower()][m["d"].lower() == "most"], text)
    return _THE_LESS.sub("the least", text)


def _key(said: str) -> str:
    low = said.lower()
    return "#" if low.startswith("#") else low


def _capitals(text: str) -> bool:
    """Whether the question is written mostly in capitals ("US" may then be the pronoun)."""
    letters = re.findall(r"[^\W\d_]+", text)
    return bool(letters) and sum(w.isupper() for w in letters) > 0.5 * len(letters)
