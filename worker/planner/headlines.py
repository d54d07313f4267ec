"""Headline and everyday wordings spelt out before a question is read: a value "excluded" or "out" after
it ("Oceania excluded", "Asia and Africa out") is "excluding Oceania"; "topped", "exceeded" and
"surpassed" a number are "over" it; amounts in millions or billions are plain numbers ("100 million" is
100000000); "record highs" and "the peak" are the highest; "fiercest" winds are the strongest; "wich" is
"which"; "5 and above" is "5 or more"; "he won (drew) the most votes" is the votes he got; a "leader board"
is a ranking; "who wins (leads) on X, A or B" compares X; "Population race: A vs B" is the population of A
vs B; a price that "stayed" or "remained" between two numbers "was" between them; "petals at least 1.5 cm
wide" have a petal width of at least 1.5 cm.
"""

from __future__ import annotations

import re

__all__ = ["unheadline"]

_I = re.IGNORECASE
_EXCLUDED = re.compile(
    r"(?<=[,:;])\s*(?P<v>[A-Z][\w'.-]*(?:\s+(?:and|or|&)\s+[A-Z][\w'.-]*)*)\s+(?:excluded|left\s+out|aside|out(?=\s*(?:[.,;!?]|$)))\b"
)
_OVER = re.compile(
    r"\b(?:topped|tops|topping|exceeded|exceeds|exceeding|surpassed|surpasses)\s+(?=[$\d])", _I
)
_SCALE = re.compile(r"(?<![\w.])(?P<n>\d+(?:\.\d+)?)\s*(?P<s>million|billion|mn|bn)\b", _I)
_SCALES = {"million": 1_000_000, "mn": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000}
_WORDS = [
    (re.compile(r"\brecord\s+highs?\b", _I), "highest"),
    (re.compile(r"\brecord\s+lows?\b", _I), "lowest"),
    (re.compile(r"\bfiercest\b", _I), "strongest"),
    (re.compile(r"\bwich\b", _I), "which"),
    # "leader board", "leaderboard": a ranking, highest first ("top ten" beside it gives the count).
    (re.compile(r"\bleader\s*-?\s*boards?\b", _I), "ranking"),
    # "Who wins on life expectancy, Europe or Americas?", "who leads on gold": the measure compared.
    (
        re.compile(
            r"\bwho(?:'s|\s+is)?\s+(?:wins?|winning|leads?|leading|ahead|comes\s+out\s+ahead)\s+"
            r"(?:on|in\s+terms\s+of)\s+",
            _I,
        ),
        "",
    ),
    # "where he won (drew, pulled) the most votes": the votes he got, not the districts he won.
    (
        re.compile(
            r"\b(?:won|drew|pulled|garnered|took)\s+(?=(?:the\s+|a\s+)?(?:most|fewest|least|more|fewer|"
            r"highest|lowest|\d[\d,]*)\s+(?:[a-z]+\s+)?votes?\b)",
            _I,
        ),
        "got ",
    ),
    # "winds of 5 and above": 5 or more (an adjective before them is checked against the band).
    (re.compile(r"(?<=\d)\s+and\s+(?:above|over|up(?:wards)?|higher)\b", _I), " or more"),
    (re.compile(r"(?<=\d)\s+and\s+(?:below|under|lower)\b", _I), " or less"),
    # "a frequency above 1% of observations": the percentage is of the observations the measure counts.
    (re.compile(r"(?<=%)\s+of\s+(?:all\s+)?(?:the\s+)?(?:observations|readings|measurements)\b", _I), ""),
    # "tables that had 4 or more people": tables with them, the size condition's own wording.
    (
        re.compile(
            r"\b(?P<t>tables?|parties|party|groups?|bookings?)\s+(?:that\s+|which\s+)?(?:had|has|have|seated)\s+"
            r"(?=(?:\d+|[a-z]+)(?:\s*\+|\s+or\s+(?:more|fewer|less)|\s+(?:people|persons|diners|guests))\b)",
            _I,
        ),
        r"\g<t> with ",
    ),
    # "its price stayed between 0.9 and 1.1", "remained above 70": a state held, read as "was".
    (
        re.compile(
            r"\b(?:stayed|stays|remained|remains|held|holds|sat|sits|stood|stands)\s+"
            r"(?=(?:between|above|below|over|under|at\s+least|at\s+most)\b)",
            _I,
        ),
        "was ",
    ),
]
# "petals at least 1.5 cm wide", "sepals over 6 cm long": the noun's width or length, then the condition.
_SIZED = re.compile(
    r"\b(?P<noun>[a-z]+?)s?\s+(?P<cond>(?:at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|more\s+than|"
    r"less\s+than|over|above|under|below)\s+\d+(?:\.\d+)?\s*(?:cm|mm|centimet(?:er|re)s?)?)\s+(?P<adj>wide|long)\b",
    _I,
)
_SIZE_OF = {"wide": "width", "long": "length"}


def _amount(m: re.Match[str]) -> str:
    value = float(m["n"]) * _SCALES[m["s"].lower()]
    return str(int(value)) if value.is_integer() else str(value)


# "Population race: China vs India": a contest of one measure, said before the values it compares.
_RACE = re.compile(
    r"^\W*(?P<m>[a-z]+(?:\s+[a-z]+)?)\s+(?:race|duel|battle|showdown|contest|rivalry)\s*:"
    r"(?=.*\b(?:vs\.?|versus|against|or)\s)",
    _I,
)


def unheadline(text: str) -> str:
    """`text` with headline wordings written as the readers know them."""
    text = _RACE.sub(lambda m: f"{m['m']}:", text)
    text = _EXCLUDED.sub(lambda m: f" excluding {m['v']}", text)
    text = _OVER.sub("over ", text)
    text = _SCALE.sub(_amount, text)
    for pattern, said in _WORDS:
        text = pattern.sub(said, text)
    return _SIZED.sub(lambda m: f"{m['noun']} {_SIZE_OF[m['adj'].lower()]} {m['cond']}", text)
