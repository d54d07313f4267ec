"""An archaeologist at the dig ("Trench 3, layer 7: a Roman coin from the 1st century AD!", "Finds bag
42", "We've dug 2 metres down by the north wall", "Carbon-dated to 1450 BC", "This hearth fed 6 people", "The
pottery sherds are in drawer 12", "The pollen cores show irises grew here", "Trench 12 is 58 metres long",
"The spoil heap is 3 metres high", "The site in Egypt closes for lunch at noon"), whose patter is set aside
around the one request it carries. Read only in a question that carries one of the dig's markers below (a
trench, a numbered layer, a finds bag, the dig, an excavation, carbon dating, a year BC or AD, a coin, brooch,
sherd, hearth, pollen core, trowel or spoil heap, an archaeologist), so any other question ("the top layer of
the chart", "dig into the tips", "the 20th century", "a gold medal", "the site's visitors") reads exactly as
before:
- a sentence of the dig before the request that asks nothing comes off whole, though it names the data's
  words (the trench wall's east wind no direction, irises in a pollen core no species, "older than any of
  Montreal's 58 districts" no district), and so does a clause of the dig in the request
  (worker.planner.voice_asides): trench, layer, bag and drawer numbers are labels and no limit or value;
  depths and lengths in metres no threshold or unit; "1450 BC", "the 1952 season" and the lab in March no
  year or period; "fed 6 people" and "6 trenches" no party size or limit; a gold ring, bronze brooch and
  silver coins no medal; "running east to west" and wind-blown sand no direction; lunch at the site no meal;
  the site's country no filter; what a core "shows" is a find, not a chart asked for;
- a lead-in at the request's start ("Back at the dig house,", "While the trench dries,") hands over to it;
- a request that points back to the patter's year ("in that year") asks for that year, refused when the data
  lacks it ("1450 BC").
A choice left to someone ("whichever the site director likes") is the request's and stays. What the request
itself asks that the data lacks (the coins found in each trench, Italy's medals, the wind on the day a trench
opened) is left as it is and refused downstream, as are two charts. Text not recognised is unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import ASKS, request_read, untold, without_asides, year_pointed_back
from worker.semantic import SemanticModel

__all__ = ["undig"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_ERA = r"(?:BC|BCE|AD|CE)"
# Marks the archaeologist alone makes. Not "layer" or "dig" alone ("the top layer", "dig into the tips"),
# nor a century without its era ("the 20th century"), nor "gold" or "silver" alone (the medals').
_MARKS = (
    rf"trench(?:es)?|layers?\s+\d+|finds?\s+(?:bags?|trays?|room|tent)|dig\s+(?:house|site|season|team)"
    rf"|(?:the|our|this)\s+dig|(?:dug|digging)\s+(?:\d+|a|an|one|two|three)\s+(?:\w+\s+)?(?:down|deep)"
    rf"|excavat\w+|(?:radio)?carbon[- ]dat\w+|\d+(?:st|nd|rd|th)?\s+(?:century\s+)?(?-i:{_ERA})"
    rf"|(?:roman|greek|bronze|silver|gold|copper|ancient)\s+coins?|coins?\s+hoard|brooch(?:es)?"
    r"|(?:pot|pottery)\s*sherds|potsherds|sherds|hearths?|pollen\s+cores?|trowels?|spoil\s+heap"
    r"|stratigraph\w*|strata|archaeolog\w*|artefacts?|artifacts?|amphora[es]?|test\s+pits?"
    r"|the\s+site\s+in\s+(?-i:[A-Z])\w+"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# What asks beyond voice_asides' ASKS: an operation on the data. A sentence or clause of the dig without
# one asks nothing, whatever data words it names ("the east wind", "irises grew here", "58 districts"),
# and a choice left to someone ("whichever the site director likes") is the request's.
_OPERATES = (
    r"average|mean|median|total|sum|count|number\s+of|per|each|split|broken\s+down|versus|vs|top|bottom|most"
    r"|least|highest|lowest|rank\w*|sorted|only|asks?|asked|requests?|chart\w*|between|share|whichever"
)
# Words of the dig: a sentence or clause with one that asks nothing is the archaeologist's.
_DIG = re.compile(
    rf"^(?!.*\b(?:{_OPERATES})\b).*?\b(?:{_MARKS}|dig|dug|digging|layer|finds?|bags?|drawers?|site|lab|coins?|rings?"
    r"|pottery|pots?|bones?|seeds?|pollen|cores?|sand|soil|walls?|metres?|meters?|deep|century|season|era"
    r"|roman|ancient|older|carbon|dated|buried|unearthed|yielded|found|shelters?|collapsed"
    r"|notes|mention\w*|laid\s+down|grew\s+here|fed\s+\d+|long|running)\b",
    _I | re.DOTALL,
)
# A find "shows" what the dig learnt: no chart asked for ("The pollen cores from Trench 3 show irises ...").
_FIND_SHOWS = re.compile(
    r"\b(?:cores?|samples?|finds?|layers?|strata|soil|sherds|bones|records?|notes|dating|results?|tests?)"
    r"(?:\s+(?:from|of|in)\s+[^.!?,;:]{1,40}?)?\s+(?:show(?:s|ed|n)?|reveal\w*|suggest\w*)\b",
    _I,
)
# A lead-in at the request's start: the dig's place or work going on meanwhile.
_LEAD_IN = re.compile(
    r"(?:^|(?<=[.!?:])\s+)(?:(?:back\s+)?(?:at|in)\s+the\s+(?:dig\s+house|site\s+(?:hut|office)|finds\s+"
    r"(?:room|tent)|lab|trench)|(?:while|as|before|after)\s+(?:the|I|we)\s+[^,.!?:;]{0,30}?\b(?:trench\w*|dig"
    r"\w*|sieve\w*|finds|layer|sherds|soil)\b[^,.!?:;]{0,20})\s*[,:]\s*",
    _I,
)
_YEAR = re.compile(rf"\b\d{{3,4}}(?:\s+(?-i:{_ERA}))?\b")


def undig(text: str, model: SemanticModel) -> str:
    """`text` with an archaeologist's patter set aside around the request it carries; other text unchanged."""
    if not _VOICE.search(text):
        return text
    told = tidy(_LEAD_IN.sub(" ", tidy(text)))
    request = tidy(without_asides(untold(told, _told), _DIG, names_of(model)))
    if request == tidy(text):
        return text
    return request_read(text, year_pointed_back(request, told, _YEAR), model)


def _told(sentence: str) -> bool:
    """Whether `sentence` tells of the dig, asking nothing of the data."""
    plain = _FIND_SHOWS.sub(" ", sentence)
    return bool(_DIG.search(plain) and not ASKS.search(plain))
