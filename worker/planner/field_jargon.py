"""Field words of the trade spelt out in the model's words, each only in the context that gives it its
field meaning (worker.planner.jargon calls this before a question is read; names that are plain
synonyms belong to the semantic model instead).

Finance: "YTD 2019" is 2019 (the data ends with that year), "the January 2018 base" is the January 2018
level the prices are relative to, a dated "sell-off" / "rally" is its period, and a "number of weekly
closes" counts closing prices. Meteorology: "calms" are the 0-1 band and "the prevailing wind" asks
which directions the wind blows from most. Botany: "sepal / petal dimensions" are the length and the
width. Development economics: a "(survey) round" is a survey year and a "1972 cross-section" is 1972.
Restaurant trade: "covers" grouped by are the party size, a "two-top" is a party of 2, the "check" or
"ticket" per cover is the bill per person, "sales on the tickets" are the revenue, the "smoking
section" is the smokers and "dinner service" is dinner. Elections: a ward "carried outright" or "decided
by a majority" was won with a majority, and one "decided by plurality" was won by plurality.

Undated trade words ("the bear run", "the sell-off"), "covers served", returns and the like are left
as they are, so the planner refuses them for what they are.
"""

from __future__ import annotations

import re

__all__ = ["unfield"]

_YEAR = r"(?:19|20)\d\d"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A period a market event can be dated by: "Q4 2018", "H2 2018", "December 2018", "2018".
_PERIOD = rf"(?:q[1-4]\s+{_YEAR}|h[12]\s+{_YEAR}|{_MONTH}\s+{_YEAR}|{_YEAR})"
_EVENT = (
    r"(?:sell-?\s?off|selloff|rally|correction|slump|crash|rout|downturn|rebound|melt-?up"
    r"|(?:bull|bear)\s+run)"
)
_PLACE = r"(?:\s+(?:section|area|room|side|tables?|ones))"
_NUMBERS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "eight": "8"}
_TOP = r"(?P<n>\d|two|three|four|five|six|eight)(?:-tops?|\s+tops)"

