"""A hairdresser at the chair ("Just a trim, or a number 2 on the sides?", "Foils in for 45 minutes, then a
gold toner", "Highlights, honey blonde", "The 3 o'clock perm is running late", "Ten clients before lunch on
Saturdays", "She wants a bob like in 1965, very Mary Quant", "A silver fox look, number 3 on top", "Tilt your
head to the left", "My scissors are Japanese, 6 inches", "The lady from Brazil tips in cash and books in
every 6 weeks"), whose patter is set aside around the one request it carries. Read only in a question that
carries one of the hairdresser's markers below (hair and the salon, a trim, a clipper grade on the sides or
top, a perm, a bob, a fringe, foils, toner, a head of highlights, a shade of blonde, a silver fox, a blow-dry,
scissors and clippers, the dryer or the basin, "tilt your head", the clients counted or "my client", a lady
or gentleman of the chair who tips in cash or books in), so any other question ("the pipe", "cut the
top 5", "coloured by smoker", "oil prices", "engine", "light", "Ford", "lunch only", "tips by day", "the
highlights of 2007", "a gentleman's tip") reads exactly as before:
- a sentence or clause of the salon that asks nothing comes off whole (worker.planner.voice_asides): a
  clipper grade ("number 2", "number 3 on top") is no limit, value or party size; minutes under foils and
  inches of a blade no threshold; the clients before lunch no count and their Saturday no day filter; a
  bob "like in 1965" no year; a client from Brazil, Japan, Sweden or Outremont no country, nation or
  district; "tips in cash" and "always 20 per cent" no tip or percentage; gold toner, silver streaks and a
  silver fox no medal; the scissors' price no price and their dollars no currency; a head tilted to the
  left and a fan blowing from the west no direction; irises in the window no dataset;
- the chair's own question to the client ("Just a trim?", "Two sugars in your tea?") asks nothing of the
  data and comes off, as the client's tip does;
- a lead-in while the colour takes ("While the foils are in,", "While you're under the dryer:") and a
  hand-over after the patter ("Meanwhile:", "Right then,") are the request's start.
A choice left to someone ("whichever the client in chair 3 prefers") is the request's and stays. What the
request itself asks that the data lacks (the haircuts of each day, the most glamorous species, reais, the
tips between 3 and 5) is left as it is and refused downstream, as are two charts. Text not recognised is
unchanged.
"""

from __future__ import annotations

import re

from worker.planner.story_scenes import tidy
from worker.planner.versus_names import names_of
from worker.planner.voice_asides import (
    ASKS,
    HANDOVER,
    request_read_in_year,
    untold,
    without_asides,
)
from worker.semantic import SemanticModel

__all__ = ["unhairdress"]

