"""Negated comparisons spelt as the complementary one before a question is read: "not above 20" is at most
20, "not below 1.3" at least 1.3, "never below 3 cm" (a value recorded once per row) at least 3 cm, "no
fewer than 4" at least 4, "petals that are not shorter than 4 cm" a petal length at least 4 cm, "more than
20 per cent above its January 2018 level" more than 1.2 times it.
Without this "not above 20" would be read as above 20 with "not" left over.
"""

from __future__ import annotations

import re

from worker.planner.exceptions import unexcept

__all__ = ["unnegate"]

_ABOVE = r"(?:above|over|more\s+than|greater\s+than|higher\s+than|larger\s+than|bigger\s+than|exceeding)"
_BELOW = r"(?:below|under|less\s+than|lower\s+than|fewer\s+than|smaller\s+than)"
_NOT = r"(?<!\w)(?:not|never|at\s+no\s+point)\s+"
_SAID = [
    (re.compile(_NOT + _ABOVE + r"(?!\w)", re.IGNORECASE), "at most"),
    (re.compile(_NOT + _BELOW + r"(?!\w)", re.IGNORECASE), "at least"),
    (re.compile(r"(?<!\w)no\s+fewer\s+than(?!\w)", re.IGNORECASE), "at least"),
    (re.compile(r"(?<!\w)no\s+(?:greater|higher|larger|bigger)\s+than(?!\w)", re.IGNORECASE), "at most"),
    (re.compile(r"(?<!\w)no\s+(?:lower|smaller)\s+than(?!\w)", re.IGNORECASE), "at least"),
]
# "more than 20 percent above its January 2018 level": a price relative to that level, 1.2 times it.
_PERCENT = re.compile(
    r"(?<!\w)(?P<op>(?:more|less)\s+than|over|under|at\s+least|at\s+most)\s+(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?:%|percent|per\s+cent)\s+(?P<dir>above|below|over|under)\s+(?P<whose>its|their|the)\s+"
    r"(?=[^.,;]*?\b(?:level|price|close|value)\b)",
    re.IGNORECASE,
)


# "petals are not shorter than 4 cm": the petal length at least 4 cm. The adjective names the measure
# ("shorter" the length), so the complement keeps it beside the noun.
_ADJECTIVES = {"shorter": ("length", "at least"), "longer": ("length", "at most")}
_ADJECTIVES |= {"narrower": ("width", "at least"), "wider": ("width", "at most")}
_NOT_ADJECTIVE = re.compile(
    r"(?<!\w)(?P<noun>[a-z]+?)s?\s+(?:(?:that|which)\s+)?(?:is|are|was|were)(?:n['\u2019]t|\s+not)\s+"
    rf"(?P<adj>{'|'.join(_ADJECTIVES)})\s+than(?!\w)",
    re.IGNORECASE,
)


def _complement(m: re.Match[str]) -> str:
    word, said = _ADJECTIVES[m["adj"].lower()]
    return f"{m['noun']} {word} {said}"


# "more than 20 per cent below" its level is under 0.8 times it: below a level, the comparison turns round.
_TURNED = {"more than": "less than", "less than": "more than", "over": "under", "under": "over"}
_TURNED |= {"at least": "at most", "at most": "at least"}


def _times(m: re.Match[str]) -> str:
    n = float(m["n"]) / 100
    op = " ".join(m["op"].lower().split())
    if m["dir"].lower() in ("above", "over"):
        factor = 1 + n
    else:
        factor, op = 1 - n, _TURNED[op]
    return f"{op} {round(factor, 6):g} times {m['whose']} "


def unnegate(text: str) -> str:
    """`text` with negated comparisons as their complements and percentages of a level as multiples."""
    text = _NOT_ADJECTIVE.sub(_complement, unexcept(text))
    for pattern, said in _SAID:
        text = pattern.sub(said, text)
    return _PERCENT.sub(_times, text)
