"""A fortune-teller's framing ("The cards reveal ...", "The stars align over Europe: ...") set aside
around its request. Read only in a question that speaks it (a word below), so any other question reads
exactly as before:
- a leading reading is context: astrology, tarot, crystal balls and omens ("The stars say / align over
  ...", "It is written in the stars", "Mercury is in retrograde", "Venus is rising over China", "My crystal
  ball shows Asia", "The crystal ball clears", "The cards reveal ...", "My tarot spread shows ...", "The tea
  leaves have settled", "The moon is full", "Destiny brought me here", "Fate has spoken", "The spirits ask /
  whisper ...", "An auspicious reading for ...") and a zodiac sign describing the writer ("As a Leo"). The
  lead, up to its colon or the end of its sentence, is dropped, so a value or claim named only there is no
  filter;
- a value the reading names comes back only where the request points back to it: "its" / "his" / "her"
  / "their" name the values ("Venus is rising over China: its population" is "China's population"),
  "there" the place the reading names ("The cards reveal the districts won by a plurality: ... there" is
  "... in the districts won by a plurality"), and "those two species", "them" (story_scenes.points_back)
  the values set before the request;
- "auspicious", "lucky", "luckiest" and "fortunate" are a ranking (highest; "unluckiest" / "least
  auspicious" lowest) only where the request names a measure ("the two luckiest directions by wind
  frequency"); the request's "longest-lived" / "shortest-lived" countries are those with the highest /
  lowest life expectancy, and "the votes each candidate won" the votes each candidate got.
Fortunes, horoscopes, predictions ("will", "next week"), zodiac signs as data, palms, birthdays and luck
with no measure ("the luckiest country of 2007") are left as they are (and refused downstream). Text not
recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.everyday_words import LIVED, spell_lived
from worker.planner.story_scenes import points_back, tidy
from worker.planner.versus_names import names_of, values_named
from worker.semantic import SemanticModel

__all__ = ["unmystic"]

_I = re.IGNORECASE
_SIGN = r"(?:aries|taurus|gemini|cancer|leo|virgo|libra|scorpio|sagittarius|capricorn|aquarius|pisces)"
# A reading at the head of the question: nothing below is read in a question that does not open with one.
_MYSTIC = re.compile(
    r"^\W*(?:(?:the|my|your|our)\s+(?:tarot\s+)?(?:cards?|stars?|crystal\s+ball|tarot(?:\s+spread)?|"
    r"spirits?|tea\s+leaves|planets?|omens?)\b|it\s+is\s+written\s+in\s+the\s+stars\b|"
    r"the\s+moon\s+(?:is|was|will\s+be)\s+(?:full|new|rising|waxing|waning|blue)\b|"
    r"(?:mercury|venus|mars|jupiter|saturn)\s+(?:is\s+)?(?:rising|in\s+retrograde|retrograde|in\s+\w+)\b|"
    r"destiny\b|fate\b|an?\s+(?:auspicious|lucky|mystic\w*)\s+reading\b|"
    rf"as\s+an?\s+{_SIGN}\b)",
    _I,
)
# What the data cannot answer: such a question is left whole, so it is refused by name downstream.
_REFUSED = re.compile(
    r"\b(?:fortunes?|horoscopes?|zodiac|star\s+signs?|predict\w*|forecast\w*|prophec\w+|"
    r"will\s+(?:be|bring|make|rise|fall|win|happen)|next\s+(?:week|month|year|time|\w+day)|palms?|"
    r"birthday|luck|retrograde\s+(?:weeks?|days?|months?|periods?)|my\s+own|"
    rf"(?:the|my|your)\s+(?:\w+'s\s+)?{_SIGN})\b",
    _I,
)
# The lead ends at its first colon, or at the end of its first sentence.
_LEAD = re.compile(r"^(?P<lead>[^:.?!]+?)\s*(?::|[.!?](?=\s+\S))\s*(?P<request>\S.*)$", _I | re.DOTALL)
# What a reading says it shows, for the request's "there".
_SHOWN = re.compile(
    r"\b(?:reveals?|shows?|says?|points?\s+to|(?:aligns?|rising|shines?|hangs?)\s+(?:over|above|on)|"
    r"whispers?\s+(?:of|about)|asks?\s+about|speaks?\s+of|favou?rs?)\s+(?P<what>\S[^:;.?!]*?)\s*$",
    _I,
)
_ITS = re.compile(r"\b(?:its|his|her|their)\b(?=\s+\w)", _I)
_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|be)\b)", _I)
_IN = re.compile(r"^(?:in|on|at|for|among)\s", _I)
# Luck as a ranking word, read only where the request names a measure.
_LUCKY = re.compile(r"\b(?:most\s+(?:auspicious|fortunate|lucky)|luckiest|auspicious)\b", _I)
_UNLUCKY = re.compile(
    r"\b(?:least\s+(?:auspicious|fortunate|lucky)|unluckiest|most\s+(?:inauspicious|unfortunate|unlucky))\b",
    _I,
)
_WON = re.compile(r"\b(?P<who>each|every)\s+(?P<group>\w+)\s+won\b(?!\s+by\b)", _I)


def unmystic(text: str, model: SemanticModel) -> str:
    """`text` with a fortune-teller's reading set aside as context; other text is unchanged."""
    if not _MYSTIC.search(text) or _REFUSED.search(text):
        return text
    said = _LEAD.match(text.strip())
    if said is None:
        return text
    names = names_of(model)
    lead, request = said["lead"], said["request"]
    request = _pointed(lead, request, values_named(lead, names), values_named(request, names))
    if names.measures.search(request) or LIVED.search(request):
        request = _UNLUCKY.sub("lowest", _LUCKY.sub("highest", request))
    request = spell_lived(request)
    return tidy(_WON.sub(r"\g<who> \g<group> got", request))


def _pointed(lead: str, request: str, named: list[str], again: list[str]) -> str:
    """The request with what points back to the reading named; the reading's own values otherwise go."""
    if not named or {v.lower() for v in named} & {v.lower() for v in again}:
        # A value the request names itself ("shows Asia: ... Asian countries") needs nothing of the lead.
        return request
    shown = _SHOWN.search(lead)
    if shown is not None and _THERE.search(request):
        place = shown["what"] if _IN.search(shown["what"]) else f"in {shown['what']}"
        return _THERE.sub(place, request, count=1)
    if _ITS.search(request):
        whose = f"{' and '.join(named)}'s" if len(named) < 3 else f"{', '.join(named[:-1])} and {named[-1]}'s"
        return _ITS.sub(whose, request, count=1)
    pointed = points_back(request)
    return f"{' and '.join(named)}: {pointed}" if pointed else request
