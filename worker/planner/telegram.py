"""A telegram's wire style ("URGENT STOP AVERAGE TIP EACH DAY STOP RGDS MABEL") set aside around the one
request it carries. Read only in a question that speaks it (a marker below: "STOP" between clauses of a
message written in capitals, or "stop" beside the wire's sign-off "RGDS"), so any other question reads
exactly as before:
- "STOP" is the wire's full stop: the clauses on either side are sentences of one request, never an
  exclusion or an end of it ("... STOP ALSO SEPARATE PIE OF ... STOP" still asks two charts, refused later);
- a dateline heading the wire ("NAIROBI 12 MAY 1957", "MONTREAL 4 NOVEMBER 2013") is the place and date of
  sending and comes off (unless it names a measure, grouping or chart): no period, value or filter;
- the sign-off ("RGDS MABEL", "REGARDS HAROLD", "LOVE EDITH"), "URGENT", "PLS", "MEANWHILE" and "MESSAGE
  ENDS" name nothing and come off;
- the wire's cost and words paid for ("REPLY PAID (TWENTY WORDS)", "TWELVE WORDS PAID", "COST FOUR
  SHILLINGS", "EIGHT PENCE A WORD SO BRIEF") are no limit, threshold or value, and come off;
- travel news ("ARRIVING SATURDAY", "SAILING FRIDAY", "LEAVING TUESDAY") is context: the day it names is no
  filter, so a clause that opens with a traveller's verb ("LEAVING OUT" is no travel) and names no measure,
  grouping or chart comes off whole;
- a clause of counts only ("TWO COLOURS", "THREE NATIONS THREE COLOURS", "TWO SPECIES NOT THREE") that
  restates the values the request names, or the values of a grouping it names, comes off; a count that
  restates nothing is left for the readers after this (a limit, or refused there).
A value, number or chart named only in that patter sets nothing. What the wire asks that the data cannot
answer (a company or a year it lacks, two charts, a choice left open) is left as it is and refused
downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.spoken import NUMBER_WORDS
from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["untelegram"]

_I = re.IGNORECASE
_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_N = rf"(?:\d{{1,3}}|{_WORD})"
_MONEY = (
    r"(?:shillings?|pence|pennies|penny|pounds?|dollars?|cents?|francs?|lire|rupees?|annas?|guineas?|bob)"
)
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_SIGN_WORD = r"(?:rgds|regards|love|yours|thanks|tks|thx|cheers|fondly|affectionately)"
# The voice: a capital STOP between clauses of a message in capitals, or any "stop" beside "RGDS".
_STOP = re.compile(r"(?<![\w-])STOP(?![\w-])")
_ANY_STOP = re.compile(r"(?<![\w-])stop(?![\w-])", _I)
_RGDS = re.compile(r"(?<![\w-])rgds(?![\w-])", _I)
_SIGNED = re.compile(rf"(?<![\w-]){_SIGN_WORD}(?:\s+[a-z][\w'-]*){{0,2}}\s*[.!]?\s*$", _I)
# "NAIROBI 12 MAY 1957", "LONDON MAY 12 1957", "CAIRO 3RD JUNE": where and when the wire was sent.
_DATELINE = re.compile(
    rf"^[a-z][a-z .'-]*?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:\s*,)?(?:\s+\d{4})?$",
    _I,
)
_WIRED = re.compile(r"(?<![\w-])(?:urgent|reply\s+paid|words\s+paid|a\s+word)(?![\w-])", _I)
# Clauses of patter that come off whole.
_PATTER_CLAUSE = re.compile(
    rf"^(?:(?:most\s+)?urgent|(?:message\s+)?ends?|end\s+(?:of\s+)?message|reply\s+(?:paid|prepaid)"
    rf"|{_SIGN_WORD}(?:\s+[a-z][\w'-]*){{0,2}})$",
    _I,
)
# Travel news opens with a traveller's verb ("ARRIVING SATURDAY", "SAILING THAT DAY"): its day is no filter.
# "LEAVING OUT SMOKERS" is an exclusion, and "RETURNS" a word of the stocks, so neither is travel.
_TRAVEL = re.compile(
    r"^(?:arriv(?:ing|es?|al)|sail(?:ing|s)?|(?:leav(?:ing|es?)|depart(?:ing|s)?)(?!\s+(?:out|off|aside)\b)"
    r"|returning|flying|docking|landing|embarking|(?:home|back)\s+(?:on|by|for)|coming\s+home)(?![\w-])",
    _I,
)
# The wire's cost and words paid for, wherever they stand: no limit, threshold or value.
_COST = re.compile(
    rf"(?<![\w-])(?:reply\s+(?:paid|prepaid)(?:\s+{_N}\s+words)?|prepaid|{_N}\s+words\s+(?:paid|prepaid|max(?:imum)?)"
    rf"|cost(?:s|ing)?\s+{_N}\s+{_MONEY}(?:\s+(?:and\s+)?{_N}\s+{_MONEY})?"
    rf"|(?:at\s+)?{_N}\s+{_MONEY}\s+(?:a|per|each)\s+word(?:\s+so\s+brief)?|(?:so|keep(?:ing)?|be)\s+brief)"
    r"(?![\w-])",
    _I,
)
# A clause's opening words of the wire: urgency, "please" clipped, "meanwhile".
_LEAD = re.compile(r"^(?:(?:most\s+)?urgent|pls|pse|meanwhile)(?![\w-])\s*[,:]?\s*", _I)
# "TWO COLOURS", "THREE NATIONS THREE COLOURS", "TWO SPECIES NOT THREE": counts and their nouns only.
_COUNTS = re.compile(rf"^{_N}\s+[a-z]+(?:\s+(?:and\s+|not\s+)?{_N}(?:\s+[a-z]+)?)*$", _I)
_COUNT = re.compile(rf"(?<![\w-]){_N}(?![\w-])", _I)
_NOT = re.compile(rf"\bnot\s+{_N}\b", _I)
# "ONE LINE" asks for a chart: never a restated count.
_CHART = re.compile(r"\b(?:lines?|bars?|pies?|histograms?|scatters?|charts?|graphs?|plots?|areas?)\b", _I)
_ENDS = re.compile(r"[\s.,;:!]+$")


def untelegram(text: str, model: SemanticModel) -> str:
    """`text` with a telegram's wire style set aside; other text is unchanged."""
    stops = _stops(text)
    if stops is None:
        return text
    clauses = [c.strip(" .,;:") for c in stops.split(text)]
    clauses = [c for c in clauses if c]
    if clauses and _DATELINE.match(clauses[0]) and not _asks(clauses[0], model):
        clauses = clauses[1:]
    kept = [
        _plain(c)
        for c in clauses
        if not _PATTER_CLAUSE.match(c) and not (_TRAVEL.match(c) and not _asks(c, model))
    ]
    kept = [c for c in kept if c]
    kept = [c for i, c in enumerate(kept) if not _restates(c, " ".join(kept[:i] + kept[i + 1 :]), model)]
    if not kept:
        return text
    read = tidy(". ".join(kept) + ".")
    return read if read != tidy(text) else text


