"""Domain experts' jargon spelt out in the model's words before a question is read, where the model's
synonyms stop short. Finance: "the FAANG names" are the five FAANG tickers (FB, AAPL, AMZN, NFLX, GOOG),
a "trough" close is the lowest, and a "name" is a ticker beside prices or closes. Hospitality: the "check
size" is the check (not the party size), "per cover" is per person, "gross" revenue is the revenue,
"party sizes of 2 to 4" is a range of parties and "solo diners" are parties of 1. Botany: a "taxon" is a
species, "specimens" are the flowers and "morphology" adds nothing. Politics: "ridings" are districts,
the "raw vote" is the votes and "the mayoral race" is the election. Demography: "aggregate" is a total.
"Since the start of 2018" is since 2018, and "across the whole city" names all the data. Voice: "colour
it by" is "coloured by". Words that take their field meaning only in context ("the 1987 round", "by
covers", "two-tops", "the Q4 2018 sell-off") are read first, by worker.planner.field_jargon.
"""

from __future__ import annotations

import re

from worker.planner.field_jargon import unfield

__all__ = ["unjargon"]

_FINANCE = re.compile(r"\b(?:close|closes|closing|price|prices|ticker|tickers|stock|stocks|shares?)\b", re.I)
_SAID: list[tuple[str, str]] = [
    (
        r"\b(?:the\s+)?faang(?:\s+(?:names|stocks|tickers|companies|group))?\b",
        "FB, AAPL, AMZN, NFLX and GOOG",
    ),
    (r"\btrough(?=\s+(?:close|closes|closing|price|prices)\b)", "lowest"),
    (r"\b(?P<s>check|bill)\s+sizes?\b", r"\g<s>"),
    (r"\bper\s+cover\b", "per person"),
    (r"\b(?:solo|single|lone)\s+(?:diners?|guests?|customers?|tables?)\b", "parties of 1"),
    (r"\bgross\s+(?=(?:revenue|revenues|takings|sales)\b)", ""),
    (r"\b(?:party|table|group)\s+sizes\s+(?=of\s+\d)", "parties "),
    (r"\b(?P<n>party|table|group)\s+sizes\s+(?=(?:between|from)\s+\d)", r"\g<n> size "),
    (r"\btaxon\b|\btaxa\b", "species"),
    (r"\b(?:specimen|flower)\s+counts?\b", "number of flowers"),
    (r"\b(?:across|over|for|of)\s+all\s+(?:the\s+)?specimens\b", ""),
    (r"\bspecimens?\b", "flowers"),
    (r"\b[a-z]+\s+morphology\s*:\s*|\bmorphology\b", ""),
    (r"\bridings\b", "districts"),
    (r"\briding\b", "district"),
    (r"\braw\s+(?=votes?\b)", ""),
    (r"\bmayoral\s+race\b", "mayoral election"),
    (r"\baggregate\b", "total"),
    # "since the start of 2018": since 2018; "across the whole city": every row, so nothing.
    (r"\b(?P<p>since|from)\s+the\s+(?:start|beginning|outset)\s+of\s+(?=(?:19|20)\d\d\b)", r"\g<p> "),
    (r"\b(?:across|in|over|for)\s+the\s+(?:whole|entire)\s+(?:city|town|country|world|sample)\b", ""),
    (r"\bcolou?r\s+(?:it|them|the\s+points|the\s+dots)\s+by\b", "coloured by"),
]
_JARGON = [(re.compile(pattern, re.IGNORECASE), said) for pattern, said in _SAID]
# "per name", "each name": a ticker, said of prices.
_NAME = re.compile(r"\b(?P<p>per|each|every|by|one\s+line\s+per|a\s+line\s+per)\s+name\b", re.IGNORECASE)


def unjargon(text: str) -> str:
    """`text` with a domain expert's jargon in the words the model knows."""
    text = unfield(text)
    for pattern, said in _JARGON:
        text = pattern.sub(said, text)
    if _FINANCE.search(text):
        text = _NAME.sub(lambda m: f"{m['p']} ticker", text)
    return " ".join(text.split())
