"""A blacksmith at the forge ("Seven nails a shoe, four shoes a horse", "The forge runs at 1200 degrees",
"My apprentice swings a 4 pound hammer", "The anvil weighs 150 pounds", "Forty horses on my books", "The
bellows face north", "Mrs Hale wants 3 iron irises on her railing", "Made the chain of office, 40 links of
it"), whose patter is set aside around the one request it carries. Read only in a question that carries one
of the smith's markers below (a blacksmith, farrier or smithy, the forge, anvil, bellows, slack tub, tongs
and fire irons, the hammer weighed or swung, horses shod or counted, nails a shoe and horseshoes, quenching,
coke and coal smoke, work wrought or forged in iron, a chain's links), so any other question ("the iron ore
exports", "nail down the top 5", "a hammer of a year", "the horse power", "forge ahead", "a shoe shop",
"the steel price", "Apple's share price", "a tuning key", "a clean scale") reads exactly as before:
- a sentence or clause of the forge that asks nothing comes off whole (worker.planner.voice_asides): the
  forge's degrees, the hammer's and anvil's pounds and a handle's inches are no unit or threshold; the
  nails, shoes, horses, scrolls and links counted no limit or threshold; the forge's month, the horses'
  day and the hour the fire is banked no period, day or hour; the anvil's and the ore's country and a
  customer's town no country; gold leaf, silver solder and bronze bushes no medal; a logo hammered for a
  company no company; the bellows facing north and the door west no direction;
- an order for the forge ("Mrs Hale wants 3 iron irises") asks nothing of the data;
- a lead-in while the smith works ("While the iron heats,") and a hand-over after the patter ("Now,",
  "Anyway -") are the request's start; a "that year" points back to the year the patter told.
A choice left to someone ("whichever you reckon is fairer"), two charts and a sentence opening with a
request's verb are the request's and stay. What the request itself asks that the data lacks (horses shod
per district, the most skilled ironworkers, tips at an hour, a sum in Australian dollars) is left as it is
and refused downstream. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.voice_asides import REQUEST_VERBS, set_aside
from worker.semantic import SemanticModel

__all__ = ["unsmith"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a\s+dozen)"
)
_METAL = r"(?:iron|steel|brass|copper|bronze|pewter)"
_WORK = (
    r"(?:gates?|railings?|scrolls?|finials?|hinges?|horseshoes?|shoes|nails|blades?|tongs|pokers?|irises"
    r"|roses|brackets?|hooks?|chains?|links)"
)
# Marks the smith alone makes. Not "iron", "steel", "hammer", "shoe", "horse", "nail", "coal", "chain",
# "spark" or "fire" alone (the iron ore exports, nail down the top 5, a shoe shop, horse power, a chain of
# events, the spark of a rally, fire off a chart): they are the smith's beside the forge's other words.
_MARKS = (
    rf"(?:black|lock)?smith(?:s|y|ies|ing|{_Q}s)?|farriers?|blacksmiths?|anvils?|bellows|slack\s+tub"
    r"|(?:the|my|our|a)\s+forge|forge\s+(?:runs|sat|fire|is|was|gets)|forged\s+(?:my|a|an|the|it|them)"
    r"|hammered\s+(?:a|an|the|it|out)|(?:\d+|a|the|my)[\s-]+pound\s+hammer|my\s+hammer|swings?\s+a\s+"
    r"(?:\w+\s+){0,2}?hammer|quench(?:ed|es|ing)?\s+(?:the|a|it)|horseshoes?|(?:shod|shoe|shoeing)\s+a"
    r"\s+(?:big\s+)?(?:horse|pony|mare|cob|\w+dale|hunter)|shod|needing\s+new\s+shoes|threw\s+a\s+shoe"
    rf"|nails\s+a\s+shoe|shoes\s+a\s+horse|{_SAID}\s+horses|horses\s+(?:booked|on\s+my\s+books)"
    r"|fire\s+irons|tongs|the\s+coke|coal\s+smoke|bank\s+the\s+fire|wrought(?:\s+iron)?"
    rf"|(?:in|of)\s+{_METAL}\s+for|{_METAL}\s+{_WORK}|iron\s+ore\s+from|{_SAID}\s+links|chain\s+of\s+office"
    r"|sheet\s+steel|silver\s+solder|gold\s+leaf|bronze\s+bush\w*|cast\s+bushings"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the forge: a sentence or clause with one that asks nothing is the smith's. One that opens with a
# request's verb ("Chart the horses I shod"), leaves a choice to someone ("whichever you reckon") or asks for
# a chart per something is the request's, and stays refused. Not "iron", "steel", "gold", "scale" or "key"
# alone.
_FORGE = re.compile(
    rf"^(?!.*\bwhichever\b)(?!\W*(?:{REQUEST_VERBS})\b)"
    r"(?!.*\b(?:bars?|lines?|slices?|colou?rs?)\s+(?:per|for\s+each)\b)"
    rf".*?\b(?:{_MARKS}|forge|hammer|horses?|shoes?|nails|ore|charcoal|coal|coke|sparks?|fire|chimney"
    r"|apprentice|hunters?|draught|door|scrolls|finials|links|chain|lad|customer|fellow|bellows)\b",
    _I | re.DOTALL,
)
# What the forge tells that would read as asking, in a sentence that asks nothing else: an order for the
# forge ("wants 3 iron irises on her railing").
_TOLD = re.compile(
    rf"\b(?:wants?|needs?|ordered|asked\s+for|would\s+like)\s+(?:\w+\s+){{0,2}}?(?:{_METAL}\s+)?{_WORK}\b",
    _I,
)
_DOING = r"(?:heat\w*|forg\w*|hammer\w*|quench\w*|pump\w*|shoe\w*|shod|fire|bellows|anvil|iron)"
# A lead-in while the smith works, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:while|whilst|as|before|after)\s+(?:I|we|you|the)(?:{_Q}(?:m|re|ll|ve))?\s+"
    rf"[^,.!?:;]{{0,40}}?\b{_DOING}\b[^,.!?:;]{{0,30}}\s*[,:]\s*",
    _I,
)


def unsmith(text: str, model: SemanticModel) -> str:
    """`text` with a blacksmith's patter set aside around the request it carries; other text unchanged."""
    return set_aside(text, model, _VOICE, _TOLD, _LEAD_IN, _FORGE)
