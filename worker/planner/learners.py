"""A non-native speaker's word order and literal translations spelt out before a question is read: "the 5
countries with more population" is the top 5 by population; "the 7 countries more poor" and "the 6 more
high" are the 7 poorest and the 6 highest; "from the more small" / "from the more big" are an ascending /
descending order; "where won Bergeron" is where Bergeron won; "the march of 2019" is March 2019; "the tip
of each person" is the tip per person; "tables of 1 person" are of 1 people; "not smokers" are non-smokers;
"separated in A and B" is split by them; "the length of the petal" is the petal length; "their life long"
is their life expectancy; "the countries more rich" are the richest; "points of X and Y" / "in points" are a
scatter, "colour for Z" colours it by Z.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["unlearn"]

# Short adjectives -> their superlative, and whether they rank from the top.
_MOST = {
    "big": ("biggest", True), "high": ("highest", True), "large": ("largest", True),
    "long": ("longest", True), "wide": ("widest", True), "rich": ("richest", True),
    "strong": ("strongest", True), "great": ("greatest", True), "small": ("smallest", False),
    "low": ("lowest", False), "short": ("shortest", False), "narrow": ("narrowest", False),
    "poor": ("poorest", False), "weak": ("weakest", False), "few": ("fewest", False),
}  # fmt: skip
_ADJ = "|".join(_MOST)
_MONTH = "|".join(name for name in calendar.month_name if name)
_SAID: list[tuple[str, str]] = [
    (
        r"\b(?P<n>\d+)\s+(?P<x>[a-z]+)\s+with\s+(?:the\s+)?more\s+(?!than\b)(?P<m>[a-z])",
        r"top \g<n> \g<x> by \g<m>",
    ),
    (r"\bwhere\s+won\s+(?!the\b|an?\b|by\b)(?P<w>[a-z][\w'-]*)", r"where \g<w> won"),
    (rf"\b(?:the\s+)?(?P<m>{_MONTH})\s+of\s+(?P<y>(?:19|20)\d\d)\b", r"\g<m> \g<y>"),
    (r"\b(?:of|for)\s+(?:each|every)\s+(?P<u>person|head|capita)\b", r"per \g<u>"),
    # "their life long": the length of life, as "longévité" / "Lebensdauer" translate word for word.
    (r"\blife\s+long\b", "life expectancy"),
    # "points of the bill and the tip", "in points": a chart of points, which is a scatter.
    (r"^\W*(?:the\s+|a\s+)?points\s+(?:of|for)\b", "scatter of"),
    (r"\b(?:in|as|with)\s+(?:the\s+)?points\b", "as a scatter"),
    # "colour for the time of day", "colour after species": coloured by it.
    # Only opening a clause: "a separate colour for each continent" is read as it is.
    (r"(?:(?<=[,;])|^)\s*colou?r(?:ed)?\s+(?:for|after|according\s+to|per)\b", " coloured by"),
    (r"\b(?P<n>1|one)\s+person\b", r"\g<n> people"),
    (r"\bnot\s+(?P<w>smokers|smoking|smoker)\b", r"non-\g<w>"),
    (r"\bseparated\s+(?:in|into|by|between)\b", "split by"),
    (r"\bthe\s+(?P<d>length|width|height|weight)\s+of\s+the\s+(?P<w>[a-z]+?)s?\b", r"the \g<w> \g<d>"),
    (r"\b(?P<p>price|prices)\s+of\s+the\s+shares?\b", r"share \g<p>"),
    (r"\b(?P<m>[a-z]+)\s+in\s+(?:percent|percentage)\s+of\s+the\s+(?:bill|total)\b", r"\g<m> percentage"),
    (
        r"\bwhere\s+the\s+winner\s+(?:had|got|won\s+with|won\s+by)\s+(?:an?\s+)?(?P<r>majority|plurality)\b",
        r"won by a \g<r>",
    ),
    (r"\b(?:how\s+)?(?:was|is|were|are)\s+changing\b", "how did change"),
]
_LEARNERS = [(re.compile(pattern, re.IGNORECASE), said) for pattern, said in _SAID]
_NTH_MORE = re.compile(
    rf"\b(?P<n>\d+)\s+(?:(?P<x>[a-z]+)\s+)?more\s+(?P<a>{_ADJ})\b(?!\s+than)", re.IGNORECASE
)
# "the countries of Europe more rich": "more" without "than" (or a count, read above) ranks, as "richest".
_MORE_RANKS = re.compile(
    rf"(?<!\d\s)(?<!\w)more\s+(?P<a>{_ADJ})\b(?!\s+than\b|\s+(?:and|or)\s+(?:more\s+)?[a-z]+\s+than\b)",
    re.IGNORECASE,
)
_FROM_MORE = re.compile(rf"\bfrom\s+the\s+(?:more|most)\s+(?P<a>{_ADJ})\b", re.IGNORECASE)


def _nth(m: re.Match[str]) -> str:
    most = _MOST[m["a"].lower()][0]
    return f"{m['n']} {most} {m['x']}" if m["x"] and m["x"].lower() != "the" else f"{m['n']} {most}"


def unlearn(text: str) -> str:
    """`text` with a non-native speaker's word order written as the readers know it."""
    text = _FROM_MORE.sub(
        lambda m: "from highest to lowest" if _MOST[m["a"].lower()][1] else "from lowest to highest", text
    )
    text = _NTH_MORE.sub(_nth, text)
    for pattern, said in _LEARNERS:
        text = pattern.sub(said, text)
    return _MORE_RANKS.sub(lambda m: _MOST[m["a"].lower()][0], text)
