"""A barista behind the counter ("One oat flat white for Sam!", "Large cappuccino, extra shot, for table 3!",
"Two sugars, extra hot, for table 5!", "The grinder is on setting 7 and we open at 6:30", "The Tuesday rush
is over", "Milk steamed to 65 degrees", "A loyalty card with 9 stamps for Mrs Chen!", "Our Ethiopian roast is
back", "4 shots pulled", "Gold-rimmed cups for the tour group, silver spoons for table 2"), whose patter is
set aside around the one request it carries. Read only in a question that carries one of the barista's markers
below (a coffee called out, a shot, sugars, a milk, the grinder, the beans or the roast, a loyalty card's
stamps, the morning's rush, cups or spoons called for someone), so any other question ("three cups of tea",
"tables of 3", "without rushing", "we close at 8", "the latter", "Another round for table 6!") reads exactly
as before:
- a sentence of the counter that asks nothing comes off whole, though it names the data's words (the wind
  slamming the cafe door no direction), as does a clause of it (worker.planner.voice_asides): the order's
  size, shots and sugars are no limit or count; the table it is for no party size; the customer's name
  ("for Sam", "for Ana", "for the lady by the window") no sex or value; the grinder's setting, the milk's
  degrees and the card's stamps no threshold or limit; "we open at 6:30" no time or party size; "the Tuesday
  rush" no day (the tips data has none); the beans' Brazil, Kenya or Ethiopia no country or continent;
  gold-rimmed cups and silver spoons no medal, and the Korean tour group or the Chinese swim team no nation;
- an order called inside the request's sentence ("One latte for Jo, and the average tip by day") comes off,
  and a hand-over ("Right,", "Now then:", "While the milk steams,") is the request's start.
A choice left to someone ("whichever the owner would rather see") is the request's and stays. What the
request itself asks that the data lacks (the lattes sold, the tips between 7 and 9 in the morning, tips in
euros) is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import ASKS, SENTENCES, request_read, untold, without_asides
from worker.semantic import SemanticModel

__all__ = ["unbarista"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_COFFEE = (
    r"(?:flat\s+whites?|cappuccinos?|espressos?|lattes?|macchiatos?|americanos?|mochas?|cortados?|ristrettos?"
    r"|lungos?|frappuccinos?|frappes?|cold\s+brews?|pour[\s-]overs?|decafs?|babyccinos?|chai\s+lattes?)"
)
_SAID = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
# Marks the barista alone makes. Not "coffee" or "cafe" alone (a photographer's coffee break, an office's
# coffee machine, a late husband's cafe), "cups" alone ("three cups of tea"), "for table 6" (a bartender's
# round) or "rushing".
_MARKS = (
    rf"barista|{_COFFEE}|extra\s+(?:shot|hot|foam|froth)|(?:single|double|triple)\s+shot|{_SAID}\s+shots?"
    rf"\s+pulled|pull(?:ed|ing)?\s+(?:a|the|{_SAID})\s+shots?|{_SAID}\s+sugars?|no\s+sugar|grinder"
    r"|loyalty\s+card|\d+\s+stamps|(?:oat|soy|almond|skim(?:med)?|whole|frothed)\s+milk|milk\s+(?:steamed|frothed)"
    r"|steamed\s+milk|(?:the|our|their)\s+(?:\w+\s+)?(?:beans|roast)|beans\s+(?:are|were)\s+from|espresso\s+machine"
    r"|coffee\s+(?:beans|orders?)|(?:morning|breakfast|lunch(?:time)?|\w+day)\s+rush|order\s+up"
    r"|(?:the|our)\s+caf[e\u00e9]\s+(?:door|windows?|counter|floor|queue)"
    r"|(?:cups|mugs|spoons|saucers)\s+for\s+(?:the|table|(?-i:[A-Z]))"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the counter: a sentence or clause with one that asks nothing is the barista's. A choice left to
# someone ("whichever the owner would rather see") is the request's, and stays refused.
_COUNTER = re.compile(
    rf"^(?!.*\bwhichever\b).*?\b(?:{_MARKS}|coffee|caf[e\u00e9]|counter|cups?|mugs?|spoons?|saucers?|milk"
    r"|oat|foam|froth\w*|steam\w*|sugars?|shots?|beans|roast|brew\w*|grind\w*|setting|large|small|medium"
    r"|regulars|crowd|rush|queue|open(?:ed|s)?\s+at|clos(?:e|es|ed)\s+at|sharp|on\s+the\s+dot|sold\s+out|door"
    r"|window|vase|smells?|pastr(?:y|ies)|croissants?|muffins?|scones?|tour\s+group|swim\s+team)\b",
    _I | re.DOTALL,
)
# What asks beyond voice_asides' ASKS: an operation on the data. A sentence of the counter without one asks
# nothing, whatever data words it names ("the wind keeps slamming the door").
_OPERATES = re.compile(
    r"\b(?:average|mean|median|total|sum|count|number\s+of|per|each|split|by|versus|vs|top|bottom|most|least"
    r"|highest|lowest|rank\w*|sorted|only|asks?|asked|wants?|chart\w*|since|between|share|histogram|scatter)\b",
    _I,
)
# An order called at the start of the request's own sentence ("One latte for Jo, and ..."): no clause mark
# for voice_asides to split at.
_ORDER = re.compile(
    rf"^\W*[\w\s,-]{{0,40}}?\b(?:{_COFFEE}|sugars?|shots?)\b[\w\s,-]{{0,30}}?\s+for\s+"
    r"(?:table\s+\d+|the\s+[\w\s-]{1,30}?|(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)"
    r"\s*,\s*(?:and|then|now|so)\b\s*(?:(?:can|could)\s+(?:I|you|we)\s+(?:get|have|see)\s+)?",
    _I,
)
# The hand-over after the patter, or a lead-in of the counter's work meanwhile: the request's start.
_HANDOVER = re.compile(
    r"(?:^|(?<=[.!?:])\s+)\W*(?:right|now\s+then|anyway|okay|ok|so|meanwhile|in\s+the\s+meantime"
    r"|(?:while|as)\s+(?:the|your|I|we)\s+[^,.!?:;]{0,30}?\b(?:milk|shots?|coffee|beans|steams?|brews?"
    r"|pours?|grinds?|froths?)\b[^,.!?:;]{0,15})\s*(?:[:,]|\s[-\u2013\u2014]+)\s*(?=\S)",
    _I,
)


def unbarista(text: str, model: SemanticModel) -> str:
    """`text` with a barista's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = " ".join(_ORDER.sub("", s) for s in SENTENCES.split(untold(tidy(text), _called)))
    read = tidy(_HANDOVER.sub(" ", without_asides(read, _COUNTER, names_of(model))))
    return request_read(text, read, model)


def _called(sentence: str) -> bool:
    """Whether `sentence` is the counter's call, asking nothing of the data."""
    return bool(_COUNTER.search(sentence) and not ASKS.search(sentence) and not _OPERATES.search(sentence))
