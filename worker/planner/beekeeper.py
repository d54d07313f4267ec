"""A beekeeper at the hives ("Smoker puffed, lid off Hive 7 - the bees are calm today", "Two supers full on
Hive 4, about 60 pounds of honey", "The queen in Hive 3 is laying well - eggs on 8 frames", "Nectar flow is on
in June - 40 jars by Sunday", "Caught a swarm at 5 o'clock", "13 frames of brood", "20,000 foragers", "Queen
cells on 4 frames", "Only 3 hive beetles in the traps", "Suited up, veil on", "Stung twice", "Varroa count is
down"), whose patter is set aside around the one request it carries. Read only in a question that carries
one of the beekeeper's markers below (bees, a hive, honey, nectar, pollen, brood, a swarm, a colony, a queen
cell, supers, foragers, an apiary, a lit or puffed smoker, a bee suit or veil, a sting, varroa), so any other
question ("smokers only", "three more frames", "the queen of the night", "the honeymoon", "the colonies'
GDP") reads exactly as before:
- a sentence or clause of the apiary that asks nothing comes off whole (worker.planner.voice_asides): a
  hive's number is a label and no limit, value or party size; frames, supers, jars, colonies and queens
  counted are no limit or count; pounds of honey and dollars a jar are no threshold or currency; "20,000
  foragers" is no threshold; June and Sunday in the nectar flow set no period or day; the smoker is a tool
  and sets no smoker filter, the queen no sex; gold heather and bronze-coloured bees no medal; the bees'
  flight east and hives facing south-east no wind direction; irises by a hive no species; a grandfather's
  bees in Ethiopia in 1962 and the market in Villeray on Saturdays no country, year, district or day;
- a lead-in at the request's start ("While I check the frames,", "Between frames:", "Before I suit up,")
  and a hand-over after the patter ("Now then:", "Anyway -") are the request's start.
A choice left to someone ("- whichever the bee inspector would use") is the request's and stays. What the
request itself asks that the data lacks (the pounds of honey each hive produced, the best country for
keeping bees, an hour of the tips) is left as it is and refused downstream, as are two charts. Text not
recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import HANDOVER, request_read, without_asides
from worker.semantic import SemanticModel

__all__ = ["unbeekeeper"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
# Marks the beekeeper alone makes. Not "frames" alone (a photographer's), "honey" inside "honeymoon", "queen"
# alone or "smoker" alone (the tips data's column): a smoker is the beekeeper's only when it is lit or puffed.
_MARKS = (
    r"bees|bee(?:\s*keep\w*|\s+(?:suit|inspector|hives?|colon(?:y|ies)|yard|farm))|(?:bee)?hives?"
    r"|apiar(?:y|ies|ist)|honey(?:comb|bees?)?|nectar|pollen|brood|swarm(?:s|ed|ing)?|propolis|beeswax"
    r"|varroa|foragers|queen\s+(?:cells?|bees?|excluder)|(?:colon(?:y|ies)|supers)\s+(?:full|on|of|is|are)"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:colonies|supers)"
    r"|frames?\s+of\s+(?:bees|brood|honey|pollen|eggs|capped)|smoker\s+(?:puffed|lit|out|going|has\s+gone)"
    r"|(?:my|our)\s+(?:\w+\s+)?colon(?:y|ies)|(?:laying|mated|virgin)\s+queens?|queens?\s+(?:is|are)\s+laying"
    r"|suited\s+up|veil\s+on|stung"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the apiary: a sentence or clause with one that asks nothing is the beekeeper's. Not "smokers"
# (the tips data's), and a choice left to someone ("whichever the bee inspector would use") stays.
_APIARY = re.compile(
    rf"^(?!.*\bwhichever\b).*?\b(?:{_MARKS}|bee|honey|queens?|colon(?:y|ies)|supers?|frames?|jars?"
    r"|(?:my|the|a|silver|his|her)\s+smoker|lid|veil|suit|gloves|sting|mites|drones|eggs|laying|flow"
    r"|clover|heather|lime\s+trees|apple\s+tree|blossom|lavender|orchard|beetles|traps|wax|comb|calm"
    r"|grumpy|buzz\w*|extract\w*|capped|harvest|market|grandfather|haul)\b",
    _I | re.DOTALL,
)
_WORK = r"(?:frames?|hives?|bees|smoker|supers?|brood|queens?|colon(?:y|ies)|boxes|veil|suit|honey|apiary)"
# A lead-in opening the request: the beekeeper's work going on meanwhile, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:(?:while|whilst|as|before|after)\s+(?:I|we)(?:{_Q}(?:m|re|ll|ve))?\s+[^,.!?:;]{{0,40}}?"
    rf"\b{_WORK}\b[^,.!?:;]{{0,20}}|between\s+{_WORK})\s*[,:]\s*",
    _I,
)


def unbeekeeper(text: str, model: SemanticModel) -> str:
    """`text` with a beekeeper's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    read = _LEAD_IN.sub(" ", tidy(text)).strip()
    read = tidy(HANDOVER.sub("", without_asides(read, _APIARY, names_of(model))))
    return request_read(text, read, model)