_I = re.IGNORECASE
_Q = r"['\u2019]"
_SAID = r"(?:\d+|a\s+dozen|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_WHO = r"(?:the\s+(?:lady|gentleman|gent)|(?:my|our|a)\s+(?:\w+\s+)?(?:client|regular))"
# The chair's client tipping ("The lady from Brazil tips in cash"): "tips" is the client's verb, no measure.
_TIPS = rf"{_WHO}\b[^.!?]{{0,40}}?\b(?:tips|tipped)\s+(?:me\b|in\s+cash|well|big|generously)"
# Marks the hairdresser alone makes. Not "cut", "colour", "top", "sides", "chair", "lunch" or "highlights"
# alone ("cut the top 5", "coloured by smoker", "the highlights of 2007"), "rollers" after "high", nor a tip
# without the chair's client ("a gentleman's tip").
_MARKS = (
    r"hair(?:cuts?|dressers?|dressing|do|dryer|spray|line)?|salons?|barbers?|perm(?:s|ed)?|toner|foils"
    r"|balayage|lowlights|blow[-\s]?dr(?:y|ied)|(?:half|full)[-\s]head\s+of\s+highlights|(?:a|the)\s+(?:quick\s+)?trim"
    r"|(?:a|her|his|your)\s+(?:short\s+|classic\s+)?bob|(?:her|his|your|a)\s+fringe|silver\s+fox"
    r"|(?:honey|ash|platinum|strawberry|dirty)\s+blonde|brunette|scissors|clippers|curlers|(?:in|hair)\s+rollers"
    r"|number\s+\d\s+(?:on\s+(?:the\s+)?(?:sides|top|back)|all\s+over)|tilt\s+your\s+head|split\s+ends"
    rf"|under\s+the\s+dryer|at\s+the\s+(?:basin|backwash)|shampoo(?:ed)?|{_SAID}\s+clients|(?:my|our)\s+"
    rf"(?:\w+\s+)?clients?|clients?\s+(?:in\s+the\s+chair|before\s+lunch)|books\s+in\s+every|{_TIPS}"
    r"|(?:while|whilst|as)\s+(?:the|your|her|his)\s+(?:colour|toner|dye|bleach|perm)\s+(?:takes|develops|sets)"
)
# The voice: nothing below is read in a question without one of these.
_VOICE = re.compile(rf"\b(?:{_MARKS})\b", _I)
# Words of the salon: a sentence or clause with one that asks nothing is the hairdresser's. A choice left
# to someone ("whichever the client in chair 3 prefers") is the request's, and stays refused.
_SALON = re.compile(
    rf"^(?!.*\bwhichever\b).*?\b(?:{_MARKS}|hair|trim|cut|sides|top|fringe|bob|highlights|blonde|colour"
    r"|streak|clip|look|style|fox|chair|clients?|lady|gentleman|booked|books|appointment|running\s+late"
    r"|o'clock|tea|coffee|sugars?|cups?|head|tilt|fan|mirror|window|magazine|holiday|weekend|minutes"
    r"|inches|scissors|cost|mary\s+quant|sassoon|twiggy)\b",
    _I | re.DOTALL,
)
# What asks beyond voice_asides' ASKS: an operation on the data. A sentence of the salon without one asks
# nothing, whatever data words it names ("the price keeps going up"). "Per cent" is the client's tip.
_OPERATES = re.compile(
    r"\b(?:average|mean|median|total|sum|count|number\s+of|per(?!\s+cent)|each|split|by|versus|vs|top\s+\d"
    r"|bottom|most|least|highest|lowest|rank\w*|sorted|only|chart\w*|since|between|share|histogram|scatter)\b",
    _I,
)
# The client's wish is the salon's ("She wants a bob"), no request of the data.
_WISH = re.compile(
    r"\b(?:wants?|needs?|would\s+like)\s+(?=(?:a|an|it|her|his|the\s+same)\b[^.!?]{0,30}\b(?:bob|trim|cut|perm"
    r"|fringe|colour|highlights|look|style|short|number\s+\d)\b)",
    _I,
)
# A lead-in while the colour takes, then the request.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[.!?:])\s+)(?:while|whilst|as)\s+(?:the\s+|your\s+|that\s+|it\s+|you{_Q}re\s+|I\s+)?"
    r"[^,.!?:;]{0,30}?\b(?:colour|foils|toner|dye|perm|dryer|conditioner|rollers|curlers|bleach|develops?"
    r"|sets?|takes?|processes|processing|dries|drying)\b[^,.!?:;]{0,15}\s*[,:]\s*",
    _I,
)


def unhairdress(text: str, model: SemanticModel) -> str:
    """`text` with a hairdresser's patter set aside around the request; other text unchanged."""
    if not _VOICE.search(text):
        return text
    names = names_of(model)
    told = tidy(text)
    read = untold(_LEAD_IN.sub(" ", told).strip(), _told)
    read = tidy(HANDOVER.sub("", without_asides(read, _SALON, names)))
    if read == told:
        return text
    return request_read_in_year(text, read, told, model)


def _told(sentence: str) -> bool:
    """Whether `sentence` is the salon's (its talk, a client's tip, the chair's question), asking nothing."""
    plain = _WISH.sub("", sentence).rstrip(" ?")
    return bool(_SALON.search(sentence) and not ASKS.search(plain) and not _OPERATES.search(plain))