def _stops(text: str) -> re.Pattern[str] | None:
    """The pattern of the wire's STOP where `text` speaks the voice, else None."""
    # One STOP alone in capitals may be a shout ("... STOP WASTING TIME"): a wire has two, or a sign-off,
    # urgency or the wire's cost beside it.
    stops = len(_STOP.findall(text))
    if stops and _mostly_capitals(text) and (stops > 1 or _SIGNED.search(text) or _WIRED.search(text)):
        return _STOP
    # In lower case, "stop" is the wire's only beside its abbreviated sign-off ("rgds nell").
    if _ANY_STOP.search(text) and _RGDS.search(text):
        return _ANY_STOP
    return None


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _asks(clause: str, model: SemanticModel) -> bool:
    """Whether a clause names a measure, a grouping or a chart: then it is the request, never patter."""
    names = names_of(model)
    return bool(names.measures.search(clause) or names.groups.search(clause) or _CHART.search(clause))


def _plain(clause: str) -> str:
    """The clause without the wire's cost, opening words and a sign-off run on at its end."""
    clause = _LEAD.sub("", _COST.sub(" ", clause).strip())
    clause = re.sub(r"\s+(?:rgds|regards)(?:\s+[a-z][\w'-]*){0,2}$", "", clause, flags=_I)
    return _ENDS.sub("", re.sub(r"\s{2,}", " ", clause)).strip()


def _restates(clause: str, rest: str, model: SemanticModel) -> bool:
    """Whether a clause of counts only restates what the rest of the request names: each count is the
    number of values it names, or the number of values of a grouping it names ("SPLIT BY SMOKER STOP TWO
    COLOURS"). "NOT THREE" after such a count says only what the count is not."""
    if not _COUNTS.match(clause) or _CHART.search(clause):
        return False
    named = {len(values_named(rest, names_of(model)))}
    named |= {
        len(d.values)
        for ds in model.datasets
        for d in ds.dimensions
        if d.values and any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", rest, _I) for s in d.synonyms)
    }
    counts = _COUNT.findall(_NOT.sub(" ", clause))
    return bool(counts) and all(_number(c) in named for c in counts)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]