_SAID: list[tuple[str, str]] = [
    # Finance. "YTD 2019", "2019 YTD", "year-to-date 2019": that year (a YTD return stays a return).
    (rf"\b(?:ytd|year[\s-]to[\s-]date)\s+(?:in\s+|for\s+)?(?={_YEAR}\b)", ""),
    (rf"\b(?P<y>{_YEAR})\s+(?:ytd|year[\s-]to[\s-]date)\b", r"\g<y>"),
    # "the January 2018 base(line)": the level every price is divided by, not a base chart.
    (
        r"\b(?:the\s+|its\s+|their\s+)?(?:jan(?:uary)?\.?\s+2018|start[\s-]of[\s-]2018|early[\s-]2018)"
        r"\s+(?:base(?:line)?|base\s+level|rebase)\b",
        "the January 2018 level",
    ),
    # "the Q4 2018 sell-off": the quarter is named, the event adds nothing; undated it stays unknown.
    (rf"\b(?:the\s+)?(?P<p>{_PERIOD})\s+{_EVENT}\b", r"\g<p>"),
    # "number of weekly closes": rows counted, not a line week by week.
    (r"\b(?P<c>number|count)\s+of\s+(?:weekly\s+)?(?:closes|closing\s+prices)\b", r"\g<c> of closing prices"),
    (r"\bhow\s+many\s+(?:weekly\s+)?closes\b", "how many closing prices"),
    # Meteorology. "calms" / "the calm band": the 0-1 band, unless the band is also named.
    (r"\b(?:the\s+)?(?:calms|calm\s+band|calm\s+conditions)\b", "0-1 winds"),
    # "Where does the prevailing wind come from?", "what is the prevailing wind direction?": the ranking
    # of every direction. Only as a whole question: "frequency of the prevailing wind by strength" would
    # need the top direction picked first, so it is left to be refused.
    (
        r"\b(?:where|which\s+way|which\s+direction|what\s+direction)\s+(?:does|do)\s+the\s+prevailing\s+winds?"
        r"\s+(?:come|blow)\s+from\s*(?:\?|$)",
        "wind frequency by direction, most frequent first.",
    ),
    (
        r"\b(?:what|which)\s+(?:is|was)\s+the\s+prevailing\s+wind(?:\s+direction)?\s*(?:\?|$)",
        "wind frequency by direction, most frequent first.",
    ),
    # Botany. "sepal dimensions": both of its measurements, length first.
    (r"\b(?P<p>sepal|petal)\s+(?:dimensions|measurements)\b", r"\g<p> length and \g<p> width"),
    # Development economics. "the 1987 round", "survey round of 1987", "latest round", "across the rounds".
    (rf"\b(?:the\s+)?(?P<y>{_YEAR})\s+(?:survey\s+)?(?:round|wave)\b", r"\g<y>"),
    (rf"\b(?:the\s+)?(?:survey\s+)?(?:round|wave)\s+of\s+(?P<y>{_YEAR})\b", r"\g<y>"),
    (
        r"\b(?:the\s+)?(?:latest|last|most\s+recent)\s+(?:survey\s+)?(?:round|wave)\b",
        "the latest year",
    ),
    (
        r"\b(?:across|over|through|in)\s+(?:all\s+)?(?:the\s+|every\s+)?(?:survey\s+)?(?:rounds|waves)\b",
        "over time",
    ),
    (r"\bsurvey\s+rounds\b", "survey years"),
    (rf"\b(?:the\s+)?(?P<y>{_YEAR})\s+cross[\s-]section\b", r"\g<y>"),
    (rf"\b(?:the\s+|a\s+)?cross[\s-]section\s+(?:of|for|in|from)\s+(?P<y>{_YEAR})\b", r"in \g<y>"),
    # Restaurant trade. "by covers": the party size; "covers served" (a sum of people) is left alone.
    (
        r"\b(?P<p>by|per|for\s+each|across)\s+(?:the\s+)?(?:number\s+of\s+)?covers\b(?!\s+served)",
        r"\g<p> party size",
    ),
    (
        r"\b(?:tip|gratuity)\s+as\s+an?\s+(?:percentage|percent|share|%)\s+of\s+the\s+(?:check|ticket|bill)\b",
        "tip percentage",
    ),
    (r"\b(?:check|ticket)\s+(?=per\s+(?:cover|person|head|diner)\b)", "bill "),
    (r"\b(?:total\s+)?sales\s+(?:on|from|across)\s+(?:the\s+)?(?:tickets|checks|bills)\b", "revenue"),
    (r"\b(?:average|mean)\s+ticket\b", "average bill"),
    # "the smoking section vs non-smoking", "non-smoking tables": the smoker values, the place word dropped
    # (it is no chart: "area" would draw an area chart).
    (
        rf"\b(?:the\s+)?smoking{_PLACE}?\s+(?:vs\.?|versus|and|or)\s+(?:the\s+)?non-?\s?smoking{_PLACE}?",
        "smokers vs non-smokers",
    ),
    (rf"\b(?:the\s+)?non-?\s?smoking{_PLACE}?\b", "non-smokers"),
    (rf"\b(?:the\s+)?smoking{_PLACE}\b", "smokers"),
    (r"\b(?P<m>lunch|dinner)\s+service\b", r"\g<m>"),
    (r"\b(?P<e>each|every|per)\s+weekend\s+day\b", r"\g<e> day on the weekend"),
    # Elections. "the wards he carried outright": won with a majority; "decided by plurality".
    (r"\b(?:carried|won|took)\s+outright\b", "won with a majority"),
    (
        r"\b(?:decided|won|carried)\s+(?:by|with)\s+(?:an?\s+)?(?:outright\s+|absolute\s+)?majority\b",
        "won with a majority",
    ),
    (r"\b(?:decided|won|carried)\s+(?:by|with)\s+(?:a\s+)?(?:simple\s+)?plurality\b", "won by plurality"),
]
_FIELD = [(re.compile(pattern, re.IGNORECASE), said) for pattern, said in _SAID]
# "two-tops", "4-top": a table laid for that many; "four-tops and bigger": that many or more.
_TOPS = re.compile(rf"\b{_TOP}(?P<more>\s+(?:and|or)\s+(?:bigger|larger|more|up|above))?\b", re.IGNORECASE)


def unfield(text: str) -> str:
    """`text` with a field's words of the trade in the words the model knows."""
    for pattern, said in _FIELD:
        text = pattern.sub(said, text)
    return _TOPS.sub(_parties, text)


def _parties(m: re.Match[str]) -> str:
    """ "two-tops" as "parties of 2", the number as a digit, as the party-size reading expects."""
    n = _NUMBERS.get(m["n"].lower(), m["n"])
    return f"parties of {n} or more" if m["more"] else f"parties of {n}"
